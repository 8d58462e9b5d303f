# "RuntimeWarning: coroutine '...' was never awaited" where CPython issues it: the line running
# when the coroutine is released (a statement, a del, inside a task), the record that
# catch_warnings keeps, and at exit (<sys>:0) for one a global still held.
import asyncio, warnings
async def f(): pass
async def g():
    return 1
def h():
    f()
    print("after")
h()
c = g()
async def main():
    f()
    x = g()
    del x
    print("in main")
asyncio.run(main())
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f()
    print(w[0].message, w[0].category, w[0].filename.rsplit("/", 1)[-1], w[0].lineno, type(w[0].source).__name__)
print("end")
