def gen():
    try:
        x = yield 1
        print("got", x)
        y = yield 2
        print("got", y)
    finally:
        print("cleanup")
    return "done"
g = gen()
print(next(g))
print(g.send("hi"))
try:
    g.send("there")
except StopIteration as e:
    print("stop", e.value, e.args)
g = gen(); next(g); print(g.close())
def g2():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 5
g = g2(); next(g); print(g.throw(ValueError("boom")))
g = g2(); next(g); print(g.throw(ValueError))
try:
    gen().send(3)
except TypeError as e:
    print(e)
def g3():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = g3(); next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
def g4():
    raise StopIteration(7)
    yield
try:
    next(g4())
except RuntimeError as e:
    print(e, repr(e.__cause__))
def g5():
    try:
        yield
    except GeneratorExit:
        return 42
g = g5(); next(g); print(g.close())
g = g2(); print(g.gi_running, g.__name__)
try:
    g2().throw(1)
except TypeError as e:
    print(e)
