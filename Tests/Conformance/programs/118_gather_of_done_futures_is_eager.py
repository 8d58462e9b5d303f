# Found by scripts/difffuzz.py (seed 257): since 3.12, gather() runs its done-callback at once
# for children that are already done, so a gather of finished tasks is finished before it is
# awaited and `await` does not yield to callbacks queued meanwhile.
import asyncio


def note(tag):
    print("callback", tag)


async def quick():
    return "q"


async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("task done:", t.done())
    asyncio.get_running_loop().call_soon(note, "queued before the gather")
    g = asyncio.gather(t)
    print("gather done before await:", g.done())
    print(await g)
    print("after the gather")
    await asyncio.sleep(0)
    ev = asyncio.Event()
    ev.set()
    g2 = asyncio.gather(t, t, return_exceptions=True)
    asyncio.get_running_loop().call_soon(note, "second")
    print(await g2, g2.done())
    print("end")


asyncio.run(main())
