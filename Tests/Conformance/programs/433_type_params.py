# PEP 695 (issue 15): generic functions and classes (`def f[T]`, `class Box[T]`, bounds, constraints and
# 3.13 defaults evaluated lazily, __type_params__, Generic as the last base, plain __qualname__s), type
# aliases (`type X[K] = …`, lazy __value__), a generic coroutine storing a Box in a ContextVar, `type` as a name.
import asyncio, contextvars
from typing import TypeVar

def first[T](items: list[T]) -> T:
    return items[0]
def pick[T: (int, str), U = bytes](x: T, y: U = b"") -> T:
    return x
print(first([3, 2]), first.__type_params__, first.__qualname__, first.__annotations__, pick.__type_params__)
T0, U0 = pick.__type_params__
print(T0.__constraints__, T0.__bound__, U0.__default__, type(T0), T0.__name__, first.__type_params__[0].__default__)

class Box[T]:
    """A box."""
    def __init__(self, item: T):
        self.item = item
    def map[U](self, f) -> "Box[U]":
        return Box(f(self.item))
    def __repr__(self):
        return f"Box({self.item!r})"
print(Box.__type_params__, Box.__mro__, Box.__orig_bases__, Box.map.__qualname__, Box.map.__type_params__, Box[int], Box.__doc__)
print(Box(2).map(str), Box.__qualname__, Box.__init__.__qualname__)

type Alias[K] = dict[K, int]
type Plain = list[int]
type Later = Undefined
print(Alias, Alias.__value__, Alias.__type_params__, Plain.__value__, type(Plain), Alias[str], Plain.__module__, Plain.__name__)
try:
    Plain[int]
except TypeError as e:
    print(e)
try:
    Later.__value__
except NameError as e:
    print(e)

current = contextvars.ContextVar[Box[int]]("current")
async def worker[T](item: T) -> T:
    current.set(Box(item))
    await asyncio.sleep(0)
    return current.get().item
async def main():
    print(await asyncio.gather(worker(1), worker("two")), worker.__type_params__)
asyncio.run(main())

def outer():
    def inner[T](x: T) -> T:
        return x
    return inner
print(outer().__qualname__, outer()(5))
type = 3
print(type)
del type
def bounded[T: Later](x): pass
print(bounded.__type_params__[0].__name__)
