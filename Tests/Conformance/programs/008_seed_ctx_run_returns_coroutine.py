# The article's explanation of experiment 4: `copy_ctx.run(nested_context)` only creates the
# coroutine (`coro: <coroutine object nested_context at 0x7f1c2ebda670>`). Here the coroutine is
# printed, then awaited (in the caller's task, so the caller sees the new value), and the copied
# context is shown to be untouched.
import asyncio
import contextvars
from uuid import uuid4

ctx = contextvars.ContextVar('test_context')

async def nested_context():
    print(f"Copy context value: {ctx.get(ctx)}")
    ctx.set(uuid4())
    print(f"Nested context value: {ctx.get()}")

async def main():
    ctx.set(uuid4())
    print(f"Current context value: {ctx.get()}")
    copy_ctx = contextvars.copy_context()
    coro = copy_ctx.run(nested_context)
    print(f"coro: {coro}")
    print(type(coro).__name__, asyncio.iscoroutine(coro))
    await coro
    print(f"Context value after await: {ctx.get()}")
    print(f"Value in copied context: {copy_ctx[ctx]}")
    print(copy_ctx[ctx] == ctx.get())

asyncio.run(main())
