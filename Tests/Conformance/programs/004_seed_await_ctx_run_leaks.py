# Seed experiment 4 (`await copy_ctx.run(async_fn)` leaks), code as in the article, run the way
# the article ran it: in the same session right after experiment 3, whose code and call come
# first (that is why "Current context value" is experiment 3's initial value).
# Changes for a file: the call `test_context()` of experiment 3 is written out, and the
# REPL-style top-level `await test_context()` is written `asyncio.run(test_context())`
# (asyncio.run's main task starts with a copy of the module's context).
import asyncio
import contextvars
from uuid import uuid4

ctx = contextvars.ContextVar('test_context')

def nested_context():
    print(f"Inside nested_context, before set: {ctx.get()}")
    ctx.set(uuid4())
    print(f"Inside nested_context, after set: {ctx.get()}")
    
def nested_context2():
    print(f"nested_context2 value: {ctx.get()}")

def test_context():
    initial_value = uuid4()
    ctx.set(initial_value)
    print(f"Initial context value: {initial_value}")
    
    copy_ctx = contextvars.copy_context()
    
    print(f"Value in copied context: {copy_ctx[ctx]}")
    
    copy_ctx.run(nested_context)
    
    print(f"Context value after copy.run(): {ctx.get()}")
    
    nested_context2()

test_context()

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
    await copy_ctx.run(nested_context)
    
    print(f"Context value after copy: {ctx.get()}")
    
    await original_ctx.run(nested_context2)

asyncio.run(test_context())
