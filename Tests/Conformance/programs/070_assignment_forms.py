# Assignment: plain, chained, tuple/list unpacking (nested, starred), augmented, attribute and
# subscript targets, swap.
class Box:
    pass

a = b = 1
x, y = 2, 3
(p, q), r = (4, 5), 6
[s, t] = 'st'
first, *rest = [1, 2, 3, 4]
*init, last = (1, 2, 3)
head, *mid, tail = range(5)
x, y = y, x
print(a, b, x, y, p, q, r, s, t)
print(first, rest, init, last, head, mid, tail)

n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 2
n %= 7
print(n)
f = 7
f /= 2
print(f)
word = 'ab'
word += 'cd'
word *= 2
print(word)
items = [1]
alias = items
items += [2, 3]
print(items, alias, items is alias)
tup = (1,)
tup += (2,)
print(tup)

box = Box()
box.value = 1
box.value += 41
box.pair = box.other = 'shared'
print(box.value, box.pair, box.other)

d = {}
d['k'] = 1
d['k'] += 1
d['a'], d['b'] = 'A', 'B'
lst = [0, 0, 0, 0]
lst[0] = 'first'
lst[-1] = 'last'
lst[1:3] = ['x', 'y', 'z']
print(d, lst)
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
print(grid)
for i, (k, v) in enumerate(sorted(d.items())):
    print(i, k, v)
