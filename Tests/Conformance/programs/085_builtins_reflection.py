# repr, str, int, float, bool, len, list, tuple, dict, set constructors; isinstance (tuples),
# type, id (only compared), hash of small ints and int tuples, getattr/setattr/hasattr, callable.
class Thing:
    size = 3
    def method(self):
        return 'm'

t = Thing()
print(list('ab'), list((1, 2)), tuple([1, 2]), dict(a=1, b=2), dict([('x', 1)]), set([1, 1, 2]))
print(list(), tuple(), dict(), set(), str(), int(), float(), bool())
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, (int, float)), isinstance('s', (list, tuple)))
print(type(1), type('s'), type(None), type([]), type(()), type({}), type(set()), type(1.0), type(True))
print(type(t).__name__, type(Thing), type(len).__name__, type(lambda: 0).__name__)
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), id(None) == id(None))
print(hash(1), hash(-7), hash((1, 2)) == hash((1, 2)), hash(0), hash(True), hash(2 ** 61 - 1), hash(-1))
print(getattr(t, 'size'), getattr(t, 'nope', 'default'), hasattr(t, 'method'), hasattr(t, 'nope'))
setattr(t, 'size', 10)
setattr(t, 'new', 'n')
print(t.size, Thing.size, t.new, getattr(t, 'method')())
print(callable(len), callable(Thing), callable(t), callable(t.method), callable(3), callable(lambda: 0))
print(repr('s'), repr([1, 's']), str([1, 's']), repr((1,)), repr({'k': [None]}), repr(set()))
print(len([1, 2]), len('abc'), len({'a': 1}), len(range(4)), len(()))
try:
    getattr(t, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
try:
    len(5)
except TypeError as e:
    print('TypeError:', e)
try:
    hash([])
except TypeError as e:
    print('TypeError:', e)
print(isinstance(KeyError(), LookupError), issubclass(bool, int), type(1) is int)
