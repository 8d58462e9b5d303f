# SEMANTICS §5 case 12: Context as a mapping -- missing key, non-ContextVar key, get().
from contextvars import ContextVar, Context

W = ContextVar('W')
try:
    Context()[W]
except KeyError as e:
    print('KeyError:', e)
try:
    Context()['k']
except TypeError as e:
    print('TypeError:', e)
try:
    'k' in Context()
except TypeError as e:
    print('TypeError:', e)
print(Context().get(W, 'd'), Context().get(W))
try:
    Context().get(W, default=5)
except TypeError as e:
    print('TypeError:', e)
