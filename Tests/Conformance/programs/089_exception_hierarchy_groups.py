# The exception hierarchy, custom exceptions (from Exception, with extra state), ExceptionGroup
# (message, exceptions, subgroup, split, str/repr, nesting), BaseException vs Exception.
import asyncio

class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f'no such key: {key}')
        self.key = key

try:
    raise NotFound('k1')
except AppError as e:
    print(type(e).__name__, e, e.key, repr(e), e.args)

for exc_type in (KeyError, IndexError, ZeroDivisionError, TimeoutError, asyncio.CancelledError,
                 KeyboardInterrupt, StopIteration, RecursionError, NotImplementedError,
                 UnboundLocalError, ExceptionGroup):
    print(exc_type.__name__, [b.__name__ for b in (BaseException, Exception, LookupError, ArithmeticError,
                                                   OSError, RuntimeError, NameError)
                              if issubclass(exc_type, b)])
print(asyncio.TimeoutError is TimeoutError, issubclass(asyncio.CancelledError, Exception))
print(issubclass(asyncio.InvalidStateError, Exception), issubclass(TimeoutError, OSError))

eg = ExceptionGroup('several', [ValueError('v'), TypeError('t'), ValueError('w')])
print(str(eg), repr(eg))
print(eg.message, [repr(e) for e in eg.exceptions], len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
nested = ExceptionGroup('outer', [KeyError('k'), ExceptionGroup('inner', [ValueError(1)])])
print(str(nested), repr(nested.exceptions[1]))
print(isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
try:
    raise eg
except ExceptionGroup as caught:
    print('caught', caught.message, caught is eg)
try:
    ExceptionGroup('empty', [])
except ValueError as e:
    print('ValueError:', e)
try:
    raise KeyboardInterrupt
except Exception:
    print('not reached')
except BaseException as e:
    print('BaseException caught', type(e).__name__)
