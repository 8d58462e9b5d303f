# SEMANTICS §5 case 25: gather() wraps coroutines in tasks at call time.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

async def child(n):
    await asyncio.sleep(0)
    return n, V.get()

async def main():
    V.set('main')
    fut = asyncio.gather(child(1), child(2))
    V.set('after gather()')
    print(await fut)
    print(V.get())

asyncio.run(main())
