# range, enumerate, zip, sorted (key, reverse), reversed, min, max, sum, any, all, iter, next,
# generators.
print(list(range(5)), list(range(2, 10, 3)), list(range(5, 0, -2)), len(range(0, 100, 7)), range(3))
print(range(10)[3], 7 in range(10), list(range(0)))
print(list(enumerate('abc')), list(enumerate(['x', 'y'], start=1)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), dict(zip('kl', (1, 2))))
words = ['banana', 'Apple', 'cherry', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted('hello'), sorted({'b': 1, 'a': 2}))
pairs = [('b', 2), ('a', 2), ('c', 1)]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))))
print(min([4, 2, 8]), max([4, 2, 8]), min('b', 'a', 'c'), max(words, key=len), min([], default='none'))
print(max([1, 5, 3], key=lambda v: -v), min({3: 'x', 1: 'y'}))
print(sum([1, 2, 3]), sum([], 10), sum([[1], [2]], []), sum(range(5), start=100))
print(any([0, '', None]), any([0, 1]), all([1, 'x']), all([]), any([]))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, 'exhausted'))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)
it2 = iter('ab')
print(list(it2), list(it2))

def gen(n):
    for i in range(n):
        yield i * i

g = gen(4)
print(next(g), list(g))
print(list(iter(range(3))), list(iter({'k': 1, 'j': 2})), sorted(iter({3, 1, 2})))
