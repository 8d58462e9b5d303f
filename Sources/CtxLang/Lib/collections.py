'''This module implements specialized container datatypes providing
alternatives to Python's general purpose built-in containers, dict,
list, set, and tuple.

* namedtuple   factory function for creating tuple subclasses with named fields
* deque        list-like container with fast appends and pops on either end
* ChainMap     dict-like class for creating a single view of multiple mappings
* Counter      dict subclass for counting hashable objects
* OrderedDict  dict subclass that remembers the order entries were added
* defaultdict  dict subclass that calls a factory function to supply missing values
'''
# ctxlab's collections: ChainMap follows CPython 3.14's Lib/collections/__init__.py, and deque
# the C type of Modules/_collectionsmodule.c (its messages, reprs, maxlen trimming, the
# "mutated during iteration" check), written for ctxlab; a deque keeps its items in a list.
# namedtuple follows Lib/collections/__init__.py too; ctxlab has no eval(), so a namedtuple's
# __new__ binds its arguments itself, with the messages of the signature CPython would compile.
# defaultdict and OrderedDict are the C types of Modules/_collectionsmodule.c and
# Objects/odictobject.c (their reprs, messages, `|`, views), written as dict subclasses: ctxlab's
# dict keeps insertion order, so OrderedDict needs no linked list of its own; Counter follows
# Lib/collections/__init__.py. Not here: UserDict, UserList, UserString, collections.abc.

import sys as _sys
from _ctxlab_clinic import clinic as _clinic, MISSING as _MISSING

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
    'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import',
    'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
    'with', 'yield'])


################################################################################
### namedtuple
################################################################################

class _tuplegetter:
    # The C descriptor of Modules/_collectionsmodule.c: field `index` of the tuple.

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __repr__(self):
        return f"{type(self).__name__}({self._index}, {self.__doc__!r})"


