# A task (or future) that failed and whose exception nobody retrieved logs "Task exception was
# never retrieved" through the loop's exception handler when it is destroyed (futures.py
# Future.__del__). ctxlab reports at the points where ordinary programs' tasks die: when
# asyncio.run's main coroutine ends (its locals go) and, for what globals hold, at the end of the
# program (Loop/Unretrieved.swift). Retrieving (await, result(), exception(), gather, TaskGroup)
# clears it; asyncio.wait() does not; a cancelled task has nothing to log. The handler set here
# prints the reports. A task a global holds is not reported when main ends: the program can still
# retrieve it (and does, so nothing is reported at exit either: CPython's report from its
# finalization can fail, as logging is torn down by then).
#
# (In CPython a caught exception anywhere in main's chain of awaits keeps main's frame alive in a
# reference cycle until the garbage collector runs, which moves its reports to the end of the
# program: the retrieving cases run in an asyncio.run of their own.)
import asyncio

held = []


def report(loop, context):
    print("handler:", context["message"], sorted(context), repr(context["exception"]))


async def failing(tag, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(tag)


async def retrieving():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(report)
    print(loop.get_exception_handler() is report)
    awaited = asyncio.create_task(failing("awaited"))
    try:
        await awaited
    except ValueError as e:
        print("caught", e)
    print(await asyncio.gather(failing("gathered"), return_exceptions=True))
    try:
        await asyncio.gather(failing("first"), failing("second"))
    except ValueError as e:
        print("gather raised", e)
    asked = asyncio.create_task(failing("asked"))
    await asyncio.sleep(0.01)
    print("asked:", repr(asked.exception()), repr(asked.result) is not None)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(failing("grouped"))
    except ExceptionGroup as eg:
        print("group:", eg.exceptions)
    loop.call_exception_handler({"message": "by hand", "exception": None, "extra": 1})
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print(e)
    print("retrieving ends")


async def unretrieved():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(report)
    done, pending = await asyncio.wait([asyncio.create_task(failing("waited"))])
    print("wait:", len(done), len(pending))
    cancelled = asyncio.create_task(failing("cancelled", 1))
    await asyncio.sleep(0)
    cancelled.cancel()
    fut = loop.create_future()
    fut.set_exception(KeyError("a plain future"))
    with_cb = asyncio.create_task(failing("with a callback"))
    with_cb.add_done_callback(lambda t: print("callback sees", t.done()))
    in_list = [asyncio.create_task(failing("in a local list"))]
    held.append(asyncio.create_task(failing("held by a global")))
    await asyncio.sleep(0.01)
    loop.set_exception_handler(None)
    print(loop.get_exception_handler())
    loop.set_exception_handler(report)
    print("unretrieved ends")


asyncio.run(retrieving())
print("between the runs")
asyncio.run(unretrieved())
print("after the runs")
print("held:", repr(held[0].exception()))
