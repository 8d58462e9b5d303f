# SEMANTICS §5 case 7: a token from another context; from another var and another context.
from contextvars import ContextVar, Context, copy_context

W = ContextVar('W')
X = ContextVar('X')
t = W.set(1)
ctx = copy_context()
try:
    ctx.run(W.reset, t)
except ValueError as e:
    print('ValueError:', e)
try:
    Context().run(X.reset, t)
except ValueError as e:
    print('ValueError:', e)
try:
    X.reset(t)
except ValueError as e:
    print('ValueError:', e)
W.reset(t)
print(W.get('absent'))
