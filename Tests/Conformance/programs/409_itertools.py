# itertools (ctxlab's Lib/itertools.py after CPython's C module): every iterator, their reprs
# (count, repeat) and argument errors as the C functions word them; itertools.count hands out
# request ids to tasks whose ContextVar keeps each one's own; tee, groupby's shared iterator,
# islice's consumption, batched(strict=).
import asyncio, contextvars, itertools, operator
from itertools import (accumulate, batched, chain, combinations, combinations_with_replacement, compress,
                       count, cycle, dropwhile, filterfalse, groupby, islice, pairwise, permutations,
                       product, repeat, starmap, takewhile, tee, zip_longest)

request_id = contextvars.ContextVar('request_id')
ids = count(1000)

async def handle(name):
    request_id.set(next(ids))
    await asyncio.sleep(0.01)
    return f'{name}:{request_id.get()}'

async def main():
    print(await asyncio.gather(*(handle(n) for n in 'abc')))
    print(repr(ids), request_id.get('unset'))
asyncio.run(main())

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

c = count(3)
print(repr(c), next(c), next(c), repr(c))
print(repr(count()), repr(count(2, 5)), repr(count(1.5)), repr(count(0, 1.0)), repr(count(start=2, step=3)))
print(list(islice(count(0, 0.25), 5)), repr(count(2 ** 70)))
r = repeat('x', 3)
print(repr(r), next(r), repr(r), list(r), repr(r), repr(repeat(None)), repr(repeat(1, -3)))
print(list(map(pow, range(5), repeat(2))))
print(list(islice(cycle('abc'), 8)), list(cycle([])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)),
      list(accumulate([1, 2, 3], operator.mul, initial=10)), list(accumulate([], initial=0)))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])), type(chain.from_iterable([])).__name__)
print(list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list(compress('abc', [1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(7))), list(filterfalse(None, [0, 1, '', 'a', None])))
print([(k, list(g)) for k, g in groupby('aaabbcaa')])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = groupby('aabbc')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, _ in groups])
it = iter(range(10))
print(list(islice(it, 2, 8, 3)), next(it), list(islice('abcdefg', 3)), list(islice('abcdefg', 1, None, 2)),
      list(islice('abc', None)), list(islice('abc', 0, None, None)))
print(list(pairwise('abcd')), list(pairwise('a')))
print(list(batched('abcdefg', 3)), list(batched(range(4), n=2, strict=True)))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(lambda *a: sum(a), [(), (1,), (1, 2)])))
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a), len(tee('ab', 3)), tee('ab', 0), type(a).__name__)
x, = tee(a, 1)
print(list(x))
print(list(zip_longest('abc', [1])), list(zip_longest('ab', 'xyz', fillvalue='-')), list(zip_longest()))
print(list(product('ab', [0, 1])), list(product('ab', repeat=2)), list(product()), list(product('ab', [])))
print(list(permutations('abc', 2)), len(list(permutations(range(4)))), list(permutations('ab', 3)))
print(list(combinations('abcd', 2)), list(combinations('ab', 0)), list(combinations('ab', 3)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement('', 2)),
      list(combinations_with_replacement('', 0)))
print(repr(chain())[:25], type(count()).__module__, type(count()).__qualname__, count.__name__, repr(type(count())))

check('count str', lambda: count('a'))
check('count step', lambda: count(1, 'a'))
check('count 3 args', lambda: count(1, 2, 3))
check('count kw', lambda: count(x=1))
check('count twice', lambda: count(1, start=2))
check('repeat none', lambda: repeat())
check('repeat times', lambda: repeat(1, 'a'))
check('repeat 3 args', lambda: repeat(1, times=2, x=3))
check('islice 1 arg', lambda: islice([1]))
check('islice 5 args', lambda: islice([1], 1, 2, 3, 4))
check('islice kw', lambda: islice([1], stop=2))
check('islice stop', lambda: islice([1], -1))
check('islice float', lambda: islice([1], 1.0))
check('islice start', lambda: islice([1], 'a', 2))
check('islice step', lambda: islice([1], 0, 3, 0))
check('islice iter', lambda: islice(1, 2))
check('batched n', lambda: batched([1], 0))
check('batched strict', lambda: list(batched('abc', 2, strict=True)))
check('batched 3 pos', lambda: batched([1], 2, True))
check('batched missing', lambda: batched([1]))
check('chain kw', lambda: chain(a=1))
check('chain lazy', lambda: list(chain([0], 1)))
check('from_iterable', lambda: chain.from_iterable())
check('cycle', lambda: cycle())
check('cycle 2', lambda: cycle([1], [2]))
check('cycle kw', lambda: cycle([1], x=1))
check('accumulate', lambda: accumulate())
check('accumulate pos', lambda: accumulate([1], None, 3))
check('compress', lambda: compress([1]))
check('dropwhile', lambda: dropwhile(None))
check('groupby', lambda: groupby([1], x=1))
check('pairwise', lambda: pairwise(1))
check('starmap', lambda: list(starmap(pow, [1])))
check('tee', lambda: tee())
check('tee n', lambda: tee([1], -1))
check('tee kw', lambda: tee([1], n=2))
check('tee 3', lambda: tee([1], 1, 1))
check('zip_longest kw', lambda: zip_longest([1], x=1))
check('product repeat', lambda: product([1], repeat=-1))
check('product kw', lambda: product([1], foo=1))
check('product 2 kw', lambda: product([1], repeat=2, x=1))
check('permutations r', lambda: permutations([1], 'a'))
check('permutations neg', lambda: permutations([1], -1))
check('combinations r', lambda: combinations([1]))
check('combinations str', lambda: combinations([1], 'a'))
check('cwr neg', lambda: combinations_with_replacement([1], -1))
check('count attr', lambda: count().foo)
check('class attr', lambda: count.foo)
