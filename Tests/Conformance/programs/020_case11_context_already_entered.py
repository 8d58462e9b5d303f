# SEMANTICS §5 case 11: a Context cannot be entered twice; it is usable again afterwards.
from contextvars import ContextVar, copy_context

V = ContextVar('V', default='dflt')
ctx = copy_context()
try:
    ctx.run(ctx.run, len, [])
except RuntimeError as e:
    print('RuntimeError:', e)
print(ctx.run(len, [1, 2]))
def boom():
    V.set('boom')
    raise ValueError('inside')
try:
    ctx.run(boom)
except ValueError as e:
    print('ValueError:', e)
print(ctx[V], V.get())
