from contextlib import contextmanager, ExitStack, suppress
import contextvars
rid = contextvars.ContextVar("rid")

@contextmanager
def bound(v):
    t = rid.set(v)
    try:
        yield
    finally:
        rid.reset(t)

@contextmanager
def failing_cleanup():
    yield
    raise KeyError("cleanup")

try:
    with ExitStack() as st:
        st.enter_context(failing_cleanup())
        st.enter_context(bound(1))
        raise ValueError("body")
except (KeyError, ValueError) as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))

with suppress(ValueError, TypeError):
    int("x")
print(rid.get("unset"))

def work():
    with bound("req-1"):
        raise ValueError("inner failure")


from contextlib import ExitStack
def boom(name):
    raise KeyError(name)
try:
    with ExitStack() as st:
        st.callback(boom, "first")
        st.callback(boom, "second")
        raise ValueError("body")
except KeyError as e:
    c = e
    chain = []
    while c is not None:
        chain.append(repr(c))
        c = c.__context__
    print(chain)
work()
