# collections.defaultdict, Counter and OrderedDict (dict subclasses in ctxlab's Lib/collections.py,
# after Modules/_collectionsmodule.c, Objects/odictobject.c and Lib/collections/__init__.py):
# request ids grouped by a defaultdict, a per-task Counter in a ContextVar (copied, never shared),
# an OrderedDict LRU cache of spans; reprs, views, `|`, equality, arithmetic and the errors.
import asyncio, contextvars
from collections import defaultdict, Counter, OrderedDict

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

request_id = contextvars.ContextVar('request_id')
events = contextvars.ContextVar('events')
by_request = defaultdict(list)

async def handle(rid, steps):
    request_id.set(rid)
    events.set(Counter())               # each task counts in its own Counter
    for step in steps:
        by_request[request_id.get()].append(step)
        events.get()[step] += 1
        await asyncio.sleep(0)
    return events.get()

async def main():
    counts = await asyncio.gather(handle('r1', ['db', 'db', 'cache']), handle('r2', ['cache', 'db']))
    print(counts, events.get(None))
    total = sum(counts, Counter())
    print(total, total.most_common(1), total.total(), sorted(total.elements()))
asyncio.run(main())
print(by_request, dict(by_request), by_request['r3'], len(by_request))

# defaultdict
d = defaultdict(int)
for word in 'the cat the hat'.split():
    d[word] += 1
print(d, d.default_factory, d.copy(), type(d.copy()).__name__, d == {'the': 2, 'cat': 1, 'hat': 1})
print(d | {'new': 0}, {'first': 9} | d, defaultdict(None), repr(defaultdict(lambda: 0))[:31])
check('no factory', lambda: defaultdict()['missing'])
check('not callable', lambda: defaultdict(42))
check('dict args', lambda: defaultdict(int, {}, {}))
check('attribute', lambda: d.nothing)
nested = defaultdict(lambda: defaultdict(list))
nested['a']['b'].append(1)
print(dict(nested['a']), 'a' in nested, 'z' in nested, nested.get('z'), isinstance(nested, dict))
d.default_factory = list
print(d['fresh'], d, type(d).__name__, defaultdict.__name__, defaultdict(list, a=[1], b=[2]))

# Counter
c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(3), list(c), len(c))
c.update('aaz')
c.subtract({'a': 10, 'q': 1})
print(c, +c, -c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
x = Counter(a=1); x += Counter(a=2, b=-1); print(x)
x -= Counter(a=5); print(x, repr(x), bool(x))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(), Counter(a=1) <= Counter(a=1, b=1))
print(Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1), Counter({'x': 2}) == {'x': 2})
del c['not there']
print(Counter(cats=4, dogs=8), Counter({'red': 4, 'blue': 2}), Counter(['x', 'y', 'x']).copy())
check('fromkeys', lambda: Counter.fromkeys('ab'))
check('order', lambda: Counter(a=1) < {'a': 2})
check('repr of unorderable', lambda: Counter({'a': 'x', 'b': 2}))

# OrderedDict as an LRU cache of spans
class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size
    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.size:
            oldest = next(iter(self))
            del self[oldest]

cache = LRU(2)
cache['a'] = 1
cache['b'] = 2
cache['a']
cache['c'] = 3
print(cache, list(cache), cache.size)

od = OrderedDict.fromkeys('abcde')
od.move_to_end('b')
od.move_to_end('e', last=False)
print(od, od.keys(), od.values(), od.items(), OrderedDict())
print(od.popitem(), od.popitem(last=False), od, list(reversed(od)), list(reversed(od.items())))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
print(OrderedDict(a=1) | {'b': 2}, {'z': 0} | OrderedDict(a=1), type(od.copy()).__name__)
print('a' in od.keys(), ('c', None) in od.items(), od.keys() == {'a', 'c', 'd'}, od.keys() & {'a'})
check('move missing', lambda: od.move_to_end('q'))
check('empty popitem', lambda: OrderedDict().popitem())
check('two args', lambda: OrderedDict({}, {}))
def mutate():
    o = OrderedDict(a=1, b=2)
    for k in o:
        o['new'] = 0
check('mutated', mutate)
print(OrderedDict([('x', 1), ('y', 2)]), OrderedDict(OrderedDict(q=1)), isinstance(od, dict))
