# SEMANTICS §5 case 38: with context=parent.get_context() the child can reset the parent's token.
import asyncio
from contextvars import ContextVar

V = ContextVar('V', default='dflt')

async def child(tok):
    V.reset(tok)
    print('ok')

async def main():
    V.set('first')
    tok = V.set('second')
    await asyncio.create_task(child(tok), context=asyncio.current_task().get_context())
    print(V.get())

asyncio.run(main())
