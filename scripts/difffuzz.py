#!/usr/bin/env python3
"""Differential fuzzing of ctxlab against CPython: random contextvars/asyncio programs, run under
both, compared line by line.

    python3 scripts/difffuzz.py [--seeds N] [--start S] [--jobs J] [--out DIR] [--python PATH]
                                [--ctxlab PATH] [--show SEED]

Each seed gives one program (deterministic per seed) inside the subset ctxlab runs, whose output
under CPython is itself deterministic: several ContextVars (with and without defaults), set /
get / reset with tokens (including resets that must fail), copy_context, nested Context.run,
tasks with and without context=, shared contexts, gather (with return_exceptions), TaskGroup,
wait_for and timeout with cancellation, Event / Queue / Lock / Semaphore, call_soon / call_later
with context=, run_in_executor / to_thread, threads joined at once, exceptions across awaits, and
equal and distinct sleeps. Every step prints the state it sees.

A divergence (different stdout, or a different last stderr line or exit status) is reduced to a
minimal program by deleting lines while the divergence stays, and written to DIR (default
/tmp/ctxlab-difffuzz) with both outputs. Exit status 1 when any seed diverged.

Tasks that nobody holds ("orphans": `asyncio.create_task(...)` with the task dropped) may fail:
CPython logs "Task exception was never retrieved" on standard error when such a task dies, right
after it fails; ctxlab logs the same text when main ends (Sources/CtxCore/Loop/Unretrieved.swift),
and the last line of standard error is compared. Every other task is retrieved before the program
ends: when a task that something holds dies depends on CPython's reference cycles.

`--show SEED` prints the program of one seed. The test command (bin/test) runs 300 seeds when a
CPython >= 3.13 is installed and says SKIPPED when none is; a long run is this script with
--seeds 10000.
"""

import argparse
import concurrent.futures
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Conformance"))
sys.dont_write_bytecode = True
from regenerate import find_interpreter  # noqa: E402

VCLOCK = os.path.join(ROOT, "scripts", "cpython_vclock.py")

