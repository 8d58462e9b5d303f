# import / import as / from-import / from-import as, and module attributes.
import asyncio
import contextvars as cv
import sys
from contextvars import ContextVar, copy_context as cc
from functools import partial
import uuid, time

V = ContextVar('V', default=0)
print(cv.ContextVar is ContextVar, cc is cv.copy_context)
print(asyncio.run(asyncio.sleep(0, 'slept')))
print(type(sys.stdout).__name__ != '', callable(partial), callable(time.monotonic))
print(isinstance(uuid.uuid4(), uuid.UUID))
print(len(cc()), V.get())
print(asyncio.CancelledError.__name__, cv.Token.MISSING)
