# SEMANTICS §5 case 24: `await ctx.run(child)` runs the body in the caller's task context.
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def child():
    old = V.get()
    V.set('child')
    return old

async def main():
    V.set('main')
    ctx = contextvars.copy_context()
    print(await ctx.run(child))
    print(V.get(), ctx[V])

asyncio.run(main())
