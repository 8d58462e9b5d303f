# str.format's replacement fields after unicode_format.h (attributes, keys, nested specs, the
# numbering rules and every error), round/divmod/pow(…, mod) on a class that defines them, an
# exception class with several built-in bases, float.as_integer_ratio.
class Request:
    id = 'req-7'
    headers = {'x-trace': ['a1', 'b2']}


def show(template, *args, **kwargs):
    try:
        print(repr(template.format(*args, **kwargs)))
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)

show('{0.id} {0.headers[x-trace][1]} {1[0]!r:>6}', Request, ['x'])
show('{r.id:*^11}|{:{w}.{p}f}|{:{}}', 2.71828, 'ab', 5, r=Request, w=9, p=3)
show('{0:{1}}|{0!s:^7}|{0:}|{{literal}}', 12, 4)
for bad in ('{} {1}', '{1} {}', '{!x}', '{!}', '{0!r', '{', '}', '{0[}', '{0.}', '{0[0]x}',
            '{x}', '{5}', '{:{:{}}}', '{0:%Y}', '{a{b}', '{0!r!s}'):
    show(bad, [1], 2, 3)
show('{0[-1]} {0[1]}', {'-1': 'neg', 1: 'one'})


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f'Money({self.cents})'

    def __round__(self, ndigits=None):
        return Money(round(self.cents, -2)) if ndigits is None else Money(round(self.cents, ndigits))

    def __divmod__(self, other):
        return divmod(self.cents, other)

    def __rdivmod__(self, other):
        return ('rdivmod', other, self.cents)

    def __pow__(self, exp, mod=None):
        return ('pow', self.cents, exp, mod)


m = Money(1234)
print(round(m), round(m, -1), round(m, None), divmod(m, 100), divmod(7, m), pow(m, 2, 5), m ** 2)
for bad in (lambda: divmod(object(), 1), lambda: round(object())):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)


class AppError(ArithmeticError):
    pass


class RateError(AppError, ZeroDivisionError):
    pass


class Strict(AppError, TypeError, LookupError):
    pass

for cls, catch in ((RateError, ZeroDivisionError), (RateError, ArithmeticError), (Strict, LookupError),
                   (Strict, TypeError)):
    try:
        raise cls('x')
    except catch as e:
        print(cls.__name__, 'caught as', catch.__name__, isinstance(e, catch), issubclass(cls, catch))
print([c.__name__ for c in Strict.__mro__])

print((0.5).as_integer_ratio(), (-0.1).as_integer_ratio(), (3.0).as_integer_ratio(), (1e300).as_integer_ratio()[1],
      (5e-324).as_integer_ratio()[0], (0.0).as_integer_ratio())
for bad in (float('nan'), float('inf')):
    try:
        bad.as_integer_ratio()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(format(3.5, '10.2f'))
try:
    format(12, '%Y')
except ValueError as e:
    print(e)
