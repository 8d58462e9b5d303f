# Decorators: plain, with arguments, stacked, on methods, functools.wraps and partial.
import functools

calls = []

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper

def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

def exclaim(fn):
    return lambda *a: fn(*a) + '!'

@logged
def add(a, b):
    return a + b

@repeat(3)
def hello(name):
    return 'hi ' + name

@exclaim
@exclaim
def shout(w):
    return w.upper()

class Greeter:
    @logged
    def greet(self, who):
        return 'hello ' + who

print(add(1, 2), add.__name__, calls)
print(hello('bob'))
print(shout('hey'))
print(Greeter().greet('you'), calls)
double = functools.partial(lambda x, y: x * y, 2)
print(double(21), double.args)
