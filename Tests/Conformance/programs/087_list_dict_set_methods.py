# Common list, dict and set methods.
lst = [3, 1, 2]
lst.append(4)
lst.extend([5, 6])
lst.insert(0, 0)
print(lst, lst.pop(), lst.pop(0), lst)
lst.remove(2)
print(lst, lst.index(4), lst.count(1))
lst.sort()
print(lst)
lst.sort(key=lambda v: -v)
print(lst)
lst.reverse()
print(lst, lst.copy() == lst, lst.copy() is lst)
lst.clear()
print(lst)
try:
    [].pop()
except IndexError as e:
    print('IndexError:', e)
try:
    [1].remove(5)
except ValueError as e:
    print('ValueError:', e)

d = {'a': 1}
d['b'] = 2
print(d.get('a'), d.get('z'), d.get('z', 0), list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault('c', 3), d.setdefault('a', 99), d)
d.update({'d': 4}, e=5)
print(d, d.pop('d'), d.pop('zz', 'missing'), d.popitem(), d)
print('a' in d, 'q' not in d, len(d), d.copy())
for k in d:
    print('key', k, d[k])
try:
    d['nope']
except KeyError as e:
    print('KeyError:', e)
d.clear()
print(d)

s = {1, 2}
s.add(3)
s.add(1)
s.discard(10)
s.remove(2)
print(s, 3 in s, s.union({7}), s.intersection({1, 7}), s.difference({1}), s.issubset({1, 3, 5}), s.issuperset({1}))
print(s.pop(), s, s.isdisjoint({9}), sorted({5, 4, 9}))
s.update([8, 9])
print(sorted(s))
try:
    set().remove(1)
except KeyError as e:
    print('KeyError:', e)
print(tuple([1, 2, 2]).count(2), (5, 6, 7).index(7))
