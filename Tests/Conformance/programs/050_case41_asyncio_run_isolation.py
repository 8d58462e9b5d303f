# SEMANTICS §5 case 41: asyncio.run's main task runs in a copy; nothing leaks out.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')
V.set('module')

async def main():
    print('main sees', V.get())
    V.set('set in main')
    return V.get()

print(asyncio.run(main()))
print(V.get())
