"""Functional tools for creating and using iterators."""
# ctxlab's itertools: CPython's is C (Modules/itertoolsmodule.c); this file follows that module's
# algorithms and the "roughly equivalent" code of CPython 3.13's Doc/library/itertools.rst,
# written for ctxlab. Its classes are named as C types ('itertools.count' in messages), take
# their arguments as the C ones do (argument clinic's messages), and check them at the same
# moment: iter() of an argument is called when the object is made, except for chain's.

__all__ = ["accumulate", "batched", "chain", "combinations", "combinations_with_replacement",
           "compress", "count", "cycle", "dropwhile", "filterfalse", "groupby", "islice",
           "pairwise", "permutations", "product", "repeat", "starmap", "takewhile", "tee",
           "zip_longest"]

from _ctxlab_clinic import positional as _positional, clinic as _clinic, index as _index, MISSING as _MISSING


def _is_number(value):
    """PyNumber_Check: has nb_index, nb_int or nb_float (or is complex)."""
    if isinstance(value, (int, float)):
        return True
    t = type(value)
    return (getattr(t, "__index__", None) is not None or getattr(t, "__int__", None) is not None
            or getattr(t, "__float__", None) is not None)


class count:
    """Return a count object whose .__next__() method returns consecutive values."""

    def __init__(self, *args, **kwargs):
        start, step = _clinic("count", args, kwargs, ("start", "step"), 0, 2)
        if start is _MISSING:
            start = 0
        if step is _MISSING:
            step = 1
        if not _is_number(start) or not _is_number(step):
            raise TypeError("a number is required")
        if isinstance(start, bool):
            start = int(start)
        self._cnt = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._cnt
        self._cnt = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and step == 1:
            return f"count({self._cnt!r})"
        return f"count({self._cnt!r}, {step!r})"


class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely."""

    def __init__(self, *args, **kwargs):
        _positional("cycle", args, kwargs, 1, 1)
        self._it = iter(args[0])
        self._saved = []
        self._index = 0
        self._firstpass = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is not None:
            try:
                item = next(self._it)
            except StopIteration:
                self._it = None
            else:
                if self._firstpass:
                    self._saved.append(item)
                return item
        if not self._saved:
            raise StopIteration
        self._firstpass = False
        item = self._saved[self._index]
        self._index += 1
        if self._index >= len(self._saved):
            self._index = 0
        return item


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
for the specified number of times.  If not specified, returns the object
endlessly."""

    def __init__(self, *args, **kwargs):
        obj, times = _clinic("repeat", args, kwargs, ("object", "times"), 1, 2)
        self._element = obj
        if times is _MISSING:
            self._cnt = -1
        else:
            times = _index(times)
            self._cnt = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._cnt == 0:
            raise StopIteration
        if self._cnt > 0:
            self._cnt -= 1
        return self._element

    def __length_hint__(self):
        if self._cnt == -1:
            raise TypeError("len() of unsized object")
        return self._cnt

    def __repr__(self):
        if self._cnt == -1:
            return f"repeat({self._element!r})"
        return f"repeat({self._element!r}, {self._cnt})"


class accumulate:
    """Return series of accumulated sums (or other binary function results)."""

    def __init__(self, *args, **kwargs):
        iterable, func, initial = _clinic("accumulate", args, kwargs, ("iterable", "func", "initial"), 1, 2)
        self._it = iter(iterable)
        self._func = None if func is _MISSING else func
        self._initial = None if initial is _MISSING else initial
        self._total = _MISSING

    def __iter__(self):
        return self

    def __next__(self):
        if self._initial is not None:
            self._total = self._initial
            self._initial = None
            return self._total
        value = next(self._it)
        if self._total is _MISSING:
            self._total = value
        elif self._func is None:
            self._total = self._total + value
        else:
            self._total = self._func(self._total, value)
        return self._total


class chain:
    """Return a chain object whose .__next__() method returns elements from the
first iterable until it is exhausted, then elements from the next
iterable, until all of the iterables are exhausted."""

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError("chain() takes no keyword arguments")
        self._source = iter(args)
        self._active = None

    @classmethod
    def from_iterable(cls, *args):
        """Alternative chain() constructor taking a single iterable argument that evaluates lazily."""
        if len(args) != 1:
            raise TypeError(f"chain.from_iterable() takes exactly one argument ({len(args)} given)")
        source = iter(args[0])
        self = cls()
        self._source = source
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while self._source is not None:
            if self._active is None:
                try:
                    iterable = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                self._active = iter(iterable)
            try:
                return next(self._active)
            except StopIteration:
                self._active = None
        raise StopIteration


class compress:
    """Return data elements corresponding to true selector elements."""

    def __init__(self, *args, **kwargs):
        data, selectors = _clinic("compress", args, kwargs, ("data", "selectors"), 2, 2)
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            datum = next(self._data)
            selector = next(self._selectors)
            if selector:
                return datum


