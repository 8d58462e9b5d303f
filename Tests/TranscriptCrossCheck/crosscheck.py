#!/usr/bin/env python3
"""Replays ctxlab transcripts (.pycon) in real CPython, the way 3.14's asyncio REPL runs them.

    python3 Tests/TranscriptCrossCheck/crosscheck.py [FILE.pycon ...]

With no files, every transcripts/*.pycon of the package is checked. Each transcript is replayed in
a fresh interpreter (so Task-N numbering starts at 1, as in a fresh `python -m asyncio`) and its
outputs are compared with the ones the transcript records. Prints OK or a unified diff per
transcript, then `N passed, M failed`; exits 1 when something failed. Run by anything but
CPython >= 3.11 it prints `SKIPPED: no CPython >= 3.11` and exits 0.

What "the way 3.14's asyncio REPL runs them" means (Lib/asyncio/__main__.py and
Lib/_pyrepl/console.py of 3.14; ../shared/SEMANTICS.md §4):
- one event loop (`asyncio.new_event_loop()`) and one `contextvars.copy_context()` shared by every
  statement of the session (gh-124594), whatever the interpreter's own REPL does;
- locals `{'asyncio': asyncio, '__name__': '__main__', ...}`, filename `<stdin>`;
- each input is split into its top-level statements; all but the last are compiled in 'exec'
  mode, the last in 'single' mode (so only it echoes its value), all with
  `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT`; the input stops at the first statement that fails;
- a statement runs in a callback scheduled with `loop.call_soon(callback, context=ctx)`; when it
  contains a top-level await, the callback wraps its coroutine in
  `loop.create_task(coro, context=ctx)` (which takes a Task-N number);
- after each input, the handles that are ready run until none is left (the prompt comes back
  after what is ready has run; timers keep their own time);
- an error is shown in doctest form: `Traceback (most recent call last):`, `  ...`, last line.

Inputs that start with `:` are ctxlab meta-commands: they and their outputs are skipped. An input
right after a narration line `# requires: 3.14` is skipped on interpreters older than 3.14.
Outputs are compared after replacing addresses (`0x…`) and numbering UUIDs by first appearance.
"""

import difflib
import json
import os
import re
import subprocess
import sys

REQUIRES_314 = "# requires: 3.14"
TRACEBACK_HEADER = "Traceback (most recent call last):"


# ---------------------------------------------------------------------------------------------
# The transcript format (mirrors Sources/CtxSession/Transcript.swift)

def is_narration(line):
    return line == "#" or line.startswith("# ")


ACCOUNT = "During this input ("


