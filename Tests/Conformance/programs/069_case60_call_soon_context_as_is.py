# SEMANTICS §5 case 60: call_soon(cb, context=ctx) uses ctx as-is: a later change to ctx is seen.
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def main():
    loop = asyncio.get_running_loop()
    ctx = contextvars.copy_context()
    loop.call_soon(lambda: print('cb sees', V.get()), context=ctx)
    ctx.run(V.set, 'later value')
    await asyncio.sleep(0)
    print('task sees', V.get())

asyncio.run(main())
