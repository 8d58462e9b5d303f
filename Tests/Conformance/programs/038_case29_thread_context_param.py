# expect: 3.14
# SEMANTICS §5 case 29 (3.14 semantics, GIL build, sys.flags.thread_inherit_context off): a plain
# Thread starts with an empty Context; Thread(context=ctx) runs in ctx itself.
# 3.13 has no `context=` parameter (TypeError): the expected output is hand-written for 3.14.
import threading
from contextvars import ContextVar, Context, copy_context

V = ContextVar('V', default='dflt')
V.set('main')
res = []

def job(tag):
    res.append((tag, V.get()))

for tag, ctx in (('plain', None), ('copy', copy_context()), ('empty', Context())):
    t = threading.Thread(target=job, args=(tag,), context=ctx)
    t.start()
    t.join()
print(res)

ctx = copy_context()
t = threading.Thread(target=V.set, args=('set in thread',), context=ctx)
t.start()
t.join()
print(ctx[V], V.get())
