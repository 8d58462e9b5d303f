# SEMANTICS §5 case 57: since 3.13 a Handle's repr hides the arguments (unless debug mode).
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(print, 'cb')
    print(repr(h))
    h2 = loop.call_soon(print, 'cancelled cb')
    h2.cancel()
    print(repr(h2), h2.cancelled())
    await asyncio.sleep(0)

asyncio.run(main())
