"""
Define names for built-in types that aren't directly accessible as a builtin.
"""
# ctxlab's types: follows CPython 3.14's Lib/types.py (each type is the type of an object that
# has it), written for ctxlab; SimpleNamespace is CPython's C type (Objects/namespaceobject.c)
# as a Python class with its repr, equality and argument errors. Not here: CodeType, CellType,
# FrameType, MappingProxyType, the descriptor types, NotImplementedType, CapsuleType, new_class, resolve_bases, prepare_class, get_original_bases,
# DynamicClassAttribute, coroutine. ctxlab cannot create functions, methods or modules by
# calling their types.

import sys


def _f(): pass
FunctionType = type(_f)
LambdaType = type(lambda: None)         # Same as FunctionType


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
