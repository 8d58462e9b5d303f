# match statements (PEP 634), every pattern kind against CPython 3.13: literals (negative numbers,
# concatenated strings, bytes, None/True/False compared with `is`), captures and `_`, value
# patterns, groups, sequence patterns over lists, tuples, ranges and deques (never str or bytes),
# starred captures, mapping patterns (dict subclasses, keys read with .get, **rest copies), OR
# patterns that bind names in different orders, `as`, guards, tuple subjects, names left bound by
# a failed guard, match/case as ordinary names, and patterns binding in functions and closures.
import asyncio
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

def describe(x):
    match x:
        case 0:
            return "zero"
        case -1 | -2:
            return "small negative"
        case 1.5:
            return "one and a half"
        case "a" "b":
            return "the string ab"
        case b"raw":
            return "bytes raw"
        case None:
            return "None"
        case True:
            return "True (by identity)"
        case False:
            return "False (by identity)"
        case []:
            return "empty sequence"
        case [only]:
            return f"one item {only!r}"
        case [first, second]:
            return f"two items {first!r} {second!r}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first} ... {last} ({len(middle)} between)"
        case [_, _, *rest]:
            return f"two then {rest!r}"
        case {}:
            return "a mapping"
        case _:
            return f"something else: {type(x).__name__}"

for value in [0, -1, -2, 1.5, 1, "ab", b"raw", None, True, False, 1.0, 0.0, [], (), [7], (8,),
              [1, 2], (1, 2), range(3), deque([1, 2, 3, 4, 5, 6]), [1, 2, 3], "xy", b"xy",
              {}, {"a": 1}, defaultdict(int), {1, 2}]:
    print(f"{value!r:40} -> {describe(value)}")

print("-- mappings")
def mapping(m):
    match m:
        case {"kind": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"kind": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"kind": kind, **rest} if not rest:
            return f"bare {kind}"
        case {1: one, None: n, -1.5: t}:
            return f"odd keys {one} {n} {t}"
        case {**everything}:
            return f"mapping with {sorted(map(repr, everything))}"
        case _:
            return "not a mapping"

print(mapping({"kind": "point", "x": 1, "y": 2, "z": 3}))
print(mapping({"kind": "circle", "r": 5, "fill": "red", "line": 2}))
print(mapping({"kind": "blob"}))
print(mapping({"kind": "blob", "extra": 1}))
print(mapping({1: "one", None: "nil"}))
print(mapping({1: "one", None: "nil", -1.5: "neg"}))
print(mapping(OrderedDict(b=1, a=2)))
print(mapping(Counter("abca")))
print(mapping([("kind", "point")]))
d = defaultdict(list)
match d:
    case {"missing": _}:
        print("matched?")
    case _:
        print("defaultdict untouched:", dict(d))

class Spy(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)
match Spy(a=1, b=2):
    case {"a": 1, "b": 3}:
        print("no")
    case {"b": b, **rest}:
        print("rest is a plain dict:", type(rest).__name__, rest, b)

print("-- sequences")
Pair = namedtuple("Pair", "left right")
for s in [[1, [2, 3]], (1, (2, 3)), [1, [2]], Pair(1, 2), "ab", [1, 2, 3, 4], deque([9])]:
    match s:
        case [a, [b, c]]:
            print("nested", a, b, c)
        case (a, b) if isinstance(s, tuple):
            print("tuple pair", a, b)
        case [*init, 4]:
            print("ends with 4 after", init)
        case [x]:
            print("single", x)
        case other:
            print("other", other)

match 1, 2, 3:
    case a, *b:
        print("tuple subject", a, b, type(b).__name__)
match (1, 2):
    case (1, 2) as whole:
        print("as", whole)
match [1, 2]:
    case (x, y):
        print("parenthesised sequence matches a list", x, y)
match "abc":
    case [*chars]:
        print("str is a sequence?")
    case str(s):
        print("str is not a sequence pattern subject:", s)

print("-- or and as")
def order(p):
    match p:
        case (1, x, y) | (2, y, x) | [3, *_, (y, x)] as whole:
            return x, y, whole
        case _:
            return "none"
print(order((1, "x", "y")), order((2, "y", "x")), order([3, 0, ("y", "x")]), order(9))
def swap(p):
    match p:
        case {"a": a, "b": b} | [b, a]:
            return a, b
print(swap({"a": 1, "b": 2}), swap([3, 4]), swap(5))

