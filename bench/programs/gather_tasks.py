# (c) 50,000 tasks that each set a variable, await asyncio.sleep(0), and are gathered.
import asyncio
import contextvars

var = contextvars.ContextVar("var", default=-1)


async def worker(i):
    var.set(i)
    await asyncio.sleep(0)
    return var.get()


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(50_000)))
    print(len(results), sum(results), var.get())


asyncio.run(main())
