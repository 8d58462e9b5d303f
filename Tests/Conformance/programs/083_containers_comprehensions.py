# list/tuple/dict/set displays, comprehensions (nested, with conditions), generator expressions,
# unpacking in displays, slices.
lst = [1, 2, 3]
tup = (1, 'a', None)
single = (1,)
empty = ()
d = {'b': 2, 'a': 1}
s = {3, 1, 2}
print(lst, tup, single, empty, d, s, set(), {}, [])
print([*lst, *tup], {**d, 'c': 3, 'a': 'override'}, (*lst, 4), {*s, 4, 1})
print([n * n for n in range(6) if n % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[c for c in range(r)] for r in range(4)])
print({k: v * 10 for k, v in d.items()})
print({n % 3 for n in range(10)})
print(sum(n for n in range(101)), list(c.upper() for c in 'abc'))
print(tuple(x for x in 'xyz'))
seq = list(range(10))
print(seq[2:5], seq[:3], seq[7:], seq[-3:], seq[::2], seq[1::3], seq[::-1], seq[8:2:-2], seq[:])
print(seq[-100:2], seq[5:100], seq[5:2], (0, 1, 2, 3)[1:3], 'abcdef'[1:-1:2])
nested = {'list': [1, {'deep': (2, 3)}], 'tuple': ((), (1,))}
print(nested, nested['list'][1]['deep'][0])
print([1, 2] + [3], (1,) + (2,), [0] * 3, [[0] * 2] * 2)
print([1, 2, 3] == [1, 2, 3], (1, 2) < (1, 3), [1, 2] < [1, 2, 0], {1, 2} == {2, 1}, {'a': 1} == {'a': 1})
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {3}, {1, 2, 3} - {2}, {1, 2} ^ {2, 3}, {1} <= {1, 2})
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)])
print(len(lst), len(d), len(s), len(tup), 2 in lst, 'a' in d, 1 in d.values())
print(bool({}), bool({0}), bool(()), bool((0,)))
