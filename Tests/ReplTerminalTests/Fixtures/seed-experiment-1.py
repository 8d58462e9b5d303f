import contextvars

from uuid import uuid4

ctx = contextvars.ContextVar("test_context", default=uuid4())

async def nested_context():
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
    
    await nested_context()
    await nested_context2()

await test_context()
