#!/usr/bin/env python3
"""Record CPython's output for every program of the conformance corpus.

    python3 Tests/Conformance/regenerate.py [--check] [--timeout SECONDS] [--python PATH] [NNN ...]

For each ``programs/NNN_topic.py`` (or only those whose number or name is given) it runs the
newest local CPython >= 3.13 on the program and writes ``expected/NNN_topic.{out,err,status}``
through ``normalize.normalize_run`` (rules documented in ``normalize.py``).

Which interpreter: ``--python PATH`` or the environment variable ``CTXLAB_CPYTHON`` if given
(used as is, must be >= 3.13); otherwise the newest of ``python3.14`` and ``python3.13`` on PATH,
``$(pyenv root)/versions/*/bin/python3`` -- each candidate is actually run, those that fail
(e.g. a pyenv shim that refuses) or are free-threaded builds are ignored.

Programs whose first line is ``# expect: 3.14`` have hand-written expected files (3.14 semantics
that 3.13 does not have). They are never overwritten: with an interpreter older than 3.14 they are
skipped (and said so); with 3.14 or newer they are run and compared instead.

``--check`` compares every program with its expected files and writes nothing. Exit status: 0
when everything ran (and, with --check or for the 3.14 programs, matched), 1 otherwise. A program
that takes longer than 1 second is reported as slow (the corpus promises well under a second).
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
from normalize import normalize_run  # noqa: E402

PROGRAMS = os.path.join(HERE, "programs")
EXPECTED = os.path.join(HERE, "expected")
MARKER_RE = re.compile(r"#\s*expect:\s*(\d+)\.(\d+)\s*$")
MIN_VERSION = (3, 13)
SLOW_SECONDS = 1.0

PROBE = (
    "import sys, sysconfig; "
    "print(*sys.version_info[:3], sys.implementation.name, "
    "sysconfig.get_config_var('Py_GIL_DISABLED') or 0)"
)


def probe(path):
    """(version tuple, path) if ``path`` is a working GIL CPython, else None."""
    try:
        proc = subprocess.run([path, "-c", PROBE], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if proc.returncode != 0:
        return None
    fields = proc.stdout.split()
    if len(fields) != 5 or fields[3] != "cpython" or fields[4] not in ("0", "None"):
        return None
    return tuple(int(f) for f in fields[:3]), path


def pyenv_root():
    if os.environ.get("PYENV_ROOT"):
        return os.environ["PYENV_ROOT"]
    exe = shutil.which("pyenv")
    if exe:
        try:
            out = subprocess.run([exe, "root"], capture_output=True, text=True, timeout=20)
            if out.returncode == 0 and out.stdout.strip():
                return out.stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            pass
    return os.path.expanduser("~/.pyenv")


def find_interpreter(explicit):
    if explicit:
        found = probe(explicit)
        if found is None:
            sys.exit("regenerate: %s does not run as a (GIL) CPython" % explicit)
        if found[0][:2] < MIN_VERSION:
            sys.exit("regenerate: %s is %s, need >= 3.13" % (explicit, ".".join(map(str, found[0]))))
        return found
    candidates = []
    for name in ("python3.14", "python3.13"):
        exe = shutil.which(name)
        if exe:
            candidates.append(exe)
    candidates += sorted(glob.glob(os.path.join(pyenv_root(), "versions", "*", "bin", "python3")))
    best = None
    for path in candidates:
        found = probe(path)
        if found and found[0][:2] >= MIN_VERSION and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        sys.exit("regenerate: no working CPython >= 3.13 found (set CTXLAB_CPYTHON)")
    return best


def expected_version(program):
    with open(program, encoding="utf-8") as f:
        first = f.readline().strip()
    m = MARKER_RE.match(first)
    return (int(m.group(1)), int(m.group(2))) if m else None


def run_program(python, program, timeout):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    with tempfile.TemporaryDirectory() as cwd:
        start = time.monotonic()
        try:
            proc = subprocess.run(
                [python, "-X", "utf8", "-B", program],
                capture_output=True, timeout=timeout, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return None, timeout
        elapsed = time.monotonic() - start
    out, err, status = normalize_run(
        proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), proc.returncode
    )
    return (out, err, status), elapsed


def read(path):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def compare(stem, result):
    problems = []
    for ext, text in zip(("out", "err", "status"), result):
        want = read(os.path.join(EXPECTED, stem + "." + ext))
        if want != text:
            problems.append("%s.%s differs:\n  expected %r\n  actual   %r" % (stem, ext, want, text))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare only, write nothing")
    ap.add_argument("--timeout", type=float, default=10.0, help="per-program timeout (s)")
    ap.add_argument("--python", help="interpreter to use (default: $CTXLAB_CPYTHON or the newest found)")
    ap.add_argument("only", nargs="*", help="program numbers or names to process")
    args = ap.parse_args()

    version, python = find_interpreter(args.python or os.environ.get("CTXLAB_CPYTHON"))
    vtext = ".".join(map(str, version))
    print("regenerate: using CPython %s at %s" % (vtext, python))

    programs = sorted(glob.glob(os.path.join(PROGRAMS, "[0-9][0-9][0-9]_*.py")))
    if args.only:
        programs = [p for p in programs
                    if any(os.path.basename(p).startswith(o) or os.path.basename(p)[:-3] == o
                           for o in args.only)]
    os.makedirs(EXPECTED, exist_ok=True)

    failures, written, checked, skipped, slow = [], 0, 0, 0, []
    for program in programs:
        stem = os.path.basename(program)[:-3]
        needs = expected_version(program)
        if needs is not None and needs > version[:2]:
            print("skip  %s (expected output is hand-written for %d.%d; interpreter is %s)"
                  % (stem, needs[0], needs[1], vtext))
            skipped += 1
            continue
        result, elapsed = run_program(python, program, args.timeout)
        if result is None:
            failures.append("%s: timed out after %.0f s" % (stem, elapsed))
            print("FAIL  %s (timeout)" % stem)
            continue
        if elapsed > SLOW_SECONDS:
            slow.append("%s: %.2f s" % (stem, elapsed))
        if args.check or needs is not None:
            problems = compare(stem, result)
            checked += 1
            print("%s %s (%.2f s)" % ("ok   " if not problems else "DIFF ", stem, elapsed))
            failures += problems
        else:
            for ext, text in zip(("out", "err", "status"), result):
                write(os.path.join(EXPECTED, stem + "." + ext), text)
            written += 1
            print("wrote %s (%.2f s, status %s)" % (stem, elapsed, result[2].strip()))

    print("regenerate: %d written, %d checked, %d skipped (hand-written), %d problems"
          % (written, checked, skipped, len(failures)))
    for s in slow:
        print("slow: " + s)
    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
