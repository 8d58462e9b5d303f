# sys.exc_info(), sys.exception(), sys._getframe() and the traceback module.
import sys
import traceback
import time

print(sys.exc_info(), sys.exception())

def inner():
    raise KeyError("k")

def outer():
    try:
        inner()
    except KeyError:
        t, v, tb = sys.exc_info()
        print(t.__name__, repr(v), sys.exception() is v)
        lines = traceback.format_exception(v)
        print(len(lines), lines[0], end="")
        print(lines[-1], end="")
        print(traceback.format_exception_only(v))
        print(traceback.format_exc().splitlines()[-1])

outer()
print(traceback.format_exc(), end="")

def where():
    f = sys._getframe()
    print(f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, f.f_back.f_lineno)
    print(sys._getframe(1).f_code.co_name)

def caller():
    where()

caller()
try:
    sys._getframe(1000)
except ValueError as e:
    print(e)
print(time.strftime("%Y-%m-%d", time.gmtime(0)), time.gmtime(86400 * 365).tm_year)
print(time.gmtime(0))
