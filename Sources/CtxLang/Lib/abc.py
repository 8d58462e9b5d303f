"""Abstract base classes (PEP 3119), for ctxlab.

Follows CPython's Lib/abc.py and the algorithms of Modules/_abc.c (the pure-Python twin is
Lib/_py_abc.py): ABCMeta computes __abstractmethods__ when it makes a class, and answers
isinstance()/issubclass() from a class's __subclasshook__, its MRO, the registry and its
subclasses, with a positive and a negative cache invalidated by register(). Written for ctxlab;
no CPython code is copied. ctxlab has no weak references: the registry and caches hold their
classes strongly (CPython's hold them weakly).

object.__new__ refuses a class whose __abstractmethods__ is not empty, with CPython's message.
"""


from _abc import _init_collection_flags, _register_collection_flags


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


# The deprecated decorators: classes derived from classmethod, staticmethod and property in
# CPython; ctxlab's descriptors cannot be subclassed, so these mark the callable and wrap it.
def abstractclassmethod(callable):
    """Deprecated: use 'classmethod' with 'abstractmethod' instead."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated: use 'staticmethod' with 'abstractmethod' instead."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated: use 'property' with 'abstractmethod' instead."""
    fget.__isabstractmethod__ = True
    return property(fget, fset)


class _abc_data:
    """The state _abc.c keeps per ABC (`_abc_impl`): registry, caches, cache version."""
    __module__ = "_abc"
    __slots__ = ("registry", "cache", "negative_cache", "negative_cache_version")

    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = _invalidation_counter[0]


# _abc.c's abc_invalidation_counter: bumped by every register().
_invalidation_counter = [0]


def get_cache_token():
    """The current ABC cache token: it changes with every call to register() on any ABC."""
    return _invalidation_counter[0]


def _compute_abstract_methods(cls):
    """_abc.c compute_abstract_methods: the names whose value is abstract, the class's own and
    the inherited ones it does not implement."""
    abstracts = set()
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)


def _abc_init(cls):
    _compute_abstract_methods(cls)
    # collections.abc's Sequence and Mapping: what match statements' patterns accept.
    _init_collection_flags(cls)
    cls._abc_impl = _abc_data()


def _abc_register(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if issubclass(subclass, cls):
        return subclass  # already a subclass
    if issubclass(cls, subclass):
        # This would create a cycle, which is bad for the algorithm below.
        raise RuntimeError("Refusing to create an inheritance cycle")
    cls._abc_impl.registry.add(subclass)
    _invalidation_counter[0] += 1
    _register_collection_flags(cls, subclass)
    return subclass


def _abc_instancecheck(cls, instance):
    impl = cls._abc_impl
    subclass = instance.__class__
    if subclass in impl.cache:
        return True
    subtype = type(instance)
    if subtype is subclass:
        if impl.negative_cache_version == _invalidation_counter[0] and subclass in impl.negative_cache:
            return False
        return cls.__subclasscheck__(subclass)
    return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)


def _abc_subclasscheck(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError("issubclass() arg 1 must be a class")
    impl = cls._abc_impl
    if subclass in impl.cache:
        return True
    if impl.negative_cache_version < _invalidation_counter[0]:
        impl.negative_cache = set()
        impl.negative_cache_version = _invalidation_counter[0]
    elif subclass in impl.negative_cache:
        return False
    ok = cls.__subclasshook__(subclass)
    if ok is not NotImplemented:
        if not isinstance(ok, bool):
            raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
        if ok:
            impl.cache.add(subclass)
        else:
            impl.negative_cache.add(subclass)
        return ok
    if cls in getattr(subclass, "__mro__", ()):
        impl.cache.add(subclass)
        return True
    for rcls in impl.registry:
        if issubclass(subclass, rcls):
            impl.cache.add(subclass)
            return True
    for scls in cls.__subclasses__():
        if issubclass(subclass, scls):
            impl.cache.add(subclass)
            return True
    impl.negative_cache.add(subclass)
    return False


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _abc_init(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC. Returns the subclass, to allow usage as a
        class decorator."""
        return _abc_register(cls, subclass)

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        return _abc_instancecheck(cls, instance)

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        return _abc_subclasscheck(cls, subclass)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class (after methods were added
    to it, as dataclasses do)."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    _compute_abstract_methods(cls)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""
    __slots__ = ()
