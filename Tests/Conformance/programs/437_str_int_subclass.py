# Subclasses of str, int and float: the instance carries the value (str_new/long_new/float_new),
# the base type's methods, operators, hashing and conversions act on it; a class's own
# methods come first, and a Python class after the base in the MRO does not override it.
class S(str):
    def shout(self): return self.upper() + "!"
s = S("hi")
print(s, repr(s), s.shout(), type(s).__name__, isinstance(s, str), len(s), s[0], list(s), "h" in s, s in "ohio")
print(s == "hi", "hi" == s, s < "z", hash(s) == hash("hi"), {"hi": 1}[s], {s: 2}["hi"], s + "x", "x" + s, s * 2, f"[{s:>5}]", "%s-%r" % (s, s))
print(", ".join([s, S("b")]), s.startswith("h"), "ahib".split(s), str(s), type(str(s)).__name__, s.upper(), sorted([S("b"), S("a")]))
class I(int):
    def double(self): return self * 2
i = I(5)
print(i, repr(i), i.double(), i + 1, 1 + i, -i, i * 1.5, i // 2, i == 5, i < 6, [10, 20, 30, 40, 50, 60][i], range(i), hash(i), int(i), float(i), f"{i:03d}", bool(I(0)), type(i + 1).__name__, str(i), "%d" % i)
print(I("ff", 16), I(), I(3.7), isinstance(i, int), i.bit_length(), i.real, divmod(i, 2), abs(I(-3)), pow(i, 2), round(i), max(I(1), I(2)))
class F(float): pass
f = F(2.5); print(f, f + 1, f.is_integer(), repr(f), int(f), F("1e3"))
class Level(int):
    def __new__(cls, value, name):
        self = super().__new__(cls, value)
        self.label = name
        return self
    def __repr__(self): return f"<Level {self.label}={int(self)}>"
    def __add__(self, o): return "custom add"
L = Level(10, "DEBUG")
print(L, repr(L), L + 1, 1 + L, L.label, L * 2, vars(L))
class Tag(str):
    def __init__(self, v):
        self.extra = v * 2
t = Tag("ab"); print(t, t.extra, t.__class__.__name__)
print(str.__new__(S, "q"), type(str.__new__(S, "q")).__name__, int.__new__(I, 7) + 0, S.upper(s), str.upper(s), S.__mro__)
try:
    class Bad(int, str): pass
except TypeError as e: print(e)
try: object.__new__(S)
except TypeError as e: print(e)
try: s + 1
except TypeError as e: print(e)
try: 1 + s
except TypeError as e: print(e)
try: i + "a"
except TypeError as e: print(e)
import json, copy
print(json.dumps({s: i, "l": [s]}), copy.copy(s), type(copy.copy(s)).__name__, copy.deepcopy(i))
