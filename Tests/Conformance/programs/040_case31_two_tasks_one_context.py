# SEMANTICS §5 case 31 (and §2.3): two tasks sharing one Context see each other's writes.
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def a():
    V.set('a1')
    print('a set a1')
    await asyncio.sleep(0)
    print('a sees', V.get())

async def b():
    print('b sees', V.get())
    V.set('b1')
    print('b set b1')
    await asyncio.sleep(0)
    print('b sees', V.get())

async def main():
    ctx = contextvars.Context()
    t1 = asyncio.create_task(a(), context=ctx)
    t2 = asyncio.create_task(b(), context=ctx)
    await t1
    await t2
    print(ctx[V], V.get())

asyncio.run(main())
