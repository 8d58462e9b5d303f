# SEMANTICS §5 case 18: ContextVar's constructor: name is positional-only and must be a str.
from contextvars import ContextVar

for make in (lambda: ContextVar('x', 1), lambda: ContextVar(b'x'), lambda: ContextVar(1),
             lambda: ContextVar(), lambda: ContextVar(name='x'),
             lambda: ContextVar('x', default=1, foo=2)):
    try:
        make()
    except TypeError as e:
        print('TypeError:', e)
v = ContextVar('x', default=1)
print(v.name, v.get())
try:
    v.name = 'z'
except AttributeError as e:
    print('AttributeError:', e)
