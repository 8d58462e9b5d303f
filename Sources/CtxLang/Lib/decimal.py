"""Decimal fixed-point and floating-point arithmetic.

This is ctxlab's decimal module. Its arithmetic follows the General Decimal Arithmetic
Specification the way CPython 3.13's Lib/_pydecimal.py computes it (rounding in _fix, the
exact-power test of _power_exact, the integer logarithm and exponential of _ilog/_iexp used by
ln, log10, exp and **), written for ctxlab. What it shows follows the C module _decimal
(libmpdec) that CPython imports as `decimal`: its error messages, the list of signals an
exception carries (`decimal.DivisionByZero: [<class 'decimal.DivisionByZero'>]`), the flags an
operation sets before its trap fires, its Context and signal-dict reprs, and its format rules.

The current context lives in a context variable, as in CPython (`HAVE_CONTEXTVAR` is True), so a
`localcontext()` inside a task is that task's own: ctxlab draws the variable `decimal_context`
in the context tree like any other.
"""

import contextvars as _contextvars
import math as _math
from collections import namedtuple as _namedtuple
from collections.abc import MutableMapping as _MutableMapping

__all__ = [
    'Decimal', 'Context',
    'DecimalTuple',
    'DefaultContext', 'BasicContext', 'ExtendedContext',
    'DecimalException', 'Clamped', 'InvalidOperation', 'DivisionByZero',
    'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation',
    'DivisionImpossible', 'InvalidContext', 'ConversionSyntax', 'DivisionUndefined',
    'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP',
    'setcontext', 'getcontext', 'localcontext',
    'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

# The limits of libmpdec on a 64-bit machine (Modules/_decimal/libmpdec/mpdecimal.h).
MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True
_SSIZE_MAX = 2 ** 63 - 1

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
              ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)
_ROUNDING_MESSAGE = ('valid values for rounding are:\n'
                     '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                     '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                     '   ROUND_05UP]')

# sys.hash_info of a 64-bit CPython: the modulus and the hash of an infinity.
_HASH_MODULUS = 2 ** 61 - 1
_HASH_INF = 314159
_HASH_10INV = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


# ---------------------------------------------------------------------------------------------
# Signals and conditions (the classes of _decimal; the MROs are the C module's)

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# _decimal's signal_map (the order of a signal dict and of the exception chosen), its cond_map
# (the conditions listed first in an exception's list) and the order of mpd_lsnprint_signals
# (Context reprs).
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow, Subnormal,
            Inexact, Rounded, Clamped)
_CONDITIONS = (InvalidOperation, ConversionSyntax, DivisionImpossible, DivisionUndefined,
               InvalidContext)
_REPR_ORDER = (Clamped, InvalidOperation, DivisionByZero, Inexact, FloatOperation, Overflow,
               Rounded, Subnormal, Underflow)
_SIGNAL_OF = {ConversionSyntax: InvalidOperation, DivisionImpossible: InvalidOperation,
              DivisionUndefined: InvalidOperation, InvalidContext: InvalidOperation}
_SIGNAL_LIST_MESSAGE = ('valid values for signals are:\n'
                        '  [InvalidOperation, FloatOperation, DivisionByZero,\n'
                        '   Overflow, Underflow, Subnormal, Inexact, Rounded,\n'
                        '   Clamped]')

# The conditions an operation raised while their signal was trapped. libmpdec finishes an
# operation, setting every flag, before _decimal's dec_addstatus raises; the public entry points
# below do the same by raising from _trapped after the computation.
_trapped = []


def _raise_trapped():
    conditions = list(_trapped)
    _trapped.clear()
    signals = [_SIGNAL_OF.get(c, c) for c in conditions]
    for signal in _SIGNALS:
        if signal in signals:
            kind = signal
            break
    listed = [c for c in _CONDITIONS if c in conditions]
    listed += [s for s in _SIGNALS[1:] if s in conditions]
    raise kind(listed)


def _signals(function):
    """The public operation `function`, raising afterwards the trapped signals it met."""
    def operation(*args, **kwargs):
        if _trapped:
            _trapped.clear()
        result = function(*args, **kwargs)
        if _trapped:
            _raise_trapped()
        return result
    operation.__name__ = function.__name__
    operation.__qualname__ = function.__qualname__
    operation.__doc__ = function.__doc__
    return operation


# ---------------------------------------------------------------------------------------------
# The current context: a context variable (_decimal's current_context)

_current_context_var = _contextvars.ContextVar('decimal_context')

# DefaultContext, the template new contexts copy (_decimal's default_context_template): the
# object itself, so that rebinding decimal.DefaultContext does not change it.
_template = [None]


def getcontext():
    """Get the current default context."""
    try:
        return _current_context_var.get()
    except LookupError:
        context = DefaultContext._copy()
        context._flags._set_all(False)
        _current_context_var.set(context)
        return context


def setcontext(context):
    """Set a new default context."""
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context._copy()
        context._flags._set_all(False)
    _current_context_var.set(context)


def _context_argument(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


_LOCALCONTEXT_KEYWORDS = ('ctx', 'prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp',
                          'flags', 'traps')


def localcontext(*args, **kwargs):
    """Return a context manager that will set the default context to a copy of ctx on entry
    to the with-statement and restore the previous default context when exiting the
    with-statement. If no context is specified, a copy of the current default context is
    used."""
    if len(args) > 1:
        raise TypeError(f'function takes at most 9 arguments ({len(args) + len(kwargs)} given)')
    for name in kwargs:
        if name not in _LOCALCONTEXT_KEYWORDS:
            raise TypeError(f"this function got an unexpected keyword argument '{name}'")
    ctx = args[0] if args else kwargs.pop('ctx', None)
    if args and 'ctx' in kwargs:
        raise TypeError("argument for function given by name ('ctx') and position (1)")
    current = getcontext()
    if ctx is None:
        ctx = current
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    local = ctx._copy()
    local._apply_settings(**kwargs)
    return _ContextManager(local, current)


class ContextManager:
    """Context manager class to support localcontext()."""

    def __init__(self, local, saved):
        self._local = local
        self._saved = saved

    def __enter__(self):
        setcontext(self._local)
        return self._local

    def __exit__(self, *exc):
        setcontext(self._saved)


# ---------------------------------------------------------------------------------------------
# Signal dicts (_decimal's SignalDictMixin; `abc.SignalDict` adds MutableMapping)

class SignalDictMixin:

    def __init__(self, *args, **kwargs):
        object.__setattr__(self, '_values', dict.fromkeys(_SIGNALS, False))

    def _set_all(self, value):
        for s in _SIGNALS:
            self._values[s] = value

    def _key(self, key):
        for s in _SIGNALS:
            if key is s:
                return s
        raise KeyError(_SIGNAL_LIST_MESSAGE)

    def __getitem__(self, key):
        return self._values[self._key(key)]

    def __setitem__(self, key, value):
        self._values[self._key(key)] = bool(value)

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __len__(self):
        return len(_SIGNALS)

    def __iter__(self):
        return iter(_SIGNALS)

    def __repr__(self):
        return '{' + ', '.join(f'{s!r}:{self._values[s]}' for s in _SIGNALS) + '}'

    def copy(self):
        return dict(self._values)

    def __eq__(self, other):
        if isinstance(other, _SignalDictMixin):
            return self._values == other._values
        if isinstance(other, dict):
            try:
                return self._values == {s: bool(other[s]) for s in _SIGNALS} and len(other) == len(_SIGNALS)
            except KeyError:
                raise KeyError('invalid signal dict')
        return NotImplemented

    __hash__ = None


class SignalDict(SignalDictMixin, _MutableMapping):
    __module__ = 'abc'


_SignalDictMixin, _SignalDict = SignalDictMixin, SignalDict


def _signal_values(value, *, from_list):
    """The signal dict a Context is given: a list of signals (constructor only) or a dict of all
    nine (_decimal's context_settraps_list / dict_as_flags)."""
    if isinstance(value, _SignalDictMixin):
        return dict(value._values)
    if from_list and isinstance(value, list):
        values = dict.fromkeys(_SIGNALS, False)
        for s in value:
            if not any(s is k for k in _SIGNALS):
                raise KeyError('invalid error flag')
            values[s] = True
        return values
    if isinstance(value, dict):
        if len(value) != len(_SIGNALS):
            raise KeyError('invalid signal dict')
        values = {}
        for s in _SIGNALS:
            if s not in value:
                raise KeyError('invalid signal dict')
            values[s] = bool(value[s])
        return values
    raise TypeError('argument must be a signal dict')


# ---------------------------------------------------------------------------------------------
# Context

def _context_integer(name, value, low, high, message):
    if not isinstance(value, int):
        raise TypeError('an integer is required')
    if not -_SSIZE_MAX - 1 <= value <= _SSIZE_MAX:
        raise OverflowError('Python int too large to convert to C ssize_t')
    if not low <= value <= high:
        raise ValueError(message)
    return int(value)


def _integer_attribute(name, low, high, message):
    """A Context attribute holding an int in [low, high], checked as _decimal's getset
    setters check it."""
    def get(self):
        return getattr(self, '_' + name)

    def set(self, value):
        object.__setattr__(self, '_' + name, _context_integer(name, value, low, high, message))
    return property(get, set)


class Context:
    """The context affects almost all operations and controls rounding,
    Over/Underflow, raising of exceptions and much more.  A new context
    can be constructed as follows:

        >>> c = Context(prec=28, Emin=-425000000, Emax=425000000,
        ...             rounding=ROUND_HALF_EVEN, capitals=1, clamp=1,
        ...             traps=[InvalidOperation, DivisionByZero, Overflow],
        ...             flags=[])
        >>>

"""

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        # _decimal's context_new starts from the DefaultContext template, then sets what is given.
        template = _template[0]
        setter = object.__setattr__
        if template is None:
            setter(self, '_prec', 28)
            setter(self, '_rounding', ROUND_HALF_EVEN)
            setter(self, '_Emin', -999999)
            setter(self, '_Emax', 999999)
            setter(self, '_capitals', 1)
            setter(self, '_clamp', 0)
            flag_values = dict.fromkeys(_SIGNALS, False)
            trap_values = dict.fromkeys(_SIGNALS, False)
            for s in (InvalidOperation, DivisionByZero, Overflow):
                trap_values[s] = True
        else:
            for name in ('_prec', '_rounding', '_Emin', '_Emax', '_capitals', '_clamp'):
                setter(self, name, getattr(template, name))
            flag_values = dict(template._flags._values)
            trap_values = dict(template._traps._values)
        setter(self, '_flags', _SignalDict())
        setter(self, '_traps', _SignalDict())
        self._flags._values.update(flag_values)
        self._traps._values.update(trap_values)
        self._apply_settings(prec=prec, rounding=rounding, Emin=Emin, Emax=Emax,
                             capitals=capitals, clamp=clamp, flags=flags, traps=traps)

    def _apply_settings(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                        clamp=None, flags=None, traps=None):
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        if traps is not None:
            self._traps._values.update(_signal_values(traps, from_list=True))
        if flags is not None:
            self._flags._values.update(_signal_values(flags, from_list=True))

    # The attributes, checked as _decimal's getset setters check them.
    prec = _integer_attribute('prec', 1, MAX_PREC, 'valid range for prec is [1, MAX_PREC]')

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if not isinstance(value, str) or value not in _ROUNDINGS:
            raise TypeError(_ROUNDING_MESSAGE)
        object.__setattr__(self, '_rounding', str(value))

    Emin = _integer_attribute('Emin', MIN_EMIN, 0, 'valid range for Emin is [MIN_EMIN, 0]')

    Emax = _integer_attribute('Emax', 0, MAX_EMAX, 'valid range for Emax is [0, MAX_EMAX]')

    capitals = _integer_attribute('capitals', 0, 1, 'valid values for capitals are 0 or 1')

    clamp = _integer_attribute('clamp', 0, 1, 'valid values for clamp are 0 or 1')

    @property
    def flags(self):
        return self._flags

    @flags.setter
    def flags(self, value):
        self._flags._values.update(_signal_values(value, from_list=False))

    @property
    def traps(self):
        return self._traps

    @traps.setter
    def traps(self, value):
        self._traps._values.update(_signal_values(value, from_list=False))

    def __setattr__(self, name, value):
        if name in ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'):
            object.__setattr__(self, name, value)
        else:
            raise AttributeError(f"'decimal.Context' object has no attribute '{name}'")

    def __delattr__(self, name):
        raise AttributeError('context attributes cannot be deleted')

    def __repr__(self):
        flags = ', '.join(s.__name__ for s in _REPR_ORDER if self._flags._values[s])
        traps = ', '.join(s.__name__ for s in _REPR_ORDER if self._traps._values[s])
        return (f'Context(prec={self._prec}, rounding={self._rounding}, Emin={self._Emin}, '
                f'Emax={self._Emax}, capitals={self._capitals}, clamp={self._clamp}, '
                f'flags=[{flags}], traps=[{traps}])')

    def __reduce__(self):
        flags = [s for s in _SIGNALS if self._flags._values[s]]
        traps = [s for s in _SIGNALS if self._traps._values[s]]
        return (self.__class__, (self._prec, self._rounding, self._Emin, self._Emax,
                                 self._capitals, self._clamp, flags, traps))

    def clear_flags(self):
        """Reset all flags to False."""
        self._flags._set_all(False)

    def clear_traps(self):
        """Set all traps to False."""
        self._traps._set_all(False)

    def _copy(self):
        other = object.__new__(type(self))
        setter = object.__setattr__
        for name in ('_prec', '_rounding', '_Emin', '_Emax', '_capitals', '_clamp'):
            setter(other, name, getattr(self, name))
        setter(other, '_flags', _SignalDict())
        setter(other, '_traps', _SignalDict())
        other._flags._values.update(self._flags._values)
        other._traps._values.update(self._traps._values)
        return other

    def copy(self):
        """Return a duplicate of the context with all flags cleared."""
        return self._copy()

    __copy__ = copy

    def _shallow_copy(self):
        """A context sharing this one's flags and traps, for an operation that changes the
        rounding or precision it works with (_pydecimal's _shallow_copy)."""
        other = object.__new__(Context)
        setter = object.__setattr__
        for name in ('_prec', '_rounding', '_Emin', '_Emax', '_capitals', '_clamp', '_flags', '_traps'):
            setter(other, name, getattr(self, name))
        return other

    def _quiet_copy(self):
        """A copy that neither sets this context's flags nor traps (_ignore_all_flags)."""
        other = self._copy()
        other._traps._set_all(False)
        return other

    def _raise_error(self, condition, explanation=None, *args):
        """Set the flag of `condition`; note it for raising when its signal is trapped; return
        the result the operation gives when it is not (the handle() of each condition)."""
        signal = _SIGNAL_OF.get(condition, condition)
        self._flags._values[signal] = True
        if self._traps._values[signal]:
            _trapped.append(condition)
        if signal is InvalidOperation:
            if condition is InvalidOperation and args:
                return _dec(args[0]._sign, args[0]._int, 'n', True)._fix_nan(self)
            return _NaN
        if condition is DivisionByZero:
            return _SignedInfinity[args[0]]
        if condition is Overflow:
            sign = args[0]
            r = self._rounding
            if r in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_HALF_DOWN, ROUND_UP):
                return _SignedInfinity[sign]
            if sign == 0:
                if r == ROUND_CEILING:
                    return _SignedInfinity[sign]
                return _dec(sign, '9' * self._prec, self._Emax - self._prec + 1)
            if r == ROUND_FLOOR:
                return _SignedInfinity[sign]
            return _dec(sign, '9' * self._prec, self._Emax - self._prec + 1)
        return None

    def Etiny(self):
        """Return a value equal to Emin - prec + 1, which is the minimum exponent value for
        subnormal results. When underflow occurs, the exponent is set to Etiny."""
        return self._Emin - self._prec + 1

    def Etop(self):
        """Return a value equal to Emax - prec + 1. This is the maximum exponent if the
        _clamp field of the context is set to 1 (IEEE clamp mode). Etop() must not be
        negative."""
        return self._Emax - self._prec + 1

    def radix(self):
        """Return 10."""
        return Decimal(10)

    @_signals
    def create_decimal(self, num='0'):
        """Create a new Decimal instance from num, using self as the context. Unlike the
        Decimal constructor, this function observes the context limits."""
        if isinstance(num, str):
            parsed = _parse_string(num, strip=False)
            if parsed is None:
                return self._raise_error(ConversionSyntax, 'invalid literal for Decimal')
            d = _dec(*parsed)
        elif isinstance(num, float):
            self._raise_error(FloatOperation)
            d = Decimal.from_float(num)
        else:
            d = Decimal(num, self)
        return d._fix(self)

    @_signals
    def create_decimal_from_float(self, f):
        """Create a new Decimal instance from float f. Unlike the Decimal.from_float() class
        method, this function observes the context limits."""
        return Decimal.from_float(f)._fix(self)

    def _apply(self, a):
        return self.create_decimal(_convert_raise(a))

    def copy_decimal(self, a):
        """Return a copy of Decimal a."""
        return _convert_raise(a)

    def power(self, a, b, modulo=None):
        """Compute a**b. If 'a' is negative, then 'b' must be integral. The result will be
        inexact unless 'a' is integral and the result is finite and can be expressed exactly
        in 'precision' digits. In the Python version the result is always correctly rounded,
        in the C version the result is almost always correctly rounded."""
        a = _convert_raise(a)
        if modulo is not None:
            modulo = _convert_raise(modulo)
        return a.__pow__(_convert_raise(b), modulo, context=self)



