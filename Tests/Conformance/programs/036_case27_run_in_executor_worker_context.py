# SEMANTICS §5 case 27: run_in_executor does not propagate the context; a worker thread keeps its
# own context between jobs.
import asyncio
import concurrent.futures
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

def job(n):
    seen = V.get()
    V.set('set in worker')
    return n, seen

async def main():
    V.set('main')
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        print(await loop.run_in_executor(pool, job, 1))
        print(await loop.run_in_executor(pool, job, 2))
    print(V.get())

asyncio.run(main())
