# SEMANTICS §5 case 4: resets are not LIFO; a token restores the state it saw.
from contextvars import ContextVar

W = ContextVar('W')
t1 = W.set(1)
t2 = W.set(2)
print(t1.old_value, t2.old_value)
W.reset(t1)
try:
    W.get()
except LookupError:
    print('LookupError after reset(t1)')
W.reset(t2)
print(W.get())