def _and_list(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f"{quoted[0]} and {quoted[1]}"
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _bind_fields(qualname, field_names, defaults, args, kwargs):
    """The values of `def __new__(_cls, f1, f2=d2, ...)` called with args and kwargs, or the
    TypeError CPython's compiled signature raises."""
    n = len(field_names)
    if len(args) > n:
        required = n - len(defaults)
        takes = (f"{n + 1} positional argument{'' if n == 0 else 's'}" if required == n
                 else f"from {required + 1} to {n + 1} positional arguments")
        given = len(args) + 1
        raise TypeError(f"{qualname}() takes {takes} but {given} {'was' if given == 1 else 'were'} given")
    values = list(args) + [_MISSING] * (n - len(args))
    for key, value in kwargs.items():
        if key not in field_names:
            raise TypeError(f"{qualname}() got an unexpected keyword argument '{key}'")
        i = field_names.index(key)
        if values[i] is not _MISSING:
            raise TypeError(f"{qualname}() got multiple values for argument '{key}'")
        values[i] = value
    first_default = n - len(defaults)
    missing = []
    for i in range(n):
        if values[i] is _MISSING:
            if i >= first_default:
                values[i] = defaults[i - first_default]
            else:
                missing.append(field_names[i])
    if missing:
        raise TypeError(f"{qualname}() missing {len(missing)} required positional argument"
                        f"{'' if len(missing) == 1 else 's'}: {_and_list(missing)}")
    return values


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point.__doc__                   # docstring for the new class
    'Point(x, y)'
    >>> p = Point(11, y=22)             # instantiate with positional args or keywords
    >>> p[0] + p[1]                     # indexable like a plain tuple
    33
    >>> x, y = p                        # unpack like a regular tuple
    >>> x, y
    (11, 22)
    >>> p.x + p.y                       # fields also accessible by name
    33
    >>> d = p._asdict()                 # convert to a dictionary
    >>> d['x']
    11
    >>> Point(**d)                      # convert from a dictionary
    Point(x=11, y=22)
    >>> p._replace(x=100)               # _replace() is like str.replace() but targets named fields
    Point(x=100, y=22)

    """

    # Validate the field names.  At the user's option, either generate an error
    # message or automatically replace the field name with a valid name.
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier()
                or name in _KEYWORDS
                or name.startswith('_')
                or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    default_values = ()
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))
        default_values = defaults

    # Variables used in the methods and docstrings
    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join(f'{name}=%r' for name in field_names) + ')'
    tuple_new = tuple.__new__

    # Create all the named tuple methods to be added to the class namespace

    def __new__(_cls, *args, **kwargs):
        values = _bind_fields(f'{typename}.__new__', field_names, default_values, args, kwargs)
        return tuple_new(_cls, values)

    __new__.__doc__ = f'Create new instance of {typename}({arg_list})'

    @classmethod
    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
        return result

    _make.__func__.__doc__ = (f'Make a new {typename} object from a sequence '
                              'or iterable')

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, field_names, self))
        if kwds:
            raise TypeError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    _replace.__doc__ = (f'Return a new {typename} object replacing specified '
                        'fields with new values')

    def __repr__(self):
        'Return a nicely formatted representation string'
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        'Return self as a plain tuple.  Used by copy and pickle.'
        return tuple(self)

    # Modify function metadata to help with introspection and debugging
    for method in (
        __new__,
        _make.__func__,
        _replace,
        __repr__,
        _asdict,
        __getnewargs__,
    ):
        method.__qualname__ = f'{typename}.{method.__name__}'

    # Build-up the class namespace dictionary
    # and use type() to build the result class
    class_namespace = {
        '__doc__': f'{typename}({arg_list})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '__replace__': _replace,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for index, name in enumerate(field_names):
        doc = f'Alias for field number {index}'
        class_namespace[name] = _tuplegetter(index, doc)

    # For pickling to work, the __module__ variable needs to be set to the frame
    # where the named tuple is created.
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        class_namespace['__module__'] = module

    return type(typename, (tuple,), class_namespace)


################################################################################
### deque
################################################################################

class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    __hash__ = None

    def __init__(self, *args, **kwargs):
        iterable, maxlen = _clinic("deque", args, kwargs, ("iterable", "maxlen"), 0, 2)
        if maxlen is _MISSING or maxlen is None:
            maxlen = None
        else:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            maxlen = int(maxlen)
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._items = []
        self._state = 0
        if iterable is not _MISSING:
            self.extend(iterable)

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    def _trim_left(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[:len(self._items) - self._maxlen]

    def _trim_right(self):
        if self._maxlen is not None and len(self._items) > self._maxlen:
            del self._items[self._maxlen:]

    def append(self, x, /):
        """Add an element to the right side of the deque."""
        self._state += 1
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x, /):
        """Add an element to the left side of the deque."""
        self._state += 1
        self._items.insert(0, x)
        self._trim_right()

    def pop(self, /):
        """Remove and return the rightmost element."""
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._items.pop()

    def popleft(self, /):
        """Remove and return the leftmost element."""
        if not self._items:
            raise IndexError("pop from an empty deque")
        self._state += 1
        return self._items.pop(0)

    def extend(self, iterable, /):
        """Extend the right side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable, /):
        """Extend the left side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1, /):
        """Rotate the deque n steps to the right.  If n is negative, rotates left."""
        items = self._items
        if len(items) <= 1:
            return
        n = n % len(items)
        if n:
            self._state += 1
            items[:] = items[-n:] + items[:-n]

    def clear(self, /):
        """Remove all elements from the deque."""
        self._state += 1
        self._items.clear()

    def copy(self, /):
        """Return a shallow copy of a deque."""
        return deque(self._items, self._maxlen)

    __copy__ = copy

    def count(self, value, /):
        """Return number of occurrences of value."""
        state = self._state
        n = 0
        for item in list(self._items):
            if item is value or item == value:
                n += 1
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return n

    def index(self, value, start=0, stop=None, /):
        """Return first index of value.

