# `async for` (with else, break, continue, return inside) over async generators and over user
# classes with __aiter__/__anext__, and async comprehensions of every kind, with `await` inside.
import asyncio


async def ticks(n, delay=0):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Pairs:
    """__aiter__ returns a separate iterator object."""

    def __aiter__(self):
        return Countdown(3)


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def first_even(source):
    async for x in source:
        if x % 2 == 0 and x > 0:
            return x
    return None


async def main():
    async for i in ticks(3):
        print("tick", i)
    else:
        print("else after exhaustion")

    async for i in ticks(5):
        if i == 1:
            continue
        if i == 3:
            break
        print("loop", i)
    else:
        print("not printed")

    async for n in Countdown(3):
        print("countdown", n)
    async for n in Pairs():
        print("pairs", n)

    print(await first_even(ticks(10)))
    print(await first_even(Countdown(5)))

    print([i async for i in ticks(4)])
    print({i % 2 async for i in ticks(4)})
    print({i: await double(i) async for i in ticks(3)})
    print([await double(i) for i in range(3)])
    print([i * j async for i in ticks(3) for j in range(2) if j])
    print([(i, j) for i in range(2) async for j in Countdown(2)])
    print([[j async for j in ticks(i)] for i in range(3)])

    gen = (await double(i) async for i in ticks(3))
    print(type(gen).__name__, gen.__name__)
    print([x async for x in gen])
    lazy = (await double(i) for i in range(2))
    print(type(lazy).__name__, [x async for x in lazy])

    total = 0
    async for a, b in ((i, i * i) async for i in ticks(4)):
        total += a + b
    print("total", total)

    # Nested async for loops share nothing.
    async for i in ticks(2):
        async for j in ticks(2):
            print("nested", i, j)

    # An exception from the iterator ends the loop through the body's except clause.
    async def failing():
        yield 1
        raise ValueError("iterator failed")
    try:
        async for x in failing():
            print("got", x)
    except ValueError as e:
        print("caught", e)

    # A StopAsyncIteration raised in the loop body is not the end of the iteration.
    try:
        async for x in ticks(2):
            raise StopAsyncIteration("from body")
    except StopAsyncIteration as e:
        print("body raised", repr(e))


asyncio.run(main())
