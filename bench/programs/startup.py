# (a) start-up: import asyncio and contextvars, print one line from asyncio.run(main()).
import asyncio
import contextvars


async def main():
    return "hello from asyncio.run"


print(asyncio.run(main()))