class dropwhile:
    """Drop items from the iterable while predicate(item) is true."""

    def __init__(self, *args, **kwargs):
        _positional("dropwhile", args, kwargs, 2, 2)
        self._predicate = args[0]
        self._it = iter(args[1])
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if not self._dropping:
                return item
            if not self._predicate(item):
                self._dropping = False
                return item


class takewhile:
    """Return successive entries from an iterable as long as the predicate evaluates to true for each entry."""

    def __init__(self, *args, **kwargs):
        _positional("takewhile", args, kwargs, 2, 2)
        self._predicate = args[0]
        self._it = iter(args[1])
        self._stop = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stop:
            raise StopIteration
        item = next(self._it)
        if self._predicate(item):
            return item
        self._stop = True
        raise StopIteration


class filterfalse:
    """Return those items of iterable for which function(item) is false."""

    def __init__(self, *args, **kwargs):
        _positional("filterfalse", args, kwargs, 2, 2)
        self._predicate = args[0]
        self._it = iter(args[1])

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            item = next(self._it)
            if self._predicate is None:
                ok = item
            else:
                ok = self._predicate(item)
            if not ok:
                return item


class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""

    def __init__(self, *args, **kwargs):
        iterable, key = _clinic("groupby", args, kwargs, ("iterable", "key"), 1, 2)
        self._keyfunc = None if key is _MISSING else key
        self._it = iter(iterable)
        self._tgtkey = _MISSING
        self._currkey = _MISSING
        self._currvalue = _MISSING
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._currgrouper = None
        # Skip to the next key.
        while True:
            if self._currkey is _MISSING:
                pass
            elif self._tgtkey is _MISSING:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        gbo = self._parent
        if gbo._currgrouper is not self:
            raise StopIteration
        if gbo._currvalue is _MISSING:
            gbo._step()
        if not (self._tgtkey == gbo._currkey):
            raise StopIteration
        value = gbo._currvalue
        gbo._currvalue = _MISSING
        gbo._currkey = _MISSING
        return value


_ISLICE_STOP = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
_ISLICE_INDEX = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
_MAXSIZE = 9223372036854775807


def _islice_arg(value, message):
    if value is None:
        return None
    try:
        n = _index(value)
    except TypeError:
        raise ValueError(message) from None
    if n < 0 or n > _MAXSIZE:
        raise ValueError(message)
    return n


class islice:
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object

Return an iterator whose next() method returns selected values from an
iterable.  If start is specified, will skip all preceding elements;
otherwise, start defaults to zero.  Step defaults to one.  If
specified as another value, step determines how many values are
skipped between successive calls.  Works like a slice() on a list
but returns an iterator."""

    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError("islice() takes no keyword arguments")
        n = len(args)
        if n < 2:
            raise TypeError(f"islice expected at least 2 arguments, got {n}")
        if n > 4:
            raise TypeError(f"islice expected at most 4 arguments, got {n}")
        start, step = 0, 1
        if n == 2:
            stop = _islice_arg(args[1], _ISLICE_STOP)
        else:
            stop = _islice_arg(args[2], _ISLICE_STOP)
            start = _islice_arg(args[1], _ISLICE_INDEX)
            if start is None:
                start = 0
            if n == 4 and args[3] is not None:
                try:
                    step = _index(args[3])
                except TypeError:
                    step = -1
                if step < 1:
                    raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(args[0])
        self._next = start
        self._stop = stop
        self._step = step
        self._cnt = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        stop = self._stop
        try:
            while self._cnt < self._next:
                next(it)
                self._cnt += 1
            if stop is not None and self._cnt >= stop:
                raise StopIteration
            item = next(it)
        except StopIteration:
            self._it = None
            raise
        self._cnt += 1
        self._next += self._step
        if stop is not None and self._next > stop:
            self._next = stop
        return item


class pairwise:
    """Return an iterator of overlapping pairs taken from the input iterator."""

    def __init__(self, *args, **kwargs):
        _positional("pairwise", args, kwargs, 1, 1)
        self._it = iter(args[0])
        self._old = _MISSING

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        try:
            if self._old is _MISSING:
                self._old = next(it)
            new = next(it)
        except StopIteration:
            self._it = None
            self._old = _MISSING
            raise
        result = (self._old, new)
        self._old = new
        return result


class batched:
    """Batch data into tuples of length n. The last batch may be shorter than n."""

    def __init__(self, *args, **kwargs):
        iterable, n, strict = _clinic("batched", args, kwargs, ("iterable", "n", "strict"), 2, 2)
        n = _index(n)
        if n < 1:
            raise ValueError("n must be at least one")
        self._it = iter(iterable)
        self._n = n
        self._strict = False if strict is _MISSING else bool(strict)

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        items = []
        try:
            while len(items) < self._n:
                items.append(next(it))
        except StopIteration:
            self._it = None
            if not items:
                raise
            if self._strict:
                raise ValueError("batched(): incomplete batch") from None
        return tuple(items)


class starmap:
    """Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence."""

    def __init__(self, *args, **kwargs):
        _positional("starmap", args, kwargs, 2, 2)
        self._func = args[0]
        self._it = iter(args[1])

    def __iter__(self):
        return self

    def __next__(self):
        args = next(self._it)
        return self._func(*tuple(args))  # PySequence_Tuple: "'int' object is not iterable"


class _tee:
    """Iterator wrapped to make it copyable."""

    def __init__(self, iterable):
        it = iter(iterable)
        if isinstance(it, _tee):
            self._iterator = it._iterator
            self._link = it._link
        else:
            self._iterator = it
            self._link = [None, None]

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link[1] is None:
            link[0] = next(self._iterator)
            link[1] = [None, None]
        value, self._link = link
        return value

    def __copy__(self):
        return _tee(self)


def tee(*args, **kwargs):
    """Returns a tuple of n independent iterators."""
    if kwargs:
        raise TypeError("itertools.tee() takes no keyword arguments")
    _positional("tee", args, {}, 1, 2)
    n = _index(args[1]) if len(args) > 1 else 2
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    first = _tee(args[0])
    result = [first]
    for _ in range(n - 1):
        result.append(_tee(first))
    return tuple(result)


class zip_longest:
    """Return a zip_longest object whose .__next__() method returns a tuple where
