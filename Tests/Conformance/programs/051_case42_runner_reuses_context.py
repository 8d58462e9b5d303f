# SEMANTICS §5 case 42: a Runner reuses one context for every run(); context= overrides it.
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def first():
    V.set('set in main')

async def second():
    return V.get()

with asyncio.Runner() as r:
    r.run(first())
    print('Runner 2nd run sees', r.run(second()))
    print('with context=Context():', r.run(second(), context=contextvars.Context()))
    ctx = contextvars.Context()
    r.run(first(), context=ctx)
    print(ctx[V])
print(V.get())
