# A typo in a method of a built-in type: the message names the C type as CPython does
# ('_asyncio.Task'), and the traceback suggests the closest public attribute.
import asyncio


async def work():
    return 42


async def main():
    task = asyncio.create_task(work())
    await task
    print(task.result())
    print(task.resut())


asyncio.run(main())