def parse(text):
    """[(input, recorded_output, requires_314)] for every input of the transcript."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    examples, i, requires = [], 0, False
    while i < len(lines):
        line = lines[i]
        if line.startswith(">>>"):
            source = [line[4:] if line.startswith(">>> ") else line[3:]]
            i += 1
            while i < len(lines) and (lines[i] == "..." or lines[i].startswith("... ")):
                source.append(lines[i][4:])
                i += 1
            output, in_account = [], False
            while i < len(lines) and not lines[i].startswith(">>>") and not is_narration(lines[i]):
                # ctxlab's account of the input ("During this input", then indented lines) is
                # its own view, like the tree: CPython prints nothing of the kind.
                if lines[i].startswith(ACCOUNT):
                    in_account = True
                elif not (in_account and lines[i].startswith("  ")):
                    in_account = False
                    output.append(lines[i])
                i += 1
            while output and output[-1] == "":
                output.pop()
            examples.append(("\n".join(source), "".join(l + "\n" for l in output), requires))
            requires = False
        else:
            if line.strip() == REQUIRES_314:
                requires = True
            i += 1
    return examples


def shown(source, output):
    """An input with its prompts, then its output: the unit the diff shows."""
    prompts = [(">>> " if n == 0 else ("..." if l == "" else "... ")) + l
               for n, l in enumerate(source.split("\n"))]
    return "".join(p + "\n" for p in prompts) + output


def normalised(text):
    text = re.sub(r"0x[0-9a-fA-F]+", "0x…", text)
    numbers = {}

    def number(m):
        return "<uuid-%d>" % numbers.setdefault(m.group(0).lower(), len(numbers) + 1)

    return re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", number, text)


# ---------------------------------------------------------------------------------------------
# The REPL (runs in a fresh child interpreter per transcript)

class Repl:
    def __init__(self):
        import asyncio
        import builtins
        import contextvars
        import io

        self.asyncio = asyncio
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        # AsyncIOInteractiveConsole.__init__ (3.14): one context for the whole session.
        self.context = contextvars.copy_context()
        self.locals = {
            "asyncio": asyncio, "__name__": "__main__", "__package__": None, "__loader__": None,
            "__spec__": None, "__builtins__": builtins, "__file__": asyncio.__file__,
        }
        self.out = io.StringIO()

    def submit(self, source):
        """Runs one input; returns everything it printed."""
        import ast
        import contextlib

        self.out = out = __import__("io").StringIO()
        with contextlib.redirect_stdout(out):
            try:
                tree = compile(source + "\n", "<stdin>", "exec",
                               ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
            except SyntaxError as e:
                out.write(self.syntax_error(e))
                return out.getvalue()
            for n, stmt in enumerate(tree.body):
                last = n == len(tree.body) - 1
                item = ast.Interactive([stmt]) if last else ast.Module([stmt], type_ignores=[])
                try:
                    code = compile(item, "<stdin>", "single" if last else "exec",
                                   ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
                except SyntaxError as e:
                    out.write(self.syntax_error(e))
                    break
                if not self.run_statement(code):
                    break
            self.drain()
        return out.getvalue()

    def run_statement(self, code):
        """runcode() of Lib/asyncio/__main__.py, with an asyncio.Future standing in for the
        concurrent one the REPL thread waits on. Returns False when the statement failed."""
        import inspect
        import types
        from asyncio import futures

        loop, done = self.loop, self.loop.create_future()

        def callback():
            func = types.FunctionType(code, self.locals)
            try:
                coro = func()
            except BaseException as ex:
                done.set_exception(ex)
                return
            if not inspect.iscoroutine(coro):
                done.set_result(coro)
                return
            try:
                task = loop.create_task(coro, context=self.context)
                futures._chain_future(task, done)
            except BaseException as ex:
                done.set_exception(ex)

        loop.call_soon(callback, context=self.context)
        try:
            loop.run_until_complete(done)
            return True
        except BaseException as ex:
            if done.cancelled():
                self.out.write(TRACEBACK_HEADER + "\n  ...\nconcurrent.futures._base.CancelledError\n")
            else:
                self.out.write(self.traceback(ex))
            return False

    def drain(self):
        """Lets what is ready run, as it does while a person reads the output."""
        loop = self.loop
        while loop._ready:
            loop.call_soon(loop.stop)
            loop.run_forever()

    @staticmethod
    def traceback(ex):
        import traceback
        lines = "".join(traceback.format_exception(type(ex), ex, ex.__traceback__)).rstrip("\n").split("\n")
        return TRACEBACK_HEADER + "\n  ...\n" + lines[-1] + "\n"

    @staticmethod
    def syntax_error(e):
        import traceback
        return "".join(traceback.format_exception_only(type(e), e))


def replay(path):
    """Child mode: replays one transcript, prints [[recorded, actual] or null per input] as JSON."""
    with open(path, encoding="utf-8") as f:
        examples = parse(f.read())
    repl, results = Repl(), []
    for source, _, requires in examples:
        if source.lstrip().startswith(":") or not source.strip() or (requires and sys.version_info < (3, 14)):
            results.append(None)
            continue
        results.append(repl.submit(source))
    sys.__stdout__.write(json.dumps(results))


# ---------------------------------------------------------------------------------------------
# The driver

def check(path):
    """Returns None when the transcript agrees with CPython, else the diff to show."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONDONTWRITEBYTECODE="1")
    env.pop("PYTHONSTARTUP", None)
    try:
        child = subprocess.run([sys.executable, "-X", "utf8", os.path.abspath(__file__), "--replay", path],
                               capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    except subprocess.TimeoutExpired:
        return "the replay did not finish within 120 seconds\n"
    if child.returncode != 0:
        return "the replay crashed (exit %d):\n%s" % (child.returncode, child.stderr)
    actual = json.loads(child.stdout)
    with open(path, encoding="utf-8") as f:
        examples = parse(f.read())
    expected_text = actual_text = ""
    for (source, recorded, _), got in zip(examples, actual):
        if got is None:
            continue
        expected_text += shown(source, recorded)
        actual_text += shown(source, got)
    expected_text, actual_text = normalised(expected_text), normalised(actual_text)
    if expected_text == actual_text:
        return None
    name = os.path.basename(path)
    return "".join(difflib.unified_diff(
        expected_text.splitlines(True), actual_text.splitlines(True),
        fromfile=name + " (ctxlab transcript)", tofile=name + " (CPython %d.%d)" % sys.version_info[:2]))


def main(argv):
    if sys.implementation.name != "cpython" or sys.version_info < (3, 11):
        print("SKIPPED: no CPython >= 3.11 (this is %s %s)"
              % (sys.implementation.name, ".".join(map(str, sys.version_info[:3]))))
        return 0
    if argv[:1] == ["--replay"]:
        replay(argv[1])
        return 0
    files = argv
    if not files:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "transcripts")
        files = sorted(os.path.join(root, n) for n in os.listdir(root) if n.endswith(".pycon"))
    print("CPython %s at %s" % (sys.version.split()[0], sys.executable))
    passed = failed = 0
    for path in files:
        diff = check(path)
        if diff is None:
            passed += 1
            print("%s: OK" % os.path.relpath(path))
        else:
            failed += 1
            sys.stdout.write(diff if diff.endswith("\n") else diff + "\n")
            print("%s: FAILED" % os.path.relpath(path))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
