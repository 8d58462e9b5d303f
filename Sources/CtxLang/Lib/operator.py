"""
Operator Interface

This module exports a set of functions corresponding to the intrinsic
operators of Python.  For example, operator.add(x, y) is equivalent
to the expression x+y.  The function names are those used for special
methods; variants without leading and trailing '__' are also provided
for convenience.
"""
# ctxlab's operator: follows CPython 3.14's Lib/operator.py, written for ctxlab. As there, the
# module's Python functions give way to the C accelerator's (`from _operator import *`; ctxlab's
# _operator is Modules/OperatorModule.swift), which has the plain operator functions; the classes
# itemgetter, attrgetter and methodcaller are this file's, with the C types' messages and reprs.
# Not here: length_hint (ctxlab's built-in iterators have no __length_hint__).

__all__ = ['abs', 'add', 'and_', 'attrgetter', 'call', 'concat', 'contains', 'countOf',
           'delitem', 'eq', 'floordiv', 'ge', 'getitem', 'gt', 'iadd', 'iand',
           'iconcat', 'ifloordiv', 'ilshift', 'imatmul', 'imod', 'imul',
           'index', 'indexOf', 'inv', 'invert', 'ior', 'ipow', 'irshift',
           'is_', 'is_none', 'is_not', 'is_not_none', 'isub', 'itemgetter', 'itruediv',
           'ixor', 'le', 'lshift', 'lt', 'matmul', 'methodcaller', 'mod',
           'mul', 'ne', 'neg', 'not_', 'or_', 'pos', 'pow', 'rshift',
           'setitem', 'sub', 'truediv', 'truth', 'xor']

def _check(name, args, kwargs, count):
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")
    if len(args) != count:
        raise TypeError(f"{name} expected {count} argument{'' if count == 1 else 's'}, got {len(args)}")


# Sequence operations whose C versions are not in ctxlab's _operator.

def _is_sequence(a):
    """PySequence_Check: a type with __getitem__ that is not a dict."""
    if isinstance(a, dict):
        return False
    return isinstance(a, (str, list, tuple, bytes, range)) or hasattr(type(a), '__getitem__')


def concat(a, b):
    "Same as a + b, for a and b sequences."
    if not _is_sequence(a):
        msg = "'%s' object can't be concatenated" % type(a).__name__
        raise TypeError(msg)
    return a + b


def countOf(a, b):
    "Return the number of items in a which are, or which equal, b."
    try:
        it = iter(a)
    except TypeError:
        raise TypeError(f"argument of type '{type(a).__name__}' is not iterable") from None
    count = 0
    for i in it:
        if i is b or i == b:
            count += 1
    return count


def indexOf(a, b):
    "Return the first index of b in a."
    try:
        it = iter(a)
    except TypeError:
        raise TypeError(f"argument of type '{type(a).__name__}' is not iterable") from None
    for i, j in enumerate(it):
        if j is b or j == b:
            return i
    else:
        raise ValueError('sequence.index(x): x not in sequence')


def iconcat(a, b):
    "Same as a += b, for a and b sequences."
    if not _is_sequence(a):
        msg = "'%s' object can't be concatenated" % type(a).__name__
        raise TypeError(msg)
    a += b
    return a


def call(*args, **kwargs):
    """Same as obj(*args, **kwargs)."""
    if not args:
        raise TypeError("call expected at least 1 argument, got 0")
    obj = args[0]
    return obj(*args[1:], **kwargs)


# Generalized lookup objects

class attrgetter:
    """Return a callable object that fetches the given attribute(s) from its operand.
After f = attrgetter('name'), the call f(r) returns r.name.
After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).
After h = attrgetter('name.first', 'name.last'), the call h(r) returns
(r.name.first, r.name.last)."""

    def __init__(self, *attrs, **kwargs):
        if kwargs:
            raise TypeError("attrgetter() takes no keyword arguments")
        if not attrs:
            raise TypeError("attrgetter expected 1 argument, got 0")
        for attr in attrs:
            if not isinstance(attr, str):
                raise TypeError('attribute name must be a string')
        self._attrs = attrs
        self._names = tuple(tuple(attr.split('.')) for attr in attrs)

    def __call__(self, *args, **kwargs):
        _check("attrgetter", args, kwargs, 1)
        obj = args[0]
        results = []
        for names in self._names:
            value = obj
            for name in names:
                value = getattr(value, name)
            results.append(value)
        if len(results) == 1:
            return results[0]
        return tuple(results)

    def __repr__(self):
        return '%s.%s(%s)' % (self.__class__.__module__,
                              self.__class__.__qualname__,
                              ', '.join(map(repr, self._attrs)))


class itemgetter:
    """Return a callable object that fetches the given item(s) from its operand.
After f = itemgetter(2), the call f(r) returns r[2].
After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])"""

    def __init__(self, *items, **kwargs):
        if kwargs:
            raise TypeError("itemgetter() takes no keyword arguments")
        if not items:
            raise TypeError("itemgetter expected 1 argument, got 0")
        self._items = items

    def __call__(self, *args, **kwargs):
        _check("itemgetter", args, kwargs, 1)
        obj = args[0]
        items = self._items
        if len(items) == 1:
            return obj[items[0]]
        return tuple([obj[i] for i in items])

    def __repr__(self):
        return '%s.%s(%s)' % (self.__class__.__module__,
                              self.__class__.__name__,
                              ', '.join(map(repr, self._items)))


class methodcaller:
    """Return a callable object that calls the given method on its operand.
After f = methodcaller('name'), the call f(r) returns r.name().
After g = methodcaller('name', 'date', foo=1), the call g(r) returns
r.name('date', foo=1)."""

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError("methodcaller needs at least one argument, the method name")
        name = args[0]
        if not isinstance(name, str):
            raise TypeError('method name must be a string')
        self._name = name
        self._args = args[1:]
        self._kwargs = kwargs

    def __call__(self, *args, **kwargs):
        _check("methodcaller", args, kwargs, 1)
        return getattr(args[0], self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        args = [repr(self._name)]
        args.extend(map(repr, self._args))
        args.extend('%s=%r' % (k, v) for k, v in self._kwargs.items())
        return '%s.%s(%s)' % (self.__class__.__module__,
                              self.__class__.__name__,
                              ', '.join(args))


from _operator import *

# All of these "__func__ = func" assignments have to happen after importing
# from _operator to make sure they're set to the right function
__lt__ = lt
__le__ = le
__eq__ = eq
__ne__ = ne
__ge__ = ge
__gt__ = gt
__not__ = not_
__abs__ = abs
__add__ = add
__and__ = and_
__call__ = call
__floordiv__ = floordiv
__index__ = index
__inv__ = inv
__invert__ = invert
__lshift__ = lshift
__mod__ = mod
__mul__ = mul
__matmul__ = matmul
__neg__ = neg
__or__ = or_
__pos__ = pos
__pow__ = pow
__rshift__ = rshift
__sub__ = sub
__truediv__ = truediv
__xor__ = xor
__concat__ = concat
__contains__ = contains
__delitem__ = delitem
__getitem__ = getitem
__setitem__ = setitem
__iadd__ = iadd
__iand__ = iand
__iconcat__ = iconcat
__ifloordiv__ = ifloordiv
__ilshift__ = ilshift
__imod__ = imod
__imul__ = imul
__imatmul__ = imatmul
__ior__ = ior
__ipow__ = ipow
__irshift__ = irshift
__isub__ = isub
__itruediv__ = itruediv
__ixor__ = ixor
