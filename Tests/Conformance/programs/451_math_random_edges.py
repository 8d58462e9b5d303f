# math and random on edge values: every math function with each of 21 values in 4 argument shapes,
# random's functions with bad and good arguments; results, exception types and messages as CPython
# (domain-error wording normalised: 3.14 rewords it, see 447).
import math, random
vals = [None, 'x', -1, 0, 1, 2, -0.0, 0.5, -2.5, 1e308, -1e308, 5e-324, float('inf'), float('-inf'), float('nan'), 2**64, -2**64, 10**400, True, [], (1, 2)]
names = sorted(n for n in dir(math) if callable(getattr(math, n)))
for n in names:
    f = getattr(math, n)
    for a in vals:
        for args in ((a,), (a, 2), (2, a), (a, a)):
            try:
                r = f(*args)
                out = repr(r)
            except (ValueError, TypeError, OverflowError, ZeroDivisionError, MemoryError) as e:
                m = str(e)
                if m.startswith("expected "): m = "math domain error"
                out = type(e).__name__ + ": " + m
            print(n, args, out)
for n in ["randrange", "randint", "choice", "sample", "getrandbits", "seed", "uniform", "expovariate", "randbytes", "shuffle", "choices", "binomialvariate"]:
    f = getattr(random, n)
    for a in [None, 'x', -1, 0, 3, 2.5, [], [1, 2, 3], (1, 2), range(5), True]:
        for args in ((a,), (a, 5), (1, a)):
            random.seed(3)
            try:
                out = repr(f(*args))
            except (ValueError, TypeError, OverflowError, IndexError, ZeroDivisionError, AttributeError) as e:
                out = type(e).__name__ + ": " + str(e)
            print(n, args, out)
