# collections.deque (ctxlab's after CPython's C deque) and ChainMap (after Lib/collections):
# a bounded deque as a per-task log of recent request ids, maxlen trimming from either end,
# rotate, indexing, the mutation-during-iteration check and every error message; ChainMap as
# layered settings (lookups through the chain, writes to the first map, new_child/parents).
import asyncio, contextvars
from collections import deque, ChainMap

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

recent = contextvars.ContextVar('recent')

async def worker(name, n):
    recent.set(deque(maxlen=2))
    for i in range(n):
        recent.get().append(f'{name}{i}')
        await asyncio.sleep(0)
    return recent.get()

async def main():
    print(await asyncio.gather(worker('a', 3), worker('b', 1)), recent.get(None))
asyncio.run(main())

d = deque([1, 2, 3], maxlen=3)
d.append(4); print(d)
d.appendleft(0); print(d)
d.rotate(1); print(d)
d.rotate(-2); print(d)
d.extend([7, 8]); print(d)
d.extendleft([9]); print(d, d.maxlen, len(d), d[0], d[-1], 7 in d, list(reversed(d)))
e = deque('abc')
print(e, e.pop(), e.popleft(), e, deque(), deque([1, 2], maxlen=None), deque(maxlen=1, iterable=[1, 2]), deque(range(4), 2))
e = deque([1, 2, 3, 2])
e.remove(2); e.insert(1, 'x'); e[0] = 'first'; del e[-1]
print(e, e.count(3), e.index(3), e.index('x'), e.copy(), bool(deque()), bool(e))
e.reverse(); print(e)
e.extend(e); print(e)
e.clear(); print(e, e.maxlen)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, deque([1, 2], 3) * 2, deque([1]) == deque([1]), deque([1]) == [1],
      deque([1]) < deque([2]), deque([1, 2]) >= deque([1]))
f = deque([1])
f += [2, 3]
print(f, type(iter(f)).__name__)
f *= 2
print(f)

check('maxlen neg', lambda: deque([1], -1))
check('maxlen str', lambda: deque([1], 'a'))
check('not iterable', lambda: deque(1))
check('pop', lambda: deque().pop())
check('popleft', lambda: deque().popleft())
check('index range', lambda: deque([1])[5])
check('remove', lambda: deque([1]).remove(2))
check('index', lambda: deque([1]).index(2))
check('concat', lambda: deque([1, 2]) + [3])
check('hash', lambda: hash(deque()))
check('3 args', lambda: deque([1], 2, 3))
check('kw', lambda: deque(x=1))
check('attribute', lambda: deque().foo)
check('full insert', lambda: deque([1], 1).insert(0, 2))

def mutate():
    g = deque([1, 2, 3])
    for i in g:
        g.append(i)
check('mutated', mutate)

defaults = {'level': 'info', 'user': 'nobody'}
overrides = {'user': 'ann'}
cm = ChainMap(overrides, defaults)
print(cm, cm['level'], cm['user'], cm.get('nope', '-'), len(cm), list(cm), dict(cm), 'level' in cm)
cm['level'] = 'debug'
print(overrides, defaults, cm.maps[0] is overrides)
child = cm.new_child({'user': 'bob'})
print(child, child['user'], child.parents, child.parents['user'], cm.new_child(), ChainMap())
print(sorted(child.items()), sorted(child.keys()), sorted(child.values()), cm == {'level': 'debug', 'user': 'ann'})
del cm['level']
print(cm, cm.pop('user'), cm, ChainMap.fromkeys('ab', 0), cm.copy())
cm.update(a=1); cm.setdefault('b', 2); print(cm, cm | {'z': 0}, {'y': 0} | cm)
check('missing', lambda: ChainMap({'a': 1})['b'])
check('pop missing', lambda: ChainMap({'a': 1}, {'z': 1}).pop('z'))
check('del missing', lambda: ChainMap({}, {'z': 1}).__delitem__('z'))
check('popitem', lambda: ChainMap({}, {'z': 1}).popitem())