# The Context methods that apply a Decimal operation to converted operands with the context:
# (name, Decimal method, operand count, whether the context is passed, docstring).
_CONTEXT_OPERATIONS = [
    ('abs', '__abs__', 1, True, 'Return the absolute value of the operand.'),
    ('add', '__add__', 2, True, 'Return the sum of the two operands.'),
    ('canonical', 'canonical', 1, False, 'Return a new instance of a.'),
    ('compare', 'compare', 2, True, 'Compare a and b numerically.'),
    ('compare_signal', 'compare_signal', 2, True, 'Compare a and b numerically. All NaNs signal.'),
    ('compare_total', 'compare_total', 2, False, 'Compare a and b using their abstract representation.'),
    ('compare_total_mag', 'compare_total_mag', 2, False, 'Compare a and b using their abstract representation, ignoring sign.'),
    ('copy_abs', 'copy_abs', 1, False, 'Return a copy of a with the sign set to 0.'),
    ('copy_negate', 'copy_negate', 1, False, 'Return a copy of a with the sign inverted.'),
    ('copy_sign', 'copy_sign', 2, False, 'Copy the sign from b to a.'),
    ('divide', '__truediv__', 2, True, 'Return a divided by b.'),
    ('divide_int', '__floordiv__', 2, True, 'Return a divided by b, truncated to an integer.'),
    ('divmod', '__divmod__', 2, True, 'Return quotient and remainder of the division a / b.'),
    ('exp', 'exp', 1, True, 'Return e ** a.'),
    ('fma', 'fma', 3, True, 'Return a multiplied by b, plus c.'),
    ('is_canonical', 'is_canonical', 1, False, 'Return True if a is canonical, False otherwise.'),
    ('is_finite', 'is_finite', 1, False, 'Return True if a is finite, False otherwise.'),
    ('is_infinite', 'is_infinite', 1, False, 'Return True if a is infinite, False otherwise.'),
    ('is_nan', 'is_nan', 1, False, 'Return True if a is a qNaN or sNaN, False otherwise.'),
    ('is_normal', 'is_normal', 1, True, 'Return True if a is a normal number, False otherwise.'),
    ('is_qnan', 'is_qnan', 1, False, 'Return True if a is a quiet NaN, False otherwise.'),
    ('is_signed', 'is_signed', 1, False, 'Return True if a is negative, False otherwise.'),
    ('is_snan', 'is_snan', 1, False, 'Return True if a is a signaling NaN, False otherwise.'),
    ('is_subnormal', 'is_subnormal', 1, True, 'Return True if a is subnormal, False otherwise.'),
    ('is_zero', 'is_zero', 1, False, 'Return True if a is a zero, False otherwise.'),
    ('ln', 'ln', 1, True, 'Return the natural (base e) logarithm of a.'),
    ('log10', 'log10', 1, True, 'Return the base 10 logarithm of a.'),
    ('logb', 'logb', 1, True, "Return the exponent of the magnitude of the operand's MSD."),
    ('logical_and', 'logical_and', 2, True, 'Digit-wise and of a and b.'),
    ('logical_invert', 'logical_invert', 1, True, 'Invert all digits of a.'),
    ('logical_or', 'logical_or', 2, True, 'Digit-wise or of a and b.'),
    ('logical_xor', 'logical_xor', 2, True, 'Digit-wise xor of a and b.'),
    ('max', 'max', 2, True, 'Compare the values numerically and return the maximum.'),
    ('max_mag', 'max_mag', 2, True, 'Compare the values numerically with their sign ignored.'),
    ('min', 'min', 2, True, 'Compare the values numerically and return the minimum.'),
    ('min_mag', 'min_mag', 2, True, 'Compare the values numerically with their sign ignored.'),
    ('minus', '__neg__', 1, True, 'Minus corresponds to the unary prefix minus operator in Python, but applies the context to the result.'),
    ('multiply', '__mul__', 2, True, 'Return the product of a and b.'),
    ('next_minus', 'next_minus', 1, True, 'Return the largest representable number smaller than a.'),
    ('next_plus', 'next_plus', 1, True, 'Return the smallest representable number larger than a.'),
    ('next_toward', 'next_toward', 2, True, 'Return the number closest to a, in the direction towards b.'),
    ('normalize', 'normalize', 1, True, 'Reduce a to its simplest form. Alias for reduce(a).'),
    ('number_class', 'number_class', 1, True, 'Return an indication of the class of a.'),
    ('plus', '__pos__', 1, True, 'Plus corresponds to the unary prefix plus operator in Python, but applies the context to the result.'),
    ('quantize', 'quantize', 2, True, "Return a value equal to 'a' (rounded), having the exponent of 'b'."),
    ('remainder', '__mod__', 2, True, 'Return the remainder from integer division. The sign of the result, if non-zero, is the same as that of the original dividend.'),
    ('remainder_near', 'remainder_near', 2, True, 'Return a - b * n, where n is the integer nearest the exact value of a / b (if two integers are equally near then the even one is chosen). If the result is equal to 0 then its sign will be the sign of a.'),
    ('rotate', 'rotate', 2, True, 'Return a copy of a, rotated by b times.'),
    ('same_quantum', 'same_quantum', 2, False, 'Return True if the operands have the same exponent.'),
    ('scaleb', 'scaleb', 2, True, 'Return the first operand after adding the second value to its exp.'),
    ('shift', 'shift', 2, True, 'Return a copy of a, shifted by b places.'),
    ('sqrt', 'sqrt', 1, True, 'Square root of a non-negative number to context precision.'),
    ('subtract', '__sub__', 2, True, 'Return the difference between a and b.'),
    ('to_eng_string', 'to_eng_string', 1, True, 'Convert a number to a string, using engineering notation.'),
    ('to_sci_string', '__str__', 1, True, 'Convert a number to a string using scientific notation.'),
    ('to_integral_exact', 'to_integral_exact', 1, True, 'Round to an integer. Signal if the result is rounded or inexact.'),
    ('to_integral_value', 'to_integral_value', 1, True, 'Round to an integer.'),
]


def _context_operation(name, target, count, with_context, doc):
    def operation(self, *operands):
        if len(operands) != count:
            # METH_O's message, or PyArg_ParseTuple's for the functions of two or three operands
            if count == 1:
                raise TypeError(f'Context.{name}() takes exactly one argument ({len(operands)} given)')
            raise TypeError(f'function takes exactly {count} arguments ({len(operands)} given)')
        first, *rest = [_convert_raise(x) for x in operands]
        method = getattr(first, target)
        return method(*rest, context=self) if with_context else method(*rest)
    operation.__name__ = name
    operation.__qualname__ = 'Context.' + name
    operation.__doc__ = doc
    return operation


for _row in _CONTEXT_OPERATIONS:
    setattr(Context, _row[0], _context_operation(*_row))
Context.to_integral = Context.to_integral_value
del _row


# ---------------------------------------------------------------------------------------------
# Reading numbers (_decimal's numeric_as_ascii and libmpdec's mpd_qset_string)

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')


def _ascii_numeric(s, strip):
    """The characters libmpdec parses: ASCII kept, any Unicode space a space, any Unicode
    decimal digit its ASCII digit; None for anything else. When `strip`, surrounding
    whitespace goes and underscores are dropped, as the Decimal constructor does."""
    if strip:
        s = s.strip()
    out = []
    for ch in s:
        if strip and ch == '_':
            continue
        code = ord(ch)
        if 0 < code <= 127:
            out.append(ch)
        elif ch.isspace():
            out.append(' ')
        elif ch.isdecimal():
            out.append(str(int(ch)))
        else:
            return None
    return ''.join(out)


