import contextvars
from contextlib import contextmanager, suppress, ExitStack, nullcontext, closing
request_id = contextvars.ContextVar("request_id", default=None)

@contextmanager
def bound(value):
    token = request_id.set(value)
    try:
        yield value
    finally:
        request_id.reset(token)

with bound("abc") as v:
    print("inside", v, request_id.get())
print("after", request_id.get())

try:
    with bound("x"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e, request_id.get())

@bound("deco")
def f():
    return request_id.get()
print(f(), request_id.get())

with suppress(KeyError):
    {}["a"]
print("suppressed")

with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "cb", i)
    stack.enter_context(bound("stacked"))
    print("in stack", request_id.get())
print("out", request_id.get())

with nullcontext(5) as n:
    print(n)

class Res:
    def close(self): print("closed")
with closing(Res()):
    pass

@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed")
with swallow():
    1/0
print("end")
