# Seed experiment 5 as in the article, in a fresh file with experiment 1's set-up lines
# (`ctx` has default=uuid4() and no value yet): `ctx.get(ctx)` in the task returns the ContextVar
# itself, the task's set stays in copy_ctx, the caller keeps the default.
# Change for a file: the REPL-style top-level `await test_context()` is written
# `asyncio.run(test_context())`; `copy_ctx[ctx]` is printed at the end (added).
import asyncio
import contextvars

from uuid import uuid4

ctx = contextvars.ContextVar("test_context", default=uuid4())

async def nested_context():
    print(f"Copy context value: {ctx.get(ctx)}")
    ctx.set(uuid4())
    print(f"Nested context value: {ctx.get()}")
    
async def nested_context2():
    print(f"Nested context2 value: {ctx.get()}")

async def test_context():
    # Get the current context value
    current_value = ctx.get()
    
    if current_value is None:
        ctx.set(uuid4())
        current_value = ctx.get()

    print(f"Current context value: {current_value}")
    
    original_ctx = contextvars.copy_context()
    copy_ctx = contextvars.copy_context()
    
    
    print(f"Original context value: {original_ctx.get(ctx)}")
    await asyncio.create_task(nested_context(), context=copy_ctx)
    print(f"Context value after copy: {ctx.get()}")
    
    await nested_context2()
    print(f"copy_ctx[ctx]: {copy_ctx[ctx]}")

asyncio.run(test_context())
