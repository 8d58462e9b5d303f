"""Support for type hints.

ctxlab's `typing`, following the algorithms of CPython's Lib/typing.py (3.13): special forms,
generic aliases with type-variable substitution, `TypeVar`, `Generic`, `Protocol`, `Union`
and `Optional` (3.13's reprs: `typing.Optional[int]`), and the helpers real code calls at
run time (`cast`, `overload`, `get_type_hints`, `get_origin`, `get_args`, `NewType`).
Written for ctxlab; no CPython code is copied.

The aliases of `collections.abc` classes (`Iterable`, `Mapping`, ...) stand for ctxlab's
collections.abc (Lib/_collections_abc.py), as CPython's do. `Protocol` follows _ProtocolMeta: @runtime_checkable
protocols answer isinstance()/issubclass() structurally. What ctxlab does not have, it says:
`ParamSpec` is not provided. `NamedTuple` and `TypedDict` follow CPython's NamedTupleMeta and _TypedDictMeta (class
syntax, the functional forms, Required/NotRequired/ReadOnly, `total=`).
"""

import _collections_abc
import contextlib
from abc import ABCMeta, abstractmethod

TYPE_CHECKING = False

_NOT_GIVEN = object()


class _NoDefaultType:
    """The type of the NoDefault singleton."""
    __slots__ = ()

    def __repr__(self):
        return "typing.NoDefault"

    def __reduce__(self):
        return "NoDefault"


NoDefault = _NoDefaultType()


def _type_repr(obj):
    """How an argument is written inside `[...]` (typing's `_type_repr`)."""
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(a) for a in obj) + "]"
    return repr(obj)


def _type_check(arg, msg):
    """A type, a special form, an alias, a TypeVar, a string or None; None becomes NoneType."""
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, (_SpecialForm, _BaseGenericAlias)) and arg in (ClassVar, Final):
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if isinstance(arg, (int, float, bytes, tuple)) and not isinstance(arg, bool) or arg is True or arg is False:
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _collect_type_parameters(args):
    """The TypeVars among `args`, in order, each once (typing's `_collect_type_parameters`)."""
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if isinstance(t, list):
            for p in _collect_type_parameters(t):
                if p not in params:
                    params.append(p)
        elif isinstance(t, TypeVar):
            if t not in params:
                params.append(t)
        else:
            for p in getattr(t, "__parameters__", ()):
                if p not in params:
                    params.append(p)
    return tuple(params)


def _deduplicate(params):
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return out


def _flatten_union(params):
    out = []
    for p in params:
        if isinstance(p, _UnionGenericAlias):
            out.extend(p.__args__)
        elif type(p) is type(int | str):
            out.extend(p.__args__)
        else:
            out.append(p)
    return out


class ForwardRef:
    """A string annotation (`'Foo'` inside `Optional['Foo']`)."""

    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm:
    """`Any`, `Union`, `Optional`, `ClassVar`, ... (typing's `_SpecialForm`)."""

    def __init__(self, name, getitem=None, doc=None):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


def _union_item(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _deduplicate(_flatten_union(parameters))
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and type(None) in parameters:
        return _UnionGenericAlias(self, tuple(parameters), name="Optional")
    return _UnionGenericAlias(self, tuple(parameters))


def _optional_item(self, parameters):
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, type(None)]


def _one_type_item(self, parameters):
    item = _type_check(parameters, f"{self._name} accepts only single type.")
    return _GenericAlias(self, (item,))


