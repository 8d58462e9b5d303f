# A call's * and ** arguments (CALL_FUNCTION_EX, LIST_EXTEND, DICT_MERGE, DICT_UPDATE): the errors name
# the function (_PyObject_FunctionStr), a keyword given twice is an error, {**x} wants a mapping.
def f(**kw): return kw
class C:
    def m(self, *a, **k): pass
def t(g):
    try: g()
    except TypeError as e: print(e)
t(lambda: f(**1))
t(lambda: f(**[1]))
t(lambda: C().m(**None))
t(lambda: print(**1))
t(lambda: f(*1))
t(lambda: C().m(*None))
t(lambda: len(*5))
t(lambda: f(**{'a': 1}, **{'a': 2}))
t(lambda: f(a=1, **{'a': 2}))
t(lambda: f(**{1: 2}))
def f(*a, **kw): return a, kw
def t2(g):
    try: print(g())
    except TypeError as e: print(e)
t2(lambda: f(1, *5))
t2(lambda: f(*[1], *5))
t2(lambda: f(*[1], 2, *None))
t2(lambda: [*5])
t2(lambda: {**5})
t2(lambda: f(x=1, **5))
t2(lambda: f(**{'x': 1}, x=2))
t2(lambda: f(*(i for i in range(2)), **{'a': 1}))
class M:
    def keys(self): return ['k']
    def __getitem__(self, k): return 42
t2(lambda: f(**M()))
t2(lambda: f(**{'a': 1}, **M()))
t2(lambda: (lambda: 0)(**1))
t2(lambda: {**[(1, 2)]})
t2(lambda: dict(**{'a': 1}, b=2))
t2(lambda: print(*[1, 2], **{'sep': '-'}))
