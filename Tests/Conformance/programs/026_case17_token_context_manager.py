# expect: 3.14
# SEMANTICS §5 case 17 (3.14 semantics, gh-129889): a Token is a context manager; __enter__
# returns the token, __exit__ resets the var (all reset checks apply, errors propagate).
# 3.11-3.13 raise "TypeError: '_contextvars.Token' object does not support the context manager
# protocol" instead: the expected output is hand-written for 3.14.
from contextvars import ContextVar

W = ContextVar('W', default='dflt')
with W.set(5) as tok:
    print(W.get(), tok.var is W, tok.old_value)
print(W.get())
print(tok)
t = W.set('outer')
with W.set('inner'):
    print(W.get())
print(W.get())
W.reset(t)
print(W.get())
try:
    with W.set('x') as tok2:
        W.reset(tok2)
        print('reset inside:', W.get())
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    with W.set('y'):
        raise ValueError('body')
except ValueError as e:
    print('ValueError:', e, W.get())
print(hasattr(tok, '__enter__'), hasattr(tok, '__exit__'))
