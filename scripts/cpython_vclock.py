#!/usr/bin/env python3
"""Runs a program under CPython with asyncio on a virtual clock: CPython's own event loop, tasks
and futures, but time moves the way ctxlab's model says (Sources/CtxCore/Loop/VirtualClock.swift)
instead of in real time. Code takes no time; a wait in the selector jumps the clock to its end,
rounded up to whole milliseconds as Linux's epoll selector does.

    python3 scripts/cpython_vclock.py PROGRAM.py [ARGS...]

scripts/difffuzz.py uses it to triage a divergence: when this run prints what ctxlab prints but
the real CPython prints something else, the program's output depends on how long CPython's code
and wake-ups take (a loaded machine), not on the loop's algorithm. A triage aid, not an oracle:
ctxlab's timing model is what it assumes.

JITTER_SEED=N (with JITTER_MS, default 3) makes every wait wake up to JITTER_MS late and every
clock read cost up to 20 us, at random: a program whose output changes with it depends on timing.

While a thread other than an idle executor worker runs (an executor job, a `threading.Thread`,
`shutdown_default_executor`'s joiner), waits are real, so that its result can arrive.
"""
import asyncio.base_events
import concurrent.futures.thread as cft
import math
import os
import random
import runpy
import selectors
import sys
import threading

seed = os.environ.get("JITTER_SEED")
rng = random.Random(int(seed)) if seed is not None else None
jitter = float(os.environ.get("JITTER_MS", "3")) * 1e-3
now = [1000.0]
busy = [0]  # threads that run real code now


def loop_time(self):
    t = now[0]
    now[0] += rng.uniform(0, 20e-6) if rng else 1e-9
    return t


asyncio.base_events.BaseEventLoop.time = loop_time

real_select = selectors.EpollSelector.select


def select(self, timeout=None):
    events = real_select(self, 0)
    if events or timeout == 0:
        return events
    if timeout is None or busy[0] > 0:
        events = real_select(self, timeout)
        if events:
            return events
    if timeout is not None:
        now[0] += math.ceil(timeout * 1e3) / 1e3 + (rng.uniform(0, jitter) if rng else 0)
    return []


selectors.EpollSelector.select = select

real_submit = cft.ThreadPoolExecutor.submit
real_work = cft._WorkItem.run


def submit(self, *args, **kwargs):
    busy[0] += 1
    return real_submit(self, *args, **kwargs)


def work(self):
    try:
        return real_work(self)
    finally:
        busy[0] -= 1


cft.ThreadPoolExecutor.submit = submit
cft._WorkItem.run = work

real_thread_run = threading.Thread.run


def thread_run(self):
    worker = getattr(self, "_target", None) is cft._worker
    if not worker:
        busy[0] += 1
    try:
        return real_thread_run(self)
    finally:
        if not worker:
            busy[0] -= 1


threading.Thread.run = thread_run

if __name__ == "__main__":
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
