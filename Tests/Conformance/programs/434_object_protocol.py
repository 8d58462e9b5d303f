# The object protocol (issues 14, 15, 16): __slots__ enforced, __getattribute__ with __getattr__ and
# object.__getattribute__, __await__ on user classes (an awaitable that sets a ContextVar, one over a
# Future, one over a coroutine, CPython's errors), async context managers, functools.singledispatch
# (annotations, unions, ABCs) and singledispatchmethod.
import asyncio
class S:
    __slots__ = ("x",)
s = S(); s.x = 1
try:
    s.y = 2
except AttributeError as e:
    print(e)
try:
    print(S().x)
except AttributeError as e:
    print(e)
class G:
    def __getattribute__(self, name):
        if name == "magic": return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"missing {name}"
g = G(); g.real = 1
print(g.magic, g.real, g.other)
class Aw:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "awaited"
class ACM:
    async def __aenter__(self): print("enter"); return self
    async def __aexit__(self, *a): print("exit"); return False
async def main():
    print(await Aw())
    async with ACM() as c:
        print(type(c).__name__)
asyncio.run(main())
import functools
@functools.singledispatch
def fmt(x): return f"obj {x}"
@fmt.register
def _(x: int): return f"int {x}"
@fmt.register(list)
def _(x): return f"list {len(x)}"
print(fmt(1), fmt([1, 2]), fmt("s"), fmt(True))
class T:
    __slots__ = ("a", "__dict__")
t = T(); t.a = 1; t.b = 2; print(t.a, t.b)
class U(S):
    pass
u = U(); u.z = 3; print(u.z)
try:
    vars(S())
except TypeError as e:
    print(e)
try:
    S().__dict__
except AttributeError as e:
    print(e)
class Tracking:
    def __init__(self): self.hits = []
    def __getattribute__(self, name):
        if not name.startswith("_") and name != "hits":
            object.__getattribute__(self, "hits").append(name)
        return super().__getattribute__(name)
    def ping(self): return "pong"
tr = Tracking(); print(tr.ping(), tr.hits)
try:
    tr.nothing
except AttributeError as e:
    print(e, tr.hits)
from collections.abc import Mapping, Sequence
@functools.singledispatch
def render(x):
    return "default"
@render.register
def _(x: Mapping):
    return "mapping " + ",".join(sorted(x))
@render.register
def _(x: int | float):
    return f"number {x}"
@render.register(Sequence)
def _(x):
    return f"sequence of {len(x)}"
print(render({"b": 1, "a": 2}), render(1.5), render([1, 2]), render("abc"), render(None), render.dispatch(bool).__name__)
print(sorted(k.__name__ for k in render.registry), render.__name__)
try:
    render()
except TypeError as e:
    print(e)
try:
    render.register(1, lambda x: x)
except TypeError as e:
    print(e)
class Formatter:
    @functools.singledispatchmethod
    def fmt(self, arg):
        return "obj"
    @fmt.register
    def _(self, arg: int):
        return f"int {arg}"
    @fmt.register
    def _(self, arg: str):
        return f"str {arg}"
print(Formatter().fmt(1), Formatter().fmt("x"), Formatter().fmt(1.0))

import asyncio, contextvars
var = contextvars.ContextVar("var", default="-")
class Aw:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        var.set(self.v)
        return f"awaited {self.v} in {var.get()}"
class FutureLike:
    def __init__(self):
        self.fut = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_soon(self.fut.set_result, 42)
    def __await__(self):
        return self.fut.__await__()
class CoroWrap:
    async def _run(self):
        await asyncio.sleep(0)
        return var.get()
    def __await__(self):
        return self._run().__await__()
class Bad:
    def __await__(self): return 1
class BadYield:
    def __await__(self):
        yield 42
async def main():
    var.set("main")
    print(await Aw(1), var.get())
    print(await FutureLike(), await CoroWrap())
    for obj in (Bad(),):
        try:
            await obj
        except TypeError as e:
            print(e)
    try:
        await BadYield()
    except RuntimeError as e:
        print(e)
asyncio.run(main())

# ensure_future, gather and wait_for wrap a class with __await__ in a Task (_wrap_awaitable)

class Aw2:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.v * 2
async def main2():
    print(await asyncio.gather(Aw2(1), Aw2(2)))
    f = asyncio.ensure_future(Aw2(3))
    print(type(f).__name__, await f)
    print(await asyncio.wait_for(Aw2(4), 1))
    try:
        asyncio.create_task(Aw2(5))
    except TypeError as e:
        print(e)
asyncio.run(main2())
