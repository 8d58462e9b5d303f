# async with: __aenter__/__aexit__ awaiting inside, suppression, and an asyncio.Lock.
import asyncio

class AsyncRes:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0)
        print('aenter', self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        print('aexit', self.name, exc_type.__name__ if exc_type else None)
        return self.suppress

async def main():
    async with AsyncRes('r1') as r:
        print('body', r.name)
    async with AsyncRes('r2', suppress=True):
        raise RuntimeError('hidden')
    try:
        async with AsyncRes('r3'):
            raise RuntimeError('shown')
    except RuntimeError as e:
        print('caught', e)
    lock = asyncio.Lock()
    async with lock:
        print('locked', lock.locked())
    print('unlocked', lock.locked())

asyncio.run(main())
