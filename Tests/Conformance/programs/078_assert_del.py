# assert with and without message; del of names, items, slices, attributes.
assert 1 + 1 == 2
assert True, 'never shown'
try:
    assert 1 > 2, 'one is not greater than two'
except AssertionError as e:
    print('AssertionError:', e)
try:
    assert []
except AssertionError as e:
    print('AssertionError args:', e.args)

x = 5
del x
try:
    print(x)
except NameError as e:
    print('NameError:', e)

d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
lst = list(range(8))
del lst[0]
del lst[-1]
del lst[1:3]
print(lst)

class Obj:
    pass

o = Obj()
o.attr = 1
o.keep = 2
del o.attr
print(hasattr(o, 'attr'), hasattr(o, 'keep'))
a, b = 1, 2
del a, b
try:
    del d['zzz']
except KeyError as e:
    print('KeyError:', e)
