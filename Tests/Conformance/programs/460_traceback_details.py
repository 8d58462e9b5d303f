# Traceback details real code meets: exception notes (add_note, __notes__, PEP 678), chained
# exceptions in order with the words between them, an __exit__ that raises (located at the with
# statement's context expression), with_traceback(None), and str.splitlines(keepends=True).
import re
import traceback
from contextvars import ContextVar

request_id = ContextVar("request_id", default="-")


def show():
    print(re.sub(r'File ".*?([^/"]+\.py)"', r'File "\1"', traceback.format_exc()), end="")


class Span:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError(f"span for {request_id.get()} failed to close")


def handle():
    request_id.set("r-9")
    try:
        {}["user"]
    except KeyError as e:
        e.add_note(f"while handling request {request_id.get()}")
        raise ValueError("no user") from e


for f in [handle, lambda: Span().__enter__() and None]:
    try:
        f()
    except Exception:
        show()

try:
    with Span():
        pass
except RuntimeError:
    show()

try:
    with Span():
        raise KeyError("inside")
except RuntimeError:
    show()

try:
    try:
        raise ValueError("first")
    except ValueError as e:
        raise TypeError("second") from e.with_traceback(None)
except TypeError:
    show()

e = ValueError("v")
e.add_note("one")
e.add_note("two\nlines")
print(e.__notes__, traceback.format_exception_only(e))
for bad in [lambda: e.add_note(3), lambda: e.with_traceback(1)]:
    try:
        bad()
    except TypeError as err:
        print(err)
print("a\r\nb\rc\x0bd\n\ne".splitlines(True), "a\r\nb".splitlines(), "".splitlines(True))
