# An async generator has no context of its own: every step runs in the context of the task
# that awaits it. One generator stepped from two tasks with different contexts sees each task's
# values, and a ContextVar.set inside the generator is visible to the task that drove the step.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


async def numbers():
    n = 0
    while True:
        print("  step", n, "in", request_id.get(), asyncio.current_task().get_name())
        request_id.set(f"{request_id.get()}+gen{n}")
        yield n
        n += 1


async def worker(name, gen, steps):
    request_id.set(name)
    for _ in range(steps):
        v = await gen.__anext__()
        print(name, "got", v, "now", request_id.get())
        await asyncio.sleep(0)
    return request_id.get()


async def main():
    gen = numbers()
    results = await asyncio.gather(worker("A", gen, 2), worker("B", gen, 2))
    print("results", results)
    print("main sees", request_id.get())

    # `async for` in the main task: sets inside the generator leak into the loop body.
    async def tagged():
        for tag in ("x", "y"):
            request_id.set(tag)
            yield tag
    async for t in tagged():
        print("body sees", request_id.get())
    print("after loop", request_id.get())

    # A generator created in one task and iterated in another runs in the iterating task.
    request_id.set("creator")
    gen2 = numbers()
    async def consumer():
        request_id.set("consumer")
        return await anext(gen2)
    print("consumer got", await asyncio.create_task(consumer()))
    print("creator still", request_id.get())

    # Context.run does not apply across awaits of the generator: copy_context().run of a
    # synchronous function cannot step it, but a task created with context= can.
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "in ctx")
    async def step_in_ctx():
        return await anext(gen2)
    print("ctx task got", await asyncio.create_task(step_in_ctx(), context=ctx))
    print("ctx now", ctx[request_id])
    await gen.aclose()
    await gen2.aclose()


asyncio.run(main())
