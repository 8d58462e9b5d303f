# SEMANTICS §5 case 36: awaiting an already-done task does not suspend.
import asyncio

order = []

async def quick():
    return 'r'

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t.done())
    loop.call_soon(order.append, 'cb')
    r = await t
    order.append('after await done task')
    await asyncio.sleep(0)
    order.append('after sleep0')
    print(r, order)

asyncio.run(main())
