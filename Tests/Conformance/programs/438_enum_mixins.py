# enum data-type mixins: IntEnum, StrEnum, IntFlag, ReprEnum, `class Mode(str, Enum)`
# (EnumType._find_data_type_, the ReprEnum __str__/__format__ of the data type).
import enum
from enum import Enum, IntEnum, StrEnum, IntFlag, auto
class Color(IntEnum):
    RED = 1
    GREEN = 2
print(Color.RED + 1, Color.RED, repr(Color.RED), f"{Color.GREEN}", str(Color.RED), Color(2), Color.RED == 1, Color.RED < Color.GREEN)
print(isinstance(Color.RED, int), Color.RED.value, Color.RED.name, [1, 2, 3][Color.RED], {1: "one"}[Color.RED], hash(Color.RED) == hash(1), list(Color), sorted([Color.GREEN, Color.RED]))
class Mode(str, Enum):
    A = "a"
    B = "b"
print(Mode.A == "a", Mode.A.value, repr(Mode.A), str(Mode.A), f"{Mode.A}", Mode("b"), {"a": 1}[Mode.A], Mode.A.upper(), Mode.A + "!", len(Mode.A))
class Status(StrEnum):
    OK = auto()
    FAILED = "failed"
print(Status.OK, repr(Status.OK), f"{Status.FAILED:>8}|", Status.OK == "ok", Status("ok"), Status.OK.upper(), list(Status))
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, int(rw), rw | 1, repr(rw | 1), Perm(7), ~Perm.R, bool(Perm(0)), list(rw), rw & 4)
import json
print(json.dumps({"status": Status.OK, "c": Color.RED, "m": Mode.A}))
class HTTP(IntEnum):
    OK = 200
    NOT_FOUND = 404
    def describe(self): return f"{self.name}:{self.value}"
print(HTTP(404).describe(), HTTP.OK * 2, HTTP.NOT_FOUND // 100, max(HTTP), HTTP.OK.__class__.__name__, type(HTTP.OK + 0).__name__)
import contextvars
level = contextvars.ContextVar("level", default=Color.RED)
print(level.get(), repr(level.get()), level.name)
try: Color(5)
except ValueError as e: print(e)
try: Status(1)
except (TypeError, ValueError) as e: print(type(e).__name__, e)
