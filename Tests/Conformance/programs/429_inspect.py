# inspect (issues 15, 16): iscoroutinefunction and the other predicates through functools.wraps and
# partial (a decorator that sets a ContextVar around sync and async functions), signature() of
# functions, methods, classes, callable instances and partials, Parameter, bind/bind_partial with
# their errors, BoundArguments, unwrap, getdoc/cleandoc, getmembers; a function's __code__.
import asyncio, contextvars, functools, inspect

request_id = contextvars.ContextVar("request_id", default="-")

def with_request_id(fn):
    """Sets request_id for the call, sync or async."""
    if inspect.iscoroutinefunction(fn):
        @functools.wraps(fn)
        async def wrapper(rid, *args, **kwargs):
            token = request_id.set(rid)
            try:
                return await fn(*args, **kwargs)
            finally:
                request_id.reset(token)
    else:
        @functools.wraps(fn)
        def wrapper(rid, *args, **kwargs):
            token = request_id.set(rid)
            try:
                return fn(*args, **kwargs)
            finally:
                request_id.reset(token)
    return wrapper

@with_request_id
async def fetch(path: str, *, retries: int = 3) -> dict:
    await asyncio.sleep(0)
    return {"rid": request_id.get(), "path": path, "retries": retries}

@with_request_id
def compute(x, y=2):
    return (request_id.get(), x * y)

async def main():
    print(await fetch("r1", "/a"), compute("r2", 5), request_id.get())
asyncio.run(main())
print(inspect.iscoroutinefunction(fetch), inspect.iscoroutinefunction(compute), inspect.iscoroutinefunction(fetch.__wrapped__))
print(inspect.signature(fetch), inspect.signature(fetch.__wrapped__), inspect.signature(compute, follow_wrapped=False))
def f(a, b: int = 1, /, c=2, *args, d, e: "str" = "x", **kw) -> None: pass
sig = inspect.signature(f)
print(sig, repr(sig), list(sig.parameters), sig.return_annotation)
for p in sig.parameters.values():
    print(repr(p), p.kind, p.kind.description, p.default is p.empty)
ba = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(ba, ba.args, ba.kwargs)
ba.apply_defaults(); print(ba)
for args, kw in [((), {}), ((1,), {}), ((1, 2, 3), {"c": 4, "d": 1}), ((1,), {"a": 2, "d": 1})]:
    try:
        sig.bind(*args, **kw)
    except TypeError as e:
        print(e)
def g(a, b=2): pass
try:
    sig.bind_partial(1)
    print(inspect.signature(g).bind_partial(b=3))
    inspect.signature(g).bind(1, 2, 3)
except TypeError as e:
    print(e)
class Service:
    def __init__(self, name, *, timeout=1.0): pass
    def handle(self, req, /): pass
    async def ahandle(self): pass
    def __call__(self, x): pass
print(inspect.signature(Service), inspect.signature(Service("s").handle), inspect.signature(Service("s")))
print(inspect.signature(functools.partial(f, 1, 2, d=3)))
c1, c2 = fetch("y", "/"), fetch("x", "/")
print(inspect.isawaitable(c1), inspect.iscoroutine(c2), inspect.isclass(Service), inspect.isawaitable(1))
c1.close(); c2.close()
print(inspect.ismethod(Service("s").handle), inspect.isfunction(f), inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(Service("s").ahandle))
def gen(): yield 1
async def agen(): yield 1
print(inspect.isgeneratorfunction(gen), inspect.isasyncgenfunction(agen), inspect.isgenerator(gen()), inspect.isbuiltin(len), inspect.isroutine(len))
print(inspect.getdoc(with_request_id), inspect.cleandoc("  a\n    b\n  c"), inspect.unwrap(fetch) is fetch.__wrapped__)
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=1), inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY)]))
try:
    inspect.Parameter("1x", inspect.Parameter.POSITIONAL_ONLY)
except ValueError as e:
    print(e)
try:
    inspect.Signature([inspect.Parameter("a", inspect.Parameter.KEYWORD_ONLY), inspect.Parameter("b", inspect.Parameter.POSITIONAL_ONLY)])
except ValueError as e:
    print(e)
try:
    inspect.signature(1)
except TypeError as e:
    print(e)
def sync_marked(): pass
inspect.markcoroutinefunction(sync_marked)
print(inspect.iscoroutinefunction(sync_marked), inspect.get_annotations(f), f.__code__.co_flags & inspect.CO_VARARGS)
print([name for name, _ in inspect.getmembers(Service, inspect.isfunction)])
