# A nan deadline at the head of the timer heap while nothing is ready: CPython's selector computes
# math.ceil(nan * 1e3) and the ValueError escapes the event loop. asyncio.run then cancels the main
# task (whose cleanup runs, and the nan timer with it) and the error ends the program.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_at(float('nan'), print, 'nan timer ran')
    try:
        await asyncio.sleep(0.01)
        print('not reached')
    finally:
        print('main cleanup')

asyncio.run(main())
