# SEMANTICS §5 case 2: get(None) returns None; get(default=...) is a TypeError; the argument beats
# the var's default; get() never stores anything.
from contextvars import ContextVar, copy_context

W = ContextVar('W')
D = ContextVar('D', default='dflt')
print(W.get(None))
print(W.get('arg'), D.get(), D.get('arg'))
print(W in copy_context(), D in copy_context())
for call in (lambda: W.get(default=None), lambda: W.get(1, 2)):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
D.set('set')
print(D.get('arg'))
