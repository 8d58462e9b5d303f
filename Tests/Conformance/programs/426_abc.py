# abc (issue 16): ABCMeta and ABC after Lib/abc.py and Modules/_abc.c — abstract methods, properties and
# classmethods, "Can't instantiate abstract class", register, __subclasshook__, the caches, an abstract
# backend held in a ContextVar.
from abc import ABC, ABCMeta, abstractmethod, get_cache_token
import abc
import contextvars

current_backend = contextvars.ContextVar("current_backend")

class Backend(ABC):
    @abstractmethod
    def send(self, msg): ...
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def create(cls): ...
    def describe(self):
        return f"{self.name} backend"

print(list(Backend.__dict__))
print(sorted(Backend.__abstractmethods__), type(Backend), type(ABC), ABC.__slots__)
try:
    Backend()
except TypeError as e:
    print(e)

class Partial(Backend):
    def send(self, msg): return msg
try:
    Partial()
except TypeError as e:
    print(e)

class Memory(Partial):
    name = "memory"
    @classmethod
    def create(cls): return cls()
m = Memory.create()
print(m.describe(), isinstance(m, Backend), issubclass(Memory, Backend), Memory.__abstractmethods__)
token = current_backend.set(m)
print(current_backend.get().send("hi"))
current_backend.reset(token)

class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented
print(isinstance([], Sized), isinstance(1, Sized), issubclass(dict, Sized))

class Plugin(ABC): pass
t0 = get_cache_token()
@Plugin.register
class Ext: pass
print(issubclass(Ext, Plugin), isinstance(Ext(), Plugin), get_cache_token() - t0, Plugin.register(Ext) is Ext)
class Sub(Plugin): pass
print(issubclass(Sub, Plugin), issubclass(int, Plugin), Plugin.__subclasses__())
try:
    Plugin.register(1)
except TypeError as e:
    print(e)
try:
    Ext.register
except AttributeError as e:
    print(e)
try:
    Sub.register(Plugin)
except RuntimeError as e:
    print(e)
print(isinstance(Ext(), (int, Plugin)), Backend.__subclasses__())
class WithInit(ABC):
    def __init__(self, x):
        self.x = x
print(WithInit(3).x, repr(ABC), repr(ABCMeta))
print(abc.update_abstractmethods(Memory) is Memory)
class Other(type): pass
try:
    class Conflict(Plugin, metaclass=Other): pass
except TypeError as e:
    print(e)
print(issubclass(bool, int), isinstance(True, (str, int)))
