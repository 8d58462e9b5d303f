"""What asyncio and contextvars show of the program's values goes through repr() as the
program defines it: a task's exception and result, a future's result, a token in an error
message (CPython: base_futures._future_repr_info, contextvar_tp_repr, token_tp_repr)."""
import asyncio
import contextvars


class Payload:
    def __repr__(self):
        return "Payload<42>"


async def fails():
    raise ValueError(Payload())


async def succeeds():
    return [Payload()]


async def main():
    t = asyncio.ensure_future(fails())
    await asyncio.sleep(0)
    print("exception=" + repr(t).split(" exception=")[1])
    u = asyncio.ensure_future(succeeds())
    await asyncio.sleep(0)
    print("result=" + repr(u).split(" result=")[1])
    f = asyncio.get_running_loop().create_future()
    f.set_result(Payload())
    print(f)
    t.exception()


asyncio.run(main())

var = contextvars.ContextVar("request", default=Payload())
print(var)
token = var.set(1)
var.reset(token)
try:
    var.reset(token)
except RuntimeError as e:
    print(str(e).replace(hex(id(var)), "VAR").replace(hex(id(token)), "TOKEN"))
