class R:
    def __init__(self, **kw):
        self.__dict__.update(kw)
r = R(a=1, name="x")
print(r.__dict__, r.a, r.name)
print("%(name)s-%(a)d" % r.__dict__)
print(vars(r) is r.__dict__)
vars(r)["b"] = 2
print(r.b, hasattr(r, "b"), getattr(r, "zz", 5))
r.c = 3
print(r.__dict__)
del r.a
print(r.__dict__, sorted(dir(r))[-3:])
r.__dict__ = {"q": 9}
print(r.q, vars(r))
class S:
    pass
s = S()
print(vars(s), s.__dict__ == {})
