# SEMANTICS §5 case 13: Context() takes no arguments; ContextVar/Context/Token are final.
from contextvars import ContextVar, Context, Token

for make in (lambda: Context(1), lambda: Context(a=1), lambda: Context({})):
    try:
        make()
    except TypeError as e:
        print('TypeError:', e)
for base in (ContextVar, Context, Token):
    try:
        class Sub(base):
            pass
    except TypeError as e:
        print('TypeError:', e)
