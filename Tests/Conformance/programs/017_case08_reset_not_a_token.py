# SEMANTICS §5 case 8: reset() with something that is not a Token.
from contextvars import ContextVar

W = ContextVar('W')
for arg in ('not a token', 1, None):
    try:
        W.reset(arg)
    except TypeError as e:
        print('TypeError:', e)
try:
    W.reset()
except TypeError as e:
    print('TypeError:', e)
