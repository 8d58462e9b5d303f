# A job in an executor thread that sleeps lets the event loop go on: its later lines come when
# it wakes, between the loop's own callbacks and tasks, as in CPython (ctxlab used to run the
# job to its end at once, printing its last lines before the ticks that come first). The same
# through asyncio.to_thread, which runs the job in a copy of the caller's context.
import asyncio
import contextvars
import time

var = contextvars.ContextVar("var", default="unset")


def blocking(tag):
    # Sleeps first: what a job prints before it first blocks races with the loop in CPython.
    time.sleep(0.03)
    print(tag, "start", var.get())  # at 0.03
    time.sleep(0.15)
    print(tag, "woke", var.get())  # at 0.18
    time.sleep(0.07)
    print(tag, "done")  # at 0.25
    return tag


async def ticker(tag):
    for i in range(4):
        print(tag, "tick", i)  # at 0, 0.07, 0.14, 0.21
        await asyncio.sleep(0.07)


async def main():
    loop = asyncio.get_running_loop()
    var.set("main's")
    print(await asyncio.gather(loop.run_in_executor(None, blocking, "job"), ticker("a")))
    loop.call_later(0.105, print, "timer")
    print(await asyncio.gather(asyncio.to_thread(blocking, "to_thread"), ticker("b")))


asyncio.run(main())