Raises ValueError if the value is not present."""
        length = len(self._items)
        if stop is None:
            stop = length
        if start < 0:
            start = max(start + length, 0)
        if stop < 0:
            stop = max(stop + length, 0)
        state = self._state
        for i in range(start, min(stop, length)):
            item = self._items[i]
            if item is value or item == value:
                return i
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        raise ValueError(f"{value!r} is not in deque")

    def insert(self, index, value, /):
        """Insert value before index."""
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._state += 1
        self._items.insert(index, value)

    def remove(self, value, /):
        """Remove first occurrence of value."""
        for i, item in enumerate(self._items):
            if item is value or item == value:
                self._state += 1
                del self._items[i]
                return
        raise ValueError(f"{value!r} is not in deque")

    def reverse(self, /):
        """Reverse *IN PLACE*."""
        self._state += 1
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return _deque_iterator(self, False)

    def __reversed__(self):
        return _deque_iterator(self, True)

    def __contains__(self, value):
        state = self._state
        for item in list(self._items):
            if item is value or item == value:
                return True
            if state != self._state:
                raise RuntimeError("deque mutated during iteration")
        return False

    def _check_index(self, index):
        if not isinstance(index, int):
            raise TypeError(f"sequence index must be integer, not '{type(index).__name__}'")
        length = len(self._items)
        if index < 0:
            index += length
        if not 0 <= index < length:
            raise IndexError("deque index out of range")
        return index

    def __getitem__(self, index):
        return self._items[self._check_index(index)]

    def __setitem__(self, index, value):
        self._items[self._check_index(index)] = value

    def __delitem__(self, index):
        index = self._check_index(index)
        self._state += 1
        del self._items[index]

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        result = deque(self._items, self._maxlen)
        result.extend(other._items)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = deque((), self._maxlen)
        for _ in range(n):
            result.extend(self._items)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        items = list(self._items)
        self._items.clear()
        for _ in range(n):
            self.extend(items)
        return self

    def _compare(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(self._items, other._items)

    def __eq__(self, other):
        return self._compare(other, lambda a, b: a == b)

    def __ne__(self, other):
        return self._compare(other, lambda a, b: a != b)

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)

    def __repr__(self):
        if any(entry is self for entry in _repr_running):  # Py_ReprEnter: a cycle
            return "[...]"
        _repr_running.append(self)
        try:
            items = repr(self._items)
        finally:
            _repr_running.pop()
        name = type(self).__name__
        if self._maxlen is None:
            return f"{name}({items})"
        return f"{name}({items}, maxlen={self._maxlen})"


_repr_running = []


class _deque_iterator:
    def __init__(self, d, reverse):
        self._deque = d
        self._state = d._state
        self._index = 0
        self._reverse = reverse

    def __iter__(self):
        return self

    def __next__(self):
        d = self._deque
        if d._state != self._state:
            raise RuntimeError("deque mutated during iteration")
        items = d._items
        if self._index >= len(items):
            raise StopIteration
        i = self._index
        self._index += 1
        return items[len(items) - 1 - i] if self._reverse else items[i]


################################################################################
### ChainMap
################################################################################

class ChainMap:
    ''' A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.

    The underlying mappings are stored in a list.  That list is public and can
    be accessed or updated using the *maps* attribute.  There is no other
    state.

    Lookups search the underlying mappings successively until a key is found.
    In contrast, writes, updates, and deletions only operate on the first
    mapping.

    '''

    def __init__(self, *maps):
        '''Initialize a ChainMap by setting *maps* to the given mappings.
        If no mappings are provided, a single empty dictionary is used.

        '''
        self.maps = list(maps) or [{}]          # always at least one map

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]             # can't use 'key in mapping' with defaultdict
            except KeyError:
                pass
        return self.__missing__(key)            # support subclasses that define __missing__

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))     # reuses stored hash values if possible

    def __iter__(self):
        d = {}
        for mapping in map(dict.fromkeys, reversed(self.maps)):
            d |= mapping                        # reuses stored hash values if possible
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        if any(entry is self for entry in _repr_running):  # reprlib.recursive_repr
            return '...'
        _repr_running.append(self)
        try:
            return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'
        finally:
            _repr_running.pop()

    @classmethod
    def fromkeys(cls, iterable, value=None, /):
        'Create a new ChainMap with keys from iterable and values set to value.'
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        'New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]'
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):      # like Django's Context.push()
        '''New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict.
        '''
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):                          # like Django's Context.pop()
        'New ChainMap from maps[1:].'
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        'Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty.'
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        'Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0].'
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        'Clear maps[0], leaving maps[1:] intact.'
        self.maps[0].clear()

    # The Mapping and MutableMapping mixin methods CPython's ChainMap inherits.

    def keys(self):
        return dict.fromkeys(self).keys()

    def items(self):
        return {key: self[key] for key in self}.items()

    def values(self):
        return [self[key] for key in self]

    def __eq__(self, other):
        if not (isinstance(other, (dict, ChainMap))):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default

    def update(self, other=(), /, **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, ChainMap)):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not isinstance(other, (dict, ChainMap)):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


################################################################################
### defaultdict (Modules/_collectionsmodule.c)
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""

    def __init__(self, *args, **kwargs):
        # defdict_init: the first positional argument is the factory.
        factory = None
        if args:
            factory = args[0]
            if factory is not None and not callable(factory):
                raise TypeError("first argument must be callable or None")
            args = args[1:]
        self.default_factory = factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        # defdict_missing
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        # defdict_repr: the type's name, the factory's repr (`...` inside itself), dict's repr.
        factory = self.default_factory
        if factory is None:
            shown = 'None'
        elif factory is self:
            shown = '...'
        else:
            shown = repr(factory)
        return f'{type(self).__name__}({shown}, {dict.__repr__(self)})'

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return (type(self), (self.default_factory,) if self.default_factory is not None else (),
                None, None, iter(self.items()))

    def __or__(self, other):
        # defdict_or: a copy of the defaultdict side through its class, updated with the right.
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


################################################################################
### OrderedDict (Objects/odictobject.c)
################################################################################

class _odict_view:

    def __init__(self, od):
        self._mapping = od

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{type(self).__name__}({list(self)!r})'

    def __reversed__(self):
        return odict_iterator(self._mapping, type(self)._kind, True)

    def __iter__(self):
        return odict_iterator(self._mapping, type(self)._kind, False)


class _odict_setlike(_odict_view):
    def __eq__(self, other):
        try:
            return set(self) == set(other)
        except TypeError:
            return NotImplemented

    def __and__(self, other):
        return set(self) & set(other)

    def __or__(self, other):
        return set(self) | set(other)

    def __sub__(self, other):
        return set(self) - set(other)

    def __xor__(self, other):
        return set(self) ^ set(other)

    def isdisjoint(self, other):
        return not (set(self) & set(other))


class odict_keys(_odict_setlike):
    __module__ = 'builtins'
    _kind = 'keys'

    def __contains__(self, key):
        return key in self._mapping


class odict_values(_odict_view):
    __module__ = 'builtins'
    _kind = 'values'


class odict_items(_odict_setlike):
    __module__ = 'builtins'
    _kind = 'items'

    def __contains__(self, item):
        key, value = item
        return key in self._mapping and self._mapping[key] == value


class odict_iterator:
    # odictiter: keys, values or items, forwards or backwards, over the keys of the moment.
    __module__ = 'builtins'

    def __init__(self, od, kind, backwards):
        self._od = od
        self._kind = kind
        keys = list(dict.__iter__(od))
        self._keys = keys[::-1] if backwards else keys
        self._size = len(od)
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        # odictiter_nextkey: an added or removed key is a change of the dict's state.
        if self._i >= len(self._keys):
            raise StopIteration
        key = self._keys[self._i]
        self._i += 1
        if len(self._od) != self._size or key not in self._od:
            self._i = len(self._keys)
            raise RuntimeError('OrderedDict mutated during iteration')
        if self._kind == 'keys':
            return key
        if self._kind == 'values':
            return dict.__getitem__(self._od, key)
        return (key, dict.__getitem__(self._od, key))


class OrderedDict(dict):
    'Dictionary that remembers insertion order'

    def __init__(self, *args, **kwargs):
        # odict_init → mutablemapping_update: "expected at most 1 arguments".
        if len(args) > 1:
            raise TypeError(f'expected at most 1 arguments, got {len(args)}')
        self.update(*args, **kwargs)

    def __iter__(self):
        return odict_iterator(self, 'keys', False)

    def __reversed__(self):
        return odict_iterator(self, 'keys', True)

    def __repr__(self):
        # odict_repr (3.12+): `OrderedDict({...})`, `OrderedDict()` when empty.
        if not self:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({dict.__repr__(self)})'

    def __eq__(self, other):
        # odict_richcompare: order matters only between two OrderedDicts.
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(dict.__iter__(self)) == list(dict.__iter__(other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

Raise KeyError if the element does not exist."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            dict.update(self, rest)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

Pairs are returned in LIFO order if last is true or FIFO order if false."""
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(self)) if last else next(iter(self))
        return (key, dict.pop(self, key))

    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    def copy(self):
        'od.copy() -> a shallow copy of od'
        return type(self)(self)

    __copy__ = copy

    def __reduce__(self):
        state = getattr(self, '__dict__', None) or None
        return (type(self), (), state, None, iter(dict.items(self)))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