def _literal_item(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralGenericAlias(self, tuple(_deduplicate(parameters)))


def _no_item(self, parameters):
    raise TypeError(f"{self} is not subscriptable")


class _AnyForm(_SpecialForm):
    """`Any` (a class with a metaclass in CPython 3.11+; here a special form with its messages)."""

    def __call__(self, *args, **kwds):
        raise TypeError("Any cannot be instantiated")


Any = _AnyForm("Any", doc="Special type indicating an unconstrained type.")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
ClassVar = _SpecialForm("ClassVar", _one_type_item)
Final = _SpecialForm("Final", _one_type_item)
Union = _SpecialForm("Union", _union_item)
Optional = _SpecialForm("Optional", _optional_item)
Literal = _SpecialForm("Literal", _literal_item)
TypeGuard = _SpecialForm("TypeGuard", _one_type_item)
TypeIs = _SpecialForm("TypeIs", _one_type_item)
Required = _SpecialForm("Required", _one_type_item)
NotRequired = _SpecialForm("NotRequired", _one_type_item)
ReadOnly = _SpecialForm("ReadOnly", _one_type_item)


class _BaseGenericAlias:
    """What subscripting a typing name makes: its origin and arguments."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ("__origin__", "__args__", "_name", "_inst"):
            raise AttributeError(attr)
        if not (attr.startswith("__") and attr.endswith("__")) and self.__origin__ is not None:
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _GenericAlias(_BaseGenericAlias):
    """`List[int]`, `Box[T]`, `ClassVar[int]`: an origin with arguments (typing's `_GenericAlias`)."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is _TypingEllipsis else a for a in args)
        self.__parameters__ = _collect_type_parameters(args)
        if not name:
            self.__module__ = getattr(origin, "__module__", "typing")

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        # `Dict[str, T][int]`: the type variables replaced, in order.
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_check(a, "Parameters to generic types must be types.") for a in args)
        if len(args) != len(self.__parameters__):
            which = "many" if len(args) > len(self.__parameters__) else "few"
            raise TypeError(f"Too {which} arguments for {self}; actual {len(args)}, expected {len(self.__parameters__)}")
        mapping = dict(zip(self.__parameters__, args))
        return self.copy_with(tuple(_substitute(a, mapping) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:  # the generic version of an ABC or a built-in class
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __repr__(self):
        if self._name:
            name = "typing." + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        else:
            args = "()"
        return f"{name}[{args}]"


def _substitute(arg, mapping):
    if isinstance(arg, TypeVar):
        return mapping.get(arg, arg)
    if isinstance(arg, list):
        return [_substitute(a, mapping) for a in arg]
    params = getattr(arg, "__parameters__", ())
    if params and not isinstance(arg, type):
        sub = tuple(mapping.get(p, p) for p in params)
        return arg[sub if len(sub) != 1 else sub[0]]
    return arg


class _UnionGenericAlias(_GenericAlias):
    """`Union[int, str]`, `Optional[int]` (3.13's reprs)."""

    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, type(int | str))):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is type(None):
                return f"typing.Optional[{_type_repr(args[1])}]"
            if args[1] is type(None):
                return f"typing.Optional[{_type_repr(args[0])}]"
        return "typing.Union[" + ", ".join(_type_repr(a) for a in args) + "]"

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if isinstance(arg, type) and isinstance(obj, arg):
                return True
        if all(isinstance(arg, type) for arg in self.__args__):
            return False
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, type) and issubclass(cls, arg):
                return True
        return False


class _LiteralGenericAlias(_GenericAlias):

    def __repr__(self):
        return "typing.Literal[" + ", ".join(repr(a) for a in self.__args__) + "]"

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _TypingEllipsis:
    """Internal placeholder for `...` in `Tuple[int, ...]`."""


