# `==` has no identity shortcut (a NaN is not equal to itself); containment and dict lookup
# compare identity first (PyObject_RichCompareBool).
x = float("nan")
print(x == x, x != x, [x] == [x], x in [x], float("nan") == float("nan"), 1.0 == 1, None == None)
d = {x: 1}
print(d[x], x in {x}, [x].count(x), x in (x,))
