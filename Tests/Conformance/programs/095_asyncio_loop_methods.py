# get_running_loop: call_soon (with args, order), call_later/call_at ordering, time() differences,
# loop.create_task, run_in_executor (default executor), Handle.cancel.
import asyncio

log = []

def cb(*args):
    log.append(args)

def blocking(a, b):
    return a + b

async def coro():
    log.append('task ran')
    return 'task value'

async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_running_loop(), loop.is_running())
    t0 = loop.time()
    loop.call_later(0.03, cb, 'later 0.03')
    loop.call_at(t0 + 0.01, cb, 'at +0.01')
    loop.call_later(0.02, cb, 'later 0.02')
    loop.call_soon(cb, 'soon', 1)
    loop.call_soon(cb, 'soon', 2)
    h = loop.call_soon(cb, 'cancelled')
    h.cancel()
    t = loop.create_task(coro(), name='loop task')
    print(t.get_name(), log)
    await asyncio.sleep(0)
    print(log)
    await asyncio.sleep(0.05)
    print(log)
    print(round(loop.time() - t0, 1) >= 0.0, await t)
    print(await loop.run_in_executor(None, blocking, 2, 3))
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'future result')
    print(await fut, fut.done())

asyncio.run(main())
