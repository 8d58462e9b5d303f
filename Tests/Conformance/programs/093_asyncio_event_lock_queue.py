# asyncio.Event, Lock and Queue between tasks.
import asyncio

async def waiter(ev, name, log):
    log.append(f'{name} waiting')
    await ev.wait()
    log.append(f'{name} woke')

async def locked_worker(lock, name, log):
    async with lock:
        log.append(f'{name} in')
        await asyncio.sleep(0)
        log.append(f'{name} out')

async def producer(q):
    for i in range(3):
        await q.put(i)
    await q.put(None)

async def consumer(q, got):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        got.append(item)

async def main():
    log = []
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n, log)) for n in ('w1', 'w2')]
    await asyncio.sleep(0)
    print(ev.is_set(), log)
    ev.set()
    await asyncio.gather(*tasks)
    print(ev.is_set(), log)
    ev.clear()
    print(ev.is_set())

    log = []
    lock = asyncio.Lock()
    await asyncio.gather(*(locked_worker(lock, n, log) for n in ('a', 'b', 'c')))
    print(log, lock.locked())
    await lock.acquire()
    print(lock.locked())
    lock.release()

    q = asyncio.Queue()
    got = []
    await asyncio.gather(producer(q), consumer(q, got))
    print(got, q.empty(), q.qsize())
    bounded = asyncio.Queue(maxsize=1)
    bounded.put_nowait('x')
    print(bounded.full())
    try:
        bounded.put_nowait('y')
    except asyncio.QueueFull:
        print('QueueFull')
    print(bounded.get_nowait())
    try:
        bounded.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    await q.join()
    print('joined')

asyncio.run(main())
