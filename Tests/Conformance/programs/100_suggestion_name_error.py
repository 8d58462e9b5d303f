# A typo in a name: CPython 3.12+ prints "Did you mean" after the NameError, drawing on the
# frame's locals, the globals and the builtins.
import contextvars

request_id = contextvars.ContextVar("request_id", default=None)


def handler():
    token = request_id.set("abc")
    print(request_id.get())
    request_id.reset(tokn)


handler()
