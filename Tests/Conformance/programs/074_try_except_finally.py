# try/except/else/finally with `as`, re-raise, raise from, __cause__/__context__, exceptions in
# finally, nested handlers, return in finally paths.
def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError as e:
        print('caught', type(e).__name__, e)
        return 'handled'
    except (TypeError, ValueError) as e:
        print('caught tuple', type(e).__name__)
        return 'tuple'
    else:
        print('else', r)
        return r
    finally:
        print('finally', x)

print(attempt(2))
print(attempt(0))
print(attempt('s'))

try:
    try:
        {}['missing']
    except KeyError as e:
        raise ValueError('converted') from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        [][1]
    except IndexError:
        raise RuntimeError('during handling')
except RuntimeError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__)

try:
    try:
        raise KeyError('k')
    except KeyError:
        raise TypeError('no cause') from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__)

def reraise():
    try:
        int('x')
    except ValueError:
        print('logging and re-raising')
        raise

try:
    reraise()
except ValueError as e:
    print('outer got', e)

def finally_wins():
    try:
        return 'try'
    finally:
        print('finally runs before return')

print(finally_wins())

try:
    raise Exception('a', 1)
except Exception as e:
    print(e.args, str(e), repr(e))
print(str(KeyError('k')), str(ValueError()), repr(ValueError()))
e = None
try:
    1 / 0
except ZeroDivisionError as exc:
    e = exc
print(type(e).__name__, e)
try:
    exc
except NameError as ne:
    print('NameError:', ne)
