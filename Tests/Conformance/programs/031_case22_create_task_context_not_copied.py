# SEMANTICS §5 case 22: create_task(..., context=ctx) runs in ctx itself (no copy).
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def child():
    V.set('child')

async def main():
    V.set('main')
    ctx = contextvars.copy_context()
    await asyncio.create_task(child(), context=ctx)
    print(V.get(), ctx[V], V.get())

asyncio.run(main())
