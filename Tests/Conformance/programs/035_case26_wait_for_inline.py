# SEMANTICS §5 case 26: since 3.12 wait_for(coro, timeout) runs coro inline in the caller's task
# (shared context, no new Task); timeout <= 0 still makes a task.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

async def inner():
    V.set('inner')
    return asyncio.current_task().get_name()

async def main():
    V.set('main')
    me = asyncio.current_task().get_name()
    name = await asyncio.wait_for(inner(), 10)
    print(V.get(), name == me)
    name = await asyncio.wait_for(inner(), None)
    print(V.get(), name == me)

asyncio.run(main())
