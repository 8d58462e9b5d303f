# SEMANTICS §5 case 23: a coroutine awaited directly shares the caller's context.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

async def child():
    V.set('child')

async def main():
    V.set('main')
    print(V.get())
    await child()
    print(V.get())

asyncio.run(main())
