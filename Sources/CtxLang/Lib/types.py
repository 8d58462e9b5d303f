"""
Define names for built-in types that aren't directly accessible as a builtin.
"""
# ctxlab's types: follows CPython 3.14's Lib/types.py (each type is the type of an object that
# has it), written for ctxlab; SimpleNamespace is CPython's C type (Objects/namespaceobject.c)
# as a Python class with its repr, equality and argument errors, and so is mappingproxy
# (Objects/descrobject.c), a read-only view of a mapping. Not here: CellType,
# FrameType, the descriptor types, NotImplementedType, CapsuleType, new_class, resolve_bases, prepare_class, get_original_bases,
# DynamicClassAttribute, coroutine. ctxlab cannot create functions, methods or modules by
# calling their types.

import sys


def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)         # Same as FunctionType
CodeType = type(_f.__code__)
GetSetDescriptorType = type(FunctionType.__dict__['__code__'])        # CPython: FunctionType.__code__
MemberDescriptorType = type(FunctionType.__dict__['__globals__'])     # CPython: FunctionType.__globals__


def _g():
    yield 1
GeneratorType = type(_g())


async def _c(): pass
_c = _c()
CoroutineType = type(_c)
_c.close()  # Prevent ResourceWarning


async def _ag():
    yield
_ag = _ag()
AsyncGeneratorType = type(_ag)


class _C:
    def _m(self): pass
MethodType = type(_C()._m)

GenericAlias = type(list[int])
UnionType = type(int | str)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)     # Same as BuiltinFunctionType

ModuleType = type(sys)

try:
    raise TypeError
except TypeError as exc:
    TracebackType = type(exc.__traceback__)

EllipsisType = type(Ellipsis)
NoneType = type(None)

del sys, _f, _g, _C, _c, _ag


class SimpleNamespace:
    """A simple attribute-based namespace."""

    __hash__ = None

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f"SimpleNamespace expected at most 1 argument, got {len(args)}")
        if args:
            items = dict(args[0])
            for key in items:
                if not isinstance(key, str):
                    raise TypeError("keywords must be strings")
            self.__dict__.update(items)
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        if any(entry is self for entry in _repr_running):  # Py_ReprEnter: a cycle
            return f"{name}(...)"
        _repr_running.append(self)
        try:
            pairs = [f"{key}={value!r}" for key, value in self.__dict__.items()]
        finally:
            _repr_running.pop()
        return f"{name}({', '.join(pairs)})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __replace__(self, *args, **kwargs):
        if args:
            raise TypeError("__replace__() takes no positional arguments")
        result = type(self)()
        result.__dict__.update(self.__dict__)
        result.__dict__.update(kwargs)
        return result



_repr_running = []


class MappingProxyType:
    """Read-only proxy of a mapping (Objects/descrobject.c's mappingproxy)."""
    __module__ = "builtins"
    __qualname__ = "mappingproxy"
    __slots__ = ("_mapping",)

    def __new__(cls, mapping):
        if not hasattr(mapping, "keys") or not hasattr(mapping, "__getitem__") or isinstance(mapping, (list, tuple)):
            raise TypeError("mappingproxy() argument must be a mapping, not %s" % type(mapping).__name__)
        self = object.__new__(cls)
        object.__setattr__(self, "_mapping", mapping)
        return self

    def __getitem__(self, key):
        return self._mapping[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute %r and no __dict__ for setting new attributes" % name)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __or__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return "mappingproxy(%r)" % (self._mapping,)

    def __str__(self):
        return str(self._mapping)

    __hash__ = None
