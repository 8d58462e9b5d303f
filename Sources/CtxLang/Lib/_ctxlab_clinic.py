"""Argument parsing with the messages of CPython's C functions, for Lib/ modules that stand in for
C ones (itertools, heapq, bisect, _functools): _PyArg_CheckPositional, argument clinic's
_PyArg_UnpackKeywords and PyNumber_Index. ctxlab's own helper; no CPython module has this name."""

MISSING = object()


def positional(fname, args, kwargs, least, most, module=None):
    """_PyArg_NoKeywords + _PyArg_CheckPositional: `cycle expected 1 argument, got 0`; a module
    function's no-keywords message names its module (`_heapq.heappop() takes no keyword arguments`)."""
    if kwargs:
        raise TypeError(f"{module + '.' if module else ''}{fname}() takes no keyword arguments")
    n = len(args)
    if least <= n <= most:
        return
    if least == most:
        how, count = "", least
    elif n < least:
        how, count = "at least ", least
    else:
        how, count = "at most ", most
    raise TypeError(f"{fname} expected {how}{count} argument{'' if count == 1 else 's'}, got {n}")


def clinic(fname, args, kwargs, names, required, maxpos):
    """Argument clinic's keyword parsing (_PyArg_UnpackKeywords): the values of `names` in order,
    MISSING for an optional one not given. The first `maxpos` names may be positional, the
    rest are keyword-only; the first `required` are required."""
    nargs, nkw, maxargs = len(args), len(kwargs), len(names)
    if nargs + nkw > maxargs:
        raise TypeError(f"{fname}() takes at most {maxargs} {'keyword ' if nargs == 0 else ''}"
                        f"argument{'' if maxargs == 1 else 's'} ({nargs + nkw} given)")
    if nargs > maxpos:
        how = "at most" if min(required, maxpos) < maxpos else "exactly"
        raise TypeError(f"{fname}() takes {how} {maxpos} positional argument{'' if maxpos == 1 else 's'} ({nargs} given)")
    values = []
    used = 0
    for i, name in enumerate(names):
        if i < nargs:
            if name in kwargs:
                raise TypeError(f"argument for {fname}() given by name ('{name}') and position ({i + 1})")
            values.append(args[i])
        elif name in kwargs:
            values.append(kwargs[name])
            used += 1
        elif i < required:
            raise TypeError(f"{fname}() missing required argument '{name}' (pos {i + 1})")
        else:
            values.append(MISSING)
    if used < nkw:
        for k in kwargs:
            if k not in names:
                raise TypeError(f"{fname}() got an unexpected keyword argument '{k}'")
    return values


def index(value):
    """operator.index: an int, or `'str' object cannot be interpreted as an integer`."""
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), "__index__", None)
    if method is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return method(value)
