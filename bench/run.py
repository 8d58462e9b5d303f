#!/usr/bin/env python3
"""ctxlab against CPython, side by side, in one run.

    bench/run.sh [--runs N] [--python PATH] [--ctxlab PATH]

For each program in bench/programs/ it runs ctxlab (`ctxlab run FILE`, release build) and CPython
on the same file, alternately, N times each (default 5), checks that both printed the same standard
output, and prints the median wall time and the largest peak resident memory (ru_maxrss of the
child) of each, with the ratio ctxlab/CPython. Below 1.0 means ctxlab is faster or smaller.

It also measures the interactive start-up: the time from launching `ctxlab` in a pseudo-terminal
to its first `>>> ` prompt, against `python -m asyncio` to its first prompt; and, ctxlab alone,
how long the live tree takes at 50 and 10,000 contexts (`ctxlab bench-tree`).

These machines are shared and noisy: read the ratios, not the absolute figures, and never turn
them into a timed test.
"""

import argparse
import glob
import os
import pty
import select
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def newest_cpython(explicit):
    """The CPython the conformance corpus is recorded with (Tests/Conformance/regenerate.py's
    choice: `explicit`, CTXLAB_CPYTHON, else the newest >= 3.13); without one, this python."""
    sys.path.insert(0, os.path.join(ROOT, "Tests", "Conformance"))
    sys.dont_write_bytecode = True
    from regenerate import find_interpreter
    try:
        return find_interpreter(explicit or os.environ.get("CTXLAB_CPYTHON"))[1]
    except SystemExit as why:
        print(f"({why}; comparing with {sys.executable})")
        return sys.executable


def measure(argv):
    """(seconds, stdout) of one run of argv; memory is measured separately by peak_rss."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{argv[0]} failed on {argv[-1]}:\n{err.decode(errors='replace')}")
    return elapsed, out


def peak_rss(argv):
    """Peak resident memory (KiB) of one run of argv, from wait4's rusage of that child alone."""
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.chdir(ROOT)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv[0]} failed on {argv[-1]} while measuring memory")
    return usage.ru_maxrss


def first_prompt(argv, prompt=b">>> ", timeout=10.0):
    """Seconds from launching argv in a pseudo-terminal until `prompt` appears on it."""
    env = dict(os.environ, TERM="xterm", COLUMNS="80", LINES="24", NO_COLOR="1",
               XDG_STATE_HOME="/tmp/ctxlab-bench-state", PYTHON_HISTORY="/tmp/ctxlab-bench-state/py_history",
               PYTHONSTARTUP="")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    seen = b""
    try:
        while prompt not in seen:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"no prompt from {argv[0]} within {timeout} s")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                try:
                    seen += os.read(fd, 4096)
                except OSError:
                    break
        return time.perf_counter() - start
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)


def row(name, ours, theirs, unit, fmt):
    ratio = ours / theirs if theirs else float("inf")
    print(f"  {name:<26} ctxlab {fmt(ours):>10} {unit:<4} CPython {fmt(theirs):>10} {unit:<4} ratio {ratio:6.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--python", default=None)
    parser.add_argument("--ctxlab", default=os.path.join(ROOT, ".build", "release", "ctxlab"))
    args = parser.parse_args()
    python = newest_cpython(args.python)
    version = subprocess.run([python, "-VV"], capture_output=True, text=True).stdout.strip()
    print(f"ctxlab: {args.ctxlab}")
    print(f"CPython: {python} ({version})")
    print(f"{args.runs} alternating runs each; time is the median, memory the largest peak RSS\n")

    for program in sorted(glob.glob(os.path.join(HERE, "programs", "*.py"))):
        ours_argv = [args.ctxlab, "run", program]
        theirs_argv = [python, program]
        ours_t, theirs_t, ours_m, theirs_m = [], [], [], []
        for _ in range(args.runs):
            t, out_ours = measure(ours_argv)
            ours_t.append(t)
            t, out_theirs = measure(theirs_argv)
            theirs_t.append(t)
            if out_ours != out_theirs:
                sys.exit(f"outputs differ on {program}:\nctxlab:  {out_ours!r}\nCPython: {out_theirs!r}")
            ours_m.append(peak_rss(ours_argv))
            theirs_m.append(peak_rss(theirs_argv))
        print(os.path.basename(program))
        row("wall time", statistics.median(ours_t) * 1000, statistics.median(theirs_t) * 1000, "ms", lambda v: f"{v:.1f}")
        row("peak memory", max(ours_m) / 1024, max(theirs_m) / 1024, "MiB", lambda v: f"{v:.1f}")

    ours_p, theirs_p = [], []
    for _ in range(args.runs):
        ours_p.append(first_prompt([args.ctxlab, "--no-hints"]))
        theirs_p.append(first_prompt([python, "-m", "asyncio"]))
    print("REPL: launch to first prompt (ctxlab vs python -m asyncio, in a pseudo-terminal)")
    row("time to prompt", statistics.median(ours_p) * 1000, statistics.median(theirs_p) * 1000, "ms", lambda v: f"{v:.1f}")

    # The live tree has no CPython counterpart: ctxlab's own figures, at 50 and 10,000 contexts.
    print("\nThe live tree (ctxlab only): render alone, and snapshot + render in a real session")
    tree = subprocess.run([args.ctxlab, "bench-tree", "--runs", str(args.runs)], capture_output=True, text=True, check=True)
    for line in tree.stdout.splitlines():
        print("  " + line)


if __name__ == "__main__":
    main()
