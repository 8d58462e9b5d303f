# A generator whose finally raises, dropped unfinished: CPython reports the exception as unraisable
# with its C printer (the exception alone, no carets), and the program goes on.
def g():
    try:
        yield 1
    finally:
        raise ValueError("x" + str(1))
def main():
    it = g(); next(it)
    del it
main()
print("after")
