# SEMANTICS §5 case 35: interleaving of two tasks that each await sleep(0) once.
import asyncio

order = []

async def w(n):
    order.append(f'w{n}a')
    await asyncio.sleep(0)
    order.append(f'w{n}b')

async def main():
    t1 = asyncio.create_task(w(1))
    t2 = asyncio.create_task(w(2))
    order.append('main')
    await t1
    order.append('main after t1')
    await t2
    order.append('main after t2')
    print(order)

asyncio.run(main())