VALUES = ["'a'", "'b'", "'c'", "0", "1", "None", "(1, 2)", "'x' * 3"]
# The timing grid. CPython's clock is real: every wake-up from select comes late by the OS's
# wake-up latency plus the time the code takes, a fraction of a millisecond on an idle machine but
# several milliseconds on a loaded one (three builders on two cores), and the lateness adds up
# along a chain of sleeps. ctxlab's code takes no time. So two timers whose order a program prints
# must be far apart, or CPython itself prints either order (seeds 1291, 1341, 1346, 1507, 1835:
# `wait_for`/`timeout(0.015)` around `sleep(0.01)` or `sleep(0.02)`, 5 ms apart, timed out on
# CPython under load; 2780: a `call_later(0.02)` 9 ms from a lock's second `sleep(0.01)`). Every
# sleep is a multiple of 20 ms, so every sum of them is too, and a timeout is an odd multiple of
# 10 ms (or 1 s, or 0): a timeout is always at least 10 ms from any sleep it races. Equal
# deadlines of sleeps started in one loop iteration are fine: they come due in the same wake-up
# and run in the order they were scheduled, on CPython as in ctxlab.
SLEEPS = ["0", "0", "0.02", "0.02", "0.04", "0.06"]
# call_later delays are odd multiples of 10 ms (or 0): a callback registered after main's sleeps
# must not come due together with a task's sleeps that started earlier and add up to the same
# time (seed 3295: a task's `sleep(0.04)` against main's `sleep(0.02)` then `call_later(0.02)`;
# which comes first depends on whether CPython's wake-up latency exceeds the time between the
# two registrations, which a loaded machine decides).
DELAYS = ["0", "0.01", "0.03", "0.05"]
# A timeout of 0 is deterministic (`wait_for` cancels at once, `timeout(0)` expires by call_soon);
# one of 1 ms is not: a worker that only does `sleep(0)` finishes in a few loop iterations, tens of
# microseconds on an idle machine, but on a loaded one the 1 ms passes first. So no 0.001.
TIMEOUTS = ["0.03", "1", "0"]
# Longer than every delay in DELAYS: sleeping this long lets every pending call_later fire.
DRAIN = "0.1"


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.nvars = self.r.randint(1, 3)
        self.ntokens = 0
        self.nctx = 0
        self.label = 0
        self.timers = False  # whether main scheduled a call_later

    def var(self):
        return "V%d" % self.r.randrange(self.nvars)

    def tag(self, prefix):
        self.label += 1
        return "%s%d" % (prefix, self.label)

    def value(self):
        return self.r.choice(VALUES)

    # One statement (a list of lines) at indentation level `ind`; `asynchronous` says whether
    # `await` may be used; `depth` bounds nesting.
    def statement(self, ind, asynchronous, depth):
        p = "    " * ind
        choices = ["set", "get", "reset", "copy", "run", "show"]
        if asynchronous:
            choices += ["sleep", "task", "gather", "taskgroup", "waitfor", "callsoon", "event", "queue",
                        "lock", "executor", "thread", "raise", "awaitcoro", "timeout", "orphan"]
        kind = self.r.choice(choices)
        if depth > 2 and kind in ("task", "gather", "taskgroup", "waitfor", "awaitcoro", "run", "timeout"):
            kind = "show"
        t = self.tag("s")
        if kind == "set":
            self.ntokens += 1
            return [p + "tok%d = %s.set(%s)" % (self.ntokens, self.var(), self.value()), p + "show(%r)" % t]
        if kind == "get":
            v = self.var()
            return [p + "print(%r, %s.get(%s))" % (t, v, self.value()) if self.r.random() < 0.5 else
                    p + "print(%r, %s.get('<unset>'))" % (t, v)]
        if kind == "reset" and self.ntokens:
            k = self.r.randint(1, self.ntokens)
            return [p + "try:", p + "    %s.reset(tok%d)" % (self.var(), k), p + "    print(%r, 'reset ok')" % t,
                    p + "except (ValueError, RuntimeError) as e:", p + "    print(%r, type(e).__name__)" % t,
                    p + "except NameError:", p + "    print(%r, 'no token')" % t]
        if kind == "copy":
            if not asynchronous:  # a local of a sync function: not one main can use later
                return [p + "c = contextvars.copy_context()", p + "print(%r, c.get(%s, '<unset>'), len(c))" % (t, self.var())]
            self.nctx += 1
            return [p + "ctx%d = contextvars.copy_context()" % self.nctx,
                    p + "print(%r, ctx%d.get(%s, '<unset>'), len(ctx%d))" % (t, self.nctx, self.var(), self.nctx)]
        if kind == "run":
            target = "ctx%d" % self.r.randint(1, self.nctx) if self.nctx and self.r.random() < 0.7 else "contextvars.copy_context()"
            return [p + "try:", p + "    %s.run(sync_%d, %r)" % (target, self.r.randrange(3), t),
                    p + "except (NameError, RuntimeError) as e:", p + "    print(%r, type(e).__name__)" % t]
        if kind == "sleep":
            return [p + "await asyncio.sleep(%s)" % self.r.choice(SLEEPS), p + "show(%r)" % t]
        if kind == "task":
            ctx = ", context=ctx%d" % self.r.randint(1, self.nctx) if self.nctx and self.r.random() < 0.4 else ""
            return [p + "tasks.append(asyncio.create_task(worker_%d(%r)%s))" % (self.r.randrange(3), t, ctx)]
        if kind == "gather":
            ret = ", return_exceptions=True" if self.r.random() < 0.6 else ""
            return [p + "try:",
                    p + "    print(%r, await asyncio.gather(*tasks%s))" % (t, ret),
                    p + "except Exception as e:", p + "    print(%r, type(e).__name__, e)" % t,
                    p + "tasks = []"]
        if kind == "taskgroup":
            n = self.r.randint(1, 3)
            lines = [p + "try:", p + "    async with asyncio.TaskGroup() as tg:"]
            for i in range(n):
                lines.append(p + "        tg.create_task(worker_%d(%r))" % (self.r.randrange(3), t + "_%d" % i))
            lines += [p + "except* ValueError as eg:" if False else p + "except BaseException as e:",
                      p + "    print(%r, type(e).__name__)" % t, p + "show(%r)" % t]
            return lines
        if kind == "waitfor":
            return [p + "try:",
                    p + "    print(%r, await asyncio.wait_for(worker_%d(%r), %s))" % (t, self.r.randrange(3), t, self.r.choice(TIMEOUTS)),
                    p + "except TimeoutError:", p + "    print(%r, 'timeout')" % t,
                    p + "except Exception as e:", p + "    print(%r, type(e).__name__)" % t]
        if kind == "timeout":
            return [p + "try:", p + "    async with asyncio.timeout(%s):" % self.r.choice(TIMEOUTS),
                    p + "        await worker_%d(%r)" % (self.r.randrange(3), t),
                    p + "except TimeoutError:", p + "    print(%r, 'timeout')" % t,
                    p + "except Exception as e:", p + "    print(%r, type(e).__name__)" % t]
        if kind == "callsoon":
            ctx = ", context=ctx%d" % self.r.randint(1, self.nctx) if self.nctx and self.r.random() < 0.5 else ""
            how = self.r.choice(["call_soon(sync_%d, %r%s)", "call_later(%s, sync_%d, %r%s)"])
            if how.startswith("call_soon"):
                call = how % (self.r.randrange(3), t, ctx)
            else:
                call = how % (self.r.choice(DELAYS), self.r.randrange(3), t, ctx)
                self.timers = True
            return [p + "asyncio.get_running_loop().%s" % call]
        if kind == "orphan":
            # Nobody holds the task: if it fails, CPython reports it when it dies, right after
            # its last step (see the module's docstring). One that is still pending when main
            # ends is cancelled by asyncio.run, which retrieves it.
            return [p + "asyncio.create_task(worker_%d(%r))" % (self.r.randrange(3), t)]
        if kind == "event":
            return [p + "ev = asyncio.Event()", p + "tasks.append(asyncio.create_task(waiter(ev, %r)))" % t,
                    p + "await asyncio.sleep(0)", p + "%s.set(%s)" % (self.var(), self.value()), p + "ev.set()",
                    p + "await asyncio.sleep(0)", p + "show(%r)" % t]
        if kind == "queue":
            return [p + "q = asyncio.Queue()", p + "helpers.append(asyncio.create_task(consumer(q, %r)))" % t,
                    p + "await q.put(%s)" % self.value(), p + "await q.put(%s)" % self.value(), p + "await q.join()",
                    p + "show(%r)" % t]
        if kind == "lock":
            prim = self.r.choice(["asyncio.Lock()", "asyncio.Semaphore(2)"])
            return [p + "lk = %s" % prim,
                    p + "await asyncio.gather(locked(lk, %r), locked(lk, %r))" % (t + "a", t + "b"),
                    p + "show(%r)" % t]
        if kind == "executor":
            # A job runs in parallel with the loop in CPython: first let every task and timer
            # finish, so that nothing else can print while it runs (the output stays
            # deterministic under CPython).
            how = self.r.choice(["await asyncio.to_thread(sync_%d, %r)", "await asyncio.get_running_loop().run_in_executor(None, sync_%d, %r)"])
            return [p + "await asyncio.gather(*tasks, return_exceptions=True); tasks = []; await asyncio.sleep(%s)" % DRAIN,
                    p + how % (self.r.randrange(3), t), p + "show(%r)" % t]
        if kind == "thread":
            # One line, so that reduction never leaves a thread running unjoined (racy output).
            return [p + "th = threading.Thread(target=sync_%d, args=(%r,)); th.start(); th.join()" % (self.r.randrange(3), t),
                    p + "show(%r)" % t]
        if kind == "raise":
            return [p + "try:", p + "    await failing(%r)" % t, p + "except ValueError as e:", p + "    print(%r, 'caught', e)" % t,
                    p + "show(%r)" % t]
        if kind == "awaitcoro":
            # Caught: an uncaught error would leave failed tasks for CPython's "Task exception
            # was never retrieved" at exit, which ctxlab does not print (see the note below).
            return [p + "try:", p + "    print(%r, await worker_%d(%r))" % (t, self.r.randrange(3), t),
                    p + "except ValueError as e:", p + "    print(%r, 'raised', e)" % t]
        return [p + "show(%r)" % t]

    def body(self, ind, asynchronous, depth, n):
        lines = []
        for _ in range(n):
            lines += self.statement(ind, asynchronous, depth)
        return lines

    def program(self):
        r = self.r
        out = ["import asyncio", "import contextvars", "import threading", ""]
        names = []
        for i in range(self.nvars):
            d = ", default=%s" % self.value() if r.random() < 0.6 else ""
            out.append("V%d = contextvars.ContextVar('V%d'%s)" % (i, i, d))
            names.append("V%d" % i)
        out += ["VARS = [%s]" % ", ".join(names), "", "",
                "def show(tag):", "    print(tag, [v.get('<unset>') for v in VARS])", "", ""]
        for i in range(3):
            out.append("def sync_%d(tag):" % i)
            out.append("    show(tag + '>')")
            out += self.body(1, False, 3, r.randint(1, 3))
            out.append("    show(tag + '<')")
            out += ["", ""]
        for i in range(3):
            out.append("async def worker_%d(tag):" % i)
            out.append("    show(tag + '>')")
            for _ in range(r.randint(1, 3)):
                kind = r.choice(["set", "sleep", "show", "get", "copy"])
                if kind == "set":
                    out.append("    %s.set(%s)" % (self.var(), self.value()))
                elif kind == "sleep":
                    out.append("    await asyncio.sleep(%s)" % r.choice(SLEEPS))
                elif kind == "get":
                    out.append("    print(tag, %s.get('<unset>'))" % self.var())
                elif kind == "copy":
                    out.append("    print(tag, len(contextvars.copy_context()))")
                out.append("    show(tag + '.')")
            if r.random() < 0.2:
                out.append("    raise ValueError(tag)")
            out.append("    return tag")
            out += ["", ""]
        out += ["async def waiter(ev, tag):", "    await ev.wait()", "    show(tag + ' woke')", "", "",
                "async def consumer(q, tag):", "    while True:", "        item = await q.get()",
                "        print(tag, 'got', item)", "        show(tag)", "        q.task_done()", "", "",
                "async def locked(lk, tag):", "    async with lk:", "        show(tag + ' in')",
                "        await asyncio.sleep(0.02)", "        show(tag + ' out')", "", "",
                "async def failing(tag):", "    await asyncio.sleep(0)", "    raise ValueError(tag)", "", "",
                "async def main():", "    tasks = []", "    helpers = []"]
        out += self.body(1, True, 0, r.randint(3, 10))
        if self.timers:
            # A call_later still pending when main returns fires or not depending on how long
            # asyncio.run's shutdown takes in real time (joining the default executor's threads,
            # seeds 1352 and 1645): let every one fire first.
            out += ["    await asyncio.sleep(%s)" % DRAIN]
        out += ["    for t in tasks + helpers:", "        t.cancel()",
                "    await asyncio.gather(*tasks, *helpers, return_exceptions=True)", "    show('end')", "", "",
                "asyncio.run(main())", "show('after')", ""]
        return "\n".join(out)


