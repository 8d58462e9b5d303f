# SEMANTICS §5 case 20: a token's repr before and after use.
from contextvars import ContextVar

W = ContextVar('W')
t = W.set(1)
print(t)
W.reset(t)
print(t)
print(repr(t).startswith('<Token used var=<ContextVar'))
