# decimal: the current context is a context variable. Each task's localcontext() precision is its
# own (CPython's test_asyncio/test_context.py), a request-scoped rounding context, money maths,
# the signals an exception lists, the flags, reprs and format() of the C module _decimal.
import asyncio
import contextvars
import decimal
import math
from decimal import Decimal, localcontext, getcontext


async def fractions(t, precision, x, y):
    with decimal.localcontext() as ctx:
        ctx.prec = precision
        a = Decimal(x) / Decimal(y)
        await asyncio.sleep(t)
        b = Decimal(x) / Decimal(y ** 2)
        return a, b


async def main():
    return await asyncio.gather(fractions(0.1, 3, 1, 3), fractions(0.2, 6, 1, 3))

print(asyncio.run(main()))
print(getcontext().prec, [v.name for v in contextvars.copy_context().keys()])

# a request handler that rounds money with its own context
async def handle(request_id, amount):
    with localcontext(prec=10, rounding=decimal.ROUND_HALF_UP):
        await asyncio.sleep(0)
        tax = (Decimal(amount) * Decimal('0.0825')).quantize(Decimal('0.01'))
        return request_id, tax, getcontext().rounding


async def serve():
    return await asyncio.gather(handle('r1', '19.99'), handle('r2', '5.05'))

print(asyncio.run(serve()), getcontext().rounding)

price = Decimal('19.99')
total = (price * 3).quantize(Decimal('0.01'))
print(f"{total} {total:,.2f} {total:>10} {Decimal('1234567.891'):,.1f} {Decimal('0.075'):.1%}")
print(sum([Decimal('0.1')] * 10) == Decimal('1.0'), Decimal('0.1') + Decimal('0.2'))
print(sorted([Decimal('1.5'), Decimal('-2'), Decimal('1.50'), Decimal('0'), 1, 0.5]))
print({Decimal('1.0'): 'one'}[1], Decimal('2.5') == 2.5, hash(Decimal('1.5')) == hash(1.5))

# arithmetic and the correctly rounded functions
print(Decimal(1) / 7, Decimal(2) ** 100, Decimal('1.1') ** 10, Decimal(2) ** Decimal('0.5'))
print(Decimal(2).sqrt(), Decimal('0.5').exp(), Decimal(100).ln(), Decimal(2).log10())
print(Decimal(10) ** -3, Decimal('4') ** Decimal('0.5'), Decimal('2.0') ** 3, pow(Decimal(3), 5, 7))
print(divmod(Decimal(-7), Decimal(2)), Decimal(-7) % 2, Decimal(-7) // 2, Decimal(5).remainder_near(3))
print(int(Decimal('-7.9')), float(Decimal('2.5')), round(Decimal('2.675'), 2), round(Decimal('3.5')))
print(math.floor(Decimal('-2.5')), math.ceil(Decimal('2.1')), math.trunc(Decimal('-2.9')))
print(Decimal('12.3400').normalize(), Decimal('7.325').quantize(Decimal('.01'), rounding=decimal.ROUND_DOWN))
print(Decimal('123.456').as_tuple(), Decimal((1, (1, 2, 3), -2)), Decimal('3.14').as_integer_ratio())
print(Decimal.from_float(0.1), Decimal(1.1), Decimal('1_000.5'), Decimal('  -Inf '), Decimal('nan12'))
print(repr(Decimal('-0E-3')), Decimal('1e-7'), Decimal('123456789e20').to_eng_string(), Decimal(7).number_class())
print(Decimal(3).fma(2, 1), Decimal('1101').logical_xor(Decimal('0111')), Decimal('1').next_plus())
print(Decimal(5).compare(3), Decimal(5).max(Decimal('nan')), Decimal(-3).copy_abs(), Decimal('1.2').scaleb(3))
print(f"{Decimal('3.14159'):.3} {Decimal('-1e10'):e} {Decimal('-0.0'):z.1f} {Decimal('nan'):>6} {Decimal('12'):5%}")

# signals: the exception, its list, and the flags the operation set
cases = [("Decimal(1) / 0", lambda: Decimal(1) / 0), ("Decimal(0) / 0", lambda: Decimal(0) / 0),
         ("Decimal('abc')", lambda: Decimal('abc')), ("divmod(Decimal(5), 0)", lambda: divmod(Decimal(5), 0)),
         ("Decimal('9e999999') * 10", lambda: Decimal('9e999999') * 10),
         ("Decimal(-1).sqrt()", lambda: Decimal(-1).sqrt()),
         ("Decimal(1) < Decimal('nan')", lambda: Decimal(1) < Decimal('nan')),
         ("Decimal(1) + 1.5", lambda: Decimal(1) + 1.5), ("Decimal([1])", lambda: Decimal([1])),
         ("quantize too far", lambda: Decimal('1.3').quantize(Decimal('1e-30'))),
         ("Decimal(1) < 1.5", lambda: Decimal(1) < 1.5)]
for label, case in cases:
    getcontext().clear_flags()
    try:
        print(label, '->', case())
    except decimal.DecimalException as e:
        print(label, '->', type(e).__name__, e, isinstance(e, ArithmeticError))
    except (TypeError, ValueError) as e:
        print(label, '->', type(e).__name__, e)
print(getcontext())
print(getcontext().flags)

c = decimal.Context(prec=6, rounding=decimal.ROUND_UP, traps=[decimal.Inexact])
try:
    c.divide(1, 3)
except decimal.Inexact as e:
    print('inexact', e, c.flags[decimal.Inexact], c.flags[decimal.Rounded])
print(c.power(2, 10), c.sqrt(16), c.Etiny(), c)
print(decimal.Context(prec=3).create_decimal('1.2345678'))
try:
    decimal.Context(prec=3).create_decimal(' 1')  # unlike Decimal(), no surrounding spaces
except decimal.InvalidOperation as e:
    print('create_decimal:', e)
print(decimal.BasicContext, decimal.ExtendedContext.prec)
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print('a DivisionByZero is a ZeroDivisionError:', repr(e))
for bad in (lambda: setattr(getcontext(), 'prec', 0), lambda: setattr(getcontext(), 'rounding', 'x'),
            lambda: localcontext(precision=3), lambda: Decimal('1').quantize(1, 'UP'),
            lambda: format(Decimal(1), 'x'), lambda: getcontext().flags[ValueError]):
    try:
        bad()
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