class _SpecialGenericAlias(_BaseGenericAlias):
    """`List`, `Dict`, `Iterable`, ...: an unsubscripted alias of a class, with its arity."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            which = "many" if len(params) > self._nparams else "few"
            raise TypeError(f"Too {which} arguments for {self}; actual {len(params)}, expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self._name == other._name

    def __hash__(self):
        return hash(self._name)

    def __mro_entries__(self, bases):
        return super().__mro_entries__(bases)


class _TupleType(_SpecialGenericAlias):
    """`Tuple[int, ...]`, `Tuple[()]`: any number of arguments."""

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return _GenericAlias(tuple, (*params, _TypingEllipsis), name="Tuple")
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        return _GenericAlias(tuple, tuple(_type_check(p, msg) for p in params), name="Tuple")


class _CallableType(_SpecialGenericAlias):
    """`Callable[[int, str], bool]`, `Callable[..., T]`."""

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        # The arguments are kept flat, the result last: `__args__` of Callable[[int], str] is
        # (int, str); a single type in place of the list is taken as a list of one (3.13).
        if isinstance(args, list):
            params = (*(_type_check(a, "Callable[[arg, ...], result]: each arg must be a type.") for a in args), result)
        else:
            params = (args, result)
        params = tuple(p if p is ... else _type_check(p, "Callable[args, result]: result must be a type.") for p in params)
        return _CallableGenericAlias(self.__origin__, params, name="Callable", inst=True)

    def __instancecheck__(self, obj):
        return callable(obj)


class _CallableGenericAlias(_GenericAlias):

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f"typing.Callable[..., {_type_repr(args[1])}]"
        return f"typing.Callable[[{', '.join(_type_repr(a) for a in args[:-1])}], {_type_repr(args[-1])}]"

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


def _abc(name, nparams, origin=None):
    """The alias of a collections.abc class (or of `origin`)."""
    return _SpecialGenericAlias(origin or getattr(_collections_abc, name), nparams, name=name)


List = _SpecialGenericAlias(list, 1, name="List")
Dict = _SpecialGenericAlias(dict, 2, name="Dict")
Set = _SpecialGenericAlias(set, 1, name="Set")
FrozenSet = _SpecialGenericAlias(frozenset, 1, name="FrozenSet")
Type = _SpecialGenericAlias(type, 1, name="Type")
Tuple = _TupleType(tuple, -1, name="Tuple")
Callable = _CallableType(_collections_abc.Callable, 2, name="Callable")
Iterable = _abc("Iterable", 1)
Iterator = _abc("Iterator", 1)
Reversible = _abc("Reversible", 1)
Container = _abc("Container", 1)
Collection = _abc("Collection", 1)
Hashable = _abc("Hashable", 0)
Sized = _abc("Sized", 0)
Awaitable = _abc("Awaitable", 1)
Coroutine = _abc("Coroutine", 3)
AsyncIterable = _abc("AsyncIterable", 1)
AsyncIterator = _abc("AsyncIterator", 1)
AsyncGenerator = _abc("AsyncGenerator", 2)
Generator = _abc("Generator", 3)
Mapping = _abc("Mapping", 2)
MutableMapping = _abc("MutableMapping", 2)
Sequence = _abc("Sequence", 1)
MutableSequence = _abc("MutableSequence", 1)
AbstractSet = _abc("AbstractSet", 1, _collections_abc.Set)
MutableSet = _abc("MutableSet", 1)
KeysView = _abc("KeysView", 1)
ItemsView = _abc("ItemsView", 2)
ValuesView = _abc("ValuesView", 1)
ContextManager = _abc("ContextManager", -1, contextlib.AbstractContextManager)
AsyncContextManager = _abc("AsyncContextManager", -1, contextlib.AbstractAsyncContextManager)


class TypeVar:
    """A type variable: `T = TypeVar('T')`, written `~T` (`+T` covariant, `-T` contravariant)."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False, default=_NOT_GIVEN):
        if covariant and contravariant:
            raise ValueError("Bivariant type variables are not supported.")
        if infer_variance and (covariant or contravariant):
            raise ValueError("Variance cannot be specified with infer_variance.")
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__constraints__ = tuple(_type_check(t, "TypeVar(name, constraint, ...): constraints must be types.")
                                     for t in constraints)
        self.__bound__ = _type_check(bound, "Bound must be a type.") if bound is not None else None
        self.__default__ = NoDefault if default is _NOT_GIVEN else default

    def __getattr__(self, name):
        # A PEP 695 type parameter's bound, constraints and default are evaluated on first use.
        lazy = self.__dict__.get("_lazy")
        if lazy and name in lazy:
            value = lazy.pop(name)()
            if name == "__constraints__":
                value = tuple(_type_check(t, "TypeVar(name, constraint, ...): constraints must be types.") for t in value)
            setattr(self, name, value)
            return value
        raise AttributeError(f"'TypeVar' object has no attribute {name!r}")

    def has_default(self):
        return self.__default__ is not NoDefault
    def __repr__(self):
        if self.__infer_variance__:
            prefix = ""
        elif self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__

    def __typing_subst__(self, arg):
        return _type_check(arg, "Parameters to generic types must be types.")

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeVar")


