"""Helpers for copy (and, in CPython, pickle): what object.__reduce_ex__ names to rebuild an
object. ctxlab's copyreg follows Lib/copyreg.py for the part copy needs; there is no pickle."""

__all__ = ["__newobj__", "__newobj_ex__"]


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)
