class A:
    x: int = 1
    y: "str"
class B(A):
    pass
print(A.__annotations__, B.__annotations__, A.x)
z: float = 2.0
print(__annotations__)
def f():
    q: undefined_name = 1
    return q
print(f(), "x" in A.__dict__, "x" in B.__dict__)
