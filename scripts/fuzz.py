#!/usr/bin/env python3
"""Crash fuzzer driver: runs `ctxlab fuzz` in chunks and reports every distinct crash site.

    scripts/fuzz.py --cases 1000000 --seed 1 --jobs 2 --out fuzz-out

Each chunk of cases runs in its own `ctxlab fuzz` process (cases run in-process there, each in
a fresh interpreter, with a per-case budget). When a process dies by a signal, hangs (no
interrupt poll for --hang-seconds: Ctrl-C could not stop it) or stops making progress, the case
it was running is read from its progress file; the rest of the chunk goes on in a new process.
Each new crash site is re-run alone to confirm it, minimized (line deletion, then token deletion,
while it still crashes the same way) and written to DIR/crash-<signal>-<hash>.py with the first
frame of its stack trace in ctxlab's sources (Swift's backtracer's `at /.../Sources/...` line when
it prints one, else the fuzzer's own unwinding symbolized with llvm-symbolizer). Crashes are
deduplicated by that frame. Exit status 1 when anything was found, 0 otherwise.

Only the standard library is used. The ctxlab binary is --binary, else $CTXLAB_BINARY, else the
newest of .build*/release/ctxlab and .build*/debug/ctxlab (build one first, e.g.
`swift build -c release --product ctxlab`).
"""

import argparse
import collections
import glob
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIGNAL_NAMES = {int(s): s.name for s in signal.Signals}
HANG_STATUS = 124      # CrashGuard.hangExitStatus
MEMORY_STATUS = 123    # CrashGuard.memoryExitStatus
RECYCLED_STATUS = 3    # FuzzCommand.recycledStatus: stopped early, grown too big
RUNAWAY_STATUS = 125   # Watchdog.runawayExitStatus
CRASH_LINE = re.compile(r"@ctxfuzz-crash signal=(\d+) kind=(\S+) case=(-?\d+) fault=(\S+) skip=(\d+) frames=(\S*)")
INTERNAL_LINE = re.compile(r"@ctxfuzz-internal-error case=(\d+)")
STATS_LINE = re.compile(r"ctxfuzz: seed \d+, cases \d+\.\.<\d+: (\d+) in ([\d.]+) s, [\d.]+ cases/s \((.*?)\)")
FATAL_LINE = re.compile(r"(?:^|: )Fatal error: ?(.*)$", re.M)
ALLOC_LINE = re.compile(r"failed to allocate (\d+) bytes")
SWIFT_AT_LINE = re.compile(r"^\s*\d+ .* at (/\S*/Sources/\S+)$", re.M)
TOKEN = re.compile(rb"""[A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*|\d[\w.]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'"""
                   rb"""|\*\*=?|//=?|>>=?|<<=?|[-+*/%&|^@=!<>]=|->|:=|\n|[ \t]+|.""", re.S)
# Frames that belong to the fuzzer, not to the code under test, and to packages ctxlab uses.
HARNESS_PATHS = ("/Sources/CtxFuzz/", "/Sources/ctxlab/FuzzCommand.swift", "/checkouts/", "/.build")


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


def find_binary(explicit):
    if explicit:
        return os.path.abspath(explicit)
    if os.environ.get("CTXLAB_BINARY"):
        return os.path.abspath(os.environ["CTXLAB_BINARY"])
    found = [p for p in glob.glob(os.path.join(ROOT, ".build*", "*", "ctxlab")) if os.access(p, os.X_OK)]
    found = [p for p in found if os.path.basename(os.path.dirname(p)) in ("release", "debug")]
    if not found:
        sys.exit("fuzz.py: no ctxlab binary found: build one (swift build -c release --product ctxlab) or pass --binary")
    return max(found, key=os.path.getmtime)


def toolchain_tool(name):
    swift = shutil.which("swift")
    if swift:
        candidate = os.path.join(os.path.dirname(os.path.realpath(swift)), name)
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which(name)