the i-th element comes from the i-th iterable argument."""

    def __init__(self, *args, **kwargs):
        fillvalue = None
        if kwargs:
            if len(kwargs) != 1 or "fillvalue" not in kwargs:
                raise TypeError("zip_longest() got an unexpected keyword argument")
            fillvalue = kwargs["fillvalue"]
        self._iterators = [iter(a) for a in args]
        self._active = len(self._iterators)
        self._fillvalue = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        iterators = self._iterators
        if not iterators or self._active == 0:
            raise StopIteration
        values = []
        for i, it in enumerate(iterators):
            if it is None:
                values.append(self._fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                self._active -= 1
                if self._active == 0:
                    raise
                iterators[i] = None
                value = self._fillvalue
            values.append(value)
        return tuple(values)


class product:
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""

    def __init__(self, *args, **kwargs):
        repeat = 1
        if kwargs:
            if len(kwargs) > 1:
                raise TypeError(f"product() takes at most 1 keyword argument ({len(kwargs)} given)")
            for k in kwargs:
                if k != "repeat":
                    raise TypeError(f"product() got an unexpected keyword argument '{k}'")
            repeat = _index(kwargs["repeat"])
            if repeat < 0:
                raise ValueError("repeat argument cannot be negative")
        pools = [tuple(a) for a in args] * repeat
        self._pools = pools
        self._indices = None
        self._stopped = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pools = self._pools
        if self._indices is None:
            for pool in pools:
                if not pool:
                    self._stopped = True
                    raise StopIteration
            self._indices = [0] * len(pools)
        else:
            indices = self._indices
            i = len(pools) - 1
            while i >= 0:
                indices[i] += 1
                if indices[i] < len(pools[i]):
                    break
                indices[i] = 0
                i -= 1
            if i < 0:
                self._stopped = True
                raise StopIteration
        return tuple(pool[i] for pool, i in zip(pools, self._indices))


class permutations:
    """Return successive r-length permutations of elements in the iterable."""

    def __init__(self, *args, **kwargs):
        iterable, r = _clinic("permutations", args, kwargs, ("iterable", "r"), 1, 2)
        pool = tuple(iterable)
        n = len(pool)
        if r is _MISSING or r is None:
            r = n
        else:
            if not isinstance(r, int):
                raise TypeError("Expected int as r")
            r = int(r)
            if r < 0:
                raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = list(range(n))
        self._cycles = list(range(n, n - r, -1))
        self._first = True
        self._stopped = r > n

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices, cycles = self._pool, self._r, self._indices, self._cycles
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices[:r])
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple(pool[i] for i in indices[:r])
        self._stopped = True
        raise StopIteration


class combinations:
    """Return successive r-length combinations of elements in the iterable."""

    def __init__(self, *args, **kwargs):
        iterable, r = _clinic("combinations", args, kwargs, ("iterable", "r"), 2, 2)
        pool = tuple(iterable)
        r = _index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._stopped = r > len(pool)

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            self._stopped = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple(pool[i] for i in indices)


class combinations_with_replacement:
    """Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats."""

    def __init__(self, *args, **kwargs):
        iterable, r = _clinic("combinations_with_replacement", args, kwargs, ("iterable", "r"), 2, 2)
        pool = tuple(iterable)
        r = _index(r)
        if r < 0:
            raise ValueError("r must be non-negative")
        self._pool = pool
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._stopped = not pool and r > 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._stopped:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple(pool[i] for i in indices)
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            self._stopped = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple(pool[i] for i in indices)
