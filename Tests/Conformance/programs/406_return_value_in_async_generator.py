# `return` with a value in an async generator is a SyntaxError (compile time, nothing runs).
print("never printed")
import asyncio


async def agen():
    yield 1
    return 2
