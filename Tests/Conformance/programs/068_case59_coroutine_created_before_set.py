# SEMANTICS §5 case 59: the context is taken when the task is created, not the coroutine.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

async def child():
    print('child sees', V.get())

async def main():
    coro = child()
    V.set('x')
    await asyncio.create_task(coro)

asyncio.run(main())
