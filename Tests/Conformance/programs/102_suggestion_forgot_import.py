# A standard-library module used without importing it.
from contextvars import ContextVar

var = ContextVar("var", default="default")


async def main():
    print(var.get())


asyncio.run(main())