class Generic:
    """Abstract base class for generic types: `class Box(Generic[T])`, then `Box[int]`."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, "Parameters to generic types must be types.") for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            if not all(isinstance(p, TypeVar) for p in params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
            return _GenericAlias(cls, params)
        expected = _class_parameters(cls)
        if not expected:
            raise TypeError(f"{cls} is not a generic class")
        if len(params) != len(expected):
            which = "many" if len(params) > len(expected) else "few"
            raise TypeError(f"Too {which} arguments for {cls}; actual {len(params)}, expected {len(expected)}")
        return _GenericAlias(cls, params)


def _class_parameters(cls):
    """The TypeVars of a generic class (`__parameters__`, which Generic.__init_subclass__ sets)."""
    return cls.__dict__.get("__parameters__", ())


def _generic_init_subclass(cls, *args, **kwargs):
    """typing's _generic_init_subclass: a subclass's `__parameters__` are those of its
    `Generic[...]` base, or else every type variable of its subscripted bases, in order."""
    super(Generic, cls).__init_subclass__(*args, **kwargs)
    tvars = []
    if '__orig_bases__' in cls.__dict__:
        error = Generic in cls.__orig_bases__
    else:
        error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol'
                 and type(cls) != _TypedDictMeta)
    if error:
        raise TypeError("Cannot inherit from plain Generic")
    if '__orig_bases__' in cls.__dict__:
        tvars = _collect_type_parameters(cls.__orig_bases__)
        gvars = None
        for base in cls.__orig_bases__:
            if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                if gvars is not None:
                    raise TypeError("Cannot inherit from Generic[...] multiple times.")
                gvars = base.__parameters__
        if gvars is not None:
            tvarset = set(tvars)
            gvarset = set(gvars)
            if not tvarset <= gvarset:
                s_vars = ', '.join(str(t) for t in tvars if t not in gvarset)
                s_args = ', '.join(str(g) for g in gvars)
                raise TypeError(f"Some type variables ({s_vars}) are not listed in Generic[{s_args}]")
            tvars = gvars
    cls.__parameters__ = tuple(tvars)


Generic.__init_subclass__ = classmethod(_generic_init_subclass)


# Protocols (PEP 544), after CPython's _ProtocolMeta, _proto_hook and Protocol: a protocol's
# members are the names its classes define or annotate; a @runtime_checkable protocol answers
# isinstance() by looking each member up statically (inspect.getattr_static) and issubclass() by
# its __subclasshook__ (_proto_hook).
_TYPING_INTERNALS = frozenset({
    '__parameters__', '__orig_bases__', '__orig_class__',
    '_is_protocol', '_is_runtime_protocol', '__protocol_attrs__',
    '__non_callable_proto_members__', '__type_params__',
})

_SPECIAL_NAMES = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__',
    '__subclasshook__', '__weakref__', '__class_getitem__',
    '__match_args__', '__static_attributes__', '__firstlineno__',
})

EXCLUDED_ATTRIBUTES = _TYPING_INTERNALS | _SPECIAL_NAMES | {'_MutableMapping__marker'}


def _get_protocol_attrs(cls):
    """The protocol members: names defined or annotated in cls's MRO, special names skipped."""
    attrs = set()
    for base in cls.__mro__[:-1]:  # without object
        if base.__name__ in {'Protocol', 'Generic'}:
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in (*base.__dict__, *annotations):
            if not attr.startswith('_abc_') and attr not in EXCLUDED_ATTRIBUTES:
                attrs.add(attr)
    return attrs


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    # A concrete subclass: find the real __init__ in the MRO once, and put it in place.
    if cls.__init__ is not _no_init_or_replace_init:
        return
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


