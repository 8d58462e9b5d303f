# Class patterns (PEP 634) against CPython 3.13: isinstance checks, __match_args__ (explicit,
# inherited, overridden), keyword sub-patterns read with getattr (a missing attribute does not
# match; properties run), the built-in types that match themselves with one positional
# sub-pattern (bool, bytes, dict, float, frozenset, int, list, set, str, tuple, and subclasses),
# dataclasses (their generated __match_args__, kw_only fields left out), namedtuples, and a
# real-world dispatcher: request events matched by class pattern while a ContextVar carries the
# request id through asyncio tasks; contextvars objects (Context, ContextVar, Token) as subjects.
import asyncio, contextvars
from collections import namedtuple
from dataclasses import dataclass, field, KW_ONLY

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

class Point3(Point):
    __match_args__ = Point.__match_args__ + ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

class Named(Point):
    pass

def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=z) if z < 0:
            return f"below the plane at {x},{y}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Named() | Point(x=1):
            return "named or x == 1"
        case Point():
            return f"somewhere: {p!r}"
        case object(real=r, imag=i):
            return f"number-like {r} {i}"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(4, 0), Point(1, 9), Point(2, 3), Point3(0, 0, 0),
          Point3(1, 2, -3), Point3(1, 2, 3), Named(5, 5), 7, "str"]:
    print(f"{p!r:16} {where(p)}")

print("-- self-matching built-ins")
class MyDict(dict):
    pass
class MyStrTuple(tuple):
    pass
for v in [True, 3, 2.5, "text", b"by", [1], (2,), MyStrTuple((3,)), {"k": 1}, MyDict(k=2), {5}, frozenset({6}), None]:
    match v:
        case bool(b):
            r = f"bool {b}"
        case int(n):
            r = f"int {n} ({type(n).__name__})"
        case float(f) | str(f) | bytes(f):
            r = f"float/str/bytes {f!r}"
        case list(l) | tuple(l):
            r = f"list/tuple {l!r} {type(l).__name__}"
        case dict(d) | set(d) | frozenset(d):
            r = f"dict/set {d!r} {type(d).__name__}"
        case _:
            r = "none of them"
    print(f"{v!r:18} {r}")
match 5:
    case int(real=5, imag=0):
        print("keyword sub-patterns on int:", 5)

print("-- attributes")
class Lazy:
    __match_args__ = ("value",)
    @property
    def value(self):
        print("  computing value")
        return 42
    @property
    def broken(self):
        raise AttributeError("no broken")
match Lazy():
    case Lazy(broken=_):
        print("no")
    case Lazy(41):
        print("no")
    case Lazy(v):
        print("property read:", v)
class Partial:
    __match_args__ = ("a", "b")
    a = 1
match Partial():
    case Partial(a, b):
        print("no: b is missing")
    case Partial(a):
        print("only a:", a)

print("-- dataclasses")
@dataclass
class Request:
    method: str
    path: str
    headers: dict = field(default_factory=dict)

@dataclass(frozen=True)
class Response:
    status: int
    body: str = ""
    _: KW_ONLY
    cached: bool = False

@dataclass(match_args=False)
class Opaque:
    x: int

print(Request.__match_args__, Response.__match_args__, hasattr(Opaque, "__match_args__"))
def handle(msg):
    match msg:
        case Request("GET", "/"):
            return "index"
        case Request("GET", path, {"accept": "json"}):
            return f"json for {path}"
        case Request(method="POST" | "PUT" as m, path=p):
            return f"write {m} {p}"
        case Response(200, body) if body:
            return f"ok: {body}"
        case Response(status, cached=True):
            return f"cached {status}"
        case Response(int(status)) if 500 <= status < 600:
            return "server error"
        case Opaque(x=x):
            return f"opaque {x}"
        case _:
            return "unknown"
for m in [Request("GET", "/"), Request("GET", "/a", {"accept": "json"}), Request("PUT", "/b"),
          Request("DELETE", "/c"), Response(200, "hi"), Response(304, cached=True),
          Response(503), Response(200), Opaque(3)]:
    print(handle(m))

Pt = namedtuple("Pt", "x y")
match Pt(1, 2):
    case Pt(x, y=y):
        print("namedtuple class pattern", x, y, Pt.__match_args__)
match Pt(3, 4):
    case (a, b):
        print("namedtuple sequence pattern", a, b)

print("-- dispatching request events in a ContextVar")
request_id = contextvars.ContextVar("request_id", default=None)
log = []

@dataclass
class Started:
    path: str

@dataclass
class Chunk:
    data: bytes
    final: bool = False

@dataclass
class Failed:
    error: Exception

def dispatch(event):
    rid = request_id.get()
    match event:
        case Started(path=p) if p.startswith("/admin"):
            log.append((rid, "admin start", p))
        case Started(p):
            log.append((rid, "start", p))
        case Chunk(data, final=True):
            log.append((rid, "last chunk", len(data)))
        case Chunk(bytes(data)):
            log.append((rid, "chunk", len(data)))
        case Failed(error=ValueError() as e):
            log.append((rid, "bad value", str(e)))
        case Failed(KeyError(args=(key,))):
            log.append((rid, "missing key", key))
        case _:
            log.append((rid, "ignored", type(event).__name__))

async def serve(rid, events):
    request_id.set(rid)
    for ev in events:
        await asyncio.sleep(0)
        dispatch(ev)
    return request_id.get()

async def main():
    results = await asyncio.gather(
        serve("req-1", [Started("/home"), Chunk(b"abc"), Chunk(b"de", final=True)]),
        serve("req-2", [Started("/admin/x"), Failed(ValueError("bad")), "noise"]),
        serve("req-3", [Failed(KeyError("user")), Failed(RuntimeError())]),
    )
    print("each task kept its id:", results, "outside:", request_id.get())

Failed.__match_args__ = ("error",)
asyncio.run(main())
for entry in sorted(log):
    print(entry)

print("-- contextvars objects as subjects (a Context is no mapping pattern subject)")
import collections, types, sys
v = contextvars.ContextVar("v")
v.set(1)
ctx = contextvars.copy_context()
match ctx:
    case {}: print("Context is a mapping")
    case _: print("Context is not a mapping")
class Vars:
    v = v
match ctx:
    case {Vars.v: val}: print("keyed by var", val)
    case _: print("no")
match types.SimpleNamespace(a=1):
    case types.SimpleNamespace(a=a): print("ns", a)
match collections.ChainMap({"a": 1}):
    case {"a": a}: print("chainmap", a)
match v:
    case contextvars.ContextVar(name=n): print("var", n)
tok = v.set(2)
match tok:
    case contextvars.Token(var=var, old_value=old): print("token", var.name, old)
match "s":
    case contextvars.ContextVar(): print("no")
    case _: print("not a var")
class R:
    __match_args__ = ("a",)
    a = 1
match R():
    case R(a=1, b=2): print("no")
    case R(1): print("R(1)")
match sys.version_info:
    case (3, minor, *_): print("py3")
