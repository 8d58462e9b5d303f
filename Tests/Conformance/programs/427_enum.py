# enum (issue 16), after Lib/enum.py: EnumType and EnumDict, members, aliases, auto(), Flag and composite
# members, unique, the functional API, _missing_, _order_, _ignore_, enum.property redirects, the
# errors; levels and feature flags in ContextVars across tasks.
import enum
from enum import Enum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name}={self.value}"
    @property
    def lower(self):
        return self.name.lower()
    @classmethod
    def default(cls):
        return cls.RED
print(Color.RED, repr(Color.GREEN), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, 2 in Color, 7 in Color)
print(Color.RED.describe(), Color.GREEN.lower, Color.default(), Color.__members__)
print(type(Color), Color, type(Color.RED), isinstance(Color.RED, Color), isinstance(Color.RED, Enum))
print(f"{Color.RED}", format(Color.BLUE, ">12"), str(Color.RED), hash(Color.RED) == hash("RED"))
try:
    Color(9)
except ValueError as e:
    print(e)
try:
    Color["PINK"]
except KeyError as e:
    print(repr(e))
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
class Status(Enum):
    PENDING = auto()
    DONE = auto()
print(list(Status), Status.DONE.value)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(Perm(0)), repr(Perm(0)), ~Perm.R)
print(repr(Perm(7)), Perm, list(Perm))
try:
    Perm(8)
except ValueError as e:
    print(e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal.__module__)
try:
    class More(Color):
        PINK = 4
except TypeError as e:
    print(e)
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e:
    print(e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
class Shape(Enum):
    SQUARE = 2
    @classmethod
    def _missing_(cls, value):
        if value == "sq":
            return cls.SQUARE
print(Shape("sq"), list(reversed(Color)))
import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.RED])[0] is Color.RED)
d = {Color.RED: "r"}
print(d[Color.CRIMSON], sorted(Color, key=lambda c: c.value), Color.RED == Color.RED, Color.RED != Color.GREEN)
print(dir(Color))
class Auto2(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    A = auto()
    B = auto()
print(list(Auto2), enum.STRICT, Perm._boundary_)

import asyncio, contextvars


class Level(Enum):
    DEBUG = 10
    INFO = 20
    WARNING = 30
    def __str__(self):
        return self.name.lower()
    def __lt__(self, other):
        return self.value < other.value

class Feature(Flag):
    TRACING = auto()
    METRICS = auto()
    LOGS = auto()
    ALL = TRACING | METRICS | LOGS

level = contextvars.ContextVar("level", default=Level.INFO)
features = contextvars.ContextVar("features", default=Feature(0))

async def handler(name, lvl, feats):
    level.set(lvl)
    features.set(feats)
    await asyncio.sleep(0)
    print(f"{name}: level={level.get()} features={features.get()!r} tracing={Feature.TRACING in features.get()}")

async def main():
    await asyncio.gather(
        handler("a", Level.DEBUG, Feature.TRACING | Feature.LOGS),
        handler("b", Level.WARNING, Feature.ALL),
        asyncio.create_task(handler("c", Level.INFO, Feature(0))),
    )
    print("main:", level.get(), repr(features.get()), sorted([Level.WARNING, Level.DEBUG]))

asyncio.run(main())
print(list(Feature), Feature.ALL, len(Feature.ALL), Feature.ALL.value, ~Feature.TRACING)
print(Level.DEBUG < Level.INFO, max(Level), str(Level.INFO), repr(Level.INFO), f"{Level.WARNING}")
print(Level._member_names_, Level._value2member_map_[20])
print(hasattr(Level, "_flag_mask_"), Feature._flag_mask_, Feature._all_bits_)
Shade = Enum("Shade", [("LIGHT", 1), ("DARK", 2)])
print(Shade.DARK, Shade(1), Enum("Empty", names=()), list(Enum("E2", {"X": "x"})))
try:
    Level.DEBUG.name = "x"
except AttributeError as e:
    print(e)
try:
    del Level.DEBUG
except AttributeError as e:
    print(e)
print(Level.__members__.keys(), type(Level.__members__))
try:
    Enum("NoMembers")
except TypeError as e:
    print(e)
class Ordered(Enum):
    _order_ = "A B"
    A = 1
    B = 2
try:
    class Wrong(Enum):
        _order_ = "B A"
        A = 1
        B = 2
except TypeError as e:
    print(e)
try:
    class Sunder(Enum):
        _x_ = 1
except ValueError as e:
    print(e)
class WithIgnore(Enum):
    _ignore_ = "tmp"
    tmp = 5
    A = 1
print(list(WithIgnore), Level.DEBUG.__class__, isinstance(Level, enum.EnumMeta))
print(enum.unique(Level) is Level, enum.nonmember(3).value, Feature(3))
class Field(Enum):
    name = 1
    value = 2
    count = 3
print(Field.name, Field.value, Field.name.name, Field.value.value, Field.count, list(Field), Field["name"])
try:
    Level.DEBUG.value = 3
except AttributeError as e:
    print(e)