class Symbolizer:
    """Offsets in the ctxlab executable -> (function, file:line:col), cached."""

    def __init__(self, binary):
        self.binary = binary
        self.symbolizer = toolchain_tool("llvm-symbolizer")
        self.demangler = toolchain_tool("swift-demangle")
        self.cache = {}
        self.lock = threading.Lock()

    def frames(self, offsets):
        """Each offset's innermost-first list of (function, location); inlined frames included."""
        with self.lock:
            missing = [o for o in offsets if o not in self.cache]
            if missing and self.symbolizer:
                out = subprocess.run([self.symbolizer, "--obj=" + self.binary, "--inlining"] + [hex(o) for o in missing],
                                     capture_output=True, text=True).stdout
                blocks = out.strip("\n").split("\n\n")
                names = []
                for block in blocks:
                    lines = block.split("\n")
                    names += lines[0::2]
                demangled = self.demangle(names)
                i = 0
                for offset, block in zip(missing, blocks):
                    lines = block.split("\n")
                    entries = []
                    for j in range(0, len(lines) - 1, 2):
                        entries.append((demangled[i], lines[j + 1], names[i]))
                        i += 1
                    self.cache[offset] = entries
            return [self.cache.get(o, [("?", "?", "?")]) for o in offsets]

    def demangle(self, names):
        if not self.demangler or not names:
            return names
        out = subprocess.run([self.demangler, "--simplified"], input="\n".join(names) + "\n",
                             capture_output=True, text=True).stdout.split("\n")
        return [out[i] if i < len(out) and out[i] else n for i, n in enumerate(names)]


