# SEMANTICS §5 case 34: create_task(1) fails and does not consume a Task-N number.
import asyncio

async def noop():
    pass

async def main():
    try:
        asyncio.create_task(1)
    except TypeError as e:
        print('TypeError:', e)
    t = asyncio.create_task(noop())
    print(t.get_name())
    await t

asyncio.run(main())
