# Tracebacks as CPython 3.13 prints them: the carets under the instruction that raised
# (`~~^~~` for an operator, `~^^^` for a call's or a subscript's brackets, `^^^` without
# anchors), none where the instruction covers its line or is `return f(x)` / `y = f(x)`,
# a comprehension inlined in its function's frame (PEP 709), and repeated lines collapsed.
import traceback


def show(fn, *args):
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))


def divide(a, b):
    return a / b


def lookup(d):
    total = d["a"] + d["missing"]
    return total


def helper(n):
    return divide(n, 0)


def attribute(x):
    return x.upper().strip()


def call_result():
    y = len(5)
    return y


def in_comprehension(items):
    return [1 / i for i in items]


def store():
    a = [1]
    a[3] = 1


def assertion():
    assert 1 == 2, "no"


def parenthesized():
    x = (1)+ 'a'
    return x


def augmented():
    x = 1
    x += 'a'


def nested(d):
    print(d['k'], d['j']['q'])


def recurse(n):
    return recurse(n + 1)


def korean():
    s = '한국어'
    return s + 1


show(divide, 1, 0)
show(lookup, {"a": 1})
show(helper, 3)
show(attribute, 3)
show(call_result)
show(in_comprehension, [1, 0])
show(store)
show(assertion)
show(parenthesized)
show(augmented)
show(nested, {'k': 1, 'j': {}})
show(recurse, 0)
show(korean)
show(lambda: {}["x"])
