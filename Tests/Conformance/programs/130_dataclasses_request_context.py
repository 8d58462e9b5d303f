from dataclasses import dataclass, field, KW_ONLY, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError
import contextvars

@dataclass
class RequestContext:
    request_id: str
    user: str = "anonymous"
    tags: list = field(default_factory=list)

current = contextvars.ContextVar("current")
ctx = RequestContext("r-1")
current.set(ctx)
print(current.get(), current.get() == RequestContext("r-1"), ctx != RequestContext("r-2"))
ctx.tags.append("a")
print(ctx, RequestContext("r-3").tags)
print([f.name for f in fields(RequestContext)], asdict(ctx), astuple(ctx))
print(replace(ctx, user="bob"), is_dataclass(ctx), is_dataclass(RequestContext), is_dataclass(5))
print(RequestContext.__doc__, RequestContext.__match_args__)
print(RequestContext.__init__.__qualname__, RequestContext.__repr__.__qualname__)
try:
    hash(ctx)
except TypeError as e:
    print(e)

@dataclass(frozen=True, order=True)
class Span:
    trace_id: int
    name: str = "root"

a, b = Span(1), Span(2, "child")
print(a < b, sorted([b, a]), hash(a) == hash(Span(1)), {a: 1}[Span(1)])
try:
    a.name = "x"
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))

@dataclass
class P:
    x: int
    y: int = 0
    _: KW_ONLY
    z: int = 5

for args, kwargs in [((), {}), ((1, 2, 3), {}), ((1,), {'q': 1}), ((1,), {'x': 2}), ((), {'y': 1})]:
    try:
        P(*args, **kwargs)
    except TypeError as e:
        print(e)
print(P(1), P(1, 2, z=3), P.__doc__)

@dataclass
class Q:
    a: int
    b: int
    c: int
    d: int = field(kw_only=True)
for args in [(), (1, 2, 3), (1, 2, 3, 4, 5)]:
    try:
        Q(*args)
    except TypeError as e:
        print(e)
try:
    @dataclass
    class R:
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class M:
        items: list = []
except ValueError as e:
    print(e)

@dataclass
class Base:
    x: int = 0
    def __post_init__(self):
        print("post init", self)

@dataclass
class Child(Base):
    y: int = 1
Child(5)
print(fields(Child)[0].name, Child(1, 2) == Child(1, 2), Child(1, 2) == Base(1))
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) != 0)

@dataclass
class Node:
    name: str
    children: list = field(default_factory=list)
n = Node("root")
n.children.append(n)
print(n)
