# ThreadPoolExecutor.submit starts a worker when none is idle, and the new thread runs the job at
# once: run_in_executor has run it when it returns, while the task is still in its step, so
# ctx.run with the task's own context fails (the context is entered). An idle worker gets its
# job at the submitter's next GIL release: after the step, so the same ctx.run then works.
import asyncio
import contextvars
import threading
import time
from concurrent.futures import ThreadPoolExecutor

V = contextvars.ContextVar('V', default='dflt')
log = []

def job(tag):
    log.append((tag, threading.current_thread().name, V.get()))
    return tag

async def main():
    V.set('task value')
    loop = asyncio.get_running_loop()
    ex = ThreadPoolExecutor(max_workers=1, thread_name_prefix='pool')
    f = loop.run_in_executor(ex, job, 'first')
    print('after run_in_executor:', log)
    print(await f)
    print(await loop.run_in_executor(ex, job, 'second'), log)
    ex2 = ThreadPoolExecutor(max_workers=1, thread_name_prefix='other')
    ctx = asyncio.current_task().get_context()
    try:
        await loop.run_in_executor(ex2, ctx.run, job, 'in the task context')
    except RuntimeError as e:
        print('RuntimeError:', e)
    print(await loop.run_in_executor(ex2, ctx.run, job, 'idle worker, after the step'))
    print(log[2:])
    ex.shutdown()
    ex2.shutdown()

asyncio.run(main())
