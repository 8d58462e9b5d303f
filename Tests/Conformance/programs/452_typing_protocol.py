# typing.Protocol (PEP 544) as CPython's _ProtocolMeta and _proto_hook check it: structural
# isinstance()/issubclass() for @runtime_checkable protocols, members defined or annotated,
# members assigned in __init__, None blocking a member, the errors of non-runtime protocols,
# non-method members under issubclass, instantiation, inheritance, and the Supports* protocols.
from contextvars import ContextVar
from typing import (Protocol, runtime_checkable, TypeVar, Generic, SupportsInt, SupportsIndex,
                    SupportsFloat, SupportsAbs, SupportsRound, is_protocol, get_protocol_members)
import typing

def t(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...

class File:
    def close(self):
        return "closed"

class NotAFile:
    pass

print(isinstance(File(), Closer), isinstance(NotAFile(), Closer), isinstance(1, Closer))
print(issubclass(File, Closer), issubclass(NotAFile, Closer), issubclass(int, Closer))
t(lambda: issubclass(1, Closer))

# A span exporter interface, as a tracing library writes it: data and method members.
@runtime_checkable
class Span(Protocol):
    name: str
    def end(self) -> None: ...

class RealSpan:
    def __init__(self, name):
        self.name = name
    def end(self):
        pass

class Anonymous:
    def end(self):
        pass

print(isinstance(RealSpan("db"), Span), isinstance(Anonymous(), Span))
t(lambda: issubclass(RealSpan, Span))
print(sorted(get_protocol_members(Span)), is_protocol(Span), is_protocol(RealSpan), is_protocol(Protocol))
t(lambda: get_protocol_members(RealSpan))
print(Span.__non_callable_proto_members__, sorted(Span.__protocol_attrs__))

# A member set to None says "not supported", as __hash__ = None does.
@runtime_checkable
class HasHash(Protocol):
    def __hash__(self): ...

class Unhashable:
    __hash__ = None

print(isinstance(Unhashable(), HasHash), isinstance(1, HasHash), issubclass(Unhashable, HasHash))

# Not @runtime_checkable: isinstance and issubclass refuse.
class Greeter(Protocol):
    def greet(self) -> str: ...

t(lambda: isinstance(File(), Greeter))
t(lambda: issubclass(File, Greeter))
t(lambda: Greeter())
t(lambda: Closer())
t(lambda: runtime_checkable(File))

# A concrete subclass of a protocol is an ordinary class.
class English(Greeter):
    def __init__(self, who):
        self.who = who
    def greet(self):
        return f"hello {self.who}"

class Plain(Greeter):
    def greet(self):
        return "hi"

print(English("ann").greet(), Plain().greet(), isinstance(Plain(), Greeter) if False else "skip")
print(English._is_protocol, Greeter._is_protocol, Closer._is_runtime_protocol, Greeter._is_runtime_protocol)
print(isinstance(English("x"), English))
t(lambda: issubclass(English, Greeter))

# Protocols inherit only from protocols.
class Base:
    pass

t(lambda: type("Bad", (Base, Protocol), {}))

@runtime_checkable
class SizedCloser(Closer, Protocol):
    def __len__(self) -> int: ...

class Box:
    def close(self): pass
    def __len__(self): return 0

print(isinstance(Box(), SizedCloser), isinstance(File(), SizedCloser), sorted(SizedCloser.__protocol_attrs__))
print(SizedCloser.__mro__ == (SizedCloser, Closer, Protocol, Generic, object))

# Generic protocols.
T = TypeVar("T")

@runtime_checkable
class Source(Protocol[T]):
    def read(self) -> T: ...

class IntSource:
    def read(self):
        return 1

print(isinstance(IntSource(), Source), Source.__parameters__, Source[int])
print(Source.__bases__, Source.__mro__[1:])

# The Supports* protocols.
class Money:
    def __int__(self): return 5
    def __abs__(self): return self

print(isinstance(3, SupportsInt), isinstance("3", SupportsInt), isinstance(Money(), SupportsInt))
print(isinstance(3, SupportsIndex), isinstance(3.5, SupportsIndex), isinstance(3.5, SupportsFloat))
print(isinstance(Money(), SupportsAbs), issubclass(float, SupportsRound), SupportsAbs.__parameters__)
print(get_protocol_members(SupportsInt), typing.SupportsInt.__module__)

# A protocol used as a type for the value of a ContextVar; isinstance picks the sink.
@runtime_checkable
class Sink(Protocol):
    def write(self, text: str) -> None: ...

class ListSink:
    def __init__(self):
        self.lines = []
    def write(self, text):
        self.lines.append(text)

current_sink = ContextVar("current_sink", default=None)
sink = ListSink()
token = current_sink.set(sink)
s = current_sink.get()
if isinstance(s, Sink):
    s.write("first")
print(sink.lines, isinstance(current_sink, Sink))
current_sink.reset(token)

# Attributes that exist only on the instance count; class attributes of the metaclass too.
@runtime_checkable
class Named(Protocol):
    __name__: str

print(isinstance(File, Named), isinstance(File(), Named), isinstance(print, Named))