def _parse_string(s, strip=True):
    """(sign, digits, exponent, special) for a numeric string, or None when it is not one."""
    s = _ascii_numeric(s, strip)
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    lower = s.lower()
    if lower in ('inf', 'infinity'):
        return (sign, '0', 'F', True)
    for prefix, code in (('snan', 'N'), ('nan', 'n')):
        if lower.startswith(prefix):
            payload = s[len(prefix):]
            if payload and not (payload.isdigit() and payload.isascii()):
                return None
            payload = payload.lstrip('0')
            if len(payload) > MAX_PREC:
                return None
            return (sign, payload, code, True)
    mantissa, exponent = s, ''
    for i, ch in enumerate(s):
        if ch in 'eE':
            mantissa, exponent = s[:i], s[i + 1:]
            if not exponent:
                return None
            break
    if '.' in mantissa:
        whole, _, frac = mantissa.partition('.')
    else:
        whole, frac = mantissa, ''
    if not whole and not frac:
        return None
    digits = whole + frac
    if not (digits.isdigit() and digits.isascii()) and digits:
        return None
    if not digits:
        return None
    exp = 0
    if exponent:
        body = exponent[1:] if exponent[0] in '+-' else exponent
        if not body or not (body.isdigit() and body.isascii()):
            return None
        exp = int(body)
        if exponent[0] == '-':
            exp = -exp
        if not -_SSIZE_MAX - 1 <= exp <= _SSIZE_MAX:
            return None
    exp -= len(frac)
    return (sign, digits.lstrip('0') or '0', exp, False)


def _dec(sign, coefficient, exponent, special=False):
    """A Decimal from its parts, unchecked (_pydecimal's _dec_from_triple)."""
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coefficient
    d._exp = exponent
    d._is_special = special
    return d


def _int_parts(i):
    """(sign, digits, exponent, special) of an int."""
    return (1 if i < 0 else 0, str(abs(i)), 0, False)


def _convert(other):
    """An operand of an arithmetic operator: a Decimal, an int as a Decimal, else NotImplemented."""
    if isinstance(other, Decimal):
        return other
    if isinstance(other, int):
        return _dec(*_int_parts(other))
    return NotImplemented


def _convert_raise(other):
    """An operand of a method: as _convert, with _decimal's TypeError for the others."""
    converted = _convert(other)
    if converted is not NotImplemented:
        return converted
    raise TypeError(f'conversion from {type(other).__name__} to Decimal is not supported')


def _from_float_parts(f):
    """(sign, digits, exponent, special) of the exact value of the float f."""
    if f != f:
        return (0, '', 'n', True)
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    if f in (float('inf'), float('-inf')):
        return (sign, '0', 'F', True)
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1
    return (sign, str(n * 5 ** k), -k, False)


def _parts(d):
    return (d._sign, d._int, d._exp, d._is_special)


def _tuple_parts(t):
    """(sign, digits, exponent, special) of a DecimalTuple-like sequence, checked with
    _decimal's messages (dectuple_as_str)."""
    if len(t) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exponent = t
    if not isinstance(sign, int) or sign not in (0, 1):
        raise ValueError('sign must be an integer with the value 0 or 1')
    special = False
    if isinstance(exponent, str):
        if exponent not in ('F', 'n', 'N'):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        special = True
    elif not isinstance(exponent, int):
        raise ValueError('exponent must be an integer')
    elif not -_SSIZE_MAX - 1 <= exponent <= _SSIZE_MAX:
        raise OverflowError('Python int too large to convert to C ssize_t')
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    for digit in digits:
        if not isinstance(digit, int) or not 0 <= digit <= 9:
            raise ValueError('coefficient must be a tuple of digits')
    text = ''.join(str(int(digit)) for digit in digits).lstrip('0')
    if exponent == 'F':
        return (sign, '0', 'F', True)
    if special:
        return (sign, text, exponent, True)
    return (sign, text or '0', int(exponent), False)


def _round_digits(digits, keep, sign, rounding):
    """The first `keep` digits of a coefficient and how dropping the rest rounds them: 0 when
    nothing but zeros is dropped, 1 when the kept digits must go up by one, -1 when they are
    truncated (_pydecimal's _round_down ... _round_05up). A negative `keep` drops every digit
    of a value below half a unit of the kept place."""
    if keep < 0:
        digits, keep = '1', 0
    kept = digits[:keep] or '0'
    rest = digits[keep:]
    if rest.strip('0') == '':
        return kept, 0
    if rounding == ROUND_HALF_EVEN or rounding == ROUND_HALF_UP or rounding == ROUND_HALF_DOWN:
        first = rest[0]
        if first != '5':
            return kept, (1 if first > '5' else -1)
        if rest[1:].strip('0') != '':
            return kept, 1
        if rounding == ROUND_HALF_UP:
            return kept, 1
        if rounding == ROUND_HALF_DOWN:
            return kept, -1
        return kept, (-1 if keep == 0 or digits[keep - 1] in '02468' else 1)
    if rounding == ROUND_DOWN:
        return kept, -1
    if rounding == ROUND_UP:
        return kept, 1
    if rounding == ROUND_CEILING:
        return kept, (-1 if sign else 1)
    if rounding == ROUND_FLOOR:
        return kept, (1 if sign else -1)
    # ROUND_05UP: away from zero only when the last kept digit is 0 or 5
    return kept, (1 if keep == 0 or digits[keep - 1] in '05' else -1)


def _exact_checked(parts, context):
    """The Decimal of `parts`, or InvalidOperation when its exponent is past libmpdec's
    maximum context (the constructor's conversions are exact)."""
    sign, digits, exp, special = parts
    if not special:
        adjusted = exp + len(digits) - 1
        if digits != '0' and (adjusted > MAX_EMAX or exp < MIN_ETINY):
            return context._raise_error(InvalidOperation, 'exponent out of range')
        if digits == '0':
            exp = max(min(exp, MAX_EMAX), MIN_ETINY)
    return _dec(sign, digits, exp, special)


# ---------------------------------------------------------------------------------------------
# Decimal

