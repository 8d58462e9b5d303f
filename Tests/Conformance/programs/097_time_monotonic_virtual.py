# time.monotonic and loop.time: only differences are printed, rounded (ctxlab's clock is virtual;
# these must print the slept durations).
import asyncio
import time

async def main():
    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    l0 = loop.time()
    await asyncio.sleep(0.3)
    t1 = time.monotonic()
    print(round(t1 - t0, 1), round(loop.time() - l0, 1))
    await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0.2))
    print(round(time.monotonic() - t1, 1))
    a = time.monotonic()
    b = time.monotonic()
    print(b >= a, round(b - a, 1))

asyncio.run(main())
