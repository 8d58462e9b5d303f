# Scopes made inside annotations and in a try statement's `else` block (fuzz seed 40): the
# compiler makes them in the order it emits code, the `else` block before the handlers, and a
# module's or class's annotation is evaluated (CPython 3.13's eager annotations), so a lambda or
# comprehension there is a scope of its own.
def with_else(x):
    try:
        [i for i in range(3)]
    except Exception:
        h = lambda: "h"
        return h()
    else:
        k = lambda y: y * 2
        return k(x)


def with_handler(x):
    try:
        [1 / i for i in range(x)]
    except ZeroDivisionError:
        h = lambda e=None: f"caught {e}"
        return h()
    else:
        k = lambda y, z: y + z
        return k(x, 1)
    finally:
        m = lambda: "finally"
        print(m())


print(with_else(21), with_handler(3), with_handler(0))
z: (lambda: 1)() + 1 = 5
w: [i * 2 for i in range(3)]
print(__annotations__)


class C:
    a: {k: v for k, v in [("x", 1)]}
    b: (lambda: int)()


print(C.__annotations__)
