# int/float arithmetic: // % ** on negatives, true division, float reprs, big ints, int()/float()
# conversions, abs, comparisons (chained), boolean operators, is/in, conditional expressions,
# True/False/None.
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 0.5)
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 / 3)
print(0.1 + 0.2, 1e16, 1e15, 1.5e-7, 123456789.0 * 10, 1e22, 1e-5, 0.0001)
print(3.0, -0.0, 2.5 * 2, 10 / 4, float('inf'), -float('inf'), 7.0 // 2, -7.5 % 2)
print(2 ** 100, -(2 ** 64) // 3, 10 ** 20 + 1)
print(int('42'), int(' -17 '), int(3.99), int(-3.99), int(True), float('2.5'), float(3), int('ff', 16))
print(abs(-5), abs(3.25), abs(-0.0), abs(0))
print(1 + True, True + True, 3 * False)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, 2 >= 2 > 1, 'a' < 'b' <= 'b')
print(1 and 2, 0 and 2, 1 or 2, 0 or '', None or 'default', not 0, not 'x')
x = [1, 2]
y = x
print(x is y, x is not [1, 2], x == [1, 2], None is None, 2 in x, 3 not in x)
print('yes' if x else 'no', 'yes' if [] else 'no')
print(1_000_000, 1.5e3, 2.0 ** 0.5 * 2.0 ** 0.5, 1e300 * 1e10, 9007199254740993.0)
print(max(3, 7.5), min(-1, -1.5), sum([0.1] * 10), 10 - 9.9)
try:
    1 / 0
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
try:
    5 // 0
except ArithmeticError as e:
    print(type(e).__name__)  # the message of // and % by zero changes in 3.14 (gh-119057)
try:
    int('x')
except ValueError as e:
    print('ValueError:', e)
print(True, False, None, type(None).__name__, bool(0.0), bool('0'), bool([]), bool(None))
