# SEMANTICS §5 case 19 (and §1.8): ContextVar reprs; default=None is shown.
from contextvars import ContextVar

class R:
    def __repr__(self):
        return 'R!'

print(repr(ContextVar('r', default=None)))
print(repr(ContextVar('r')))
print(ContextVar('d', default=42))
print(ContextVar('s', default='x'))
print(ContextVar("n'q"))
print(ContextVar('x', default=R()))
s = ContextVar('s')
print(str(s) == repr(s))
