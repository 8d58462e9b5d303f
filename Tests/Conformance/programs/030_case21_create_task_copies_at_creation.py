# SEMANTICS §5 case 21: create_task copies the context when the task is created.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

async def child():
    print('child sees', V.get())

async def main():
    V.set('main')
    t = asyncio.create_task(child())
    V.set('after create_task')
    await t
    print('main sees', V.get())

asyncio.run(main())
