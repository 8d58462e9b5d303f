# SEMANTICS §5 case 14: keys()/values()/items() are single-pass iterators with a length.
from contextvars import ContextVar, copy_context

W = ContextVar('W')
W.set(1)
ctx = copy_context()
kk = ctx.keys()
print(type(kk).__name__, len(kk), len(list(kk)), len(list(kk)))
print(list(ctx.values()), [v.name for v in ctx], len(ctx))
print([(k.name, v) for k, v in ctx.items()])
print(type(ctx.values()).__name__, type(ctx.items()).__name__)