print("-- guards and bindings")
def guarded(n):
    match n:
        case int(k) if k % 2 == 0:
            return f"even {k}"
        case int(k) if (half := k // 2) > 2:
            return f"odd, half {half}"
        case k:
            return f"fell through, k={k}"
print(guarded(4), guarded(7), guarded(3), guarded("s"))

x = "before"
match 10:
    case x if x > 100:
        print("no")
    case _:
        print("the failed guard left x bound:", x)

y = "untouched"
match [1, 2]:
    case [y, 3]:
        print("no")
    case _:
        print("a failed pattern binds nothing:", y)

class Color:
    RED = "red"
    GREEN = "green"
    class Shade:
        DARK = "dark"
for c in ["red", "green", "dark", "blue"]:
    match c:
        case Color.RED | Color.GREEN:
            print("primary", c)
        case Color.Shade.DARK:
            print("shade", c)
        case unknown:
            print("unknown", unknown)

print("-- scopes")
def outer():
    match (1, 2):
        case (a, b):
            pass
    def inner():
        return a + b
    return inner()
print("closure over captures:", outer())

def make():
    total = 0
    def add(item):
        nonlocal total
        match item:
            case {"n": total}:
                pass
        return total
    return add
adder = make()
print("nonlocal capture:", adder({"n": 5}), adder({}))

counter = 0
def bump(v):
    global counter
    match v:
        case [counter]:
            pass
bump([41])
print("global capture:", counter)

class Body:
    match {"x": 1}:
        case {"x": attr}:
            pass
print("class body capture:", Body.attr)

fs = []
for i in range(3):
    match i:
        case 0:
            fs.append(lambda: "zero")
        case n if (g := (lambda: n * 10)):
            fs.append(g)
print("lambdas in cases:", [f() for f in fs])

print("-- soft keywords")
match = {"case": 1}
case = [match]
print(match["case"], case, match.get("case"))
def match(*args):
    return args
print(match(1, 2), match (3))
match -1:
    case -1:
        print("match -1 with a space is a statement when a block follows")
print(type(match).__name__)

print("-- control flow and evaluation order (match is a function now; statements still work)")
def f(v):
    match v:
        case [a, (b, c) | [c, b, _], d] | (d, c, b, a):
            return a, b, c, d
        case {"x": [1, *xs], **kw} | {"y": [*xs], **kw}:
            return xs, kw
print(f([1, (2, 3), 4]), f([1, [3, 2, 0], 4]), f((4, 3, 2, 1)), f({"x": [1, 2], "z": 0}), f({"y": [5], "q": 1}))
class E:
    def __init__(self, n): self.n = n
    def __eq__(self, o):
        print("eq", self.n, o); return self.n == o
class V:
    A = E(1); B = E(2)
def subj():
    print("subject evaluated"); return 2
match subj():
    case V.A: print("A")
    case V.B: print("B")
def gen():
    for i in range(5):
        match i:
            case 0: continue
            case 3: break
            case n if n % 2: yield ("odd", n)
            case n: yield ("even", n)
print(list(gen()))
def tr():
    for i in range(3):
        try:
            match i:
                case 1:
                    return "returned from try"
                case _:
                    pass
        finally:
            print("finally", i)
print(tr())
async def am(x):
    async def ok(v):
        await asyncio.sleep(0); return v > 1
    match x:
        case int(n) if await ok(n):
            return "big"
        case _:
            return "small"
async def main():
    print(await am(1), await am(5))
asyncio.run(main())
match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]] if (s := a + b + c + d) == 10:
        print("deep", s)
import contextlib
with contextlib.nullcontext() as cm:
    match (1, 2):
        case (x, y): print("in with", x, y)
def comp():
    return [m for v in [(1, 2), [3], "s"] if (m := v) is not None]
print(comp())
match (1, 2, 3):
    case (1, *_, 3) as t if t: print("subscr path", t)
match range(10):
    case [0, 1, *_, 8, last]: print("range", last)
match {"a": 1, "b": 2, "c": 3}:
    case {"a": _, "c": _, **rest}: print("rest", rest)
match 0.0:
    case -0.0: print("neg zero matches 0.0")
match 1:
    case 1.0: print("1 == 1.0")
match True:
    case 1: print("True == 1 by value pattern")
match 1:
    case True: print("no")
    case _: print("1 is not True")

print("-- the order names are bound in (a class namespace keeps it)")
class Order:
    match {"k": (1, [2, 3]), "z": 0, "q": 9}:
        case {"k": (p, [r, s]) | (r, [p, s]) as whole, **rest} if False:
            pass
        case _:
            pass
    match [1, 2]:
        case [b, a] | (a, b, _):
            pass
print("binding order:", [n for n in Order.__dict__ if not n.startswith("__")])