def _caller(depth=1, default='__main__'):
    """The module name of the code `depth` frames above the caller (CPython's _caller)."""
    import sys
    try:
        return sys._getframe(depth + 1).f_globals.get('__name__', default)
    except (AttributeError, ValueError):
        pass
    return None


def _allow_reckless_class_checks(depth=2):
    """abc and functools call isinstance()/issubclass() on a whole MRO, protocols included."""
    return _caller(depth) in {'abc', 'functools', None}


_PROTO_ALLOWLIST = {
    'collections.abc': [
        'Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
        'Hashable', 'Sized', 'Container', 'Collection', 'Reversible', 'Buffer',
    ],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
}


def _type_check_issubclass_arg_1(arg):
    if not isinstance(arg, type):
        raise TypeError('issubclass() arg 1 must be a class')


class _ProtocolMeta(ABCMeta):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        if name == "Protocol" and bases == (Generic,):
            pass
        elif Protocol in bases:
            for base in bases:
                if not (
                    base in {object, Generic}
                    or base.__name__ in _PROTO_ALLOWLIST.get(base.__module__, [])
                    or (issubclass(base, Generic) and getattr(base, "_is_protocol", False))
                ):
                    raise TypeError(f"Protocols can only inherit from other protocols, got {base!r}")
        return super().__new__(mcls, name, bases, namespace, **kwargs)

    def __init__(cls, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(cls, "_is_protocol", False):
            cls.__protocol_attrs__ = _get_protocol_attrs(cls)

    def __subclasscheck__(cls, other):
        if cls is Protocol:
            return type.__subclasscheck__(cls, other)
        if getattr(cls, '_is_protocol', False) and not _allow_reckless_class_checks():
            if not getattr(cls, '_is_runtime_protocol', False):
                _type_check_issubclass_arg_1(other)
                raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
            if cls.__non_callable_proto_members__ and cls.__dict__.get("__subclasshook__") is _proto_hook:
                _type_check_issubclass_arg_1(other)
                non_method_attrs = sorted(cls.__non_callable_proto_members__)
                raise TypeError(
                    "Protocols with non-method members don't support issubclass()."
                    f" Non-method members: {str(non_method_attrs)[1:-1]}.")
        return ABCMeta.__subclasscheck__(cls, other)

    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return type.__instancecheck__(cls, instance)
        if not getattr(cls, "_is_protocol", False):
            return ABCMeta.__instancecheck__(cls, instance)  # a concrete subclass of a protocol
        if not getattr(cls, '_is_runtime_protocol', False) and not _allow_reckless_class_checks():
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        if ABCMeta.__instancecheck__(cls, instance):
            return True
        from inspect import getattr_static
        for attr in cls.__protocol_attrs__:
            try:
                val = getattr_static(instance, attr)
            except AttributeError:
                break
            if val is None and attr not in cls.__non_callable_proto_members__:
                break
        else:
            return True
        return False


@classmethod
def _proto_hook(cls, other):
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    for attr in cls.__protocol_attrs__:
        for base in other.__mro__:
            if attr in base.__dict__:
                if base.__dict__[attr] is None:
                    return NotImplemented
                break
            # or annotated, in a sub-protocol
            annotations = getattr(base, '__annotations__', {})
            if (isinstance(annotations, _collections_abc.Mapping) and attr in annotations
                    and issubclass(other, Generic) and getattr(other, '_is_protocol', False)):
                break
        else:
            return NotImplemented
    return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes: `class Closer(Protocol): def close(self): ...`.
    With @runtime_checkable, isinstance() and issubclass() check that the members exist."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        # A protocol, or a concrete subclass of one?
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol, for isinstance() and issubclass()."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
    cls._is_runtime_protocol = True
    # PEP 544: no issubclass() with non-method members (computed here, gh-113320)
    cls.__non_callable_proto_members__ = set()
    for attr in cls.__protocol_attrs__:
        try:
            is_callable = callable(getattr(cls, attr, None))
        except Exception as e:
            raise TypeError(f"Failed to determine whether protocol member {attr!r} is a method member") from e
        else:
            if not is_callable:
                cls.__non_callable_proto_members__.add(attr)
    return cls


def is_protocol(tp, /):
    """Whether tp is a Protocol class (Protocol itself excluded)."""
    return isinstance(tp, type) and getattr(tp, '_is_protocol', False) and tp != Protocol


def get_protocol_members(tp, /):
    """The frozenset of a Protocol's members."""
    if not is_protocol(tp):
        raise TypeError(f'{tp!r} is not a Protocol')
    return frozenset(tp.__protocol_attrs__)


# The one-method protocols CPython defines (typing's SupportsInt ... SupportsRound).
@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""
    __slots__ = ()

    @abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""
    __slots__ = ()

    @abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""
    __slots__ = ()

    @abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""
    __slots__ = ()

    @abstractmethod
    def __index__(self) -> int:
        pass


_T = TypeVar("T", infer_variance=True)  # CPython writes `class SupportsAbs[T](Protocol)`


@runtime_checkable
class SupportsAbs(Protocol[_T]):
    """An ABC with one abstract method __abs__ that is covariant in its return type."""
    __slots__ = ()

    @abstractmethod
    def __abs__(self) -> _T:
        pass


@runtime_checkable
class SupportsRound(Protocol[_T]):
    """An ABC with one abstract method __round__ that is covariant in its return type."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0) -> _T:
        pass


class Annotated:
    """`Annotated[int, 'metadata']`."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
        return _AnnotatedAlias(_type_check(params[0], "Annotated[t, ...]: t must be a type."), params[1:])


class _AnnotatedAlias(_GenericAlias):

    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,), name="Annotated")
        self.__metadata__ = tuple(metadata)

    def __repr__(self):
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {', '.join(repr(a) for a in self.__metadata__)}]"

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def assert_type(val, typ, /):
    return val


