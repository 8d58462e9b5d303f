# except* (PEP 654): groups split across clauses, naked exceptions wrapped, re-raises kept in the
# original group's shape and new exceptions joined to them, the type checks, sys.exception() in a
# clause, and the usual use: the ExceptionGroup of an asyncio.TaskGroup, inside a request's context.
import asyncio
from contextvars import ContextVar
def show(label, f):
    try:
        f()
        print(label, "-> nothing")
    except BaseException as e:
        print(label, "->", type(e).__name__, repr(e))

def basic():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("VE", repr(e), e.exceptions)
    except* TypeError as e:
        print("TE", repr(e))
show("basic", basic)

def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("got VE")
show("partial", partial)

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked VE", repr(e), type(e).__name__)
show("naked", naked)

def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("no")
show("naked_unmatched", naked_unmatched)

def reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show("reraise", reraise)

def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new")
show("raise_new", raise_new)

def naked_reraise():
    try:
        raise ValueError(1)
    except* ValueError:
        raise
show("naked_reraise", naked_reraise)

def nested():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* ValueError as e:
        print("nested VE", repr(e))
show("nested", nested)

def identity():
    eg = ExceptionGroup("eg", [KeyError(1)])
    try:
        try:
            raise eg
        except* ValueError:
            pass
    except ExceptionGroup as e:
        print("same object:", e is eg)
identity()

def tuple_types():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as e:
        print("tuple", repr(e))
show("tuple_types", tuple_types)

def else_finally():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else ran")
    finally:
        print("finally ran")
else_finally()

def bad_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
show("bad_type", bad_type)

def bad_type2():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* 42:
        pass
show("bad_type2", bad_type2)

def context_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        import sys
        print("sys.exception is e:", sys.exception() is e)
        try:
            raise KeyError("inner")
        except KeyError as k:
            print("context is e:", k.__context__ is e)
show("context", context_in_handler)

async def worker(n):
    await asyncio.sleep(0.01 * n)
    if n % 2:
        raise ValueError(f"bad {n}")
    return n

rid = ContextVar("rid", default="-")
async def main():
    rid.set("req-1")
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(4):
                tg.create_task(worker(i))
    except* ValueError as eg:
        print("TaskGroup:", sorted(str(e) for e in eg.exceptions), rid.get())
asyncio.run(main())

def two_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("a")
    except* TypeError:
        raise KeyError("b")
show("two_raise", two_raise)

def raise_match_explicit():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
show("raise_match_explicit", raise_match_explicit)
