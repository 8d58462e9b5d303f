# global, nonlocal, closures capturing variables, late binding in loops.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump()
bump()
print(counter)

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())

def outer():
    x = 'outer'
    def middle():
        def inner():
            nonlocal x
            x = 'changed by inner'
        inner()
        return x
    return middle(), x

print(outer())
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])

def reads_global():
    return counter * 10

print(reads_global())

def shadow():
    counter = 'local'
    return counter

print(shadow(), counter)

def unbound():
    print(counter)
    counter = 1

try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, isinstance(e, NameError))
