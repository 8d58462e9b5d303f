# Timers scheduled one after another get strictly increasing deadlines because CPython's clock
# moves between the calls: four tasks sleeping the same 0.1 s wake in start order, four
# call_later(0, ...) run in registration order (ctxlab: the clock ticks 1 ns per read). Timers
# given one explicit `when` still pop in heapq order (055). Rounded differences print the slept
# durations; a sleep of 0.25 s shows as 0.3 (not 0.2, round-half-even of exactly 0.25) because
# time passes while the loop works.
import asyncio

async def worker(i, log):
    log.append(f'start {i}')
    await asyncio.sleep(0.1)
    log.append(f'woke {i}')
    await asyncio.sleep(0)
    log.append(f'after sleep(0) {i}')

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    log = []
    await asyncio.gather(*(worker(i, log) for i in range(4)))
    print(log)
    log = []
    tasks = [asyncio.create_task(worker(i, log)) for i in range(4)]
    for t in tasks:
        await t
    print(log)
    order = []
    for i in range(4):
        loop.call_later(0, order.append, i)
    for i in range(4, 8):
        loop.call_later(0.05, order.append, i)
    when = loop.time() + 0.07
    for i in range(8, 14):
        loop.call_at(when, order.append, i)
    await asyncio.sleep(0.1)
    print(order)
    print(round(loop.time() - start, 1))
    t0 = loop.time()
    await asyncio.sleep(0.25)
    print(round(loop.time() - t0, 1))
    t0 = loop.time()
    await asyncio.gather(asyncio.sleep(0.3), asyncio.sleep(0.1), asyncio.sleep(0.2))
    print(round(loop.time() - t0, 1), loop.time() > t0)

asyncio.run(main())
