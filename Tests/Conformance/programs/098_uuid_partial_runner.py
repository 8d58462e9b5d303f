# uuid.uuid4 / uuid.UUID (printed values are normalised to <uuid-N>), functools.partial, and
# asyncio.Runner (run twice, get_loop).
import asyncio
import functools
import uuid
from contextvars import ContextVar

request_id = ContextVar('request_id')

u = uuid.uuid4()
same = uuid.UUID(str(u))
print(u, repr(u), same == u, u.version, len(str(u)), str(u).count('-'))
print(uuid.UUID('12345678-1234-5678-1234-567812345678'))
print(uuid.uuid4() != uuid.uuid4(), isinstance(u, uuid.UUID), str(u) == f'{u}')

def greet(greeting, name, punct='!'):
    return f'{greeting}, {name}{punct}'

hello = functools.partial(greet, 'Hello')
print(hello('ann'), hello('bob', punct='?'), hello.func is greet, hello.args, hello.keywords)
ask = functools.partial(greet, punct='?')
print(ask('Hi', 'cy'), ask.keywords)

async def handle(n):
    request_id.set(uuid.uuid4())
    return n, request_id.get()

async def show():
    return request_id.get('none')

with asyncio.Runner() as runner:
    print(runner.run(handle(1)))
    print(runner.run(show()))
    print(runner.get_loop().is_closed())
print(request_id.get('none at module level'))
print(asyncio.run(functools.partial(show)()))
