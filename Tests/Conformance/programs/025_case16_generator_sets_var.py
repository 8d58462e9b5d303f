# SEMANTICS §5 case 16: a generator runs in its caller's context, so its set leaks.
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

def gen():
    V.set('from generator')
    yield 1
    yield V.get()

print(V.get())
print(list(gen()))
print(V.get())
