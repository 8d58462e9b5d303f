# Descriptors (issues 14, 15): staticmethod, classmethod and property as types (getter/setter/deleter,
# __get__/__set__/__delete__, "has no setter"), data descriptors written in Python taking precedence
# over the instance dict, a function's __get__.
class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
class Req:
    rid = Typed(str)
    n = Typed(int)
    def __init__(self, rid, n):
        self.rid = rid; self.n = n
r = Req("a", 1)
print(r.rid, r.n, vars(r), type(Req.rid).__name__)
try: r.n = "x"
except TypeError as e: print(e)
del r.rid
r.__dict__["rid"] = "shadow"
print(r.rid)
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("del x")
    y = property()
p = P(); p.x = 4; print(p.x); del p.x
try: p.y
except AttributeError as e: print(e)
try: p.y = 1
except AttributeError as e: print(e)
try: del p.y
except AttributeError as e: print(e)
p.__dict__["x"] = 99; print(p.x, P.x.fget.__name__, P.x.__name__, type(P.x), P.x.__get__(p), P.__dict__["x"].__set__(p, 1), p._x)
print(callable(staticmethod(len)), staticmethod(len)(["a"]), isinstance(P.__dict__["x"], property))
class Q:
    @staticmethod
    def s(): return "s"
    @classmethod
    def c(cls): return cls.__name__
print(Q.s(), Q().c(), type(Q.__dict__["s"]), type(Q.__dict__["c"]), Q.__dict__["c"].__func__.__name__)
print(Q.__dict__["c"].__get__(None, Q)(), Q.__dict__["s"].__get__(Q()) ())
def f(self): return self
print(f.__get__(3)(), f.__get__(None, int) is f)
try: staticmethod()
except TypeError as e: print(e)
try: classmethod(1, 2)
except TypeError as e: print(e)
class S:
    def __setattr__(self, k, v):
        print("setattr", k)
        super().__setattr__(k, v)
    @property
    def z(self): return 1
    @z.setter
    def z(self, v): print("z setter", v)
s = S(); s.z = 3; s.w = 4; print(s.w)
