# def and async def with defaults, keyword-only, *args, **kwargs; calls with * and **; lambda;
# return values.
def f(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
print(f(*[1, 2, 3], **{'c': 'C', 'z': 26}))
print(f(a='A', c='C', d='D'))

def defaults(x, items=[]):
    items.append(x)
    return items

print(defaults(1), defaults(2))

def kwonly(*, key):
    return key

print(kwonly(key='k'))

def no_return():
    pass

print(no_return())

def multi():
    return 1, 'two'

one, two = multi()
print(one, two, multi())

square = lambda v: v * v
add = lambda x, y=10: x + y
print(square(7), add(1), add(1, 2), (lambda *a, **k: (a, k))(1, x=2))
print(sorted(['bb', 'a', 'ccc'], key=lambda s: -len(s)))

def outer():
    def inner(n):
        return n + 1
    return inner

print(outer()(41), f.__name__, square.__name__)
try:
    f(1)
except TypeError as e:
    print('TypeError:', e)
try:
    f(1, 2, c=3, a=4)
except TypeError as e:
    print('TypeError:', e)

def recursive(n):
    return 1 if n <= 1 else n * recursive(n - 1)

print(recursive(10))

import asyncio

async def acall(a, b=2, *args, c=3, **kw):
    await asyncio.sleep(0)
    return a, b, args, c, kw

async def amain():
    print(await acall(1), await acall(1, 5, 6, c=7, z=8), await acall(*(1, 2), **{'c': 0}))

asyncio.run(amain())
