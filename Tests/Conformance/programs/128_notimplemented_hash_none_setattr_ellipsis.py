class A:
    def __init__(s, v): s.v = v
    def __eq__(s, o):
        if type(o) is A: return s.v == o.v
        return NotImplemented
    def __lt__(s, o):
        if type(o) is A: return s.v < o.v
        return NotImplemented
print(A(1) == A(1), A(1) == 5, A(1) != 5, A(1) < A(2))
print(sorted([A(3), A(1)])[0].v)
try:
    A(1) < 5
except TypeError as e: print(e)
class H:
    __hash__ = None
try: hash(H())
except TypeError as e: print(e)
class S:
    def __setattr__(self, n, v):
        object.__setattr__(self, n, v * 2)
s = S(); s.x = 2; print(s.x)
def f(): ...
print(f(), ..., type(...), ... is Ellipsis, Ellipsis)
x = [1, ...]
print(x, bool(...))
class P:
    def m(self) -> int: ...
print(P().m())
