# SEMANTICS §5 case 1: W.get() with no value and no default raises LookupError(var);
# str(e) is the var's repr. The program ends with the same error uncaught.
from contextvars import ContextVar

W = ContextVar('W')
try:
    W.get()
except LookupError as e:
    print(type(e).__name__, e.args == (W,), e.args[0] is W)
    print(str(e) == repr(W))
    print(e)
print(isinstance(LookupError(), Exception), issubclass(KeyError, LookupError))
W.get()
print("not reached")
