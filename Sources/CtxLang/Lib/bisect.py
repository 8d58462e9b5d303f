"""Bisection algorithms."""
# ctxlab's bisect: follows CPython 3.14's Lib/bisect.py, written for ctxlab. CPython's functions
# come from the C _bisect (Modules/_bisectmodule.c); these take their arguments as those do
# (argument clinic's messages, "lo must be non-negative").

from _ctxlab_clinic import clinic as _clinic, index as _index, MISSING as _MISSING


def _arguments(fname, args, kwargs):
    a, x, lo, hi, key = _clinic(fname, args, kwargs, ("a", "x", "lo", "hi", "key"), 2, 4)
    lo = 0 if lo is _MISSING else _index(lo)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is _MISSING or hi is None:
        hi = len(a)
    else:
        hi = _index(hi)
    return a, x, lo, hi, (None if key is _MISSING else key)


def insort_right(*args, **kwargs):
    """Insert item x in list a, and keep it sorted assuming a is sorted.

    If x is already in a, insert it to the right of the rightmost x.

    Optional args lo (default 0) and hi (default len(a)) bound the
    slice of a to be searched.

    A custom key function can be supplied to customize the sort order.
    """
    a, x, lo, hi, key = _arguments("insort_right", args, kwargs)
    if key is None:
        lo = _bisect_right(a, x, lo, hi, None)
    else:
        lo = _bisect_right(a, key(x), lo, hi, key)
    a.insert(lo, x)


def _bisect_right(a, x, lo, hi, key):
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def bisect_right(*args, **kwargs):
    """Return the index where to insert item x in list a, assuming a is sorted.

    The return value i is such that all e in a[:i] have e <= x, and all e in
    a[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will
    insert just after the rightmost x already there.

    Optional args lo (default 0) and hi (default len(a)) bound the
    slice of a to be searched.

    A custom key function can be supplied to customize the sort order.
    """
    a, x, lo, hi, key = _arguments("bisect_right", args, kwargs)
    return _bisect_right(a, x, lo, hi, key)


def insort_left(*args, **kwargs):
    """Insert item x in list a, and keep it sorted assuming a is sorted.

    If x is already in a, insert it to the left of the leftmost x.

    Optional args lo (default 0) and hi (default len(a)) bound the
    slice of a to be searched.

    A custom key function can be supplied to customize the sort order.
    """
    a, x, lo, hi, key = _arguments("insort_left", args, kwargs)
    if key is None:
        lo = _bisect_left(a, x, lo, hi, None)
    else:
        lo = _bisect_left(a, key(x), lo, hi, key)
    a.insert(lo, x)


def _bisect_left(a, x, lo, hi, key):
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


def bisect_left(*args, **kwargs):
    """Return the index where to insert item x in list a, assuming a is sorted.

    The return value i is such that all e in a[:i] have e < x, and all e in
    a[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will
    insert just before the leftmost x already there.

    Optional args lo (default 0) and hi (default len(a)) bound the
    slice of a to be searched.

    A custom key function can be supplied to customize the sort order.
    """
    a, x, lo, hi, key = _arguments("bisect_left", args, kwargs)
    return _bisect_left(a, x, lo, hi, key)


# Create aliases
bisect = bisect_right
insort = insort_right
