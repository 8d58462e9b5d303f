# typing (Lib/typing.py, 3.13's reprs): special forms, generic aliases with substitution, TypeVar,
# Generic and Protocol classes, Union/Optional, Callable, Literal, Annotated, NewType, cast,
# overload, get_origin/get_args, and the TypeErrors a program can meet.
import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, Callable, TypeVar, Generic, Protocol,
                    Iterable, Awaitable, Coroutine, AsyncIterator, Literal, ClassVar, Final, cast, overload,
                    get_origin, get_args, NewType, Annotated, Type, FrozenSet, Mapping)
from contextvars import ContextVar
T = TypeVar("T")
K = TypeVar("K", bound=str)
V_co = TypeVar("V_co", covariant=True)
print(T, K, V_co, T.__name__, K.__bound__)
print(Optional[int], Union[int, str], Union[int, None], Union[int], Union[int, Union[str, float]], Optional[Union[int, str]])
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Tuple[int, str], Set[T], FrozenSet[int], Type[int])
print(Callable[[int, str], bool], Callable[..., T], Callable[[], None], Iterable[int], Awaitable[str], Coroutine[Any, Any, int])
print(AsyncIterator[bytes], Mapping[str, Any], Literal["a", 1], ClassVar[int], Final[str], Annotated[int, "meta"])
print(Dict[str, T][int], List[T][str], Optional[T][int])
print(Union[int, str] == Union[str, int], Optional[int] == Union[None, int], List[int] == List[int], hash(List[int]) == hash(List[int]))
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]), get_origin(int), get_args(Callable[[int], str]))
print(cast(int, "x"), typing.TYPE_CHECKING, isinstance(3, Optional[int]), isinstance("s", Union[int, str]))
class Box(Generic[T]):
    def __init__(self, v: T) -> None:
        self.v = v
    def get(self) -> T:
        return self.v
print(Box[int], Box[int](3).v, Box.__mro__[1:], Box[int](3).__orig_class__)
class Pair(Generic[K, T]):
    pass
print(Pair[str, int])
class Sized2(Protocol):
    def size(self) -> int: ...
print(Sized2.__mro__[1:] == (Protocol, Generic, object))
UserId = NewType("UserId", int)
print(UserId, UserId(5), UserId.__supertype__)
rid: ContextVar[Optional[str]] = ContextVar("rid", default=None)
print(__annotations__)
for bad in [lambda: isinstance(3, Any), lambda: Any(), lambda: List[int, str], lambda: isinstance([], List[int]),
            lambda: Box[int, str], lambda: Generic[int], lambda: Union[()], lambda: Callable[int]]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
@overload
def f(x: int) -> int: ...
def f(x): return x
print(f(2), isinstance([], List), isinstance({}, Dict))
print(T | None, int | T, Optional[str] | int, List[int] | None)
