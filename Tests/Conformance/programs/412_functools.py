# functools (ctxlab's Lib/functools.py after CPython's, with partial and reduce from the native
# _functools): wraps on a decorator that sets and resets a ContextVar around each call (its
# __wrapped__, __name__, __doc__ and __dict__ copied), lru_cache's hits, misses, eviction order,
# typed keys and cache_clear, an lru_cache'd function called inside ctx.run (the cache is shared,
# the context is not), cache, cached_property, total_ordering, cmp_to_key, partialmethod.
import contextvars, functools

current_user = contextvars.ContextVar('current_user', default='anonymous')

def as_user(name):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            token = current_user.set(name)
            try:
                return func(*args, **kwargs)
            finally:
                current_user.reset(token)
        return wrapper
    return decorator

@as_user('alice')
def whoami(greeting='hi'):
    "Say who runs this."
    return f'{greeting} {current_user.get()}'
whoami.__dict__['tag'] = 'kept'

print(whoami(), current_user.get(), whoami.__name__, whoami.__qualname__, whoami.__doc__, whoami.__module__)
print(whoami.__wrapped__.__name__, whoami.__wrapped__('raw'), whoami.__dict__ == {'tag': 'kept', '__wrapped__': whoami.__wrapped__})

def tagged(f):
    f.role = 'admin'
    return f

@functools.wraps(tagged(lambda: None), assigned=('__name__',), updated=())
def plain():
    "plain doc"
print(plain.__name__, plain.__doc__, hasattr(plain, 'role'), plain.__wrapped__.role)
def target():
    pass
target.extra = 1
def wrapper_fn():
    pass
print(functools.update_wrapper(wrapper_fn, target) is wrapper_fn, wrapper_fn.extra, wrapper_fn.__name__,
      functools.WRAPPER_UPDATES)

calls = []

@functools.lru_cache(maxsize=2)
def lookup(key):
    calls.append((key, current_user.get()))
    return f'{key}@{current_user.get()}'

print(lookup('a'), lookup('a'), lookup.cache_info())
ctx = contextvars.copy_context()
ctx.run(current_user.set, 'bob')
print(ctx.run(lookup, 'b'), ctx.run(lookup, 'a'), lookup('b'), calls)
lookup('c')
print(lookup.cache_info(), lookup('a'), calls[-1], lookup.cache_info())
info = lookup.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], list(info), type(info).__name__)
hits, misses, maxsize, currsize = info
print(hits, misses, info == (hits, misses, maxsize, currsize), isinstance(info, tuple), type(info), info._asdict())
print(lookup.cache_parameters(), lookup.__name__, lookup.__wrapped__.__name__, repr(lookup)[:36])
lookup.cache_clear()
print(lookup.cache_info())

@functools.lru_cache(typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(1.0), kind(True), kind.cache_info())

@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.cache_info())

@functools.lru_cache(maxsize=None)
def kw(a, b=0):
    return a + b
print(kw(1, b=2), kw(1, 2), kw(a=1, b=2), kw.cache_info())

@functools.lru_cache(maxsize=0)
def never(x):
    return x
print(never(1), never(1), never.cache_info())
print(functools.lru_cache(maxsize=-1)(abs).cache_info())

@functools.cache
def square(x):
    return x * x
print(square(4), square(4), square.cache_info())

class Counter:
    def __init__(self):
        self.computed = 0

    @functools.cached_property
    def value(self):
        self.computed += 1
        return 'v' + current_user.get()

c = Counter()
print(contextvars.copy_context().run(lambda: (current_user.set('carol'), c.value)[1]), c.value, c.computed, c.__dict__)
del c.value
print(c.value, c.computed, type(Counter.value).__name__, Counter.value.attrname)

@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f'V{self.n}'

print(Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2), sorted([Version(3), Version(1)]),
      Version.__gt__.__name__)

def compare(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(compare)), sorted('bca', key=functools.cmp_to_key(lambda a, b: compare(b, a))))
key = functools.cmp_to_key(compare)
print(key(1) < key(2), key(2) == key(2), key(3).obj, type(key).__name__)

class Cell:
    def __init__(self):
        self.state = None
    def set_state(self, value):
        self.state = value
    set_on = functools.partialmethod(set_state, True)

cell = Cell()
cell.set_on()

class Repo:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f'Repo({self.name!r})'
    @functools.lru_cache(maxsize=4)
    def fetch(self, key):
        return f'{self.name}:{key}:{current_user.get()}'

repo = Repo('main')
print(repo.fetch, repo.fetch('k'), contextvars.copy_context().run(repo.fetch, 'k'), Repo.fetch.cache_info(),
      Repo.fetch(repo, 'k'), type(Repo.fetch).__name__, cell.set_on.__self__ is cell)
print(cell.state, functools.partial(pow, 2)(5), functools.reduce(lambda a, b: a * b, range(1, 6)),
      functools.reduce(lambda a, b: a + b, [], 'empty'))

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

check('lru float', lambda: functools.lru_cache(1.5))
check('lru str', lambda: functools.lru_cache('a'))
check('lru call', lambda: functools.lru_cache()(1))
check('cache call', lambda: functools.cache(1))
check('unhashable', lambda: lookup([1]))
check('cmp other', lambda: key(1) < 2)
check('cmp_to_key', lambda: functools.cmp_to_key())
check('total_ordering', lambda: functools.total_ordering(Cell))
check('reduce', lambda: functools.reduce(lambda a, b: a + b, []))
check('reduce args', lambda: functools.reduce(len))
