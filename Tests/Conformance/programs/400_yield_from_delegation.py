# yield from (PEP 380): values, send, throw and close reach the subiterator (a generator, a list,
# a user iterator with or without throw/close); its StopIteration.value is the expression's value;
# GeneratorExit closes the subiterator first; the errors CPython raises along the way.
def sub():
    try:
        x = yield 1
        print('sub got', x)
        y = yield 2
        print('sub got', y)
    except KeyError as e:
        print('sub caught', repr(e))
        yield 'recovered'
    finally:
        print('sub finally')
    return 'subresult'

def outer():
    r = yield from sub()
    print('outer r', r)
    r2 = yield from [10, 20]
    print('outer r2', r2)
    return 'done'

g = outer()
print(next(g), g.send('a'), g.send('b'))
print(next(g))
try: next(g)
except StopIteration as e: print('stop', e.value)

g = outer()
next(g)
print(g.throw(KeyError('k')))
print(type(g.gi_yieldfrom).__name__)
try: next(g)
except StopIteration as e: print('stop', e.value)
g = outer(); next(g); print(g.close())
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration(f'it-{self.n}')
        return self.n
def useit():
    v = yield from It()
    print('v', v)
    v = yield from range(2)
    print('v', v)
print(list(useit()))
class WithThrow(It):
    def throw(self, e): print('WithThrow.throw', repr(e)); return 'thrown-value'
    def close(self): print('WithThrow.close')
def w():
    yield from WithThrow()
g = w(); next(g); print(g.throw(ValueError('x'))); g.close()
g = w(); next(g)
print(g.throw(ValueError('y')))
g.close()
def nothrow():
    try:
        yield from It()
    except ValueError as e:
        print('caught in outer', e)
        yield 'after'
g = nothrow(); next(g); print(g.throw(ValueError('z')))
def deep(n):
    if n == 0:
        x = yield 'bottom'
        return x
    return (yield from deep(n - 1)) + 1
g = deep(50); print(next(g))
try: g.send(0)
except StopIteration as e: print('deep', e.value)
def ge():
    try:
        yield from sub()
    except GeneratorExit:
        print('outer saw GeneratorExit'); raise
g = ge(); next(g); g.close()
def selfref():
    yield from gg
gg = selfref()
try: next(gg)
except ValueError as e: print('ValueError', e)
def ign():
    try: yield 1
    except GeneratorExit: yield 2
def outer2(): yield from ign()
g = outer2(); next(g)
try: g.close()
except RuntimeError as e: print('RuntimeError', e)
def sendbad():
    yield from [1, 2]
g = sendbad(); next(g)
try: g.send(5)
except AttributeError as e: print('AttributeError', e)
def stopinside():
    yield from iter([])
    return 7
print(list(stopinside()))
def raising():
    yield 1
    raise ValueError('boom')
def wrap():
    yield from raising()
g = wrap(); next(g)
try: next(g)
except ValueError as e: print('ValueError', e)
def gen_in_gen():
    r = yield from (x * 2 for x in range(3))
    print('genexpr returned', r)
    return (yield from outer())
print(list(gen_in_gen()))
def catcher():
    while True:
        try:
            v = yield
            print('catcher got', v)
        except ValueError as e:
            print('catcher caught', e)
def delegator():
    yield from catcher()
g = delegator(); next(g); g.send(1); g.throw(ValueError('v1')); g.send(2); g.close()
print(g.gi_yieldfrom, g.gi_running)
