# Cancelling a task that waits on itself through gather() recurses: Task.cancel cancels the gather,
# the gather cancels its child, the same task, and so on until RecursionError (ctxlab walks the
# chain with its own stack and raises where CPython does). Nothing is cancelled; the task has
# counted the requests. Resolving the gather by hand breaks the cycle and lets the program end.
import asyncio

async def main():
    me = asyncio.current_task()
    g = asyncio.gather(me)

    async def canceller():
        await asyncio.sleep(0.01)
        try:
            me.cancel()
        except RecursionError as e:
            print('RecursionError:', e)
        print('cancelling() > 0:', me.cancelling() > 0, 'done:', me.done(), 'gather done:', g.done())
        g.set_result(['broken out'])

    c = asyncio.create_task(canceller())
    print('main got', await g)
    await c

    async def a():
        return await ga

    async def b():
        return await ta

    ta = asyncio.create_task(a())
    tb = asyncio.create_task(b())
    ga = asyncio.gather(tb)
    await asyncio.sleep(0.01)
    try:
        tb.cancel()
    except RecursionError as e:
        print('RecursionError:', e)
    print(ta.done(), tb.done(), ta.cancelling() > 0, tb.cancelling() > 0)
    ga.set_result('cycle broken')
    print(await tb)
    print(ta.cancelling() == tb.cancelling())

asyncio.run(main())
