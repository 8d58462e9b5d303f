# SEMANTICS §5 case 9: old_value is Token.MISSING when the var had no value in this context,
# even if it has a default.
from contextvars import ContextVar, Token

t = ContextVar('d', default=42).set(1)
print(t.old_value)
print(t.old_value is Token.MISSING)
print(type(Token.MISSING))
W = ContextVar('W')
W.set('a')
t2 = W.set('b')
print(t2.old_value, t2.var is W)
