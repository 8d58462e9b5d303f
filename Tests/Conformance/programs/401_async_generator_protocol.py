# The async generator protocol, with CPython's reprs and error texts: __anext__/asend/athrow/
# aclose awaitables (one-shot), StopAsyncIteration at the end, "already running" errors while a
# step is suspended, aclose() of a generator that yields again, PEP 479's async twin, the
# TypeErrors of async for/aiter/anext, anext's default, and athrow/aclose of finished generators.
import asyncio
async def gen():
    yield 1
g = gen()
print(g)
print(type(g).__name__, g.__name__, g.__qualname__, g.ag_running, g.ag_await)
async def main():
    a = g.__anext__()
    print(await a)
    try: await a
    except Exception as e: print(type(e).__name__, e)
    try: await g.__anext__()
    except BaseException as e: print(type(e).__name__, e)
    try: await g.__anext__()
    except BaseException as e: print(type(e).__name__, e)
    print(await g.aclose())
    async def h():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    x = h()
    await x.__anext__()
    try: await x.aclose()
    except BaseException as e: print(type(e).__name__, e)
    async def k():
        await asyncio.sleep(0)
        yield 1
    y = k()
    t = asyncio.ensure_future(y.__anext__())
    await asyncio.sleep(0)
    try: await y.__anext__()
    except BaseException as e: print(type(e).__name__, e)
    try: await y.aclose()
    except BaseException as e: print(type(e).__name__, e)
    try: await y.athrow(ValueError)
    except BaseException as e: print(type(e).__name__, e)
    print(await t)
    try:
        async for i in 5: pass
    except BaseException as e: print(type(e).__name__, e)
    class A:
        def __aiter__(self): return 1
    try:
        async for i in A(): pass
    except BaseException as e: print(type(e).__name__, e)
    class B:
        def __aiter__(self): return self
        def __anext__(self): return 1
    try:
        async for i in B(): pass
    except BaseException as e: print(type(e).__name__, e)
    try: anext(5)
    except BaseException as e: print(type(e).__name__, e)
    try: aiter(5)
    except BaseException as e: print(type(e).__name__, e)
    try: aiter(A())
    except BaseException as e: print(type(e).__name__, e)
    async def r():
        raise StopAsyncIteration
        yield
    try: await r().__anext__()
    except BaseException as e: print(type(e).__name__, e, repr(e.__cause__))
    async def r2():
        raise StopIteration
        yield
    try: await r2().__anext__()
    except BaseException as e: print(type(e).__name__, e, repr(e.__cause__))
    print(await anext(r(), 'dflt') if False else 'skip')
    z = gen()
    print(await anext(z, 'd'), await anext(z, 'd'))
    try: await anext(z)
    except BaseException as e: print(type(e).__name__, repr(e))
    print(type(anext(z, 1)).__name__)
    print([i async for i in gen()], {i async for i in gen()}, {i: i async for i in gen()})
    ge = (i async for i in gen())
    print(ge)
    print([i async for i in ge])
    try: await gen().asend(1)
    except BaseException as e: print(type(e).__name__, e)
    w = gen(); await w.__anext__()
    try: await w.athrow(KeyError('k'))
    except BaseException as e: print(type(e).__name__, e)
    try: await w.athrow(KeyError('k'))
    except BaseException as e: print(type(e).__name__, e)
    print(await w.aclose())
asyncio.run(main())
async def main2():
    w = gen(); await w.__anext__()
    try: await w.athrow(KeyError('k'))
    except BaseException as e: print(1, type(e).__name__, e)
    try: print(2, await w.athrow(KeyError('k')))
    except BaseException as e: print(2, type(e).__name__, e)
    try: print(3, await w.asend(None))
    except BaseException as e: print(3, type(e).__name__, e)
    w = gen()
    try: print(4, await w.athrow(KeyError('k')))
    except BaseException as e: print(4, type(e).__name__, e)
    try: print(5, await w.athrow(KeyError('k')))
    except BaseException as e: print(5, type(e).__name__, e)
    w = gen()
    async for x in w: pass
    try: print(6, await w.athrow(KeyError('k')))
    except BaseException as e: print(6, type(e).__name__, e)
    print(7, await w.aclose())
    async def bad():
        raise ValueError('v')
        yield
    w = bad()
    try: print(8, await w.__anext__())
    except BaseException as e: print(8, type(e).__name__, e)
    try: print(9, await w.__anext__())
    except BaseException as e: print(9, type(e).__name__, e)
    try: print(10, await w.athrow(KeyError))
    except BaseException as e: print(10, type(e).__name__, e)
    print(11, await w.aclose())
asyncio.run(main2())
async def main3():
    async def agen():
        yield 1
    a = agen()
    print(type(a.__anext__()).__name__, type(a.aclose()).__name__, type(a.athrow(ValueError)).__name__)
    print(a.__aiter__() is a, aiter(a) is a, a.ag_running)
    async def echo():
        received = []
        try:
            while True:
                v = yield len(received)
                received.append(v)
        finally:
            print("echo received", received)
    e = echo()
    print(await e.asend(None), await e.asend("a"), await e.asend("b"))
    await e.aclose()
    async def catches():
        try:
            yield 1
        except ValueError as err:
            print("caught inside", repr(err))
            yield "after-throw"
    c = catches()
    await anext(c)
    print(await c.athrow(ValueError("thrown")))
    try:
        await c.athrow(ValueError)
    except ValueError as err:
        print("propagated", repr(err))
    try:
        await anext(c)
    except StopAsyncIteration:
        print("exhausted")
asyncio.run(main3())
