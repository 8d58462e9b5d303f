# Cancellation: cancel() of a sleeping task, CancelledError caught and re-raised, cancel message,
# try/finally in a cancelled task, shield protecting the inner task, uncancel counters.
import asyncio

async def sleeper(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append(f'cancelled with args {e.args}')
        raise
    finally:
        log.append('finally')

async def inner(log):
    await asyncio.sleep(0.02)
    log.append('inner finished')
    return 'inner result'

async def main():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    print(t.cancel('stop now'), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print('caller sees CancelledError', e.args)
    print(log, t.cancelled())

    log = []
    inner_task = asyncio.create_task(inner(log))

    async def waits_shielded():
        return await asyncio.shield(inner_task)

    outer = asyncio.create_task(waits_shielded())
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled', outer.cancelled(), inner_task.cancelled())
    print(await inner_task, log)

    t = asyncio.create_task(asyncio.sleep(10))
    t.cancel()
    t.cancel()
    print(t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print('double cancel', t.cancelled())

    async def swallow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return 'swallowed'

    t = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())
    print(issubclass(asyncio.CancelledError, BaseException), isinstance(asyncio.CancelledError(), Exception))

asyncio.run(main())
