# typing.NamedTuple and typing.TypedDict (issue 15), after NamedTupleMeta and _TypedDictMeta: class syntax with
# defaults, methods and docstrings, the functional forms, Required/NotRequired and total=, their errors;
# request info and spans held in ContextVars across tasks.
import asyncio, contextvars
from typing import NamedTuple, TypedDict, Required, NotRequired, Optional

class RequestInfo(NamedTuple):
    """Who and what a request is."""
    request_id: str
    user: Optional[str] = None
    attempt: int = 1
    def label(self):
        return f"{self.request_id}/{self.user or 'anon'}#{self.attempt}"

class Span(TypedDict, total=False):
    name: Required[str]
    parent: str
    tags: dict

info_var = contextvars.ContextVar("info")
span_var = contextvars.ContextVar("span")

async def handle(rid, user):
    info_var.set(RequestInfo(rid, user))
    span_var.set(Span(name=f"handle-{rid}"))
    await asyncio.sleep(0)
    info = info_var.get()
    retry = info._replace(attempt=info.attempt + 1)
    print(info, info.label(), retry.label(), span_var.get(), type(span_var.get()).__name__)

async def main():
    await asyncio.gather(handle("a", "ann"), handle("b", None))
asyncio.run(main())
print(RequestInfo._fields, RequestInfo._field_defaults, RequestInfo.__annotations__, RequestInfo.__doc__)
print(RequestInfo("x")._asdict(), RequestInfo.__orig_bases__, RequestInfo.__mro__, isinstance(RequestInfo("x"), tuple))
print(Span.__required_keys__, sorted(Span.__optional_keys__), Span.__total__, Span.__annotations__, Span.__orig_bases__)
try:
    isinstance({}, Span)
except TypeError as e:
    print(e)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print(e)
try:
    class Bad2(NamedTuple):
        a: int
        def _asdict(self): pass
except AttributeError as e:
    print(e)
Point = NamedTuple("Point", [("x", int), ("y", int)])
print(Point(1, 2), Point.__annotations__, Point.__module__)
Movie = TypedDict("Movie", {"title": str, "year": int})
print(Movie(title="x", year=1), Movie.__required_keys__ == {"title", "year"}, Movie.__module__)
class Child(Span):
    extra: int
print(sorted(Child.__required_keys__), sorted(Child.__optional_keys__))
try:
    class Mixed(Span, int): pass
except TypeError as e:
    print(e)
