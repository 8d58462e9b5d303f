# types.GenericAlias and types.UnionType (Objects/genericaliasobject.c, unionobject.c): list[int],
# ContextVar[str], int | None, their reprs, attributes, equality, hashing and isinstance rules,
# __class_getitem__ on a user class, and CPython's TypeErrors.
from contextvars import ContextVar, Token
import asyncio
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int])
print(int | None, list[int] | None, int | str | None, int | int, (int | str) == (str | int))
print(ContextVar[str], Token[int], asyncio.Queue[int], asyncio.Future[str], asyncio.Task[None])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a([1, 2]), a.__name__, type(a), type(int | str))
print((int | None).__args__, isinstance(3, int | str), isinstance(None, int | None), isinstance("x", int | None))
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    int[str]
except TypeError as e:
    print(e)
class C: pass
try:
    C[int]
except TypeError as e:
    print(e)
class G:
    def __class_getitem__(cls, item):
        return f"G of {item!r}"
print(G[int], G[int, str])
print({list[int]: 1}[list[int]], hash(int | str) == hash(str | int), list[int] == list[int], list[int] == list[str])
print(dict[str, C], list[[int, str]], list[...])
try:
    3 | "x"
except TypeError as e:
    print(e)
try:
    int | "str"
except TypeError as e:
    print(e)
rid: ContextVar[str | None] = ContextVar("rid", default=None)
print(__annotations__)
