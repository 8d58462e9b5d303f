# Each frame's traceback line is where the exception was raised in it, also when a with block,
# a finally or a bare raise re-raises it; an explicit `raise e` adds a second entry.
import sys

class CM:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("exit", exc[0].__name__)
        return False

def in_with():
    with CM():
        x = 1
        raise ValueError("in with")
        x = 2

def in_finally():
    try:
        raise KeyError("in try")
    finally:
        print("finally runs")

def bare_reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        print("handling")
        raise

def explicit_reraise():
    try:
        [][1]
    except IndexError as e:
        raise e

def lines(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out

for f in (in_with, in_finally, bare_reraise, explicit_reraise):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, type(e.__traceback__).__name__, lines(e.__traceback__))

explicit_reraise()