class Decimal:
    """Construct a new Decimal object. 'value' can be an integer, string, tuple,
or another Decimal object. If no value is given, return Decimal('0'). The
context does not affect the conversion and is only passed to determine if
the InvalidOperation trap is active.

"""

    __slots__ = ('_sign', '_int', '_exp', '_is_special')

    @_signals
    def __new__(cls, value='0', context=None):
        context = _context_argument(context)
        if isinstance(value, Decimal):
            if cls is Decimal and type(value) is Decimal:
                return value
            parts = (value._sign, value._int, value._exp, value._is_special)
        elif isinstance(value, str):
            parts = _parse_string(value)
            if parts is None:
                parts = _parts(context._raise_error(ConversionSyntax, 'invalid literal for Decimal'))
            else:
                parts = _parts(_exact_checked(parts, context))
        elif isinstance(value, int):
            parts = _int_parts(value)
        elif isinstance(value, float):
            context._raise_error(FloatOperation, 'strict semantics for mixing floats and Decimals are enabled')
            parts = _from_float_parts(value)
        elif isinstance(value, (tuple, list)):
            parts = _parts(_exact_checked(_tuple_parts(tuple(value)), context))
        else:
            raise TypeError(f'conversion from {type(value).__name__} to Decimal is not supported')
        self = object.__new__(cls)
        self._sign, self._int, self._exp, self._is_special = parts
        return self

    @classmethod
    def from_float(cls, f):
        """Class method that converts a float to a decimal number, exactly.
Since 0.1 is not exactly representable in binary floating point,
Decimal.from_float(0.1) is not the same as Decimal('0.1').

    >>> Decimal.from_float(0.1)
    Decimal('0.1000000000000000055511151231257827021181583404541015625')
    >>> Decimal.from_float(float('nan'))
    Decimal('NaN')
    >>> Decimal.from_float(float('inf'))
    Decimal('Infinity')
    >>> Decimal.from_float(float('-inf'))
    Decimal('-Infinity')


"""
        if isinstance(f, int):
            parts = _int_parts(f)
        elif isinstance(f, float):
            parts = _from_float_parts(f)
        else:
            raise TypeError('argument must be int or float')
        d = _dec(*parts)
        return d if cls is Decimal else cls(d)

    # -- classification

    def _isnan(self):
        """0 for a number, 1 for a quiet NaN, 2 for a signaling NaN."""
        if self._is_special:
            if self._exp == 'n':
                return 1
            if self._exp == 'N':
                return 2
        return 0

    def _isinfinity(self):
        """0 for a finite number or NaN, 1 for +Infinity, -1 for -Infinity."""
        if self._exp == 'F':
            return -1 if self._sign else 1
        return 0

    def _check_nans(self, other=None, context=None):
        """The NaN result of an operation on a NaN operand (sNaN signals), or 0."""
        self_is_nan = self._isnan()
        other_is_nan = other._isnan() if other is not None else 0
        if self_is_nan or other_is_nan:
            if context is None:
                context = getcontext()
            if self_is_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', self)
            if other_is_nan == 2:
                return context._raise_error(InvalidOperation, 'sNaN', other)
            if self_is_nan:
                return self._fix_nan(context)
            return other._fix_nan(context)
        return 0

    def _compare_check_nans(self, other, context):
        """For the ordering comparisons, where any NaN signals InvalidOperation."""
        if self._is_special or other._is_special:
            if context is None:
                context = getcontext()
            if self._isnan():
                return context._raise_error(InvalidOperation, 'comparison involving NaN', self)
            if other._isnan():
                return context._raise_error(InvalidOperation, 'comparison involving NaN', other)
        return 0

    def __bool__(self):
        return self._is_special or self._int != '0'

    def _cmp(self, other):
        """-1, 0 or 1 comparing two non-NaN Decimals."""
        if self._is_special or other._is_special:
            a, b = self._isinfinity(), other._isinfinity()
            return (a > b) - (a < b)
        if not self:
            if not other:
                return 0
            return 1 if other._sign else -1
        if not other:
            return -1 if self._sign else 1
        if other._sign < self._sign:
            return -1
        if self._sign < other._sign:
            return 1
        a, b = self.adjusted(), other.adjusted()
        if a == b:
            x = self._int + '0' * (self._exp - other._exp)
            y = other._int + '0' * (other._exp - self._exp)
            if x == y:
                return 0
            result = -1 if x < y else 1
        else:
            result = 1 if a > b else -1
        return -result if self._sign else result

    # -- comparison (_decimal's dec_richcompare)

    @_signals
    def __eq__(self, other):
        self, other = _convert_for_comparison(self, other, True)
        if other is NotImplemented:
            return other
        if self._isnan() == 2 or other._isnan() == 2:
            getcontext()._raise_error(InvalidOperation, 'comparison involving sNaN')
            return False
        if self._isnan() or other._isnan():
            return False
        return self._cmp(other) == 0

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def _order(self, other):
        self, other = _convert_for_comparison(self, other, False)
        if other is NotImplemented:
            return None
        if self._compare_check_nans(other, None):
            return 'nan'
        return self._cmp(other)

    @_signals
    def __lt__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else (c != 'nan' and c < 0)

    @_signals
    def __le__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else (c != 'nan' and c <= 0)

    @_signals
    def __gt__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else (c != 'nan' and c > 0)

    @_signals
    def __ge__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else (c != 'nan' and c >= 0)

    @_signals
    def compare(self, other, context=None):
        """Compare self to other.  Return a decimal value:

    a or b is a NaN ==> Decimal('NaN')
    a < b           ==> Decimal('-1')
    a == b          ==> Decimal('0')
    a > b           ==> Decimal('1')

"""
        context = _context_argument(context)
        other = _convert_raise(other)
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
        return Decimal(self._cmp(other))

    def __hash__(self):
        if self._is_special:
            if self._exp == 'N':
                raise TypeError('Cannot hash a signaling NaN value')
            if self._exp == 'n':
                return id(self) >> 4  # _Py_HashPointer, object's hash
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            exp_hash = pow(10, self._exp, _HASH_MODULUS)
        else:
            exp_hash = pow(_HASH_10INV, -self._exp, _HASH_MODULUS)
        h = int(self._int) * exp_hash % _HASH_MODULUS
        h = -h if self._sign else h
        return -2 if h == -1 else h

    # -- conversions

    def as_tuple(self):
        """Return a tuple representation of the number."""
        digits = () if self._exp in ('n', 'N') and not self._int else tuple(map(int, self._int))
        return DecimalTuple(self._sign, digits, self._exp)

    def as_integer_ratio(self):
        """Decimal.as_integer_ratio() -> (int, int)

Return a pair of integers, whose ratio is exactly equal to the original
Decimal and with a positive denominator. The ratio is in lowest terms.
Raise OverflowError on infinities and a ValueError on NaNs.

"""
        if self._is_special:
            if self._isnan():
                raise ValueError('cannot convert NaN to integer ratio')
            raise OverflowError('cannot convert Infinity to integer ratio')
        if not self:
            return (0, 1)
        n = int(self._int)
        if self._exp >= 0:
            n, d = n * 10 ** self._exp, 1
        else:
            d5 = -self._exp
            while d5 > 0 and n % 5 == 0:
                n //= 5
                d5 -= 1
            d2 = -self._exp
            shift2 = min((n & -n).bit_length() - 1, d2)
            if shift2:
                n >>= shift2
                d2 -= shift2
            d = 5 ** d5 << d2
        return (-n if self._sign else n, d)

    def __repr__(self):
        return "Decimal('%s')" % self.__str__()

    def __str__(self, eng=False, context=None):
        """Return string representation of the number in scientific notation."""
        sign = '-' if self._sign else ''
        if self._is_special:
            if self._exp == 'F':
                return sign + 'Infinity'
            return sign + ('NaN' if self._exp == 'n' else 'sNaN') + self._int
        leftdigits = self._exp + len(self._int)
        if self._exp <= 0 and leftdigits > -6:
            dotplace = leftdigits
        elif not eng:
            dotplace = 1
        elif self._int == '0':
            dotplace = (leftdigits + 1) % 3 - 1
        else:
            dotplace = (leftdigits - 1) % 3 + 1
        if dotplace <= 0:
            intpart, fracpart = '0', '.' + '0' * -dotplace + self._int
        elif dotplace >= len(self._int):
            intpart, fracpart = self._int + '0' * (dotplace - len(self._int)), ''
        else:
            intpart, fracpart = self._int[:dotplace], '.' + self._int[dotplace:]
        if leftdigits == dotplace:
            return sign + intpart + fracpart
        capitals = _context_argument(context)._capitals
        return sign + intpart + fracpart + ('E' if capitals else 'e') + '%+d' % (leftdigits - dotplace)

    def to_eng_string(self, context=None):
        """Convert to an engineering-type string.  Engineering notation has an exponent
which is a multiple of 3, so there are up to 3 digits left of the decimal
place. For example, Decimal('123E+1') is converted to Decimal('1.23E+3').

The value of context.capitals determines whether the exponent sign is lower
or upper case. Otherwise, the context does not affect the operation.

"""
        return self.__str__(eng=True, context=context)

    def __float__(self):
        if self._is_special and self._exp in ('n', 'N'):
            if self._exp == 'N':
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan') if self._sign else float('nan')
        if self._is_special:
            return float('-inf') if self._sign else float('inf')
        return float(('-' if self._sign else '') + self._int + 'e' + str(self._exp))

    def __int__(self):
        if self._is_special:
            if self._isnan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        s = -1 if self._sign else 1
        if self._exp >= 0:
            return s * int(self._int) * 10 ** self._exp
        return s * int(self._int[:self._exp] or '0')

    def __trunc__(self):
        return self.__int__()

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self if type(self) is Decimal else self.__class__(str(self))

    def __deepcopy__(self, memo):
        return self if type(self) is Decimal else self.__class__(str(self))

    # -- rounding to the context (_pydecimal's _fix and the rounding functions)

    def _fix_nan(self, context):
        payload = self._int
        most = context._prec - context._clamp
        if len(payload) > most:
            return _dec(self._sign, payload[len(payload) - most:].lstrip('0'), self._exp, True)
        return self

    def _fix(self, context):
        """Round to the context's precision and check its exponent limits."""
        if self._is_special:
            return self._fix_nan(context) if self._isnan() else self
        prec = context._prec
        Etiny = context._Emin - prec + 1
        Etop = context._Emax - prec + 1
        if self._int == '0':
            exp_max = Etop if context._clamp else context._Emax
            new_exp = min(max(self._exp, Etiny), exp_max)
            if new_exp != self._exp:
                context._raise_error(Clamped)
                return _dec(self._sign, '0', new_exp)
            return self
        n = len(self._int)
        exp_min = n + self._exp - prec
        if exp_min > Etop:
            ans = context._raise_error(Overflow, 'above Emax', self._sign)
            context._raise_error(Inexact)
            context._raise_error(Rounded)
            return ans
        subnormal = exp_min < Etiny
        if subnormal:
            exp_min = Etiny
        if self._exp < exp_min:
            keep = n + self._exp - exp_min
            coeff, changed = _round_digits(self._int, keep, self._sign, context._rounding)
            if changed > 0:
                coeff = str(int(coeff) + 1)
                if len(coeff) > prec:
                    coeff = coeff[:-1]
                    exp_min += 1
            if exp_min > Etop:
                ans = context._raise_error(Overflow, 'above Emax', self._sign)
            else:
                ans = _dec(self._sign, coeff, exp_min)
            if changed and subnormal:
                context._raise_error(Underflow)
            if subnormal:
                context._raise_error(Subnormal)
            if changed:
                context._raise_error(Inexact)
            context._raise_error(Rounded)
            if not ans:
                context._raise_error(Clamped)
            return ans
        if subnormal:
            context._raise_error(Subnormal)
        if context._clamp == 1 and self._exp > Etop:
            context._raise_error(Clamped)
            return _dec(self._sign, self._int + '0' * (self._exp - Etop), Etop)
        return self

    def _rescale(self, exp, rounding):
        """This number at exponent `exp`, rounded by `rounding`, ignoring the context."""
        if self._is_special:
            return self
        if self._int == '0':
            return _dec(self._sign, '0', exp)
        if self._exp >= exp:
            return _dec(self._sign, self._int + '0' * (self._exp - exp), exp)
        keep = len(self._int) + self._exp - exp
        coeff, changed = _round_digits(self._int, keep, self._sign, rounding)
        if changed == 1:
            coeff = str(int(coeff) + 1)
        return _dec(self._sign, coeff, exp)

    def _round(self, places, rounding):
        """Rounded to `places` significant digits."""
        if self._is_special or not self:
            return self
        ans = self._rescale(self.adjusted() + 1 - places, rounding)
        if ans.adjusted() != self.adjusted():
            ans = ans._rescale(ans.adjusted() + 1 - places, rounding)
        return ans

    def _isinteger(self):
        if self._is_special:
            return False
        if self._exp >= 0:
            return True
        rest = self._int[self._exp:]
        return rest == '0' * len(rest)

    def _iseven(self):
        if not self or self._exp > 0:
            return True
        return self._int[-1 + self._exp] in '02468'

    def adjusted(self):
        """Return the adjusted exponent of the number.  Defined as exp + digits - 1.

"""
        if self._is_special:
            return 0
        return self._exp + len(self._int) - 1

    # -- arithmetic (the General Decimal Arithmetic operations, as _pydecimal computes them)

    @_signals
    def __neg__(self, context=None):
        context = _context_argument(context)
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if not self and context._rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = self.copy_negate()
        return ans._fix(context)

    @_signals
    def __pos__(self, context=None):
        context = _context_argument(context)
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        if not self and context._rounding != ROUND_FLOOR:
            ans = self.copy_abs()
        else:
            ans = _dec(self._sign, self._int, self._exp, self._is_special)
        return ans._fix(context)

    @_signals
    def __abs__(self, context=None):
        context = _context_argument(context)
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        return self.__neg__(context=context) if self._sign else self.__pos__(context=context)

    @_signals
    def __add__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = _context_argument(context)
        return _add(self, other, context)

    @_signals
    def __sub__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = _context_argument(context)
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
        return _add(self, other.copy_negate(), context)

    @_signals
    def __mul__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = _context_argument(context)
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity():
                if not other:
                    return context._raise_error(InvalidOperation, '(+-)INF * 0')
                return _SignedInfinity[sign]
            if other._isinfinity():
                if not self:
                    return context._raise_error(InvalidOperation, '0 * (+-)INF')
                return _SignedInfinity[sign]
        exp = self._exp + other._exp
        if not self or not other:
            return _dec(sign, '0', exp)._fix(context)
        if self._int == '1':
            return _dec(sign, other._int, exp)._fix(context)
        if other._int == '1':
            return _dec(sign, self._int, exp)._fix(context)
        return _dec(sign, str(int(self._int) * int(other._int)), exp)._fix(context)

    @_signals
    def __truediv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = _context_argument(context)
        sign = self._sign ^ other._sign
        if self._is_special or other._is_special:
            ans = self._check_nans(other, context)
            if ans:
                return ans
            if self._isinfinity() and other._isinfinity():
                return context._raise_error(InvalidOperation, '(+-)INF/(+-)INF')
            if self._isinfinity():
                return _SignedInfinity[sign]
            if other._isinfinity():
                context._raise_error(Clamped, 'Division by infinity')
                return _dec(sign, '0', context.Etiny())
        if not other:
            if not self:
                return context._raise_error(DivisionUndefined, '0 / 0')
            return context._raise_error(DivisionByZero, 'x / 0', sign)
        if not self:
            exp = self._exp - other._exp
            coeff = 0
        else:
            shift = len(other._int) - len(self._int) + context._prec + 1
            exp = self._exp - other._exp - shift
            a, b = int(self._int), int(other._int)
            if shift >= 0:
                coeff, remainder = divmod(a * 10 ** shift, b)
            else:
                coeff, remainder = divmod(a, b * 10 ** -shift)
            if remainder:
                # a final 5 or 0 would round wrongly: make the digit a sticky one
                if coeff % 5 == 0:
                    coeff += 1
            else:
                ideal = self._exp - other._exp
                while exp < ideal and coeff % 10 == 0:
                    coeff //= 10
                    exp += 1
        return _dec(sign, str(coeff), exp)._fix(context)

    def _divide(self, other, context):
        """(integer quotient, remainder) of two finite operands, other nonzero."""
        sign = self._sign ^ other._sign
        ideal_exp = self._exp if other._isinfinity() else min(self._exp, other._exp)
        expdiff = self.adjusted() - other.adjusted()
        if not self or other._isinfinity() or expdiff <= -2:
            return (_dec(sign, '0', 0), self._rescale(ideal_exp, context._rounding))
        if expdiff <= context._prec:
            a, b = int(self._int), int(other._int)
            if self._exp >= other._exp:
                a *= 10 ** (self._exp - other._exp)
            else:
                b *= 10 ** (other._exp - self._exp)
            q, r = divmod(a, b)
            if q < 10 ** context._prec:
                return (_dec(sign, str(q), 0), _dec(self._sign, str(r), ideal_exp))
        ans = context._raise_error(DivisionImpossible, 'quotient too large in //, % or divmod')
        return (ans, ans)

    @_signals
    def __divmod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = _context_argument(context)
        ans = self._check_nans(other, context)
        if ans:
            return (ans, ans)
        sign = self._sign ^ other._sign
        if self._isinfinity():
            if other._isinfinity():
                ans = context._raise_error(InvalidOperation, 'divmod(INF, INF)')
                return (ans, ans)
            return (_SignedInfinity[sign], context._raise_error(InvalidOperation, 'INF % x'))
        if not other:
            if not self:
                ans = context._raise_error(DivisionUndefined, 'divmod(0, 0)')
                return (ans, ans)
            return (context._raise_error(DivisionByZero, 'x // 0', sign),
                    context._raise_error(InvalidOperation, 'x % 0'))
        quotient, remainder = self._divide(other, context)
        return (quotient, remainder._fix(context))

    @_signals
    def __mod__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = _context_argument(context)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            return context._raise_error(InvalidOperation, 'INF % x')
        if not other:
            if self:
                return context._raise_error(InvalidOperation, 'x % 0')
            return context._raise_error(DivisionUndefined, '0 % 0')
        return self._divide(other, context)[1]._fix(context)

    @_signals
    def __floordiv__(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = _context_argument(context)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            if other._isinfinity():
                return context._raise_error(InvalidOperation, 'INF // INF')
            return _SignedInfinity[self._sign ^ other._sign]
        if not other:
            if self:
                return context._raise_error(DivisionByZero, 'x // 0', self._sign ^ other._sign)
            return context._raise_error(DivisionUndefined, '0 // 0')
        return self._divide(other, context)[0]

    @_signals
    def remainder_near(self, other, context=None):
        """Return the remainder from dividing self by other.  This differs from
self % other in that the sign of the remainder is chosen so as to minimize
its absolute value. More precisely, the return value is self - n * other
where n is the integer nearest to the exact value of self / other, and
if two integers are equally near then the even one is chosen.

If the result is zero then its sign will be the sign of self.

"""
        context = _context_argument(context)
        other = _convert_raise(other)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        if self._isinfinity():
            return context._raise_error(InvalidOperation, 'remainder_near(infinity, x)')
        if not other:
            if self:
                return context._raise_error(InvalidOperation, 'remainder_near(x, 0)')
            return context._raise_error(DivisionUndefined, 'remainder_near(0, 0)')
        if other._isinfinity():
            return self._fix(context)
        ideal = min(self._exp, other._exp)
        if not self:
            return _dec(self._sign, '0', ideal)._fix(context)
        expdiff = self.adjusted() - other.adjusted()
        if expdiff >= context._prec + 1:
            return context._raise_error(DivisionImpossible)
        if expdiff <= -2:
            return self._rescale(ideal, context._rounding)._fix(context)
        a, b = int(self._int), int(other._int)
        if self._exp >= other._exp:
            a *= 10 ** (self._exp - other._exp)
        else:
            b *= 10 ** (other._exp - self._exp)
        q, r = divmod(a, b)
        if 2 * r + (q & 1) > b:
            r -= b
            q += 1
        if q >= 10 ** context._prec:
            return context._raise_error(DivisionImpossible)
        sign = self._sign
        if r < 0:
            sign, r = 1 - sign, -r
        return _dec(sign, str(r), ideal)._fix(context)

    @_signals
    def fma(self, other, third, context=None):
        """Fused multiply-add.  Return self*other+third with no rounding of the
intermediate product self*other.

    >>> Decimal(2).fma(3, 5)
    Decimal('11')


"""
        context = _context_argument(context)
        other = _convert_raise(other)
        third = _convert_raise(third)
        if self._is_special or other._is_special:
            if self._exp == 'N':
                return context._raise_error(InvalidOperation, 'sNaN', self)
            if other._exp == 'N':
                return context._raise_error(InvalidOperation, 'sNaN', other)
            if self._exp == 'n':
                product = self
            elif other._exp == 'n':
                product = other
            elif self._exp == 'F':
                if not other:
                    return context._raise_error(InvalidOperation, 'INF * 0 in fma')
                product = _SignedInfinity[self._sign ^ other._sign]
            else:
                if not self:
                    return context._raise_error(InvalidOperation, '0 * INF in fma')
                product = _SignedInfinity[self._sign ^ other._sign]
        else:
            product = _dec(self._sign ^ other._sign, str(int(self._int) * int(other._int)),
                           self._exp + other._exp)
        return _add(product, third, context)

    # -- powers (_pydecimal's __pow__, _power_exact and _power_modulo)

    @_signals
    def __pow__(self, other, modulo=None, context=None):
        if modulo is not None:
            return self._power_modulo(other, modulo, context)
        other = _convert(other)
        if other is NotImplemented:
            return other
        context = _context_argument(context)
        return _power(self, other, context)

    def __rpow__(self, other, modulo=None, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return other.__pow__(self, modulo, context=context)

    def _power_modulo(self, other, modulo, context):
        other = _convert(other)
        modulo = _convert(modulo)
        if other is NotImplemented or modulo is NotImplemented:
            return NotImplemented
        context = _context_argument(context)
        nans = (self._isnan(), other._isnan(), modulo._isnan())
        if any(nans):
            for operand, kind in zip((self, other, modulo), nans):
                if kind == 2:
                    return context._raise_error(InvalidOperation, 'sNaN', operand)
            for operand, kind in zip((self, other, modulo), nans):
                if kind:
                    return operand._fix_nan(context)
        if not (self._isinteger() and other._isinteger() and modulo._isinteger()):
            return context._raise_error(InvalidOperation, 'pow() 3rd argument not allowed unless all arguments are integers')
        if other._sign and other:
            return context._raise_error(InvalidOperation, 'pow() 2nd argument cannot be negative when 3rd argument specified')
        if not modulo:
            return context._raise_error(InvalidOperation, 'pow() 3rd argument cannot be 0')
        if modulo.adjusted() >= context._prec:
            return context._raise_error(InvalidOperation, 'insufficient precision: pow() 3rd argument must not have more than precision digits')
        if not other and not self:
            return context._raise_error(InvalidOperation, 'at least one of pow() 1st argument and 2nd argument must be nonzero; 0**0 is not defined')
        sign = 0 if other._iseven() else self._sign
        m = abs(int(modulo))
        base = abs(int(self)) % m
        result = pow(base, abs(int(other)), m)
        return _dec(sign, str(result), 0)

    # -- square root, exponential and logarithms

    @_signals
    def sqrt(self, context=None):
        """Return the square root of the argument to full precision. The result is
correctly rounded using the ROUND_HALF_EVEN rounding mode.

"""
        context = _context_argument(context)
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            if self._isinfinity() and self._sign == 0:
                return self
        if not self:
            return _dec(self._sign, '0', self._exp // 2)._fix(context)
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'sqrt(-x), x > 0')
        prec = context._prec + 1
        # the coefficient c and exponent 2e of an operand with an even exponent
        e = self._exp >> 1
        if self._exp & 1:
            c = int(self._int) * 10
            l = (len(self._int) >> 1) + 1
        else:
            c = int(self._int)
            l = (len(self._int) + 1) >> 1
        shift = prec - l
        if shift >= 0:
            c *= 100 ** shift
            exact = True
        else:
            c, remainder = divmod(c, 100 ** -shift)
            exact = not remainder
        e -= shift
        n = 10 ** prec
        while True:
            q = c // n
            if n <= q:
                break
            n = (n + q) >> 1
        exact = exact and n * n == c
        if exact:
            if shift >= 0:
                n //= 10 ** shift
            else:
                n *= 10 ** -shift
            e += shift
        elif n % 5 == 0:
            n += 1
        return _fix_half_even(_dec(0, str(n), e), context)

    @_signals
    def exp(self, context=None):
        """Return the value of the (natural) exponential function e**x at the given
number.  The function always uses the ROUND_HALF_EVEN mode and the result
is correctly rounded.

"""
        context = _context_argument(context)
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity() == -1:
            return _Zero
        if not self:
            return _One
        if self._isinfinity() == 1:
            return self
        p = context._prec
        adj = self.adjusted()
        if self._sign == 0 and adj > len(str((context._Emax + 1) * 3)):
            ans = _dec(0, '1', context._Emax + 1)
        elif self._sign == 1 and adj > len(str((-context.Etiny() + 1) * 3)):
            ans = _dec(0, '1', context.Etiny() - 1)
        elif self._sign == 0 and adj < -p:
            ans = _dec(0, '1' + '0' * (p - 1) + '1', -p)
        elif self._sign == 1 and adj < -p - 1:
            ans = _dec(0, '9' * (p + 1), -p - 1)
        else:
            c, e = int(self._int), self._exp
            if self._sign:
                c = -c
            extra = 3
            while True:
                coeff, exp = _dexp(c, e, p + extra)
                if coeff % (5 * 10 ** (len(str(coeff)) - p - 1)):
                    break
                extra += 3
            ans = _dec(0, str(coeff), exp)
        return _fix_half_even(ans, context)

    def _ln_exp_bound(self):
        """A lower bound of the adjusted exponent of ln(self)."""
        adj = self._exp + len(self._int) - 1
        if adj >= 1:
            return len(str(adj * 23 // 10)) - 1
        if adj <= -2:
            return len(str((-1 - adj) * 23 // 10)) - 1
        c, e = int(self._int), self._exp
        if adj == 0:
            num, den = str(c - 10 ** -e), str(c)
            return len(num) - len(den) - (num < den)
        return e + len(str(10 ** -e - c)) - 1

    @_signals
    def ln(self, context=None):
        """Return the natural (base e) logarithm of the operand. The function always
uses the ROUND_HALF_EVEN mode and the result is correctly rounded.

"""
        context = _context_argument(context)
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if not self:
            return _NegativeInfinity
        if self._isinfinity() == 1:
            return _Infinity
        if self._cmp(_One) == 0 and not self._sign:
            return _Zero
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'ln of a negative value')
        c, e = int(self._int), self._exp
        p = context._prec
        places = p - self._ln_exp_bound() + 2
        while True:
            coeff = _dlog(c, e, places)
            if coeff % (5 * 10 ** (len(str(abs(coeff))) - p - 1)):
                break
            places += 3
        return _fix_half_even(_dec(int(coeff < 0), str(abs(coeff)), -places), context)

    def _log10_exp_bound(self):
        """A lower bound of the adjusted exponent of log10(self)."""
        adj = self._exp + len(self._int) - 1
        if adj >= 1:
            return len(str(adj)) - 1
        if adj <= -2:
            return len(str(-1 - adj)) - 1
        c, e = int(self._int), self._exp
        if adj == 0:
            num, den = str(c - 10 ** -e), str(231 * c)
            return len(num) - len(den) - (num < den) + 2
        num = str(10 ** -e - c)
        return len(num) + e - (num < '231') - 1

    @_signals
    def log10(self, context=None):
        """Return the base ten logarithm of the operand. The function always uses the
ROUND_HALF_EVEN mode and the result is correctly rounded.

"""
        context = _context_argument(context)
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if not self:
            return _NegativeInfinity
        if self._isinfinity() == 1:
            return _Infinity
        if self._sign == 1:
            return context._raise_error(InvalidOperation, 'log10 of a negative value')
        if self._int[0] == '1' and self._int[1:].strip('0') == '':
            ans = Decimal(self._exp + len(self._int) - 1)
        else:
            c, e = int(self._int), self._exp
            p = context._prec
            places = p - self._log10_exp_bound() + 2
            while True:
                coeff = _dlog10(c, e, places)
                if coeff % (5 * 10 ** (len(str(abs(coeff))) - p - 1)):
                    break
                places += 3
            ans = _dec(int(coeff < 0), str(abs(coeff)), -places)
        return _fix_half_even(ans, context)

    @_signals
    def logb(self, context=None):
        """Return the adjusted exponent of the operand as a Decimal instance.  If the
operand is a zero, then Decimal('-Infinity') is returned and the DivisionByZero
condition is raised. If the operand is an infinity then Decimal('Infinity') is
returned.

"""
        context = _context_argument(context)
        ans = self._check_nans(context=context)
        if ans:
            return ans
        if self._isinfinity():
            return _Infinity
        if not self:
            return context._raise_error(DivisionByZero, 'logb(0)', 1)
        return Decimal(self.adjusted())._fix(context)

    # -- exponents and integers

    @_signals
    def normalize(self, context=None):
        """Normalize the number by stripping the rightmost trailing zeros and
converting any result equal to Decimal('0') to Decimal('0e0'). Used
for producing canonical values for members of an equivalence class.
For example, Decimal('32.100') and Decimal('0.321000e+2') both normalize
to the equivalent value Decimal('32.1').

"""
        context = _context_argument(context)
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
        dup = self._fix(context)
        if dup._isinfinity():
            return dup
        if not dup:
            return _dec(dup._sign, '0', 0)
        exp_max = context.Etop() if context._clamp else context._Emax
        end = len(dup._int)
        exp = dup._exp
        while dup._int[end - 1] == '0' and exp < exp_max:
            exp += 1
            end -= 1
        return _dec(dup._sign, dup._int[:end], exp)

    @_signals
    def quantize(self, exp, rounding=None, context=None):
        """Return a value equal to the first operand after rounding and having the
exponent of the second operand.

"""
        context = _context_argument(context)
        if rounding is None:
            rounding = context._rounding
        elif not isinstance(rounding, str) or rounding not in _ROUNDINGS:
            raise TypeError(_ROUNDING_MESSAGE)
        exp = _convert_raise(exp)
        if self._is_special or exp._is_special:
            ans = self._check_nans(exp, context)
            if ans:
                return ans
            if exp._isinfinity() or self._isinfinity():
                if exp._isinfinity() and self._isinfinity():
                    return self
                return context._raise_error(InvalidOperation, 'quantize with one INF')
        if not context.Etiny() <= exp._exp <= context._Emax:
            return context._raise_error(InvalidOperation, 'target exponent out of bounds in quantize')
        if not self:
            return _dec(self._sign, '0', exp._exp)._fix(context)
        adjusted = self.adjusted()
        if adjusted > context._Emax:
            return context._raise_error(InvalidOperation, 'exponent of quantize result too large for current context')
        if adjusted - exp._exp + 1 > context._prec:
            return context._raise_error(InvalidOperation, 'quantize result has too many digits for current context')
        ans = self._rescale(exp._exp, rounding)
        if ans.adjusted() > context._Emax:
            return context._raise_error(InvalidOperation, 'exponent of quantize result too large for current context')
        if len(ans._int) > context._prec:
            return context._raise_error(InvalidOperation, 'quantize result has too many digits for current context')
        if ans and ans.adjusted() < context._Emin:
            context._raise_error(Subnormal)
        if ans._exp > self._exp:
            if ans._cmp(self) != 0:
                context._raise_error(Inexact)
            context._raise_error(Rounded)
        return ans._fix(context)

    def same_quantum(self, other, context=None):
        """Test whether self and other have the same exponent or whether both are NaN.

This operation is unaffected by context and is quiet: no flags are changed
and no rounding is performed. As an exception, the C version may raise
InvalidOperation if the second operand cannot be converted exactly.

"""
        if context is not None:
            _context_argument(context)
        other = _convert_raise(other)
        if self._is_special or other._is_special:
            return (self._isnan() and other._isnan()) or (self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def _integral_rounding(self, rounding, context):
        if rounding is None:
            return context._rounding
        if not isinstance(rounding, str) or rounding not in _ROUNDINGS:
            raise TypeError(_ROUNDING_MESSAGE)
        return rounding

    @_signals
    def to_integral_exact(self, rounding=None, context=None):
        """Round to the nearest integer, signaling Inexact or Rounded as appropriate if
rounding occurs.  The rounding mode is determined by the rounding parameter
if given, else by the given context. If neither parameter is given, then the
rounding mode of the current default context is used.

"""
        context = _context_argument(context)
        rounding = self._integral_rounding(rounding, context)
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return self
        if self._exp >= 0:
            return self
        if not self:
            return _dec(self._sign, '0', 0)
        ans = self._rescale(0, rounding)
        if ans._cmp(self) != 0:
            context._raise_error(Inexact)
        context._raise_error(Rounded)
        return ans

    @_signals
    def to_integral_value(self, rounding=None, context=None):
        """Round to the nearest integer without signaling Inexact or Rounded.  The
rounding mode is determined by the rounding parameter if given, else by
the given context. If neither parameter is given, then the rounding mode
of the current default context is used.

"""
        context = _context_argument(context)
        rounding = self._integral_rounding(rounding, context)
        if self._is_special:
            ans = self._check_nans(context=context)
            if ans:
                return ans
            return self
        if self._exp >= 0:
            return self
        return self._rescale(0, rounding)

    to_integral = to_integral_value

    def _to_int(self, rounding):
        if self._is_special:
            if self._isnan():
                raise ValueError('cannot convert NaN to integer')
            raise OverflowError('cannot convert Infinity to integer')
        return int(self._rescale(0, rounding))

    def __round__(self, *args):
        if len(args) > 1:
            raise TypeError(f'__round__ expected at most 1 argument, got {len(args)}')
        if args:
            n = args[0]
            if not isinstance(n, int):
                raise TypeError('optional arg must be an integer')
            if not -_SSIZE_MAX - 1 <= n <= _SSIZE_MAX:
                raise OverflowError('Python int too large to convert to C ssize_t')
            return self.quantize(_dec(0, '1', -n), ROUND_HALF_EVEN)
        return self._to_int(ROUND_HALF_EVEN)

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    # -- comparisons that give Decimals, and the quiet operations

    def _nan_pick(self, other, context):
        """The NaN result of max/min with a NaN operand (a lone quiet NaN loses), or None."""
        sn, on = self._isnan(), other._isnan()
        if sn or on:
            if on == 1 and sn == 0:
                return self._fix(context)
            if sn == 1 and on == 0:
                return other._fix(context)
            return self._check_nans(other, context)
        return None

    def _extreme(self, other, context, larger, magnitude):
        context = _context_argument(context)
        other = _convert_raise(other)
        if self._is_special or other._is_special:
            ans = self._nan_pick(other, context)
            if ans is not None:
                return ans
        if magnitude:
            c = self.copy_abs()._cmp(other.copy_abs())
        else:
            c = self._cmp(other)
        if c == 0:
            c = int(self.compare_total(other))
        if larger:
            ans = other if c == -1 else self
        else:
            ans = self if c == -1 else other
        return ans._fix(context)

    @_signals
    def max(self, other, context=None):
        """Maximum of self and other.  If one operand is a quiet NaN and the other is
numeric, the numeric operand is returned.

"""
        return self._extreme(other, context, True, False)

    @_signals
    def min(self, other, context=None):
        """Minimum of self and other. If one operand is a quiet NaN and the other is
numeric, the numeric operand is returned.

"""
        return self._extreme(other, context, False, False)

    @_signals
    def max_mag(self, other, context=None):
        """Similar to the max() method, but the comparison is done using the absolute
values of the operands.

"""
        return self._extreme(other, context, True, True)

    @_signals
    def min_mag(self, other, context=None):
        """Similar to the min() method, but the comparison is done using the absolute
values of the operands.

"""
        return self._extreme(other, context, False, True)

    @_signals
    def compare_signal(self, other, context=None):
        """Identical to compare, except that all NaNs signal.

"""
        context = _context_argument(context)
        other = _convert_raise(other)
        ans = self._compare_check_nans(other, context)
        if ans:
            return ans
        return self.compare(other, context=context)

    def compare_total(self, other, context=None):
        """Compare two operands using their abstract representation rather than
their numerical value.  Similar to the compare() method, but the result
gives a total ordering on Decimal instances.

"""
        other = _convert_raise(other)
        if self._sign and not other._sign:
            return _NegativeOne
        if not self._sign and other._sign:
            return _One
        sign = self._sign
        self_nan, other_nan = self._isnan(), other._isnan()
        if self_nan or other_nan:
            if self_nan == other_nan:
                a = (len(self._int), self._int)
                b = (len(other._int), other._int)
                if a == b:
                    return _Zero
                return _One if (a < b) == bool(sign) else _NegativeOne
            # a quiet NaN is above a signaling one, which is above every number
            rank = {0: 0, 2: 1, 1: 2}
            below = rank[self_nan] < rank[other_nan]
            return _One if below == bool(sign) else _NegativeOne
        c = self._cmp(other)
        if c:
            return _NegativeOne if c < 0 else _One
        if self._exp < other._exp:
            return _One if sign else _NegativeOne
        if self._exp > other._exp:
            return _NegativeOne if sign else _One
        return _Zero

    def compare_total_mag(self, other, context=None):
        """Compare two operands using their abstract representation rather than their
value as in compare_total(), but ignoring the sign of each operand.

"""
        other = _convert_raise(other)
        return self.copy_abs().compare_total(other.copy_abs())

    def copy_abs(self):
        """Return the absolute value of the argument.  This operation is unaffected by
context and is quiet: no flags are changed and no rounding is performed.

"""
        return _dec(0, self._int, self._exp, self._is_special)

    def copy_negate(self):
        """Return the negation of the argument.  This operation is unaffected by context
and is quiet: no flags are changed and no rounding is performed.

"""
        return _dec(1 - self._sign, self._int, self._exp, self._is_special)

    def copy_sign(self, other, context=None):
        """Return a copy of the first operand with the sign set to be the same as the
sign of the second operand.

"""
        other = _convert_raise(other)
        return _dec(other._sign, self._int, self._exp, self._is_special)

    def canonical(self):
        """Return the canonical encoding of the argument.  Currently, the encoding
of a Decimal instance is always canonical, so this operation returns its
argument unchanged.

"""
        return self

    def is_canonical(self):
        """Return True if the argument is canonical and False otherwise.  Currently,
a Decimal instance is always canonical, so this operation always returns
True.

"""
        return True

    def is_finite(self):
        """Return True if the argument is a finite number, and False if the argument
is infinite or a NaN.

"""
        return not self._is_special

    def is_infinite(self):
        """Return True if the argument is either positive or negative infinity and
False otherwise.

"""
        return self._exp == 'F'

    def is_nan(self):
        """Return True if the argument is a (quiet or signaling) NaN and False
otherwise.

"""
        return self._exp == 'n' or self._exp == 'N'

    def is_qnan(self):
        """Return True if the argument is a quiet NaN, and False otherwise.

"""
        return self._exp == 'n'

    def is_snan(self):
        """Return True if the argument is a signaling NaN and False otherwise.

"""
        return self._exp == 'N'

    def is_signed(self):
        """Return True if the argument has a negative sign and False otherwise.
Note that both zeros and NaNs can carry signs.

"""
        return self._sign == 1

    def is_zero(self):
        """Return True if the argument is a (positive or negative) zero and False
otherwise.

"""
        return not self._is_special and self._int == '0'

    def is_normal(self, context=None):
        """Return True if the argument is a normal finite non-zero number with an
adjusted exponent greater than or equal to Emin. Return False if the
argument is zero, subnormal, infinite or a NaN.

"""
        context = _context_argument(context)
        if self._is_special or not self:
            return False
        return context._Emin <= self.adjusted()

    def is_subnormal(self, context=None):
        """Return True if the argument is subnormal, and False otherwise. A number is
subnormal if it is non-zero, finite, and has an adjusted exponent less
than Emin.

"""
        context = _context_argument(context)
        if self._is_special or not self:
            return False
        return self.adjusted() < context._Emin

    def number_class(self, context=None):
        """Return a string describing the class of the operand.  The returned value
is one of the following ten strings:

    * '-Infinity', indicating that the operand is negative infinity.
    * '-Normal', indicating that the operand is a negative normal number.
    * '-Subnormal', indicating that the operand is negative and subnormal.
    * '-Zero', indicating that the operand is a negative zero.
    * '+Zero', indicating that the operand is a positive zero.
    * '+Subnormal', indicating that the operand is positive and subnormal.
    * '+Normal', indicating that the operand is a positive normal number.
    * '+Infinity', indicating that the operand is positive infinity.
    * 'NaN', indicating that the operand is a quiet NaN (Not a Number).
    * 'sNaN', indicating that the operand is a signaling NaN.


"""
        context = _context_argument(context)
        if self._exp == 'N':
            return 'sNaN'
        if self._exp == 'n':
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._exp == 'F':
            return sign + 'Infinity'
        if self._int == '0':
            return sign + 'Zero'
        if self.adjusted() < context._Emin:
            return sign + 'Subnormal'
        return sign + 'Normal'

    def radix(self):
        """Return Decimal(10), the radix (base) in which the Decimal class does
all its arithmetic. Included for compatibility with the specification.

"""
        return Decimal(10)

    # -- digit-wise operations

    def _islogical(self):
        if self._sign != 0 or self._exp != 0 or self._is_special:
            return False
        return self._int.strip('01') == ''

    def _logical(self, other, context, op):
        context = _context_argument(context)
        other = _convert_raise(other)
        if not self._islogical() or not other._islogical():
            return context._raise_error(InvalidOperation)
        p = context._prec
        a = self._int.rjust(p, '0')[-p:]
        b = other._int.rjust(p, '0')[-p:]
        result = ''.join(str(op(int(x), int(y))) for x, y in zip(a, b))
        return _dec(0, result.lstrip('0') or '0', 0)

    @_signals
    def logical_and(self, other, context=None):
        """Return the digit-wise 'and' of the two (logical) operands.

"""
        return self._logical(other, context, lambda x, y: x & y)

    @_signals
    def logical_or(self, other, context=None):
        """Return the digit-wise 'or' of the two (logical) operands.

"""
        return self._logical(other, context, lambda x, y: x | y)

    @_signals
    def logical_xor(self, other, context=None):
        """Return the digit-wise 'exclusive or' of the two (logical) operands.

"""
        return self._logical(other, context, lambda x, y: x ^ y)

    @_signals
    def logical_invert(self, context=None):
        """Return the digit-wise inversion of the (logical) operand.

"""
        context = _context_argument(context)
        return self._logical(_dec(0, '1' * context._prec, 0), context, lambda x, y: x ^ y)

    def _count_operand(self, other, context, scale):
        """rotate, shift and scaleb's checks: (context, count, None), or (context, None, the
        result) for a NaN operand, a count that is not an integer in range, or an infinity."""
        context = _context_argument(context)
        other = _convert_raise(other)
        ans = self._check_nans(other, context)
        if ans:
            return context, None, ans
        limit = 2 * (context._Emax + context._prec) if scale else context._prec
        if other._exp != 0 or not -limit <= int(other) <= limit:
            return context, None, context._raise_error(InvalidOperation)
        if self._isinfinity():
            return context, None, self
        return context, int(other), None

    @_signals
    def rotate(self, other, context=None):
        """Return the result of rotating the digits of the first operand by an amount
specified by the second operand.  The second operand must be an integer in
the range -precision through precision. The absolute value of the second
operand gives the number of places to rotate. If the second operand is
positive then rotation is to the left; otherwise rotation is to the right.
The coefficient of the first operand is padded on the left with zeros to
length precision if necessary. The sign and exponent of the first operand are
unchanged.

"""
        context, n, ans = self._count_operand(other, context, False)
        if ans is not None:
            return ans
        p = context._prec
        digits = self._int.rjust(p, '0')[-p:]
        rotated = digits[n:] + digits[:n]
        return _dec(self._sign, rotated.lstrip('0') or '0', self._exp)

    @_signals
    def shift(self, other, context=None):
        """Return the result of shifting the digits of the first operand by an amount
specified by the second operand. The second operand must be an integer in
the range -precision through precision. The absolute value of the second
operand gives the number of places to shift. If the second operand is
positive, then the shift is to the left; otherwise the shift is to the
right. Digits shifted into the coefficient are zeros. The sign and exponent
of the first operand are unchanged.

"""
        context, n, ans = self._count_operand(other, context, False)
        if ans is not None:
            return ans
        p = context._prec
        digits = self._int.rjust(p, '0')[-p:]
        if n < 0:
            shifted = digits[:n]
        else:
            shifted = (digits + '0' * n)[-p:]
        return _dec(self._sign, shifted.lstrip('0') or '0', self._exp)

    @_signals
    def scaleb(self, other, context=None):
        """Return the first operand with the exponent adjusted the second.  Equivalently,
return the first operand multiplied by 10**other. The second operand must be
an integer.

"""
        context, n, ans = self._count_operand(other, context, True)
        if ans is not None:
            return ans
        return _dec(self._sign, self._int, self._exp + n)._fix(context)

    def _step(self, context, rounding, toward_plus):
        context = _context_argument(context)
        ans = self._check_nans(context=context)
        if ans:
            return ans
        inf = self._isinfinity()
        if toward_plus:
            if inf == 1:
                return _Infinity
            if inf == -1:
                return _dec(1, '9' * context._prec, context.Etop())
        else:
            if inf == -1:
                return _NegativeInfinity
            if inf == 1:
                return _dec(0, '9' * context._prec, context.Etop())
        quiet = context._quiet_copy()
        object.__setattr__(quiet, '_rounding', rounding)
        fixed = self._fix(quiet)
        if fixed._cmp(self) != 0:
            return fixed
        tiny = _dec(0, '1', quiet.Etiny() - 1)
        return _add(self, tiny if toward_plus else tiny.copy_negate(), quiet)

    @_signals
    def next_minus(self, context=None):
        """Return the largest number representable in the given context (or in the
current default context if no context is given) that is smaller than the
given operand.

"""
        return self._step(context, ROUND_FLOOR, False)

    @_signals
    def next_plus(self, context=None):
        """Return the smallest number representable in the given context (or in the
current default context if no context is given) that is larger than the
given operand.

"""
        return self._step(context, ROUND_CEILING, True)

    @_signals
    def next_toward(self, other, context=None):
        """If the two operands are unequal, return the number closest to the first
operand in the direction of the second operand.  If both operands are
numerically equal, return a copy of the first operand with the sign set
to be the same as the sign of the second operand.

"""
        context = _context_argument(context)
        other = _convert_raise(other)
        ans = self._check_nans(other, context)
        if ans:
            return ans
        c = self._cmp(other)
        if c == 0:
            return self.copy_sign(other)
        ans = self._step(context, ROUND_CEILING, True) if c == -1 else self._step(context, ROUND_FLOOR, False)
        if ans._isinfinity():
            context._raise_error(Overflow, 'Infinite result from next_toward', ans._sign)
            context._raise_error(Inexact)
            context._raise_error(Rounded)
        elif ans.adjusted() < context._Emin:
            context._raise_error(Underflow)
            context._raise_error(Subnormal)
            context._raise_error(Inexact)
            context._raise_error(Rounded)
            if not ans:
                context._raise_error(Clamped)
        return ans

    # -- formatting

    @_signals
    def __format__(self, specifier, context=None):
        context = _context_argument(context)
        if not isinstance(specifier, str):
            raise TypeError('format arg must be str')
        return _format_decimal(self, _parse_format_spec(specifier), context)


# The reflected operators: the int operand converted, then the operation from its side.
def _reflected(name):
    def operation(self, other, context=None):
        other = _convert(other)
        if other is NotImplemented:
            return other
        return getattr(other, name)(self, context=context)
    return operation


for _reflected_name, _name in (('__radd__', '__add__'), ('__rsub__', '__sub__'), ('__rmul__', '__mul__'), ('__rtruediv__', '__truediv__'), ('__rdivmod__', '__divmod__'), ('__rmod__', '__mod__'), ('__rfloordiv__', '__floordiv__')):
    _operation = _reflected(_name)
    _operation.__name__ = _reflected_name
    _operation.__qualname__ = "Decimal." + _reflected_name
    setattr(Decimal, _reflected_name, _operation)
del _reflected_name, _name, _operation


# ---------------------------------------------------------------------------------------------
# The operations shared by several methods

def _fix_half_even(ans, context):
    """ans rounded to the context with ROUND_HALF_EVEN: the correctly rounded functions
(sqrt, exp, ln, log10) always round so, with the context's flags and traps."""
    work = context._shallow_copy()
    object.__setattr__(work, '_rounding', ROUND_HALF_EVEN)
    return ans._fix(work)


def _add(a, b, context):
    """a + b rounded to the context (_pydecimal's __add__)."""
    if a._is_special or b._is_special:
        ans = a._check_nans(b, context)
        if ans:
            return ans
        if a._isinfinity():
            if a._sign != b._sign and b._isinfinity():
                return context._raise_error(InvalidOperation, '-INF + INF')
            return a
        if b._isinfinity():
            return b
    exp = min(a._exp, b._exp)
    negativezero = 1 if context._rounding == ROUND_FLOOR and a._sign != b._sign else 0
    if not a and not b:
        sign = 1 if negativezero else min(a._sign, b._sign)
        return _dec(sign, '0', exp)._fix(context)
    if not a:
        exp = max(exp, b._exp - context._prec - 1)
        return b._rescale(exp, context._rounding)._fix(context)
    if not b:
        exp = max(exp, a._exp - context._prec - 1)
        return a._rescale(exp, context._rounding)._fix(context)
    # align the coefficients; an operand far below the other's last digit only needs to be
    # a sticky digit (_pydecimal's _normalize)
    x_int, x_exp, y_int, y_exp = int(a._int), a._exp, int(b._int), b._exp
    x_sign, y_sign = a._sign, b._sign
    if x_exp < y_exp:
        x_int, x_exp, y_int, y_exp = y_int, y_exp, x_int, x_exp
        x_sign, y_sign = y_sign, x_sign
    # now x has the larger exponent
    x_len = len(str(x_int))
    y_len = len(str(y_int))
    floor_exp = x_exp + min(-1, x_len - context._prec - 2)
    if y_len + y_exp - 1 < floor_exp:
        y_int, y_exp = 1, floor_exp
    x_int *= 10 ** (x_exp - y_exp)
    x_exp = y_exp
    if x_sign != y_sign:
        if x_int == y_int:
            return _dec(negativezero, '0', exp)._fix(context)
        if x_int < y_int:
            x_int, y_int = y_int, x_int
            x_sign, y_sign = y_sign, x_sign
        return _dec(x_sign, str(x_int - y_int), x_exp)._fix(context)
    return _dec(x_sign, str(x_int + y_int), x_exp)._fix(context)


def _convert_for_comparison(a, other, equality):
    """Both operands of a comparison as Decimals (_decimal's convert_op_cmp): ints exactly,
floats exactly with FloatOperation (only signaled by <, <=, >, >=), a Fraction by cross
multiplication; else NotImplemented. (ctxlab has no complex numbers.)"""
    converted = _convert(other)
    if converted is not NotImplemented:
        return a, converted
    if isinstance(other, float):
        context = getcontext()
        if equality:
            context._flags._values[FloatOperation] = True
        else:
            context._raise_error(FloatOperation, 'strict semantics for mixing floats and Decimals are enabled')
        return a, _dec(*_from_float_parts(other))
    numerator = getattr(other, 'numerator', None)
    denominator = getattr(other, 'denominator', None)
    if (isinstance(numerator, int) and isinstance(denominator, int) and denominator > 0
            and type(other).__name__ == 'Fraction'):
        if not a._is_special:
            a = _dec(a._sign, str(int(a._int) * denominator), a._exp)
        return a, _dec(*_int_parts(numerator))
    return a, NotImplemented


def _power(x, y, context):
    """x ** y rounded to the context (_pydecimal's __pow__)."""
    ans = x._check_nans(y, context)
    if ans:
        return ans
    if not y:
        if not x:
            return context._raise_error(InvalidOperation, '0 ** 0')
        return _One
    result_sign = 0
    if x._sign == 1:
        if y._isinteger():
            if not y._iseven():
                result_sign = 1
        elif x:
            return context._raise_error(InvalidOperation, 'x ** y with x negative and y not an integer')
        x = x.copy_negate()
    if not x:
        return _dec(result_sign, '0', 0) if y._sign == 0 else _SignedInfinity[result_sign]
    if x._isinfinity():
        return _SignedInfinity[result_sign] if y._sign == 0 else _dec(result_sign, '0', 0)
    p = context._prec
    if x._cmp(_One) == 0:
        if y._isinteger():
            if y._sign == 1:
                multiplier = 0
            elif y._cmp(Decimal(p)) > 0:
                multiplier = p
            else:
                multiplier = int(y)
            exp = x._exp * multiplier
            if exp < 1 - p:
                exp = 1 - p
                context._raise_error(Rounded)
        else:
            context._raise_error(Inexact)
            context._raise_error(Rounded)
            exp = 1 - p
        return _dec(result_sign, '1' + '0' * -exp, exp)
    x_adj = x.adjusted()
    if y._isinfinity():
        if (y._sign == 0) == (x_adj < 0):
            return _dec(result_sign, '0', 0)
        return _SignedInfinity[result_sign]
    ans = None
    exact = False
    # a result certain to overflow or underflow
    bound = x._log10_exp_bound() + y.adjusted()
    if (x_adj >= 0) == (y._sign == 0):
        if bound >= len(str(context._Emax)):
            ans = _dec(result_sign, '1', context._Emax + 1)
    else:
        Etiny = context.Etiny()
        if bound >= len(str(-Etiny)):
            ans = _dec(result_sign, '1', Etiny - 1)
    if ans is None:
        ans = _power_exact(x, y, p + 1)
        if ans is not None:
            if result_sign == 1:
                ans = _dec(1, ans._int, ans._exp)
            exact = True
    if ans is None:
        xc, xe = int(x._int), x._exp
        yc, ye = int(y._int), y._exp
        if y._sign == 1:
            yc = -yc
        extra = 3
        while True:
            coeff, exp = _dpower(xc, xe, yc, ye, p + extra)
            if coeff % (5 * 10 ** (len(str(coeff)) - p - 1)):
                break
            extra += 3
        ans = _dec(result_sign, str(coeff), exp)
    if exact and not y._isinteger():
        # an exact non-integer power is padded to the precision and flagged Inexact, as if
        # it were not exact (the specification's rule)
        if len(ans._int) <= p:
            expdiff = p + 1 - len(ans._int)
            ans = _dec(ans._sign, ans._int + '0' * expdiff, ans._exp - expdiff)
        work = context._quiet_copy()
        work._flags._set_all(False)
        ans = ans._fix(work)
        work._flags._values[Inexact] = True
        if work._flags._values[Subnormal]:
            work._flags._values[Underflow] = True
        if work._flags._values[Overflow]:
            context._raise_error(Overflow, 'above Emax', ans._sign)
        for signal in (Underflow, Subnormal, Inexact, Rounded, Clamped):
            if work._flags._values[signal]:
                context._raise_error(signal)
        return ans
    return ans._fix(context)


def _power_exact(x, y, p):
    """x ** y as a Decimal when it is exactly representable in p digits, else None; x > 0,
not 1, both finite (_pydecimal's _power_exact, after the specification's rules)."""
    xc, xe = int(x._int), x._exp
    while xc % 10 == 0:
        xc //= 10
        xe += 1
    yc, ye = int(y._int), y._exp
    while yc % 10 == 0:
        yc //= 10
        ye += 1
    y_negative = y._sign == 1
    if xc == 1:
        # x is a power of ten
        xe *= yc
        while xe % 10 == 0:
            xe //= 10
            ye += 1
        if ye < 0:
            return None
        exponent = xe * 10 ** ye
        if y_negative:
            exponent = -exponent
        if y._isinteger() and y._sign == 0:
            ideal = x._exp * int(y)
            zeros = min(exponent - ideal, p - 1)
        else:
            zeros = 0
        return _dec(0, '1' + '0' * zeros, exponent - zeros)
    if y_negative:
        # x ** -n is exact only when x is 2**k or 5**k times a power of ten
        last = xc % 10
        if last in (2, 4, 6, 8):
            if xc & -xc != xc:
                return None
            e = xc.bit_length() - 1
            emax = p * 93 // 65
            if ye >= len(str(emax)):
                return None
            e = _lshift_exact(e * yc, ye)
            xe = _lshift_exact(xe * yc, ye)
            if e is None or xe is None or e > emax:
                return None
            xc = 5 ** e
        elif last == 5:
            e = xc.bit_length() * 28 // 65
            xc, remainder = divmod(5 ** e, xc)
            if remainder:
                return None
            while xc % 5 == 0:
                xc //= 5
                e -= 1
            emax = p * 10 // 3
            if ye >= len(str(emax)):
                return None
            e = _lshift_exact(e * yc, ye)
            xe = _lshift_exact(xe * yc, ye)
            if e is None or xe is None or e > emax:
                return None
            xc = 2 ** e
        else:
            return None
        text = str(xc)
        if len(text) > p:
            return None
        return _dec(0, text, -e - xe)
    # y = m/n in lowest terms, positive
    if ye >= 0:
        m, n = yc * 10 ** ye, 1
    else:
        if xe != 0 and len(str(abs(yc * xe))) <= -ye:
            return None
        xc_bits = xc.bit_length()
        if len(str(abs(yc) * xc_bits)) <= -ye:
            return None
        m, n = yc, 10 ** -ye
        while m % 2 == n % 2 == 0:
            m //= 2
            n //= 2
        while m % 5 == n % 5 == 0:
            m //= 5
            n //= 5
    if n > 1:
        # the n-th root of xc must be exact
        if xc.bit_length() <= n:
            return None
        xe, rem = divmod(xe, n)
        if rem != 0:
            return None
        a = 1 << -(-xc.bit_length() // n)
        while True:
            q, r = divmod(xc, a ** (n - 1))
            if a <= q:
                break
            a = (a * (n - 1) + q) // n
        if not (a == q and r == 0):
            return None
        xc = a
    if xc > 1 and m > p * 100 // _log10_lb(xc):
        return None
    xc = xc ** m
    xe *= m
    text = str(xc)
    if len(text) > p:
        return None
    if y._isinteger() and y._sign == 0:
        ideal = x._exp * int(y)
        zeros = min(xe - ideal, p - len(text))
    else:
        zeros = 0
    return _dec(0, text + '0' * zeros, xe - zeros)


# ---------------------------------------------------------------------------------------------
# Integer arithmetic behind ln, log10, exp and ** (_pydecimal's _ilog, _iexp, _dlog, _dlog10,
# _dexp, _dpower: fixed-point values M = 10**p, results within a unit of the last place)

def _lshift_exact(n, e):
    """n * 10**e when that is an integer, else None."""
    if n == 0:
        return 0
    if e >= 0:
        return n * 10 ** e
    text = str(abs(n))
    trailing = len(text) - len(text.rstrip('0'))
    return None if trailing < -e else n // 10 ** -e


def _sqrt_nearest(n, a):
    """The integer closest to sqrt(n), by Newton's iteration from a."""
    b = 0
    while a != b:
        b, a = a, (a - (-n // a)) >> 1
    return a


def _rshift_nearest(x, shift):
    """x / 2**shift rounded to the nearest integer, ties to even."""
    b, q = 1 << shift, x >> shift
    return q + (2 * (x & (b - 1)) + (q & 1) > b)


def _div_nearest(a, b):
    """a / b rounded to the nearest integer, ties to even (b > 0)."""
    q, r = divmod(a, b)
    return q + (2 * r + (q & 1) > b)


def _ilog(x, M, L=8):
    """M * log(x / M), within 1, for M > 0 and x / M near 1: argument reduction by square
roots until |x/M - 1| < 2**-L, then the series of log((1+y)/(1-y)) = 2*artanh(y)."""
    y = x - M
    R = 0
    while (R <= L and abs(y) << (L - R) >= M) or (R > L and abs(y) >> (R - L) >= M):
        y = _div_nearest((M * y) << 1, M + _sqrt_nearest(M * (M + _rshift_nearest(y, R)), M))
        R += 1
    T = -int(-10 * len(str(M)) // (3 * L))
    yshift = _rshift_nearest(y, R)
    w = _div_nearest(M, T)
    for k in range(T - 1, 0, -1):
        w = _div_nearest(M, k) - _div_nearest(yshift * w, M)
    return _div_nearest(w * y, M)


def _dlog10(c, e, p):
    """An integer close to 10**p * log10(c * 10**e), c > 0."""
    p += 2
    l = len(str(c))
    f = e + l - (e + l >= 1)
    if p > 0:
        M = 10 ** p
        k = e + p - f
        c = c * 10 ** k if k >= 0 else _div_nearest(c, 10 ** -k)
        log_d = _div_nearest(_ilog(c, M) * M, _log10_digits(p))
        log_tenpower = f * M
    else:
        log_d = 0
        log_tenpower = _div_nearest(f, 10 ** -p)
    return _div_nearest(log_tenpower + log_d, 100)


def _dlog(c, e, p):
    """An integer close to 10**p * ln(c * 10**e), c > 0."""
    p += 2
    l = len(str(c))
    f = e + l - (e + l >= 1)
    if p > 0:
        k = e + p - f
        c = c * 10 ** k if k >= 0 else _div_nearest(c, 10 ** -k)
        log_d = _ilog(c, 10 ** p)
    else:
        log_d = 0
    if f:
        extra = len(str(abs(f))) - 1
        if p + extra >= 0:
            f_log_ten = _div_nearest(f * _log10_digits(p + extra), 10 ** extra)
        else:
            f_log_ten = 0
    else:
        f_log_ten = 0
    return _div_nearest(f_log_ten + log_d, 100)


class _Log10Digits:
    """The digits of ln(10), computed once to as many places as asked for."""

    def __init__(self):
        self.digits = '23025850929940456840179914546843642076011014886'

    def __call__(self, p):
        """int(10**p * ln(10)), p >= 0."""
        if p >= len(self.digits):
            extra = 3
            while True:
                M = 10 ** (p + extra + 2)
                digits = str(_div_nearest(_ilog(10 * M, M), 100))
                if digits[-extra:] != '0' * extra:
                    break
                extra += 3
            self.digits = digits.rstrip('0')[:-1]
        return int(self.digits[:p + 1])


_log10_digits = _Log10Digits()


def _iexp(x, M, L=8):
    """M * exp(x / M), within 1, for |x| <= M: the Taylor series of exp(x / 2**R), squared
R times."""
    R = ((x << L) // M).bit_length()
    T = -int(-10 * len(str(M)) // (3 * L))
    y = _div_nearest(x, T)
    Mshift = M << R
    for i in range(T - 1, 0, -1):
        y = _div_nearest(x * (Mshift + y), Mshift * i)
    for k in range(R - 1, -1, -1):
        Mshift = M << (k + 2)
        y = _div_nearest(y * (y + Mshift), Mshift)
    return M + y


def _dexp(c, e, p):
    """(coefficient, exponent) of exp(c * 10**e) with p+1 digits, the last within 1."""
    p += 2
    extra = max(0, e + len(str(c)) - 1)
    q = p + extra
    shift = e + q
    cshift = c * 10 ** shift if shift >= 0 else c // 10 ** -shift
    quot, rem = divmod(cshift, _log10_digits(q))
    rem = _div_nearest(rem, 10 ** extra)
    return _div_nearest(_iexp(rem, 10 ** p), 1000), quot - p + 3


def _dpower(xc, xe, yc, ye, p):
    """(coefficient, exponent) of (xc * 10**xe) ** (yc * 10**ye) with p digits, x > 0."""
    b = len(str(abs(yc))) + ye
    lxc = _dlog(xc, xe, p + b + 1)
    shift = ye - b
    pc = lxc * yc * 10 ** shift if shift >= 0 else _div_nearest(lxc * yc, 10 ** -shift)
    if pc == 0:
        # the result is within 10**-p of 1
        if (len(str(xc)) + xe >= 1) == (yc > 0):
            return 10 ** (p - 1) + 1, 1 - p
        return 10 ** p - 1, -p
    coeff, exp = _dexp(pc, -(p + 1), p + 1)
    return _div_nearest(coeff, 10), exp + 1


_LOG10_LB_CORRECTION = {'1': 100, '2': 70, '3': 53, '4': 40, '5': 31, '6': 23, '7': 16,
                        '8': 10, '9': 5}


def _log10_lb(c):
    """A lower bound of 100 * log10(c), c > 0."""
    text = str(c)
    return 100 * len(text) - _LOG10_LB_CORRECTION[text[0]]


# ---------------------------------------------------------------------------------------------
# format() (_pydecimal's __format__ and _format_number; the C module's message for a bad spec)

def _parse_format_spec(spec):
    """The fields of [[fill]align][sign][z][#][0][width][,][.precision][type]."""
    bad = ValueError('invalid format string')
    i, n = 0, len(spec)
    fill = align = None
    if n >= 2 and spec[1] in '<>=^':
        fill, align, i = spec[0], spec[1], 2
    elif n >= 1 and spec[0] in '<>=^':
        align, i = spec[0], 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign, i = spec[i], i + 1
    no_neg_0 = False
    if i < n and spec[i] == 'z':
        no_neg_0, i = True, i + 1
    alt = False
    if i < n and spec[i] == '#':
        alt, i = True, i + 1
    zeropad = False
    if i < n and spec[i] == '0':
        zeropad, i = True, i + 1
    start = i
    while i < n and spec[i].isdigit() and spec[i].isascii():
        i += 1
    width_text = spec[start:i]
    if width_text.startswith('0'):
        raise bad
    thousands = ''
    if i < n and spec[i] == ',':
        thousands, i = ',', i + 1
    precision = None
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and spec[i].isdigit() and spec[i].isascii():
            i += 1
        text = spec[start:i]
        if not text or (len(text) > 1 and text[0] == '0'):
            raise bad
        precision = int(text)
        if precision > _SSIZE_MAX:
            raise OverflowError("cannot fit 'int' into an index-sized integer")
    kind = None
    if i < n and spec[i] in 'eEfFgGn%':
        kind, i = spec[i], i + 1
    if i != n:
        raise bad
    if zeropad and (fill is not None or align is not None):
        raise bad
    width = int(width_text) if width_text else 0
    if width > _SSIZE_MAX:
        raise OverflowError("cannot fit 'int' into an index-sized integer")
    if precision == 0 and (kind is None or kind in 'gGn'):
        precision = 1
    if kind == 'n':
        if thousands:
            raise bad
        kind = 'g'
    return {'fill': fill or ' ', 'align': align or '>', 'sign': sign, 'no_neg_0': no_neg_0,
            'alt': alt, 'zeropad': zeropad, 'minimumwidth': width, 'thousands_sep': thousands,
            'precision': precision, 'type': kind}


def _format_decimal(d, spec, context):
    if d._is_special:
        body = str(d.copy_abs())
        if spec['type'] == '%':
            body += '%'
        return _format_align(_format_sign(d._sign, spec), body, spec)
    kind = spec['type']
    if kind is None:
        kind = spec['type'] = 'G' if context._capitals else 'g'
    if kind == '%':
        d = _dec(d._sign, d._int, d._exp + 2)
    rounding = context._rounding
    precision = spec['precision']
    if precision is not None:
        if kind in 'eE':
            d = d._round(precision + 1, rounding)
        elif kind in 'fF%':
            d = d._rescale(-precision, rounding)
        elif kind in 'gG' and len(d._int) > precision:
            d = d._round(precision, rounding)
    if not d and d._exp > 0 and kind in 'fF%':
        d = d._rescale(0, rounding)
    sign = 0 if (not d and spec['no_neg_0'] and d._sign) else d._sign
    leftdigits = d._exp + len(d._int)
    if kind in 'eE':
        dotplace = 1 - precision if (not d and precision is not None) else 1
    elif kind in 'fF%':
        dotplace = leftdigits
    else:
        dotplace = leftdigits if (d._exp <= 0 and leftdigits > -6) else 1
    if dotplace < 0:
        intpart, fracpart = '0', '0' * -dotplace + d._int
    elif dotplace > len(d._int):
        intpart, fracpart = d._int + '0' * (dotplace - len(d._int)), ''
    else:
        intpart, fracpart = d._int[:dotplace] or '0', d._int[dotplace:]
    return _format_number(sign, intpart, fracpart, leftdigits - dotplace, spec)


def _format_sign(negative, spec):
    if negative:
        return '-'
    return spec['sign'] if spec['sign'] in ' +' else ''


def _format_align(sign, body, spec):
    padding = spec['fill'] * (spec['minimumwidth'] - len(sign) - len(body))
    align = spec['align']
    if align == '<':
        return sign + body + padding
    if align == '>':
        return padding + sign + body
    if align == '=':
        return sign + padding + body
    half = len(padding) // 2
    return padding[:half] + sign + body + padding[half:]


def _insert_thousands_sep(digits, sep, min_width):
    """digits grouped by threes with sep, zero-padded to at least min_width characters."""
    if not sep:
        return digits.rjust(max(min_width, 1), '0')
    groups = []
    while True:
        l = min(max(len(digits), min_width, 1), 3)
        groups.append('0' * (l - len(digits)) + digits[-l:])
        digits = digits[:-l]
        min_width -= l
        if not digits and min_width <= 0:
            break
        min_width -= len(sep)
    return sep.join(reversed(groups))


def _format_number(negative, intpart, fracpart, exp, spec):
    sign = _format_sign(negative, spec)
    if fracpart or spec['alt']:
        fracpart = '.' + fracpart
    if exp != 0 or spec['type'] in 'eE':
        echar = 'E' if spec['type'] in 'EG' else 'e'
        fracpart += '%s%+d' % (echar, exp)
    if spec['type'] == '%':
        fracpart += '%'
    min_width = spec['minimumwidth'] - len(fracpart) - len(sign) if spec['zeropad'] else 0
    intpart = _insert_thousands_sep(intpart, spec['thousands_sep'], min_width)
    return _format_align(sign, intpart + fracpart, spec)


# ---------------------------------------------------------------------------------------------
# Constants and the module's contexts

_Infinity = _dec(0, '0', 'F', True)
_NegativeInfinity = _dec(1, '0', 'F', True)
_NaN = _dec(0, '', 'n', True)
_Zero = _dec(0, '0', 0)
_One = _dec(0, '1', 0)
_NegativeOne = _dec(1, '1', 0)
_SignedInfinity = (_Infinity, _NegativeInfinity)

DefaultContext = Context(prec=28, rounding=ROUND_HALF_EVEN, Emin=-999999, Emax=999999,
                         capitals=1, clamp=0, flags=[],
                         traps=[InvalidOperation, DivisionByZero, Overflow])
_template[0] = DefaultContext
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[Clamped, InvalidOperation, DivisionByZero, Overflow, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

# Names of _decimal's types that its module does not export.
_ContextManager = ContextManager
del ContextManager, SignalDictMixin, SignalDict