### Counter (Lib/collections/__init__.py)
################################################################################

def _is_mapping(obj):
    # isinstance(obj, collections.abc.Mapping) among the mappings ctxlab has.
    return isinstance(obj, (dict, ChainMap))


def _count_elements(mapping, iterable):
    'Tally elements from the iterable.'
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


class Counter(dict):
    '''Dict subclass for counting hashable items: elements are the keys, their counts the
    values; a missing element counts zero.'''

    def __init__(self, iterable=None, /, **kwds):
        '''Counter(iterable) counts its elements; Counter(mapping) and Counter(**kwds) take
        the counts as given.'''
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        'The count of an element not in the Counter: zero.'
        return 0

    def total(self):
        'Sum of the counts'
        return sum(self.values())

    def most_common(self, n=None):
        '''The n most common elements and their counts, most common first (all of them when
        n is None); equal counts keep the order elements were first seen.'''
        count = lambda item: item[1]
        if n is None:
            return sorted(self.items(), key=count, reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=count)

    def elements(self):
        'An iterator over the elements, each repeated as many times as its count.'
        from itertools import chain, repeat, starmap
        return chain.from_iterable(starmap(repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        'As dict.update(), but counts are added, not replaced.'
        if iterable is not None:
            if not _is_mapping(iterable):
                _count_elements(self, iterable)
            elif not self:
                super().update(iterable)
            else:
                for elem, count in iterable.items():
                    self[elem] = count + self.get(elem, 0)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        'As update(), but counts are subtracted; they may go to zero or below.'
        if iterable is not None:
            pairs = iterable.items() if _is_mapping(iterable) else ((elem, 1) for elem in iterable)
            for elem, count in pairs:
                self[elem] = self.get(elem, 0) - count
        if kwds:
            self.subtract(kwds)

    def copy(self):
        'A shallow copy.'
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        'As dict.__delitem__(), without a KeyError for an element not there.'
        if elem in self:
            super().__delitem__(elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            shown = dict(self.most_common())  # most common first
        except TypeError:  # counts that do not order
            shown = dict(self)
        return f'{self.__class__.__name__}({shown!r})'

    # Comparisons and arithmetic treat a missing element as a count of zero; the arithmetic
    # keeps only positive counts, in the order self's elements come, then other's.

    def _all_counts(self, other, test):
        return all(test(self[e], other[e]) for c in (self, other) for e in c)

    def _combined(self, other, combine):
        result = Counter()
        for elem, count in self.items():
            n = combine(count, other[elem])
            if n > 0:
                result[elem] = n
        for elem, count in other.items():
            if elem not in self:
                n = combine(0, count)
                if n > 0:
                    result[elem] = n
        return result

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, lambda a, b: a == b)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, lambda a, b: a <= b)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._all_counts(other, lambda a, b: a >= b)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combined(other, lambda a, b: a + b)

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combined(other, lambda a, b: a - b)

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combined(other, lambda a, b: b if a < b else a)

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self._combined(other, lambda a, b: a if a < b else b)

    def __pos__(self):
        'Only the positive counts.'
        return self._combined(Counter(), lambda a, b: a)

    def __neg__(self):
        'The negative counts, negated.'
        return self._combined(Counter(), lambda a, b: 0 - a)

    def _keep_positive(self):
        for elem in [elem for elem, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, count in other.items():
            if count > self[elem]:
                self[elem] = count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            if other[elem] < count:
                self[elem] = other[elem]
        return self._keep_positive()
