# warnings as CPython's default filters treat them (DeprecationWarning shown in __main__ only, a
# location warned once under "default"), stacklevel, filters and their errors, catch_warnings
# with record=True, "error" turning a warning into an exception, a custom showwarning,
# formatwarning, @deprecated, the warning categories, and unittest's assertWarns.
import io
import sys
import unittest
import warnings
from contextvars import ContextVar

request_id = ContextVar("request_id", default=None)



class _Stderr:  # the warnings' text in order with the rest, without the program's directory
    def write(self, text):
        sys.stdout.write(text.replace(__file__, "459_warnings.py"))

    def flush(self):
        pass


sys.stderr = _Stderr()


def legacy_get():
    warnings.warn("legacy_get() is deprecated; use request_id.get()", DeprecationWarning, stacklevel=2)
    return request_id.get()


for _ in range(3):
    legacy_get()  # shown once: the default action keys on the location
warnings.warn("plain user warning")
warnings.warn(UserWarning("an instance"))
warnings.warn("runtime", RuntimeWarning)
warnings.warn("pending", PendingDeprecationWarning)  # ignored by default

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    legacy_get()
    legacy_get()
    warnings.warn("future", FutureWarning)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
print(str(caught[0]).split(", filename")[0])

with warnings.catch_warnings():
    warnings.simplefilter("error", RuntimeWarning)
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised:", repr(e))

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="quiet.*")
    warnings.warn("quiet please")
    warnings.warn("loud")

shown = []
old = warnings.showwarning
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: shown.append((str(message), category.__name__))
warnings.warn("to my hook", SyntaxWarning)
warnings.showwarning = old
print(shown)
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "the line"))
for bad in [lambda: warnings.simplefilter("sometimes"), lambda: warnings.filterwarnings("ignore", category=int),
            lambda: warnings.warn("x", category=int), lambda: warnings.filterwarnings("ignore", lineno=-1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


@warnings.deprecated("use new_handler")
def old_handler():
    return "handled"


print(old_handler(), old_handler.__deprecated__)
print([c.__name__ for c in (SyntaxWarning, FutureWarning, ImportWarning, UnicodeWarning, BytesWarning,
                            ResourceWarning, EncodingWarning)], issubclass(EncodingWarning, Warning))


class T(unittest.TestCase):
    def test_warns(self):
        with self.assertWarns(DeprecationWarning) as cm:
            legacy_get()
        self.assertIn("legacy_get", str(cm.warning))
        self.assertWarnsRegex(DeprecationWarning, "use request_id", legacy_get)

    def test_not_warned(self):
        with self.assertWarns(UserWarning):
            pass


stream = io.StringIO()
unittest.TextTestRunner(stream=stream).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(stream.getvalue().split("Traceback")[0])
print(stream.getvalue().splitlines()[-5:-3])