def reveal_type(obj, /):
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def get_origin(tp):
    """`get_origin(List[int])` is `list`; None for what is not an alias."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, type(list[int]))):
        if isinstance(tp, _UnionGenericAlias):
            return Union
        return tp.__origin__
    if tp is Generic:
        return Generic
    if type(tp) is type(int | str):
        return type(int | str)
    return None


def get_args(tp):
    """`get_args(Dict[str, int])` is `(str, int)`; `()` for what is not an alias."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, type(list[int]))):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and res[0] is not ...:
            res = (list(res[:-1]), res[-1])
        return res
    if type(tp) is type(int | str):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a function, class or module, string annotations evaluated."""
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            base_globals = globalns if globalns is not None else {}
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, dict(vars(base)) if localns is None else localns)
        return hints
    ann = getattr(obj, "__annotations__", None)
    if ann is None:
        raise TypeError(f"{obj!r} is not a module, class, method, or function.")
    if globalns is None:
        globalns = getattr(obj, "__globals__", {})
    return {name: _eval_hint(value, globalns, localns) for name, value in ann.items()}


def _eval_hint(value, globalns, localns):
    if value is None:
        return type(None)
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return eval(value.__forward_arg__, globalns, localns)
    return value


class NewType:
    """`UserId = NewType('UserId', int)`: calling it returns its argument."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if "." in name:
            name = name.rpartition(".")[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of NewType. Perhaps you were looking for: `{self.__name__} = NewType({self.__name__!r}, {self.__name__})`")


# NamedTuple, after CPython's typing.py: the class syntax goes through a metaclass that makes
# a collections.namedtuple and copies the class body's other attributes onto it.

def _make_nmtuple(name, types, module, defaults=()):
    import collections
    fields = [n for n, t in types]
    types = {n: _type_check(t, f"field {n} annotation must be a type") for n, t in types}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = nm_tpl.__new__.__annotations__ = types
    return nm_tpl


# attributes prohibited to set in NamedTuple class syntax
_prohibited = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__",
                         "_fields", "_field_defaults",
                         "_make", "_replace", "_asdict", "_source"})

