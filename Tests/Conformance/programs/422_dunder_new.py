# A class's own __new__ (type_call, object_new in Objects/typeobject.c): a per-context singleton
# keyed by a ContextVar, __new__ returning something else (then __init__ does not run),
# super().__new__ up a chain, object.__new__(cls) to make an instance without __init__, and
# object.__new__'s errors.
import contextvars

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

tenant = contextvars.ContextVar('tenant', default='public')

class Connection:
    _pool = {}
    def __new__(cls, *args, **kwargs):
        key = (cls.__name__, tenant.get())
        if key not in cls._pool:
            print('  new connection for', key)
            cls._pool[key] = super().__new__(cls)
        return cls._pool[key]
    def __init__(self, dsn):
        self.dsn = dsn  # runs on every call, on the pooled instance

a = Connection('db://a')
b = Connection('db://b')
ctx = contextvars.copy_context()
c = ctx.run(lambda: (tenant.set('acme'), Connection('db://acme'))[1])
print(a is b, a is c, a.dsn, c.dsn, sorted(Connection._pool))

class Reading:
    def __new__(cls, value):
        if value is None:
            return 'no reading'   # not an instance: __init__ is not run
        return super().__new__(cls)
    def __init__(self, value):
        print('  init', value)
        self.value = value
print(Reading(None), Reading(3).value, type(Reading(4)).__name__)

class Base:
    def __new__(cls, *args):
        print('  Base.__new__', cls.__name__, args)
        return object.__new__(cls)
class Child(Base):
    def __new__(cls, *args):
        print('  Child.__new__', args)
        self = super().__new__(cls, *args)
        self.tag = 'child'
        return self
x = Child(1, 2)
print(type(x).__name__, x.tag, isinstance(x, Base))

class Point:
    def __init__(self, x, y):
        print('  __init__ ran')
        self.x, self.y = x, y
p = object.__new__(Point)
p.__dict__.update(x=1, y=2)
print(type(p).__name__, vars(p), Point.__new__ is object.__new__)

class OnlyNew:
    def __new__(cls, n):
        obj = super().__new__(cls)
        obj.n = n
        return obj
print(OnlyNew(5).n)

class Plain:
    pass
check('plain with args', lambda: Plain(1))
check('object.__new__ of int', lambda: object.__new__(int))
check('not a type', lambda: object.__new__(3))
check('no arguments', lambda: object.__new__())
check('excess to object.__new__', lambda: Child.__mro__ and Base.__new__.__class__ and object.__new__(Child, 1))
check('excess, __init__ only', lambda: type(object.__new__(Point, 1, 2)).__name__)
