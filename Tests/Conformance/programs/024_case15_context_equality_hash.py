# SEMANTICS §5 case 15: Context equality compares the mappings; contexts are unhashable.
from contextvars import ContextVar, Context, copy_context

V = ContextVar('V')
print(Context() == Context(), Context() != Context(), Context() == 1)
V.set(1)
a = copy_context()
b = copy_context()
print(a == b, a is b, a == Context())
print(a == Context().run(lambda: (V.set(1.0), copy_context())[1]))
try:
    hash(Context())
except TypeError as e:
    print('TypeError:', e)