_special = frozenset({"__module__", "__name__", "__annotations__"})


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        assert _NamedTuple in bases
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError("can only inherit from a NamedTuple type and Generic")
        if Generic in bases:
            raise TypeError("a generic NamedTuple (NamedTuple and Generic) is not supported by ctxlab")
        types = ns.get("__annotations__", {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(), defaults=[ns[n] for n in default_names],
                               module=ns["__module__"])
        # update from user namespace without overriding special namedtuple attributes
        for key, val in ns.items():
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special:
                if key not in nm_tpl._fields:
                    setattr(nm_tpl, key, val)
                try:
                    set_name = type(val).__set_name__
                except AttributeError:
                    pass
                else:
                    set_name(val, nm_tpl, key)
        return nm_tpl


def NamedTuple(typename, fields=_NOT_GIVEN, /, **kwargs):
    """Typed version of namedtuple.

    Usage::

        class Employee(NamedTuple):
            name: str
            id: int

    This is equivalent to::

        Employee = collections.namedtuple('Employee', ['name', 'id'])

    The resulting class has an extra __annotations__ attribute, giving a
    dict that maps field names to types.  (The field names are also in
    the _fields attribute, which is part of the namedtuple API.)
    An alternative equivalent functional syntax is also accepted::

        Employee = NamedTuple('Employee', [('name', str), ('id', int)])
    """
    if fields is _NOT_GIVEN or fields is None:
        if fields is None and kwargs:
            raise TypeError("Cannot pass `None` as the 'fields' parameter "
                            "and also specify fields using keyword arguments")
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    nt = _make_nmtuple(typename, fields, module=_caller())
    nt.__orig_bases__ = (NamedTuple,)
    return nt


_NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {})


def _namedtuple_mro_entries(bases):
    assert NamedTuple in bases
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# TypedDict, after CPython's _TypedDictMeta: a dict subclass whose instances are plain dicts.

