# Non-finite delays: sleep(nan) raises when awaited (3.13); call_later/call_at keep inf, -inf and
# huge deadlines; a nan deadline compares false with everything, so it is due as soon as the
# loop runs with something ready; -inf and negative sleeps only yield; an infinite timeout never
# fires but does not hold up what finishes.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.sleep(float('nan'))
    except ValueError as e:
        print('sleep(nan):', e)
    coro = asyncio.sleep(float('nan'))
    print('not raised before it runs:', type(coro).__name__)
    try:
        await coro
    except ValueError as e:
        print('raised when awaited:', e)
    for v in (float('inf'), float('-inf'), 1e300, -1e300):
        h = loop.call_later(v, print, 'never printed')
        print(h.when(), h)
        h.cancel()
        print(h)
    h = loop.call_at(float('nan'), print, 'the nan timer ran')
    print(h.when(), h)
    await asyncio.sleep(0)
    print('after sleep(0)')
    await asyncio.sleep(float('-inf'))
    await asyncio.sleep(-5)
    print('negative sleeps only yield', round(loop.time() - t0, 1))
    print(await asyncio.wait_for(asyncio.sleep(0.1, 'wait_for(timeout=inf)'), timeout=float('inf')))
    async with asyncio.timeout(float('inf')) as cm:
        await asyncio.sleep(0.1)
    print('timeout(inf):', cm.expired(), cm.when())
    async with asyncio.timeout_at(float('inf')):
        print('timeout_at(inf) entered')
    never = loop.call_later(float('inf'), print, 'never printed')
    await asyncio.sleep(0.05)
    print(never.cancelled(), round(loop.time() - t0, 1))
    try:
        async with asyncio.timeout(float('-inf')):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout(-inf) expires at once', round(loop.time() - t0, 1))

asyncio.run(main())
print('the pending inf timer does not keep asyncio.run from returning')
