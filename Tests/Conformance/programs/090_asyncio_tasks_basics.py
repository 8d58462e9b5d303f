# asyncio.run, create_task (name=), sleep (with result), current_task, all_tasks, iscoroutine, and
# the Task methods get_name/done/result/exception/cancel/cancelled/get_context.
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def work(n):
    await asyncio.sleep(0)
    return n * 2

async def fail():
    await asyncio.sleep(0)
    raise ValueError('task failed')

async def forever():
    await asyncio.sleep(3600)

async def main():
    me = asyncio.current_task()
    print(me.get_name(), me.done())
    coro = work(1)
    print(asyncio.iscoroutine(coro), asyncio.iscoroutine(work), type(coro).__name__)
    t = asyncio.create_task(coro, name='worker')
    f = asyncio.create_task(fail())
    s = asyncio.create_task(forever())
    print(t.get_name(), f.get_name(), s.get_name(), t.done())
    print(sorted(task.get_name() for task in asyncio.all_tasks()))
    print(await t, t.done(), t.result(), t.exception(), t.cancelled())
    try:
        await f
    except ValueError as e:
        print('awaited failure:', e)
    print(f.done(), repr(f.exception()), f.cancelled())
    try:
        f.result()
    except ValueError as e:
        print('result() raises', repr(e))
    print(s.cancel(), s.cancelled(), s.done())
    try:
        await s
    except asyncio.CancelledError:
        print('awaited cancelled task:', s.cancelled(), s.done(), s.cancel())
    try:
        s.result()
    except asyncio.CancelledError as e:
        print('result() of cancelled raises', type(e).__name__)
    print(await asyncio.sleep(0.01, 'sleep result'))
    V.set('main')
    print(t.get_context() is not me.get_context(), t.get_context().get(V), me.get_context()[V])
    pending = asyncio.create_task(work(5))
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError:', e)
    await pending
    print(sorted(task.get_name() for task in asyncio.all_tasks()))
    return 'main result'

print(asyncio.run(main()))
