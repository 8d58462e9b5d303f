"""Traceback source lines for an instruction that spans several lines (3.13's
StackSummary.format_frame_summary): every line of a short span, the anchors' lines of a long one
with `...<N lines>...` between, carets on each line, the lines dedented together."""
import traceback
def f(*a, **k):
    raise ValueError("x")

def show(fn):
    try:
        fn()
    except Exception:
        print(traceback.format_exc().replace(__file__, "prog.py"))

def t1():
    result = f(
        1,
        2,
    )
show(t1)

def t2():
    x = {"a": 1}
    return (x["a"] +
            x["b"])
show(t2)

def t3():
    return f(1,
             2)
show(t3)

def t4():
    y = (
        1
        /
        0
    )
show(t4)

def t5():
    d = {}
    v = d[
        "missing"
    ]
show(t5)

def t6():
    g = f
    g(1, 2, 3,
      4, 5, 6,
      7, 8, 9,
      10, 11,
      12)
show(t6)

def t7():
    print("a",
          f(1),
          "b")
show(t7)

def t8():
    a = [1, 2]
    b = 0
    return a[0] / \
        b
show(t8)

def t9():
    obj = None
    obj.attr.method(
        1,
    )
show(t9)

def t10():
    if f(
        1
    ):
        pass
show(t10)

def t11():
    x = 1 + f(
    2)
show(t11)

def t12():
    z = f(1,

          2)
show(t12)

def t13():
    名前 = f(
        "値", 1,
        "x")
show(t13)

def t14():
    total = sum(
        [1, 2],
        start="s",
    ) + 1
show(t14)

class C:
    def m(self):
        return {
            "k": 1,
        }["j"]
show(C().m)
