# SEMANTICS §5 case 28: to_thread runs the function in a copy of the caller's context.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

def job():
    seen = V.get()
    V.set('set in thread')
    return seen

async def main():
    V.set('main')
    print(await asyncio.to_thread(job), V.get())

asyncio.run(main())