def _get_typeddict_qualifiers(annotation_type):
    while True:
        if isinstance(annotation_type, _AnnotatedAlias):
            annotation_type = annotation_type.__origin__
        origin = getattr(annotation_type, "__origin__", None)
        if origin is Required:
            yield Required
            annotation_type, = annotation_type.__args__
        elif origin is NotRequired:
            yield NotRequired
            annotation_type, = annotation_type.__args__
        elif origin is ReadOnly:
            yield ReadOnly
            annotation_type, = annotation_type.__args__
        else:
            break


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError("cannot inherit from both a TypedDict type "
                                "and a non-TypedDict base class")
        if any(issubclass(b, Generic) for b in bases):
            raise TypeError("a generic TypedDict is not supported by ctxlab")
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        if not hasattr(tp_dict, "__orig_bases__"):
            tp_dict.__orig_bases__ = bases
        annotations = {}
        own_annotations = ns.get("__annotations__", {})
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own_annotations = {n: _type_check(tp, msg) for n, tp in own_annotations.items()}
        required_keys = set()
        optional_keys = set()
        readonly_keys = set()
        mutable_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get("__annotations__", {}))
            base_required = base.__dict__.get("__required_keys__", set())
            required_keys |= base_required
            optional_keys -= base_required
            base_optional = base.__dict__.get("__optional_keys__", set())
            required_keys -= base_optional
            optional_keys |= base_optional
            readonly_keys.update(base.__dict__.get("__readonly_keys__", ()))
            mutable_keys.update(base.__dict__.get("__mutable_keys__", ()))
        annotations.update(own_annotations)
        for annotation_key, annotation_type in own_annotations.items():
            qualifiers = set(_get_typeddict_qualifiers(annotation_type))
            if Required in qualifiers:
                is_required = True
            elif NotRequired in qualifiers:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(annotation_key)
                optional_keys.discard(annotation_key)
            else:
                optional_keys.add(annotation_key)
                required_keys.discard(annotation_key)
            if ReadOnly in qualifiers:
                if annotation_key in mutable_keys:
                    raise TypeError(f"Cannot override mutable key {annotation_key!r} with read-only key")
                readonly_keys.add(annotation_key)
            else:
                mutable_keys.add(annotation_key)
                readonly_keys.discard(annotation_key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        tp_dict.__readonly_keys__ = frozenset(readonly_keys)
        tp_dict.__mutable_keys__ = frozenset(mutable_keys)
        tp_dict.__total__ = total
        return tp_dict

    __call__ = dict  # static method

    def __subclasscheck__(cls, other):
        # Typed dicts are only for static structural subtyping.
        raise TypeError("TypedDict does not support instance and class checks")

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=_NOT_GIVEN, /, *, total=True):
    """A simple typed namespace. At runtime it is equivalent to a plain dict."""
    if fields is _NOT_GIVEN or fields is None:
        fields = {}
    ns = {"__annotations__": dict(fields)}
    module = _caller()
    if module is not None:
        ns["__module__"] = module
    td = _TypedDictMeta(typename, (), ns, total=total)
    td.__orig_bases__ = (TypedDict,)
    return td


_TypedDict = type.__new__(_TypedDictMeta, "TypedDict", (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


# PEP 695: what `def f[T]`, `class C[T]` and `type X = v` make (Parser+TypeParams.swift).

def _type_param(name, kind, bound, is_constraints, default):
    """A type parameter of an annotation scope: a TypeVar whose variance is inferred, its bound
    (or constraints) and default evaluated on first use."""
    tv = TypeVar(name, infer_variance=True)
    lazy = {}
    if bound is not None:
        lazy["__constraints__" if is_constraints else "__bound__"] = bound
        del tv.__dict__["__constraints__" if is_constraints else "__bound__"]
    if default is not None:
        lazy["__default__"] = default
        del tv.__dict__["__default__"]
    if lazy:
        tv._lazy = lazy
    return tv


def _generic_base(*params):
    return Generic[params]


class TypeAliasType:
    """Type alias: `type X = int`, or `TypeAliasType("X", int)`."""

    def __init__(self, name, value, *, type_params=()):
        if not isinstance(name, str):
            raise TypeError(f"TypeAliasType.__init__() argument 'name' must be str, not {type(name).__name__}")
        if not isinstance(type_params, tuple):
            raise TypeError("type_params must be a tuple")
        self.__name__ = name
        self.__qualname__ = name
        self.__type_params__ = type_params
        self.__parameters__ = type_params
        self._evaluate = None
        self._value = value
        self.__module__ = _caller()

    @property
    def __value__(self):
        if self._evaluate is not None:
            self._value = self._evaluate()
            self._evaluate = None
        return self._value

    def __repr__(self):
        return self.__name__

    def __getitem__(self, parameters):
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        import types
        return types.GenericAlias(self, parameters)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeAliasType")

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("type 'typing.TypeAliasType' is not an acceptable base type")

    def __reduce__(self):
        return self.__name__


def _type_alias(name, type_params, evaluate, module):
    alias = TypeAliasType(name, None, type_params=type_params or ())
    alias._evaluate = evaluate
    alias.__module__ = module
    return alias
