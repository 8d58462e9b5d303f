# Function annotations (PEP 649, CPython 3.14): kept unevaluated in __annotate__ and evaluated on
# the first read of __annotations__, which is then kept; closures, methods, lambdas, wraps.
from typing import Optional
from contextvars import ContextVar
import functools
rid: ContextVar[Optional[str]] = ContextVar("rid", default=None)
def outer():
    Local = list
    def inner(a: Local[int], *args: str, b: "fwd" = 2, **kw: dict) -> Optional[Local]:
        return a
    return inner
g = outer()
print(g.__annotations__)
print(g.__annotations__ is g.__annotations__)
class C:
    def m(self, x: int) -> "C":
        return self
    async def am(self, y: [int, str]) -> None: ...
print(C.m.__annotations__, C.am.__annotations__, C().m.__annotations__)
def plain(x): pass
print(plain.__annotations__)
lam = lambda x: x
print(lam.__annotations__)
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        token = rid.set("r1")
        try:
            return fn(*a, **k)
        finally:
            rid.reset(token)
    return wrapper
@deco
def handler(n: int) -> str:
    return f"{rid.get()}:{n}"
print(handler(1), rid.get(), handler.__name__)
def h(x: [i for i in range(3)]): pass
print(h.__annotations__)
try:
    plain.__annotations__ = 3
except TypeError as e:
    print(e)
