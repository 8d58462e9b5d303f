# iter(callable, sentinel) (Objects/iterobject.c, calliter_iternext): the sentinel compared first,
# StopIteration from the callable ends it, exhausted for good; a ContextVar counter as the callable.
import contextvars
items = [3, 2, 1, 0, 5]
def take():
    return items.pop(0)
it = iter(take, 0)
print(type(it).__name__, list(it), list(it), items)
n = contextvars.ContextVar("n", default=0)
def tick():
    n.set(n.get() + 1)
    return n.get()
print(list(iter(tick, 4)), n.get())
def stopper():
    raise StopIteration
print(list(iter(stopper, 1)))
class Eq:
    def __eq__(self, other):
        print("eq", other)
        return other == 2
vals = iter([1, 2, 3])
print(list(iter(lambda: next(vals), Eq())))
for bad in [lambda: iter(1, 2), lambda: iter(), lambda: iter(1, 2, 3)]:
    try: bad()
    except TypeError as e: print("TypeError:", e)
print(repr(iter(take, 0))[:27])
