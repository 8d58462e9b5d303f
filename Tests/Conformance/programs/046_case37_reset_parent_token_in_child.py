# SEMANTICS §5 case 37: a token of the parent task cannot be reset in a child task (own copy).
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

async def child(tok):
    try:
        V.reset(tok)
    except ValueError as e:
        print('ValueError:', e)

async def main():
    tok = V.set('main')
    await asyncio.create_task(child(tok))
    print(V.get())

asyncio.run(main())
