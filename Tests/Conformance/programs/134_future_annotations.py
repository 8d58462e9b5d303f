# `from __future__ import annotations` (PEP 563): every annotation is kept as its source text,
# as CPython's compiler unparses it (Python/ast_unparse.c), and is never evaluated, so names
# that do not exist yet (or at all) are fine. The usual reason it is at the top of a module
# that declares ContextVars with their types.
from __future__ import annotations
from typing import Optional, Callable, Any
from contextvars import ContextVar
import __future__
print(__future__.annotations, annotations, __future__.all_feature_names[-1])
print(__future__.division.getMandatoryRelease(), __future__.annotations.getOptionalRelease())
request_id: ContextVar[Optional[str]] = ContextVar("request_id", default=None)
def f(a: int, *b: Undefined, c: "x" = 1, d: dict[str, list[int]] | None = None, **kw: Callable[..., Any]) -> list[int]:
    pass
print(f.__annotations__)
class C:
    x: Optional[ str ]
    y: (int) = 2
    z: lambda x, *a, k=1: x + 1
    v: tuple[int, ...] = ()
    u: 1 .real + -x ** -y ** z
    t: (a, b)
    s: a[1:2, ::3]
    r: [x for x in y if x]
    q: f"{x!r:>{w}} {{lit}}"
    p: not a and (b or c) < d is not e
    n: x if y else (z if w else v)
    m: {**a, 'b': 1}
    k: call(a, *b, c=1, **d)
    j: 1e400
print(C.__annotations__)
print(__annotations__)
def g(x: int): pass
g.__annotations__ = {'x': 'y'}
print(g.__annotations__)


def handler(request: Request, *, rid: ContextVar[str] = request_id) -> Response:
    return request_id.get()


print(handler.__annotations__)
print(handler(None))
