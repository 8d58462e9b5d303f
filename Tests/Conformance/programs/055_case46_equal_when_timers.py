# SEMANTICS §5 case 46: timers with the same `when` do not run in FIFO order (heapq order).
import asyncio

order = []

async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.01
    for i in range(12):
        loop.call_at(when, order.append, i)
    loop.call_at(when - 0.005, order.append, 'earlier')
    await asyncio.sleep(0.05)
    print(order)

asyncio.run(main())
