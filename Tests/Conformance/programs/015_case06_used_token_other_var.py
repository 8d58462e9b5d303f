# SEMANTICS §5 case 6: precedence -- a used token given to another var reports "already used".
from contextvars import ContextVar

W = ContextVar('W')
X = ContextVar('X')
t = W.set(1)
W.reset(t)
try:
    X.reset(t)
except (RuntimeError, ValueError) as e:
    print(type(e).__name__ + ':', e)
