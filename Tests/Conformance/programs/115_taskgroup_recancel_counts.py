# Cancellation counting in TaskGroup and timeout (cancelling()/uncancel(), CPython 3.13).
# A: a task cancelled while it waits in TaskGroup.__aexit__ whose child then fails: __aexit__
# un-cancels and re-cancels the parent before raising the ExceptionGroup (gh-116720), so the
# parent that catches the group is cancelled again at its next await and ends cancelled (twice
# cancelled: the count stays 2). B, C: cancelled in the body; a child's failure cancels the
# parent, which the group un-cancels. D, E: a timeout around a group: the TimeoutError is put
# into the failing child's context chain (Timeout._insert_timeout_error), or replaces the
# CancelledError. F: a task that swallows its cancellation and uncancels. Timeout reprs.
import asyncio

async def fails_when_cancelled(tag):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        raise ValueError(f'{tag} failed while cancelled')

async def fails_soon(delay=0.01):
    await asyncio.sleep(delay)
    raise KeyError('soon')

def show(label, t):
    print(label, 'done' if t.done() else 'pending', 'cancelled' if t.done() and t.cancelled() else '', t.cancelling())

async def waiting_in_aexit():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails_when_cancelled('a'))
    except ExceptionGroup as eg:
        print('A caught', repr(eg), asyncio.current_task().cancelling())
    try:
        await asyncio.sleep(0)
        print('A: not cancelled again')
    except asyncio.CancelledError:
        print('A: the re-cancel arrives at the next await')
        raise
    return 'A result'

async def cancelled_in_body():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails_soon(0.2))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print('B caught', repr(eg), asyncio.current_task().cancelling())
    return 'B result'

async def child_fails_first():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails_soon())
            await asyncio.sleep(1)
    except ExceptionGroup:
        print('C caught, cancelling =', asyncio.current_task().cancelling())
    await asyncio.sleep(0)
    return 'C result'

async def timeout_around_group():
    try:
        async with asyncio.timeout(0.02) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fails_when_cancelled('d'))
                await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print('D caught', repr(eg), cm.expired(), asyncio.current_task().cancelling())
        print('D context', repr(eg.exceptions[0].__context__), repr(eg.exceptions[0].__context__.__context__))
    return 'D result'

async def group_inside_timeout_expires():
    try:
        async with asyncio.timeout(0.02) as cm:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(asyncio.sleep(1))
                await asyncio.sleep(1)
    except TimeoutError as e:
        print('E timeout', repr(e), cm.expired(), asyncio.current_task().cancelling(), repr(cm))
    return 'E result'

async def swallowing_parent():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('F swallowed, cancelling =', asyncio.current_task().cancelling())
        print('F uncancel ->', asyncio.current_task().uncancel())
    await asyncio.sleep(0)
    return 'F result'

async def run(coro_fn, cancel_after=None, twice=False):
    t = asyncio.create_task(coro_fn())
    if cancel_after is not None:
        await asyncio.sleep(cancel_after)
        t.cancel()
        if twice:
            t.cancel()
    try:
        print(' ->', await t)
    except asyncio.CancelledError:
        print(' -> cancelled')
    show(' ', t)

async def main():
    await run(waiting_in_aexit, 0.01)
    await run(waiting_in_aexit, 0.01, twice=True)
    await run(cancelled_in_body, 0.01)
    await run(child_fails_first)
    await run(timeout_around_group)
    await run(group_inside_timeout_expires)
    await run(swallowing_parent, 0.01)
    await run(swallowing_parent, 0.01, twice=True)
    print(repr(asyncio.timeout(None)), repr(asyncio.timeout(1)))
    async with asyncio.timeout(10) as cm:
        print(repr(cm).startswith('<Timeout [active] when='))
    print(repr(cm))

asyncio.run(main())
