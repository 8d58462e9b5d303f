# A generator dropped while suspended at a yield is closed (CPython: _PyGen_Finalize → gen_close), so
# its finally runs: a break out of a for loop, a local of a returning function, a rebound name, a
# yield from whose subiterator gets close(), a generator zip stops taking from. One that yields
# again is reported on stderr ("Exception ignored in") and the program goes on.
def gen(tag):
    try:
        yield 1
        yield 2
    finally:
        print('finally', tag)
for x in gen('a'):
    break
print('after a')
def f():
    g = gen('b')
    next(g)
    print('f returns')
f()
print('after f')
g = gen('c'); next(g)
g = None
print('after c')
def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2
h = ign(); next(h)
del h
print('after ign')
class W:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self): return 1
    def close(self): print('W.close')
def w():
    yield from W()
k = w(); next(k); k = None
print('after w')
def infinite():
    i = 0
    try:
        while True:
            yield i
            i += 1
    finally:
        print('infinite closed at', i)
print([x for x, _ in zip(infinite(), range(3))])
print(sum(x for x in range(5)))
print('end')
