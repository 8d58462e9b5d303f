# Seed experiment 2 ("값이 도중에 바뀌는 경우"), code as in the article.
# The article's block only redefines the functions; the set-up lines (imports and `ctx`) are the
# ones of experiment 1. Changes for a file: `import asyncio` added, and the REPL-style top-level
# `await test_context()` is written `asyncio.run(test_context())`.
import asyncio
import contextvars

from uuid import uuid4

ctx = contextvars.ContextVar("test_context", default=uuid4())

async def nested_context():
    ctx.set(uuid4()) # 값 변경 일어남
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

asyncio.run(test_context())
