# expect: 3.14
# math's domain errors as CPython 3.14 words them (gh-101410, Modules/mathmodule.c: FUNC1D's and
# FUNC1AD's err_msg, loghelper's "expected a positive input"). 3.11-3.13 say "math domain error"
# for all of them: the expected output is hand-written for 3.14 from mathmodule.c. Errors that
# 3.14 still words "math domain error" (pow, fmod, remainder) are at the end.
import math

cases = [
    ("math.sqrt(-1)", lambda: math.sqrt(-1)),
    ("math.sqrt(-0.5)", lambda: math.sqrt(-0.5)),
    ("math.log(0)", lambda: math.log(0)),
    ("math.log(-5)", lambda: math.log(-5)),
    ("math.log(0.0)", lambda: math.log(0.0)),
    ("math.log(-1.5)", lambda: math.log(-1.5)),
    ("math.log(8, 0)", lambda: math.log(8, 0)),
    ("math.log2(-math.inf)", lambda: math.log2(-math.inf)),
    ("math.log10(-10**400)", lambda: math.log10(-10**400)),
    ("math.log1p(-1)", lambda: math.log1p(-1)),
    ("math.log1p(-2)", lambda: math.log1p(-2)),
    ("math.acos(2)", lambda: math.acos(2)),
    ("math.asin(-1.5)", lambda: math.asin(-1.5)),
    ("math.acosh(0)", lambda: math.acosh(0)),
    ("math.atanh(1)", lambda: math.atanh(1)),
    ("math.sin(math.inf)", lambda: math.sin(math.inf)),
    ("math.cos(-math.inf)", lambda: math.cos(-math.inf)),
    ("math.tan(math.inf)", lambda: math.tan(math.inf)),
    ("math.gamma(0)", lambda: math.gamma(0)),
    ("math.gamma(-2)", lambda: math.gamma(-2)),
    ("math.gamma(-math.inf)", lambda: math.gamma(-math.inf)),
    ("math.lgamma(-1)", lambda: math.lgamma(-1)),
    ("math.lgamma(0)", lambda: math.lgamma(0)),
    ("math.pow(0, -1)", lambda: math.pow(0, -1)),
    ("math.pow(-8, 1/3)", lambda: math.pow(-8, 1 / 3)),
    ("math.fmod(1, 0)", lambda: math.fmod(1, 0)),
    ("math.remainder(math.inf, 1)", lambda: math.remainder(math.inf, 1)),
    ("math.atan2(1, 0)", lambda: math.atan2(1, 0)),
]
for text, f in cases:
    try:
        print(text, "->", f())
    except ValueError as e:
        print(text, "-> ValueError:", e)
