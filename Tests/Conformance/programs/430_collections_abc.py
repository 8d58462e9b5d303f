# collections.abc (issues 15, 16), after Lib/_collections_abc.py: isinstance/issubclass through
# __subclasshook__ and the registered built-in types, the mixin methods of Mapping, MutableMapping and
# Sequence (a request-scoped MutableMapping held in a ContextVar), abstract-method errors, and the
# typing aliases that stand for these classes.
import collections.abc
from collections.abc import Mapping, MutableMapping, Sequence, Iterable, Iterator, Callable, Awaitable, Hashable, Sized, Container, Set, Coroutine, Generator, AsyncIterator, MutableSequence, KeysView
import asyncio, contextvars
print(isinstance({}, Mapping), isinstance({}, MutableMapping), isinstance([], Sequence), isinstance((), MutableSequence))
print(isinstance("s", Sequence), isinstance(1, Iterable), isinstance(iter([]), Iterator), isinstance(len, Callable), isinstance(print, Callable))
print(isinstance(lambda: 0, Callable), isinstance(int, Callable), isinstance(1, Hashable), isinstance([], Hashable), isinstance(object(), Hashable))
print(issubclass(dict, Mapping), issubclass(list, Sized), issubclass(set, Set), isinstance(frozenset(), Set), isinstance({}.keys(), KeysView))
async def co(): pass
c = co()
def gen(): yield 1
print(isinstance(c, Coroutine), isinstance(c, Awaitable), isinstance(gen(), Generator), isinstance(gen(), Iterator))
c.close()
class Registry(MutableMapping):
    """A request-scoped mapping kept in a ContextVar."""
    def __init__(self): self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
current = contextvars.ContextVar("current")
async def handle(n):
    r = Registry()
    current.set(r)
    r["id"] = n
    r.update(user=f"u{n}")
    await asyncio.sleep(0)
    print(n, dict(current.get()), current.get().get("user"), "id" in current.get(), len(current.get()), current.get().setdefault("x", 1))
    print(current.get().pop("x"), current.get().popitem(), list(current.get().items()), current.get() == {"id": n})
async def main():
    await asyncio.gather(handle(1), handle(2))
asyncio.run(main())
try:
    Mapping()
except TypeError as e:
    print(e)
class Half(Mapping):
    def __getitem__(self, k): return 1
try:
    Half()
except TypeError as e:
    print(e)
class Seq(Sequence):
    def __init__(self, *a): self.a = a
    def __getitem__(self, i): return self.a[i]
    def __len__(self): return len(self.a)
s = Seq(1, 2, 3, 2)
print(list(s), 2 in s, list(reversed(s)), s.index(2), s.count(2), isinstance(s, Iterable), isinstance(s, Sequence))
class Duck:
    def __iter__(self): return iter([])
    def __len__(self): return 0
    def __contains__(self, x): return False
print(isinstance(Duck(), collections.abc.Collection), isinstance(Duck(), collections.abc.Reversible), Mapping, collections.abc.Set.__module__)
print(Iterable[int], Callable[[int], str], list(Registry.__abstractmethods__))
class Ait:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration
print(isinstance(Ait(), AsyncIterator), isinstance(asyncio.sleep(0), Awaitable) if False else None)
print(isinstance(asyncio.get_running_loop, Callable), isinstance(contextvars.copy_context, Callable))
import typing
print(isinstance([], typing.Iterable), issubclass(dict, typing.Mapping), isinstance(len, typing.Callable), typing.get_origin(typing.Iterable[int]), typing.AbstractSet.__origin__, typing.ContextManager.__origin__)
try: typing.Iterable()
except TypeError as e: print(e)
class X(typing.Iterable[int]):
    def __iter__(self): return iter([1])
print(X.__mro__, list(X()), isinstance(X(), typing.Iterable))
try: isinstance([], typing.Iterable[int])
except TypeError as e: print(e)
print(typing.Callable.__origin__, typing.Callable[[int], str].__origin__, typing.Mapping[str, int], typing.Callable[..., None])

# match statements: a Sequence subclass and a class registered as a Sequence are sequences (Py_TPFLAGS_SEQUENCE)
from collections.abc import Sequence, Mapping
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
class Seq(Sequence):
    def __init__(self, *a): self.a = a
    def __getitem__(self, i): return self.a[i]
    def __len__(self): return len(self.a)
class Reg: pass
Sequence.register(Reg)
def f(x):
    match x:
        case Color.RED: return "red"
        case Color(): return "other color"
        case [a, b]: return f"pair {a} {b}"
        case {"k": v}: return f"map {v}"
        case _: return "no"
print(f(Color.RED), f(Color.GREEN), f(Seq(1, 2)), f((1, 2)), f({"k": 3}))
try:
    f(Reg())
except TypeError as e:
    print(e)
class M(Mapping):
    def __getitem__(self, k): return {"k": 9}[k]
    def __iter__(self): return iter(["k"])
    def __len__(self): return 1
print(f(M()))
