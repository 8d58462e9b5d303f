class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
d = {Point(1, 2): "a"}
print(d[Point(1, 2)], Point(1, 2) in d, Point(2, 1) in d)
s = {Point(1, 2), Point(1, 2), Point(3, 4)}
print(len(s), Point(3, 4) in s)
print({(Point(1, 2), 1): "t"}[(Point(1, 2), 1)])
print([Point(1, 2)] == [Point(1, 2)], Point(1, 2) in [Point(0, 0), Point(1, 2)])
print((Point(1, 2),) == (Point(1, 2),))
class Id:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return o == self.v
    def __hash__(self): return hash(self.v)
print({5: "five"}.get(Id(5)), {Id(5): "x"}.get(5))
class NoHash:
    def __eq__(self, o): return True
try:
    {NoHash(): 1}
except TypeError as e:
    print(e)
class Bad:
    def __hash__(self): raise ValueError("no hash")
try:
    {Bad(): 1}
except ValueError as e:
    print("ValueError", e)
