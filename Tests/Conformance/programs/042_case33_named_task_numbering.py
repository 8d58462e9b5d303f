# SEMANTICS §5 case 33: since 3.13 create_task(c, name=...) does not consume a Task-N number.
import asyncio

async def noop():
    pass

async def main():
    print(asyncio.current_task().get_name())
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name='named')
    c = asyncio.create_task(noop())
    d = asyncio.get_running_loop().create_task(noop(), name='loop-named')
    e = asyncio.create_task(noop(), name=123)
    f = asyncio.create_task(noop())
    await asyncio.gather(a, b, c, d, e, f)
    print([t.get_name() for t in (a, b, c, d, e, f)])
    a.set_name('renamed')
    print(a.get_name())

asyncio.run(main())
