# math (Modules/mathmodule.c) in the shapes real code uses it: rounding a latency, percentiles,
# backoff delays, isclose in a check, plus every function once and the errors 3.13 and 3.14
# word alike. The domain-error messages changed in 3.14 and are in 447_math_domain_errors.py.
import contextvars
import math

retry = contextvars.ContextVar("retry", default=0)


def backoff(base=0.1, cap=5.0):
    n = retry.get()
    retry.set(n + 1)
    return min(cap, base * math.pow(2, n))


print([backoff() for _ in range(8)])
latencies = [0.012, 0.018, 0.02, 0.031, 0.5, 0.044, 0.013]
ordered = sorted(latencies)
p95 = ordered[math.ceil(0.95 * len(ordered)) - 1]
print(p95, math.fsum(latencies), sum(latencies), math.floor(math.log10(12345)))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1e-12, 0, abs_tol=1e-9))
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7))
print(math.floor(5), math.ceil(True), type(math.floor(2.0)))
print(math.log(8, 2), math.log(100, 10), math.log(10**400), math.log2(2**1000), math.log10(10**500), math.log(2.5))
print(math.exp(1), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1), math.atan2(1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5), math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 30)), math.prod([2, 3], start=10))
print(math.gcd(12, 18), math.gcd(), math.gcd(-4), math.gcd(0, 0), math.lcm(4, 6), math.lcm(), math.lcm(0, 3), math.gcd(2**100, 6**50))
print(math.isqrt(10), math.isqrt(10**40), math.factorial(20), math.factorial(30), math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(5))
print(math.comb(100, 50), math.perm(30, 20))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1))
print(math.copysign(3, -0.0), math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.remainder(5, 2), math.remainder(7, 2))
print(math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.modf(3.25), math.modf(-3.25), math.modf(math.inf))
print(math.degrees(math.pi), math.radians(180))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1/3) if False else 0, math.pow(0.0, 0), math.pow(math.inf, -1), math.pow(-math.inf, 3))
print(math.gamma(5), math.gamma(0.5), math.gamma(-0.5), math.gamma(171.5), math.lgamma(10), math.lgamma(0.5), math.lgamma(-2.5))
print(math.gamma(1e-30), math.gamma(25), math.gamma(150.3), math.gamma(-150.3), math.lgamma(1e300))
print(math.erf(0.5), math.erfc(0.5), math.cbrt(27), math.cbrt(-8))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e308), math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0, steps=3), math.nextafter(0.0, -1.0))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1, 0.2], [3, 4]), math.sumprod([1.5, 2], [2, 2.5]), math.sumprod([2**62, 2**62], [4, 4]))
print(math.fma(2, 3, 4), math.fma(0.1, 10, -1))
print(math.floor(1e300) == int(1e300), math.trunc(1e20))
class P:
    def __float__(self): return 2.25
    def __floor__(self): return "floor!"
class I:
    def __index__(self): return 7
print(math.sqrt(P()), math.floor(P()), math.sqrt(I()), math.factorial(I()), math.gcd(I(), 21))
print(repr(math.sqrt), math.sqrt.__name__)
cases = [
    ("math.pow(0, -1)", lambda: math.pow(0, -1)),
    ("math.fmod(1, 0)", lambda: math.fmod(1, 0)),
    ("math.remainder(1, 0)", lambda: math.remainder(1, 0)),
    ("math.exp(1000)", lambda: math.exp(1000)),
    ("math.pow(10, 400)", lambda: math.pow(10, 400)),
    ("math.ldexp(1, 5000)", lambda: math.ldexp(1, 5000)),
    ("math.cosh(1000)", lambda: math.cosh(1000)),
    ("math.gamma(200)", lambda: math.gamma(200)),
    ("math.factorial(-1)", lambda: math.factorial(-1)),
    ("math.factorial(2.0)", lambda: math.factorial(2.0)),
    ("math.isqrt(-1)", lambda: math.isqrt(-1)),
    ("math.comb(-1, 2)", lambda: math.comb(-1, 2)),
    ("math.comb(3, -1)", lambda: math.comb(3, -1)),
    ("math.perm(2, -1)", lambda: math.perm(2, -1)),
    ("math.sqrt()", lambda: math.sqrt()),
    ("math.sqrt(1, 2)", lambda: math.sqrt(1, 2)),
    ("math.pow(1)", lambda: math.pow(1)),
    ("math.log()", lambda: math.log()),
    ("math.log(1, 2, 3)", lambda: math.log(1, 2, 3)),
    ("math.sqrt(10**400)", lambda: math.sqrt(10**400)),
    ("math.floor(math.inf)", lambda: math.floor(math.inf)),
    ("math.ceil(math.nan)", lambda: math.ceil(math.nan)),
    ("math.fsum([math.inf, -math.inf])", lambda: math.fsum([math.inf, -math.inf])),
    ("math.fsum([1e308, 1e308])", lambda: math.fsum([1e308, 1e308])),
    ("math.dist((1,), (1, 2))", lambda: math.dist((1,), (1, 2))),
    ("math.isclose(1, 2, rel_tol=-1)", lambda: math.isclose(1, 2, rel_tol=-1)),
    ("math.ldexp(1, 2.0)", lambda: math.ldexp(1, 2.0)),
    ("math.nextafter(1, 2, steps=-1)", lambda: math.nextafter(1, 2, steps=-1)),
    ("math.log(10, 1)", lambda: math.log(10, 1)),
    ("math.sqrt(x=4)", lambda: math.sqrt(x=4)),
    ("math.pow(x=1, y=2)", lambda: math.pow(x=1, y=2)),
    ("math.prod()", lambda: math.prod()),
    ("math.prod([1], 2)", lambda: math.prod([1], 2)),
    ("math.isclose(1)", lambda: math.isclose(1)),
    ("math.gcd(1.5)", lambda: math.gcd(1.5)),
    ("math.fma(math.inf, 0, 1)", lambda: math.fma(math.inf, 0, 1)),
    ("math.sumprod([1], [1, 2])", lambda: math.sumprod([1], [1, 2])),
    ("math.perm(1, 2, 3)", lambda: math.perm(1, 2, 3)),
    ("math.comb(1)", lambda: math.comb(1)),
    ("math.nosuch", lambda: math.nosuch),
]
for text, f in cases:
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__, e)
