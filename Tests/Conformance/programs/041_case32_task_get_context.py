# SEMANTICS §5 case 32: Task.get_context() returns the task's own Context object (3.12+).
import asyncio
import contextvars

V = contextvars.ContextVar('V', default='dflt')

async def child():
    V.set('child')

async def main():
    me = asyncio.current_task()
    print(me.get_context() is me.get_context())
    print(me.get_context() == contextvars.copy_context(), me.get_context() is contextvars.copy_context())
    V.set('main')
    print(me.get_context()[V])
    t = asyncio.create_task(child())
    await t
    print(t.get_context()[V], V.get())
    ctx = contextvars.Context()
    t2 = asyncio.create_task(child(), context=ctx)
    print(t2.get_context() is ctx)
    await t2
    print(ctx[V])

asyncio.run(main())
