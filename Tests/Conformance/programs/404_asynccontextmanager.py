# contextlib.asynccontextmanager (CPython's _AsyncGeneratorContextManager algorithm): a request id set
# in the manager is seen by the body and reset on exit, per task under gather; exceptions are
# thrown into the generator (suppressed or re-raised); "didn't yield"/"didn't stop" errors; the
# manager as a decorator (recreated per call); AsyncExitStack and aclosing with async generators.
import asyncio, contextvars, contextlib
request_id = contextvars.ContextVar('request_id', default=None)

@contextlib.asynccontextmanager
async def request_scope(rid):
    token = request_id.set(rid)
    print('enter', rid, request_id.get())
    try:
        await asyncio.sleep(0.01)
        yield rid.upper()
    finally:
        request_id.reset(token)
        print('exit', rid, request_id.get())

async def handle(rid, fail=False):
    async with request_scope(rid) as r:
        print('in', r, request_id.get(), asyncio.current_task().get_name())
        await asyncio.sleep(0.01)
        if fail: raise ValueError(rid)
    return request_id.get()

@contextlib.asynccontextmanager
async def swallow():
    try:
        yield
    except KeyError as e:
        print('swallowed', e)

@contextlib.asynccontextmanager
async def noyield():
    if False: yield

@contextlib.asynccontextmanager
async def twice():
    yield 1
    yield 2

async def main():
    print(await asyncio.gather(handle('a'), handle('b')))
    try: await handle('c', fail=True)
    except ValueError as e: print('caught', repr(e), request_id.get())
    async with swallow():
        raise KeyError('k')
    print('after swallow')
    try:
        async with noyield(): pass
    except RuntimeError as e: print('RuntimeError', e)
    try:
        async with twice(): pass
    except RuntimeError as e: print('RuntimeError', e)
    try:
        async with twice(): raise ValueError('x')
    except ValueError as e: print('ValueError', e)
    @request_scope('deco')
    async def decorated():
        print('decorated sees', request_id.get())
    await decorated()
    await decorated()
    async with contextlib.AsyncExitStack() as stack:
        x = await stack.enter_async_context(request_scope('s1'))
        y = await stack.enter_async_context(request_scope('s2'))
        print('stack', x, y, request_id.get())
    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print('agen closed')
    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            print('v', v)
            break
    print('after aclosing')
    print(isinstance(request_scope('z'), contextlib.AbstractAsyncContextManager))
asyncio.run(main())
