#!/usr/bin/env python3
"""Instructions executed by `ctxlab run` on each bench program, counted by valgrind's callgrind:
a figure that machine load does not move, for comparing two builds (before and after a change).

    python3 bench/callgrind.py --ctxlab PATH [--baseline PATH]

Prints, per program in bench/programs/, the instruction count (Ir) of each binary and the ratio
ctxlab/baseline. Both binaries should be release builds (`swift build -c release`).
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def instructions(binary, program):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        # Swift seeds its hashing per process: fixed here, so that two runs count the same.
        env = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1")
        r = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary, "run", program],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        if r.returncode != 0:
            sys.exit(f"{binary} run {program} failed:\n{r.stderr[-2000:]}")
        m = re.search(r"Collected : (\d+)", r.stderr) or re.search(r"refs:\s+([\d,]+)", r.stderr)
        if not m:
            sys.exit(f"no instruction count in callgrind's output:\n{r.stderr[-2000:]}")
        return int(m.group(1).replace(",", ""))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--ctxlab", required=True)
    p.add_argument("--baseline")
    a = p.parse_args()
    programs = sorted(glob.glob(os.path.join(HERE, "programs", "*.py")))
    print(f"{'program':<22}{'ctxlab Ir':>16}" + (f"{'baseline Ir':>16}{'ratio':>8}" if a.baseline else ""))
    for program in programs:
        now = instructions(a.ctxlab, program)
        line = f"{os.path.basename(program):<22}{now:>16,}"
        if a.baseline:
            before = instructions(a.baseline, program)
            line += f"{before:>16,}{now / before:>8.3f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
