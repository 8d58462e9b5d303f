# SEMANTICS §5 case 40: call_soon captures a copy of the context when it is called.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

def cb(tag):
    print(tag, 'sees', V.get())
    V.set('set in cb')

async def main():
    loop = asyncio.get_running_loop()
    V.set('set in task')
    loop.call_soon(cb, 'cb1')
    V.set('changed after call_soon')
    loop.call_soon(cb, 'cb2')
    await asyncio.sleep(0)
    print('task sees', V.get())

asyncio.run(main())
