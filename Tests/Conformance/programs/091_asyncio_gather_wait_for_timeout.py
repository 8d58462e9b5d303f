# gather (order of results, return_exceptions, first error), wait_for (result, TimeoutError,
# cancellation of the inner coroutine), asyncio.timeout.
import asyncio

async def val(n, delay=0):
    await asyncio.sleep(delay)
    return n

async def boom(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def slow(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append('slow cancelled')
        raise

async def main():
    print(await asyncio.gather(val(1, 0.02), val(2), val(3, 0.01)))
    print(await asyncio.gather())
    print(await asyncio.gather(val('a'), boom('x'), return_exceptions=True))
    try:
        await asyncio.gather(val('a'), boom('first'))
    except ValueError as e:
        print('gather raised', e)
    print(await asyncio.wait_for(val('in time', 0.01), timeout=1))
    log = []
    try:
        await asyncio.wait_for(slow(log), timeout=0.05)
    except TimeoutError as e:
        print('wait_for timed out', type(e).__name__, log)
    try:
        async with asyncio.timeout(0.05):
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout() expired')
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print('timeout() not expired', cm.expired())
    async with asyncio.timeout(None):
        print('no deadline')

asyncio.run(main())
