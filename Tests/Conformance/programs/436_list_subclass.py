# Subclasses of list (list_new, list___init__, the slot wrappers), rich comparisons that
# return what the method returned, and `__hash__ = None` for a class defining only __eq__.
class L(list):
    def first(self): return self[0]
l = L([3,4]); print(l.first(), l, len(l), type(l).__name__, isinstance(l, list))
l.append(5); print(l, l + [1], type(l + [1]).__name__, 4 in l, list(l), sorted(l, reverse=True))
class Stack(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
    def push(self, x): self.append(x)
    def __repr__(self): return f"Stack({self.name}, {super().__repr__()})"
s = Stack("s", [1]); s.push(2); print(s, s.name, vars(s), bool(s), bool(Stack("e")))
class Logged(list):
    def __getitem__(self, i):
        print("get", i); return super().__getitem__(i)
    def __setitem__(self, i, v):
        print("set", i, v); super().__setitem__(i, v)
    def __len__(self): return 99
    def __iter__(self): yield from ("a", "b")
    def __contains__(self, x): return True
g = Logged([1,2,3]); g[0] = 7; print(g[0], len(g), list(g), 42 in g, g[1:])
import copy
c = copy.copy(s); print(c, type(c).__name__, c.name)
d = copy.deepcopy(s); print(d, d is s)
import json; print(json.dumps(L([1,2])))
class E(L): pass
print(E([1]) == [1], E.__mro__)
try:
    class X(list, dict): pass
except TypeError as e: print(e)
l2 = L(); l2 += [1]; print(l2, type(l2).__name__)
print(L("ab"), L.__name__, repr(L()))
try: L(1, 2)
except TypeError as e: print(e)
import collections.abc, contextvars
class L(list):
    def __add__(self, o): return L(list.__add__(self, o))
    def __eq__(self, o): return "eq"
    def __repr__(self): return "L" + list.__repr__(self)
a = L([1, 2])
print(a + [3], type(a + [3]).__name__, a == 1, a * 2, type(a * 2).__name__, list(reversed(a)))
print(isinstance(a, collections.abc.MutableSequence), a[::-1], type(a[::-1]).__name__)
a.sort(reverse=True); print(a, a.index(1), a.count(2))
v = contextvars.ContextVar("v"); v.set(a); print(v.get(), contextvars.copy_context()[v])
print(str(a), f"{a}", "%s" % (a,))
class Path(list):
    __slots__ = ()
p = Path([1])
try: p.x = 1
except AttributeError as e: print(e)
print(Path.__dict__.keys() if False else sorted(k for k in L.__dict__))
b = L(); b.extend(range(3)); b[1:2] = [9, 9]; del b[0]; print(b, len(b))
print(L.__mro__, L.__bases__, issubclass(L, list))
print(sum(L([1,2,3])), max(L([4,5])), tuple(L("xy")), set(L([1,1])), dict(L([("k", 1)])))
class Q(list):
    def __iter__(self): return iter([0])
print(sorted(Q([3,2])), [x for x in Q([3,2])], *Q([5]))
x, *y = Q([7, 8]); print(x, y)
class Expr:
    def __init__(self, s): self.s = s
    def __eq__(self, o): return Expr(f"({self.s} == {o!r})")
    def __lt__(self, o): return Expr(f"({self.s} < {o!r})")
    def __repr__(self): return self.s
col = Expr("col")
print(col == 3, col != 3, col < 2, 2 > col, vars(Expr).get("__hash__", "missing"))
try: hash(col)
except TypeError as e: print(e)
class Sub(Expr):
    def __gt__(self, o): return "Sub.__gt__ first"
print(Expr("e") < Sub("s"))
print([1, 2].__add__([3]), (1).__add__(2.5), (2).__radd__(3), "ab".__mul__(2), [1].__mul__("x"), (1).__lt__("a"))
