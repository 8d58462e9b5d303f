# Run-time errors of match statements, with CPython 3.13's texts (ceval.c _PyEval_MatchClass,
# _PyEval_MatchKeys) and the lines their tracebacks point at: too many positional
# sub-patterns, __match_args__ that is not a tuple or holds a non-string, an attribute named twice,
# a class pattern on a non-class, duplicate and unhashable mapping keys found at run time, errors
# raised by __eq__, properties, .get and guards; the program ends with an uncaught one.
from dataclasses import dataclass

def lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out

def check(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e, lines(e))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y

class Bare:
    pass

def too_many():
    match Point():
        case Point(1, 2, 3):
            return "no"
check("too many", too_many)

def bare_positional():
    match Bare():
        case Bare(1):
            return "no"
check("no __match_args__", bare_positional)

def int_two():
    match 1:
        case int(1, 2):
            return "no"
check("int(1, 2)", int_two)

def not_a_tuple():
    class P:
        __match_args__ = ["x"]
    match P():
        case P(_):
            return "no"
check("list __match_args__", not_a_tuple)

def not_strings():
    class P:
        __match_args__ = ("x", 2)
        x = 1
    match P():
        case P(1, 2):
            return "no"
check("int in __match_args__", not_strings)

def twice():
    match Point(1, 2):
        case Point(
            1,
            x=1,
        ):
            return "no"
check("attribute twice", twice)

def not_a_class():
    match 3:
        case len():
            return "no"
check("not a class", not_a_class)

def not_a_class_no_isinstance_call():
    matcher = Point()
    match 3:
        case matcher.x():
            return "no"
check("an int as a class", not_a_class_no_isinstance_call)

class Keys:
    A = "k"
    B = "k"
    L = ["unhashable"]

def dup_keys():
    match {"k": 1, "j": 2}:
        case {Keys.A: 1, Keys.B: 2}:
            return "no"
check("duplicate key", dup_keys)

def unhashable():
    match {"k": 1}:
        case {Keys.L: 1}:
            return "no"
check("unhashable key", unhashable)

class BadEq:
    def __eq__(self, other):
        raise RuntimeError("eq exploded")
class Holder:
    VALUE = BadEq()

def eq_raises():
    match 5:
        case 1:
            return "one"
        case Holder.VALUE:
            return "no"
check("__eq__ raises", eq_raises)

class Exploding:
    __match_args__ = ("boom",)
    @property
    def boom(self):
        raise ValueError("boom")
def prop_raises():
    match Exploding():
        case Exploding(_):
            return "no"
check("property raises", prop_raises)

class BadGet(dict):
    def get(self, key, default=None):
        raise LookupError(f"no get for {key}")
def get_raises():
    match BadGet(a=1):
        case {"a": _}:
            return "no"
check(".get raises", get_raises)

def guard_raises():
    match [1, 2]:
        case [a, b] if a / (b - 2):
            return "no"
check("guard raises", guard_raises)

def wrong_len():
    class N:
        __match_args__ = ()
    match N():
        case N(1):
            return "no"
check("empty __match_args__", wrong_len)

@dataclass
class Event:
    kind: str
    payload: dict

def handle(ev):
    match ev:
        case Event("click", {"x": x, "y": y}):
            return (x, y)
        case Event(kind, payload, extra):
            return "no"
print(handle(Event("click", {"x": 1, "y": 2})))
handle(Event("key", {}))
