# Metaclasses (issue 14): type_new/type_call through a Python subclass of type, __prepare__ (a dict and
# another mapping), __init_subclass__ with class keywords, __set_name__, the metaclass slots
# (__call__, __repr__, __iter__, __len__, __getitem__, __contains__, __setattr__, __instancecheck__),
# metaclass conflicts, a class dict as type_new lays it out (__firstlineno__, __static_attributes__).
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["tag"] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        print("init", name, sorted(ns))
    def __call__(cls, *args, **kwargs):
        print("call", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def __repr__(cls):
        return f"<Meta {cls.__name__}>"
    def hello(cls):
        return "hello " + cls.__name__
    @property
    def upper(cls):
        return cls.__name__.upper()
class A(metaclass=Meta, flavour="x"):
    def __init__(self, v):
        self.v = v
print(A.tag, type(A), A, A.kw)
a = A(3)
print(a.v, A.hello(), A.upper, isinstance(A, Meta), isinstance(A, type), type(A) is Meta)
class B(A):
    pass
print(B, type(B), B.tag, B.kw)
print(repr(B), str(B))
try:
    A.hello2
except AttributeError as e:
    print(e)

class Base:
    subclasses = []
    def __init_subclass__(cls, /, role=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.role = role
        Base.subclasses.append(cls.__name__)
class C(Base, role="worker"): pass
class D(C): pass
print(Base.subclasses, C.role, D.role)
try:
    class E(Base, bogus=1): pass
except TypeError as e:
    print(e)
try:
    class F(flag=1): pass
except TypeError as e:
    print(e)
class M2(type): pass
try:
    class G(A, metaclass=M2): pass
except TypeError as e:
    print(e)
class Registry(type):
    registry = {}
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry[name] = cls
        return cls
    def __iter__(cls):
        return iter(sorted(Registry.registry))
    def __len__(cls):
        return len(Registry.registry)
    def __getitem__(cls, k):
        return Registry.registry[k]
    def __contains__(cls, k):
        return k in Registry.registry
class Plugin(metaclass=Registry): pass
class P1(Plugin): pass
print(list(Plugin), len(Plugin), Plugin["P1"], "P1" in Plugin, bool(Plugin))
X = type("X", (Plugin,), {"a": 1})
print(type(X), X.a, len(Plugin))
def func_meta(name, bases, ns, **kw):
    print("func_meta", name, kw)
    return 42
class H(metaclass=func_meta, z=1): pass
print(H)
class Single(type):
    _inst = {}
    def __call__(cls, *a, **k):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]
class S(metaclass=Single):
    def __init__(self): print("S init")
print(S() is S())
class Check(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Check): pass
class Q:
    quack = 1
print(isinstance(Q(), Duck), isinstance(1, Duck), issubclass(Q, Duck), isinstance(Q(), (int, Duck)))
class P2(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 7}
class W(metaclass=P2):
    print("body sees", injected)
print(W.injected)
print(type.__prepare__("a", ()))
try:
    type.__new__(Meta)
except TypeError as e:
    print(e)
class SetA(type):
    def __setattr__(cls, k, v):
        print("setattr", k, v)
        super().__setattr__(k, v)
class T(metaclass=SetA): pass
T.x = 5
print(T.x)
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.order.append(k)
            if k in self:
                raise TypeError(f"{k!r} already defined as {self[k]!r}")
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls
class A(metaclass=Meta):
    x: int = 1
    y = 2
    def f(self): return x
    z = y + 1
print(A.order, A.z, A.__annotations__)
try:
    class B(metaclass=Meta):
        a = 1
        a = 2
except TypeError as e:
    print(e)
try:
    class C(metaclass=Meta):
        del q
except NameError as e:
    print(e)
class A((lambda: object)()):
    def f(self): return 1
print(A().f())
class A:
    "doc"
    x = 1
    def f(self, other):
        self.b = 1; self.a += 2; other.z = 3
print(list(A.__dict__))
class B(A): pass
print(list(B.__dict__), list(vars(B)))
print(A.__dict__['__dict__'] if '__dict__' in A.__dict__ else None)
class E(Exception): pass
class F(E): pass
class D(dict): pass
class T(tuple): pass
class M(type): pass
class N:
    def __init__(self):
        self.x = 1
        def inner():
            self.y = 2
print(list(E.__dict__), list(F.__dict__), list(D.__dict__), list(T.__dict__), list(M.__dict__))
print(N.__static_attributes__, N.__firstlineno__, N.__qualname__)
print(A.__dict__["__dict__"], A.__dict__["__weakref__"])
