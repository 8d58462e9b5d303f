# TaskGroup: results, contexts of children, an error in one child cancels the other and is raised
# as an ExceptionGroup; nothing left at __aexit__.
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def child(n, delay):
    await asyncio.sleep(delay)
    V.set(f'child {n}')
    return n, V.get()

async def failing():
    await asyncio.sleep(0.01)
    raise KeyError('bad child')

async def sleeper(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append('sleeper cancelled')
        raise

async def main():
    V.set('main')
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child(1, 0.02))
        t2 = tg.create_task(child(2, 0), name='second')
        t3 = tg.create_task(child(3, 0), context=contextvars.Context())
    print(t1.result(), t2.result(), t2.get_name(), t3.result(), V.get())
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(log))
            tg.create_task(failing())
    except ExceptionGroup as eg:
        print(repr(eg), [repr(e) for e in eg.exceptions], log)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing())
            raise RuntimeError('body failed')
    except ExceptionGroup as eg:
        print(str(eg), sorted(type(e).__name__ for e in eg.exceptions))
    async with asyncio.TaskGroup():
        pass
    print('empty group done')

asyncio.run(main())