ADDRESS = re.compile(r"0x[0-9a-f]+")


def run(argv, source, timeout=10):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
        path = f.name
    try:
        p = subprocess.run(argv + [path], capture_output=True, text=True, timeout=timeout,
                           env=dict(os.environ, PYTHONHASHSEED="0"))
        err = [l for l in p.stderr.splitlines() if l.strip()]
        last = ADDRESS.sub("0x…", err[-1].replace(path, "<prog>")) if err else ""
        return (ADDRESS.sub("0x…", p.stdout), last, p.returncode)
    except subprocess.TimeoutExpired:
        return ("<timeout>", "", -1)
    finally:
        os.unlink(path)


def diverges(ctxlab, python, source):
    a = run([ctxlab, "run"], source)
    b = run([python, "-X", "utf8"], source)
    if a != b and (a[0] == "<timeout>" or b[0] == "<timeout>"):
        # A loaded machine, not a difference: once more, with more time.
        a = run([ctxlab, "run"], source, timeout=60)
        b = run([python, "-X", "utf8"], source, timeout=60)
    return (a != b), a, b


def reduce(ctxlab, python, source):
    """Line deletion (ddmin-like: chunks, then halving) while the programs still diverge and
    CPython still runs the program cleanly (status 0, nothing on standard error)."""
    lines = source.split("\n")
    chunk = max(1, len(lines) // 4)
    while chunk >= 1:
        i = 0
        changed = False
        while i < len(lines):
            trial = lines[:i] + lines[i + chunk:]
            text = "\n".join(trial)
            try:
                compile(text, "<p>", "exec")
            except SyntaxError:
                i += chunk
                continue
            d, _, b = diverges(ctxlab, python, text)
            # Only reductions that CPython still runs cleanly: deleting a definition must not
            # turn the divergence into a different one about a NameError.
            if d and b[0] != "<timeout>" and b[1] == "" and b[2] == 0:
                lines = trial
                changed = True
            else:
                i += chunk
        if not changed:
            chunk //= 2
    return "\n".join(lines)


def check_seed(args, seed):
    """A seed whose program hangs under CPython (a gather of tasks that never end) is not a
    divergence: ctxlab reports such a deadlock instead of hanging, by design."""
    source = Gen(seed).program()
    d, a, b = diverges(args.ctxlab, args.python, source)
    if d and b[0] != "<timeout>":
        # CPython runs on a real clock: on a loaded machine a program whose timers are a few
        # milliseconds apart can print differently from run to run. Only a divergence from
        # what CPython prints consistently counts.
        again = [run([args.python, "-X", "utf8"], source) for _ in range(2)]
        if any(r != b for r in again):
            print("seed %d: CPython's own output varies from run to run (a loaded machine); not counted" % seed, flush=True)
            return seed, False, source, a, b
        # The same loop algorithm with code that takes no time (CPython's asyncio on the virtual
        # clock of ctxlab's model, scripts/cpython_vclock.py): when it prints what ctxlab prints,
        # real CPython differed only because its code and wake-ups took time, consistently so on
        # a loaded machine. The program is kept for a look at the generator (a shape whose timers
        # are too close), but it is not a ctxlab bug.
        virtual = run([args.python, "-X", "utf8", VCLOCK], source)
        if virtual == a:
            os.makedirs(args.out, exist_ok=True)
            path = os.path.join(args.out, "timing-seed-%d.py" % seed)
            with open(path, "w") as f:
                f.write(source + "\n")
            print("seed %d: timing-sensitive: CPython on a virtual clock prints what ctxlab prints, "
                  "the real CPython differs (a loaded machine); not counted: %s" % (seed, path), flush=True)
            return seed, False, source, a, b
    return seed, d and b[0] != "<timeout>", source, a, b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("--seeds", type=int, default=200)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", default="/tmp/ctxlab-difffuzz")
    ap.add_argument("--python", default=os.environ.get("CTXLAB_CPYTHON"))
    ap.add_argument("--ctxlab", default=os.path.join(ROOT, ".build", "debug", "ctxlab"))
    ap.add_argument("--show", type=int)
    ap.add_argument("--no-reduce", action="store_true")
    args = ap.parse_args()
    if args.show is not None:
        print(Gen(args.show).program())
        return 0
    try:
        version, args.python = find_interpreter(args.python)
    except SystemExit as e:
        print("difffuzz SKIPPED: %s" % e)
        return 0
    start = time.time()
    found = []
    seeds = range(args.start, args.start + args.seeds)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for seed, d, source, a, b in pool.map(lambda s: check_seed(args, s), seeds):
            if d:
                found.append((seed, source, a, b))
                print("seed %d diverges" % seed, flush=True)
    elapsed = time.time() - start
    os.makedirs(args.out, exist_ok=True)
    for seed, source, a, b in found:
        small = source if args.no_reduce else reduce(args.ctxlab, args.python, source)
        _, a2, b2 = diverges(args.ctxlab, args.python, small)
        path = os.path.join(args.out, "seed-%d.py" % seed)
        with open(path, "w") as f:
            f.write(small + "\n")
        with open(path + ".diff", "w") as f:
            f.write("# ctxlab:\n%s\n# last stderr: %s\n# status %s\n\n# CPython %s:\n%s\n# last stderr: %s\n# status %s\n"
                    % (a2[0], a2[1], a2[2], ".".join(map(str, version)), b2[0], b2[1], b2[2]))
        print("  reduced to %d lines: %s" % (small.count("\n") + 1, path))
    print("%d seeds (%d..%d) against CPython %s in %.1f s (%.1f seeds/s): %d diverged"
          % (args.seeds, args.start, args.start + args.seeds - 1, ".".join(map(str, version)), elapsed,
             args.seeds / max(elapsed, 1e-9), len(found)))
    print("difffuzz: %d passed, %d failed" % (args.seeds - len(found), len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
