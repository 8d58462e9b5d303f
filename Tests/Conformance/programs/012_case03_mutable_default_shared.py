# SEMANTICS §5 case 3: a mutable default is one object shared by every context.
from contextvars import ContextVar, Context, copy_context

lst = ContextVar('lst', default=[])
lst.get().append('x')
print(Context().run(lst.get))
print(copy_context().run(lst.get) is lst.get())
print(lst in copy_context())
