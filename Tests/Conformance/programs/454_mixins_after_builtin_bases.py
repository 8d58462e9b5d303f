# A mixin after a built-in base answers what the built-in type does not define
# (class ConvertingDict(dict, ConvertingMixin)); a tuple subclass's own __getitem__; assigning a
# class's __module__ and __qualname__; __import__ and its errors; ModuleNotFoundError of a
# submodule of a package ctxlab provides.
class Mixin:
    def convert(self, v):
        return f"<{v}>"

    def keys(self):
        return "Mixin.keys"  # dict defines keys: dict's wins


class CDict(dict, Mixin):
    def __getitem__(self, key):
        return self.convert(dict.__getitem__(self, key))


class CList(list, Mixin):
    def __getitem__(self, i):
        return self.convert(list.__getitem__(self, i))


class CTuple(tuple, Mixin):
    def __getitem__(self, i):
        return self.convert(tuple.__getitem__(self, i))


d = CDict(a=1)
print(d["a"], d.get("a"), list(d.keys()), d.convert(2), CDict.__mro__)
lst = CList([1, 2])
print(lst[0], lst[-1], list(lst), len(lst))
t = CTuple((1, 2, 3))
print(t[0], t[1:], list(t), len(t), t == (1, 2, 3), tuple(t), a if (a := t[2]) else None)
x, y, z = t
print(x, y, z, [v for v in t], 2 in t)

class Named:
    pass

Named.__module__ = "service.models"
Named.__qualname__ = "Outer.Named"
print(Named, Named.__module__, Named.__qualname__, Named.__name__, repr(Named()).split(" object")[0])
try:
    Named.__qualname__ = 3
except TypeError as e:
    print(e)

print(__import__("json").__name__, __import__("collections.abc").__name__,
      __import__("collections.abc", fromlist=["Mapping"]).__name__)
for args in [(1,), ("",), ("json", None, None, (), -1), ("json", None, None, (), 1)]:
    try:
        __import__(*args)
    except (TypeError, ValueError, ImportError) as e:
        print(type(e).__name__, e)
try:
    import json.nothing_here
except ModuleNotFoundError as e:
    print(e)
