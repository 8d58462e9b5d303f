# SEMANTICS §5 case 5: a token can be used once.
from contextvars import ContextVar

W = ContextVar('W')
t = W.set(1)
W.reset(t)
try:
    W.reset(t)
except RuntimeError as e:
    print('RuntimeError:', e)