class Crash:
    """One death of a fuzz process, parsed from its stderr."""

    def __init__(self, case, status, stderr, kind=None):
        self.case = case
        self.status = status
        self.stderr = stderr
        self.kind = kind
        self.signal = -status if status < 0 else None
        self.offsets = []
        self.fault = None
        m = None
        for m in CRASH_LINE.finditer(stderr):
            pass
        if m:
            self.signal = self.signal or int(m.group(1))
            self.kind = self.kind or m.group(2)
            self.fault = m.group(4)
            skip = int(m.group(5))
            frames = m.group(6).split(",") if m.group(6) else []
            # The first frame after the handler is the faulting PC; the rest are return
            # addresses, which point after their call: back up one byte to land in it.
            for i, f in enumerate(frames[skip:]):
                if f.startswith("e:"):
                    self.offsets.append(int(f[2:], 16) - (1 if i > 0 else 0))
        fatal = FATAL_LINE.findall(stderr)
        self.message = fatal[-1].strip() if fatal else ""
        alloc = ALLOC_LINE.search(stderr)
        if self.kind == "abort" and alloc:
            # A small allocation that failed means the memory ran out (many objects), a huge one
            # that a size went unchecked.
            self.kind = "oom" if int(alloc.group(1)) < (64 << 20) else "huge-allocation"
        if self.kind is None:
            self.kind = "signal" if self.signal else "unknown"

    @property
    def label(self):
        if self.kind in ("hang", "timeout", "memory"):
            return self.kind.upper()
        return SIGNAL_NAMES.get(self.signal, "SIG%s" % self.signal) if self.signal else self.kind.upper()

    def quick_key(self):
        """Cheap identity, before symbolizing: kind and first frame in the executable."""
        if self.kind in ("stack-overflow", "hang", "timeout", "memory"):
            return (self.kind,)
        return (self.kind, self.offsets[0] if self.offsets else None)

    def site(self, symbolizer):
        """(function, location) of the first frame in ctxlab's own sources. A frame of ctxlab's
        modules without line information (a trap merged at the end of its function) counts,
        named by its function."""
        frames = [f for group in symbolizer.frames(self.offsets[:64]) for f in group]
        ours = [(f[0], f[1] if has_line(f[1]) else "%s (no line information)" % f[0]) for f in frames if is_ours(f)]
        if self.kind == "stack-overflow" and ours:
            # The recursion: the function that appears most often near the top.
            counts = collections.Counter(f for f in ours)
            return counts.most_common(1)[0][0]
        located = ours
        if self.kind in ("hang", "memory"):
            # Where it is stuck is some inner loop; what is stuck is the first frame above the
            # renderer's text helpers and the standard library.
            outer = [f for f in located if "/Sources/CtxView/Text/" not in f[1]]
            located = outer or located
        if located:
            return located[0]
        return frames[0][:2] if frames else ("?", "?")


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.binary = find_binary(args.binary)
        self.symbolizer = Symbolizer(self.binary)
        self.out = os.path.abspath(args.out)
        os.makedirs(os.path.join(self.out, "raw"), exist_ok=True)
        self.tmp = tempfile.mkdtemp(prefix="ctxfuzz-")
        self.lock = threading.Lock()
        self.queue = collections.deque()
        self.cases_done = 0
        self.outcomes = collections.Counter()
        self.quick = {}          # quick key -> site key (so a known crash needs no symbolizing)
        self.sites = {}          # site key -> dict(report)
        self.internal_errors = []
        self.runaways = []
        self.unconfirmed = []
        self.stop = False
        self.children = set()
        self.minimize_queue = collections.deque()
        self.minimize_cv = threading.Condition(self.lock)
        self.minimizing = 0
        self.finished_fuzzing = False
        self.clean_cases = 0       # cases in processes that ran to their end, and their time:
        self.clean_seconds = 0.0   # the rate without crash handling

    # -- running ctxlab fuzz -------------------------------------------------------------------

    def base_command(self):
        a = self.args
        return [self.binary, "fuzz", "--seed", str(a.seed), "--corpus", ROOT, "--soft-seconds", str(a.soft_seconds),
                "--hang-seconds", str(a.hang_seconds), "--runaway-seconds", str(a.runaway_seconds),
                "--memory-mb", str(a.memory_mb)]

    def stall_timeout(self):
        """Wall-clock seconds without progress before the driver kills a process: the in-process
        limits count CPU time, which a loaded machine stretches."""
        return 2 * max(self.args.hang_seconds, self.args.runaway_seconds) + 20

    def environment(self, swift_backtrace=False):
        env = dict(os.environ)
        env["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,threads=crashed" if swift_backtrace else "enable=no"
        return env

    def run_process(self, extra, progress, stall_timeout, total_timeout, swift_backtrace=False):
        """Runs ctxlab fuzz; returns (status, stderr, progress text, killed-for-timeout)."""
        err_path = progress + ".err"
        with open(err_path, "wb") as err:
            p = subprocess.Popen(self.base_command() + extra + ["--progress", progress],
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                                 env=self.environment(swift_backtrace), start_new_session=True)
            with self.lock:
                self.children.add(p)
            began = last_change = time.monotonic()
            last = None
            killed = False
            while True:
                try:
                    p.wait(timeout=0.2)
                    break
                except subprocess.TimeoutExpired:
                    pass
                now = time.monotonic()
                text = read_progress(progress)
                if text != last:
                    last, last_change = text, now
                if now - last_change > stall_timeout or now - began > total_timeout or self.stop:
                    killed = not self.stop
                    os.killpg(p.pid, signal.SIGKILL)
                    p.wait()
                    break
            with self.lock:
                self.children.discard(p)
        with open(err_path, "rb") as f:
            stderr = f.read().decode("utf-8", "replace")
        return p.returncode, stderr, read_progress(progress), killed

    def worker(self, number):
        progress = os.path.join(self.tmp, "progress-%d" % number)
        a = self.args
        while not self.stop:
            with self.lock:
                if not self.queue:
                    return
                lo, hi = self.queue.popleft()
            status, stderr, text, killed = self.run_process(
                ["--start", str(lo), "--count", str(hi - lo)], progress,
                stall_timeout=self.stall_timeout(), total_timeout=a.chunk_timeout)
            if self.stop:
                return
            for m in INTERNAL_LINE.finditer(stderr):
                with self.lock:
                    self.internal_errors.append(int(m.group(1)))
            stats = STATS_LINE.search(stderr)
            if status in (0, RECYCLED_STATUS) and stats:
                ran = int(stats.group(1))
                with self.lock:
                    self.cases_done += ran
                    self.clean_cases += ran
                    self.clean_seconds += float(stats.group(2))
                    for part in stats.group(3).split(", "):
                        name, _, n = part.rpartition(" ")
                        self.outcomes[name] += int(n)
                    if lo + ran < hi:  # the process recycled itself (it had grown too big)
                        self.queue.appendleft((lo + ran, hi))
                continue
            case = progress_case(text)
            if case is None or not (lo <= case < hi):
                log("chunk %d..%d ended with status %s before its first case:\n%s" % (lo, hi, status, stderr[-2000:]))
                self.stop = True
                return
            with self.lock:
                self.cases_done += case + 1 - lo
                if case + 1 < hi:
                    self.queue.appendleft((case + 1, hi))
            if status == RUNAWAY_STATUS and not killed:
                with self.lock:
                    self.runaways.append(case)
                continue
            self.found(Crash(case, status, stderr, stuck_kind(status, text, killed)))

    # -- findings --------------------------------------------------------------------------------

    FUZZY = ("stack-overflow", "hang", "timeout", "memory")

    def site_key(self, crash):
        """What makes two crashes the same: the kind and the first frame in ctxlab's sources
        (for a stack overflow, the function that recurses; for a hang, the function it was in)."""
        site = crash.site(self.symbolizer)
        return (crash.kind, site[1] if crash.kind not in ("hang", "timeout", "memory") else site[0]), site

    def found(self, crash):
        quick = crash.quick_key()
        with self.lock:
            known = self.quick.get(quick) if crash.kind not in self.FUZZY else None
            if known is not None:
                self.sites[known]["count"] += 1
                return
        site_key, site = self.site_key(crash)
        with self.lock:
            if site_key in self.sites:
                self.sites[site_key]["count"] += 1
                self.quick[quick] = site_key
                return
        # A new site: confirm it alone first.
        if self.confirm(crash) is None:
            log("case %d: %s %s at %s (%s) did not happen again when run alone (kept in raw/)"
                % (crash.case, crash.label, crash.kind, site[1], site[0]))
            with self.lock:
                self.unconfirmed.append(crash.case)
            self.save_raw(crash)
            with open(os.path.join(self.out, "raw", "case-%d.stderr" % crash.case), "wb") as f:
                f.write(crash.stderr if isinstance(crash.stderr, bytes) else str(crash.stderr).encode())
            return
        with self.lock:
            self.quick[quick] = site_key
            if site_key in self.sites:
                self.sites[site_key]["count"] += 1
                return
            report = {"kind": crash.kind, "label": crash.label, "signal": crash.signal, "function": site[0],
                      "location": site[1], "message": crash.message, "case": crash.case, "count": 1,
                      "key": site_key, "quick": quick, "file": None, "lines": None, "swift_frame": None}
            self.sites[site_key] = report
            log("NEW %s %s at %s (%s) in case %d%s" % (crash.label, crash.kind, site[1], site[0], crash.case,
                                                      ": " + crash.message if crash.message else ""))
        self.save_raw(crash)
        with self.lock:
            self.minimize_queue.append(site_key)
            self.minimize_cv.notify()

    def confirm(self, crash):
        progress = os.path.join(self.tmp, "confirm-%d" % crash.case)
        a = self.args
        status, stderr, text, killed = self.run_process(
            ["--start", str(crash.case), "--count", "1"], progress,
            stall_timeout=self.stall_timeout(), total_timeout=self.stall_timeout() * 2)
        if status == 0 or status == RUNAWAY_STATUS:
            return None
        again = Crash(crash.case, status, stderr, stuck_kind(status, text, killed))
        return again if again.kind == crash.kind else None

    def save_raw(self, crash):
        path = os.path.join(self.out, "raw", "case-%d.py" % crash.case)
        with open(path, "wb") as f:
            f.write(self.case_source(crash.case))

    def case_source(self, case):
        return subprocess.run(self.base_command() + ["--print-case", str(case)], capture_output=True,
                              stdin=subprocess.DEVNULL).stdout

    # -- minimizing ------------------------------------------------------------------------------

    def minimizer(self):
        while True:
            with self.lock:
                while not self.minimize_queue and not self.finished_fuzzing:
                    self.minimize_cv.wait(1)
                if not self.minimize_queue:
                    return
                site_key = self.minimize_queue.popleft()
                self.minimizing += 1
                report = self.sites[site_key]
            try:
                self.minimize_site(site_key, report)
            finally:
                with self.lock:
                    self.minimizing -= 1

    def reproduces(self, body, header, report, hang_seconds):
        """Whether `body` still crashes the way `report` says."""
        path = os.path.join(self.tmp, "candidate-%d.py" % threading.get_ident())
        with open(path, "wb") as f:
            f.write(header + body)
        progress = path + ".progress"
        extra = ["--run-file", path, "--hang-seconds", str(hang_seconds)]
        status, stderr, text, killed = self.run_process(
            extra, progress, stall_timeout=self.stall_timeout(), total_timeout=self.stall_timeout() * 2)
        if status == 0 or status == RUNAWAY_STATUS:
            return False
        again = Crash(0, status, stderr, stuck_kind(status, text, killed))
        if again.kind != report["kind"]:
            return False
        if again.kind not in self.FUZZY and again.quick_key() == report["quick"]:
            return True
        return self.site_key(again)[0] == report["key"]

    def minimize_site(self, site_key, report):
        source = self.case_source(report["case"])
        header_end = source.find(b"\n") + 1 if source.startswith(b"# ctxlab-fuzz:") else 0
        header, body = source[:header_end], source[header_end:]
        origin = b""
        if body.startswith(b"# origin:"):
            end = body.find(b"\n") + 1
            origin, body = body[:end], body[end:]
        deadline = time.monotonic() + self.args.minimize_seconds
        hang_seconds = min(self.args.hang_seconds, self.args.minimize_hang_seconds)
        lines_before = body.count(b"\n") + (0 if body.endswith(b"\n") else 1)
        if not self.args.no_minimize:
            test = lambda b: time.monotonic() < deadline and not self.stop and self.reproduces(b, header, report, hang_seconds)
            body = minimize(body, test)
        lines_after = body.count(b"\n") + (0 if body.endswith(b"\n") else 1)
        swift_frame = self.swift_frame(header + body, report)
        digest = hashlib.sha1(repr(site_key).encode()).hexdigest()[:10]
        path = os.path.join(self.out, "crash-%s-%s.py" % (report["label"], digest))
        mode = re.search(rb"mode=(\w+)", header)
        run = "ctxlab < %s" if mode and mode.group(1) == b"session" else "ctxlab run %s"
        notes = [
            "# ctxlab crash: %s%s" % (report["label"], " (%s)" % report["message"] if report["message"] else ""),
            "# site: %s" % describe_site(report),
            "# swift backtrace: %s" % (swift_frame or "(none: Swift's backtracer prints no frames for this kind)"),
            "# found: seed %d, case %d (%s); minimized from %d to %d lines" % (
                self.args.seed, report["case"], origin.decode("utf-8", "replace")[2:].strip(), lines_before, lines_after),
            "# reproduce: %s   or   ctxlab fuzz --run-file %s" % (run % os.path.basename(path), os.path.basename(path)),
        ]
        with open(path, "wb") as f:
            f.write(header + ("\n".join(notes) + "\n").encode() + body)
        with self.lock:
            report.update(file=path, lines=lines_after, swift_frame=swift_frame, source=body.decode("utf-8", "replace"))
        log("minimized %s at %s to %d lines: %s" % (report["label"], report["location"], lines_after, path))

    def swift_frame(self, source, report):
        """The first `at /.../Sources/...` line of Swift's own backtrace, when it prints one."""
        if report["kind"] in ("hang", "timeout", "memory", "oom", "huge-allocation", "abort"):
            return None
        path = os.path.join(self.tmp, "swift-%d.py" % threading.get_ident())
        with open(path, "wb") as f:
            f.write(source)
        status, stderr, _, _ = self.run_process(["--run-file", path, "--swift-backtrace"], path + ".progress",
                                                stall_timeout=60, total_timeout=120, swift_backtrace=True)
        crashed = stderr.find(" crashed:")
        for m in SWIFT_AT_LINE.finditer(stderr, max(0, crashed)):
            if not any(h in m.group(1) for h in HARNESS_PATHS):
                # "3 [ra] 0x0000… name + 140 in ctxlab at /…": keep from the name on.
                return re.sub(r"^\s*\d+\s+(?:\[[^]]*\]\s+)*0x[0-9a-f]+\s+", "", m.group(0)).strip()
        return None

    # -- the run ---------------------------------------------------------------------------------

    def run(self):
        a = self.args
        log("ctxlab: %s" % self.binary)
        log("fuzzing %d cases from %d with seed %d, %d jobs, chunks of %d" % (a.cases, a.start, a.seed, a.jobs, a.chunk))
        for lo in range(a.start, a.start + a.cases, a.chunk):
            self.queue.append((lo, min(lo + a.chunk, a.start + a.cases)))
        self.finished_fuzzing = False
        minimizer = threading.Thread(target=self.minimizer, daemon=True)
        minimizer.start()
        workers = [threading.Thread(target=self.worker, args=(i,), daemon=True) for i in range(a.jobs)]
        began = time.monotonic()
        for w in workers:
            w.start()
        try:
            last_report = began
            while any(w.is_alive() for w in workers):
                time.sleep(0.5)
                if time.monotonic() - last_report > a.report_every:
                    last_report = time.monotonic()
                    self.progress_line(began)
        except KeyboardInterrupt:
            log("interrupted: stopping, then minimizing what was found")
            self.stop = True
            for w in workers:
                w.join()
            self.stop = False
        elapsed = time.monotonic() - began
        with self.lock:
            self.finished_fuzzing = True
            self.minimize_cv.notify_all()
            pending = len(self.minimize_queue)
        # The fuzzing is over: the other jobs' processors minimize too.
        minimizers = [minimizer] + [threading.Thread(target=self.minimizer, daemon=True)
                                    for _ in range(min(a.jobs, pending + 1) - 1)]
        for m in minimizers[1:]:
            m.start()
        if pending:
            log("minimizing %d more site(s), %d at a time" % (pending, len(minimizers)))
        try:
            for m in minimizers:
                m.join()
        except KeyboardInterrupt:
            self.stop = True
            for m in minimizers:
                m.join()
        return self.summary(elapsed)

    def progress_line(self, began):
        elapsed = time.monotonic() - began
        with self.lock:
            done, sites = self.cases_done, len(self.sites)
            crashes = sum(s["count"] for s in self.sites.values())
        log("%d/%d cases, %.0f cases/s, %d crashes at %d distinct sites" % (
            done, self.args.cases, done / elapsed if elapsed else 0, crashes, sites))

    def summary(self, elapsed):
        a = self.args
        rate = self.cases_done / elapsed if elapsed else 0
        lines = ["", "ctxlab fuzz: seed %d, %d cases in %.1f s: %.1f cases/s (%s: 1,000,000 cases in %.1f h)" % (
            a.seed, self.cases_done, elapsed, rate, display_path(self.binary), 1e6 / rate / 3600 if rate else 0)]
        if self.clean_seconds:
            lines.append("in processes that ran to their end: %d cases in %.1f s, %.1f cases/s per process" % (
                self.clean_cases, self.clean_seconds, self.clean_cases / self.clean_seconds))
        if self.outcomes:
            lines.append("their outcomes: " + ", ".join("%s %d" % kv for kv in sorted(self.outcomes.items())))
        total = sum(s["count"] for s in self.sites.values())
        lines.append("%d crashes at %d distinct sites%s" % (
            total, len(self.sites), "" if not self.runaways else "; %d cases swallowed KeyboardInterrupt past --runaway-seconds (not crashes)" % len(self.runaways)))
        for n, (key, s) in enumerate(sorted(self.sites.items(), key=lambda kv: (kv[1]["kind"], kv[1]["location"])), 1):
            lines.append("")
            lines.append("%d. %s %s%s: %d case(s), first case %d" % (
                n, s["label"], s["kind"], " (%s)" % s["message"] if s["message"] else "", s["count"], s["case"]))
            lines.append("   site: " + describe_site(s))
            if s["swift_frame"]:
                lines.append("   swift backtrace: " + s["swift_frame"])
            if s.get("file"):
                lines.append("   reproducer: %s (%d lines)" % (display_path(s["file"]), s["lines"]))
                for l in s["source"].rstrip("\n").split("\n")[:40]:
                    lines.append("   | " + l)
        if self.internal_errors:
            lines.append("")
            lines.append("internal errors (status 70, not crashes): cases " + ", ".join(map(str, sorted(self.internal_errors)[:50])))
        if self.unconfirmed:
            lines.append("did not reproduce alone: cases " + ", ".join(map(str, self.unconfirmed[:50])))
        text = "\n".join(lines) + "\n"
        print(text)
        with open(os.path.join(self.out, "summary.txt"), "w") as f:
            f.write(text)
        with open(os.path.join(self.out, "summary.json"), "w") as f:
            json.dump({"seed": a.seed, "cases": self.cases_done, "seconds": elapsed, "cases_per_second": rate,
                       "outcomes": self.outcomes, "internal_errors": sorted(self.internal_errors),
                       "sites": [{k: v for k, v in s.items() if k not in ("quick", "key")} for s in self.sites.values()]},
                      f, indent=1)
        shutil.rmtree(self.tmp, ignore_errors=True)
        return 1 if self.sites else 0


OUR_MODULES = ("$s7CtxLang", "$s7CtxCore", "$s7CtxView", "$s10CtxSession")


def has_line(location):
    return "/Sources/" in location and not location.endswith(":0:0")


def is_ours(frame):
    """A frame of ctxlab's code under test: in its sources, or of its modules when the line is
    unknown; thunks (partial apply, reabstraction) and the fuzzer itself excluded."""
    function, location, mangled = frame
    if any(h in location for h in HARNESS_PATHS):
        return False
    if function.startswith(("partial apply", "thunk", "reabstraction", "merged", "outlined")):
        return False
    if has_line(location):
        return True
    return mangled.startswith(OUR_MODULES)


def describe_site(report):
    if report["location"].endswith("(no line information)"):
        return report["location"]
    return "%s at %s" % (report["function"], report["location"])


def display_path(path):
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def stuck_kind(status, progress, killed):
    """hang, memory or timeout when the process did not die by itself of a signal."""
    if killed:
        return "timeout"
    if status == HANG_STATUS or progress.startswith("hang"):
        return "hang"
    if status == MEMORY_STATUS or progress.startswith("memory"):
        return "memory"
    return None


def read_progress(path):
    try:
        with open(path, "rb") as f:
            return f.read(64).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def progress_case(text):
    parts = text.split()
    if len(parts) == 2 and parts[0] in ("run", "hang", "memory", "runaway"):
        return int(parts[1])
    return None


def minimize(body, still_crashes):
    """Line deletion (chunks halving down to single lines), blocks unwrapped (a `try:` with its
    handlers, an `if`, a loop: the body stays, dedented), then token deletion and tidying."""
    test_lines = lambda ls: still_crashes(b"".join(ls))
    lines = body.splitlines(keepends=True)
    lines = ddmin(lines, test_lines)
    unwrapped = unwrap_blocks(lines, test_lines)
    if unwrapped != lines:
        lines = ddmin(unwrapped, test_lines)
    tokens = TOKEN.findall(b"".join(lines))
    solid = [i for i, t in enumerate(tokens) if not t.isspace()]
    keep = ddmin(solid, lambda kept: still_crashes(join_tokens(tokens, set(kept), solid)))
    body = join_tokens(tokens, set(keep), solid)
    tidy = b"\n".join(re.sub(rb"(?<=[^ \t])[ \t]+", b" ", l).rstrip() for l in body.split(b"\n"))
    tidy = re.sub(rb"\n{3,}", b"\n\n", tidy).strip(b"\n") + b"\n"
    if tidy != body and still_crashes(tidy):
        body = tidy
    return body


def indentation(line):
    return len(line) - len(line.lstrip(b" \t"))


def unwrap_blocks(lines, test):
    """Replaces compound statements by the body of one of their clauses (the `try:` body or
    a handler's, an `if` or a loop's body) while `test` holds."""
    blank = lambda l: not l.strip()

    def block_end(start, indent):
        j = start + 1
        while j < len(lines) and (blank(lines[j]) or indentation(lines[j]) > indent):
            j += 1
        return j

    def dedent(body, indent):
        firsts = [indentation(l) for l in body if not blank(l)]
        step = (firsts[0] - indent) if firsts else 0
        return [l[step:] if not l[:step].strip() else l for l in body]

    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped.endswith(b":") or stripped.startswith(b"#"):
            i += 1
            continue
        indent = indentation(lines[i])
        clauses = [(i, block_end(i, indent))]
        k = clauses[0][1]
        while k < len(lines) and indentation(lines[k]) == indent and \
                lines[k].lstrip().startswith((b"except", b"else", b"finally", b"elif")):
            clauses.append((k, block_end(k, indent)))
            k = clauses[-1][1]
        changed = False
        for a, b in clauses:
            body = lines[a + 1:b]
            candidate = lines[:i] + dedent(body, indent) + lines[k:]
            if body and candidate != lines and test(candidate):
                lines = candidate
                changed = True
                break
        if not changed:
            i += 1
    return lines


def join_tokens(tokens, kept, solid):
    solid_set = set(solid)
    return b"".join(t for i, t in enumerate(tokens) if i not in solid_set or i in kept)


def ddmin(items, test):
    """Removes chunks of `items` while `test` holds: chunks of n/2, n/4, ... 1."""
    size = max(1, len(items) // 2)
    while items:
        i = 0
        removed = False
        while i < len(items):
            candidate = items[:i] + items[i + size:]
            if candidate != items and test(candidate):
                items = candidate
                removed = True
            else:
                i += size
        if size == 1 and not removed:
            break
        if not removed:
            size = max(1, size // 2)
    return items


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cases", type=int, default=10000, help="how many cases (default 10000)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--start", type=int, default=0, help="first case number")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="processes at once (default: CPUs)")
    p.add_argument("--out", default="fuzz-out", help="where reproducers and the summary go (default fuzz-out)")
    p.add_argument("--chunk", type=int, default=2000, help="cases per process (default 2000)")
    p.add_argument("--binary", help="the ctxlab to fuzz")
    p.add_argument("--soft-seconds", type=float, default=0.1,
                   help="interrupt a case after this much CPU time, up to 4x for bigger budgets (default 0.1)")
    p.add_argument("--hang-seconds", type=float, default=5.0,
                   help="no interrupt poll for this much CPU time is a hang Ctrl-C cannot end (default 5)")
    p.add_argument("--runaway-seconds", type=float, default=2.0,
                   help="a case that swallows KeyboardInterrupt this much CPU time is abandoned (default 2)")
    p.add_argument("--chunk-timeout", type=float, default=3600.0, help="wall-clock limit of one process")
    p.add_argument("--memory-mb", type=int, default=2048,
                   help="address-space limit per process; at 3/4 of it, memory growing where no case polls is a finding (default 2048)")
    p.add_argument("--minimize-seconds", type=float, default=300.0, help="time to minimize one site (default 300)")
    p.add_argument("--minimize-hang-seconds", type=float, default=4.0,
                   help="hang limit while minimizing a hang (default 4)")
    p.add_argument("--no-minimize", action="store_true")
    p.add_argument("--report-every", type=float, default=60.0, help="seconds between progress lines")
    args = p.parse_args()
    fuzzer = Fuzzer(args)

    def terminate(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, terminate)
    try:
        sys.exit(fuzzer.run())
    finally:
        for child in list(fuzzer.children):
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except OSError:
                pass


if __name__ == "__main__":
    main()
