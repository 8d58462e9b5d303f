"""object's own methods as attributes (object.__eq__, super().__repr__(), instance.__hash__),
special methods that are not functions (a callable object set as __len__ is called without the
instance; a staticmethod or classmethod is bound through its __get__), and isinstance through a
__class__ property (typeobject.c lookup_maybe_method, object_richcompare; abstract.c
object_isinstance)."""
import functools


class Plain:
    pass


p = Plain()
print(p.__eq__(p), p.__eq__(1), p.__ne__(p), p.__ne__(1), p.__lt__(p))
print(object.__eq__(p, p), object.__ne__(p, 2), object.__ge__(p, p))
print(object.__repr__(p) == repr(p), str(p) == repr(p), p.__str__() == repr(p))
print(p.__hash__() == hash(p), object.__hash__(p) == hash(p))
print(p.__format__(''), format(p, '') == str(p))
try:
    p.__format__('>10')
except TypeError as e:
    print(e)
print(object.__sizeof__(p), sorted(n for n in p.__dir__() if not n.startswith('__'))[:3])
print(Plain.__lt__ is object.__lt__, Plain.__eq__ is object.__eq__, Plain.__repr__ is object.__repr__)
print(repr(object.__eq__), repr(object.__format__))
print(type(p).__name__, repr(p.__eq__).startswith("<method-wrapper '__eq__' of Plain object at 0x"))
print(repr(p.__format__).startswith("<built-in method __format__ of Plain object at 0x"))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y}) via {super().__repr__()[:15]}"

    def __eq__(self, other):
        if not isinstance(other, Point):
            return super().__eq__(other)
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y)) ^ (super().__hash__() & 0)


a, b = Point(1, 2), Point(1, 2)
print(repr(a), a == b, a != b, a == 3, a != 3, hash(a) == hash(b))
print(a.__ne__(b), a.__ne__(3), {a: 'first'}[b])


@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n


print(Version(1) < Version(2), Version(3) >= Version(2), Version(2) <= Version(2), Version(5) > Version(9))


class Counter:
    calls = []

    def __call__(self, *args):
        Counter.calls.append(args)
        return 3


class Sized:
    __len__ = Counter()
    __bool__ = staticmethod(lambda: False)
    __contains__ = classmethod(lambda cls, item: (cls.__name__, item) == ('Sized', 4))


s = Sized()
print(len(s), bool(s), 4 in s, 5 in s, Counter.calls)


class Spec:
    pass


class Pretender:
    @property
    def __class__(self):
        return Spec


t = Pretender()
print(t.__class__.__name__, type(t).__name__, isinstance(t, Spec), isinstance(t, Pretender),
      isinstance(t, (int, Spec)), issubclass(type(t), Spec))


# review finds: module functions as special methods, object.__ne__ recursion, a MagicMock in arithmetic,
# a bound method's __call__/__get__, a raising __length_hint__, asyncio.iscoroutinefunction of an AsyncMock
from unittest.mock import MagicMock, AsyncMock
import asyncio
class L:
    __len__ = len
try: len(L())
except TypeError as e: print(e)
class A2:
    __eq__ = object.__ne__
try: A2().__ne__(1)
except RecursionError as e: print("RecursionError")
mm2 = MagicMock()
print(type(mm2 + 1).__name__, type(mm2 * 2).__name__)
mm2.__add__.return_value = 42
print(mm2 + 1, mm2.mock_calls[-1])
class C2:
    def m(self): return ('m', type(self).__name__)
print(C2().m.__call__(), C2().m.__get__(None, C2)())
class H:
    def __iter__(self): return iter([1, 2])
    def __length_hint__(self): raise TypeError
print(list(H()), object.__ne__(1, 2), asyncio.iscoroutinefunction(AsyncMock()))
class P2:
    @property
    def __class__(self): raise AttributeError
print(isinstance(P2(), int))
