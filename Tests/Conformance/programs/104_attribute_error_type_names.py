# AttributeError messages spell C types as CPython's tp_name does ('_contextvars.ContextVar',
# '_asyncio.Task'); str(e) never carries a "Did you mean" (only the printed traceback does).
import asyncio
import contextvars

var = contextvars.ContextVar("var")
token = var.set(1)
ctx = contextvars.copy_context()


async def main():
    task = asyncio.create_task(asyncio.sleep(0))
    future = asyncio.get_running_loop().create_future()
    for obj in (var, token, ctx, task, future, [], {}, "", 1):
        try:
            obj.gett
        except AttributeError as e:
            print(e)
    for obj in (var, token):
        try:
            obj.extra = 1
        except AttributeError as e:
            print(e)
    await task
    future.cancel()


asyncio.run(main())
