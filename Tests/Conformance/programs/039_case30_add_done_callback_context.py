# SEMANTICS §5 case 30: a done callback runs in a copy of the context at add_done_callback time.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    V.set('at add_done_callback')
    fut.add_done_callback(lambda f: print('callback sees', V.get(), f.result()))
    V.set('at set_result')
    fut.set_result(42)
    await asyncio.sleep(0)
    done = loop.create_future()
    done.set_result(1)
    V.set('added to a done future')
    done.add_done_callback(lambda f: print('callback sees', V.get()))
    V.set('later')
    await asyncio.sleep(0)

asyncio.run(main())
