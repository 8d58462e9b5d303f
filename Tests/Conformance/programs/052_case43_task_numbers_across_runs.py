# SEMANTICS §5 case 43: the Task-N counter is per process; each asyncio.run also uses two numbers
# for its shutdown tasks (shutdown_asyncgens, shutdown_default_executor).
import asyncio

async def main():
    t = asyncio.create_task(asyncio.sleep(0))
    await t
    return asyncio.current_task().get_name(), t.get_name()

print(asyncio.run(main()))
print(asyncio.run(main()))
with asyncio.Runner() as r:
    print(r.run(main()))
    print(r.run(main()))
print(asyncio.run(main()))
