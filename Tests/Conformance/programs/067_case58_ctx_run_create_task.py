# SEMANTICS §5 case 58: ctx.run(asyncio.create_task, coro) -- the task copies ctx.
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def child():
    print('child sees', V.get())
    V.set('child')

async def main():
    V.set('main')
    ctx = contextvars.copy_context()
    ctx.run(V.set, 'in ctx')
    t = ctx.run(asyncio.create_task, child())
    await t
    print(V.get(), ctx[V])

asyncio.run(main())
