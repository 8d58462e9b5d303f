# What happens to async generators that are not run to the end (CPython: base_events.py
# _asyncgen_finalizer_hook and shutdown_asyncgens, runners.py Runner.close):
# * dropped while suspended (a `break` out of `async for` over a temporary generator, or a local
#   of a coroutine that returns): the finaliser schedules `create_task(agen.aclose())`, so the
#   generator's finally runs in a new Task, in a copy of the context current when it was dropped;
# * still referenced when asyncio.run ends: shutdown_asyncgens gathers aclose() of each, in
#   Tasks that copy the context asyncio.run was called from (the module's), after main returned
#   and the remaining tasks were cancelled.
import asyncio
import contextvars

V = contextvars.ContextVar("V", default="module")
kept = []


async def resource(tag):
    try:
        for i in range(3):
            yield i
    finally:
        print(tag, "finally: V =", V.get(), "task", asyncio.current_task().get_name())
        await asyncio.sleep(0)
        print(tag, "finally done")


async def local_holder():
    V.set("holder")
    g = resource("local")
    async for x in g:
        break
    V.set("holder-end")
    print("local_holder returns")


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background cancelled, V =", V.get())


async def main():
    V.set("main-1")
    async for x in resource("temporary"):
        print("got", x)
        break
    V.set("main-2")
    print("after break")
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(0)
    await local_holder()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    g = resource("kept")
    kept.append(g)
    print("kept got", await anext(g))
    never = resource("never-started")
    kept.append(never)
    started_elsewhere = resource("unstarted-but-iterated")
    kept.append(started_elsewhere)
    started_elsewhere.__anext__()  # takes the hooks without running the body
    asyncio.create_task(background())
    await asyncio.sleep(0)
    V.set("main-end")
    print("main returns")


asyncio.run(main())
print("after run: V =", V.get())
