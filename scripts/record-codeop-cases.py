#!/usr/bin/env python3
"""Record how CPython's codeop classifies partial REPL input, for ctxlab's prompt tests.

    python3 scripts/record-codeop-cases.py [--python PATH] [--out FILE]

The REPL asks one question after every Enter: is the text typed so far complete (run it),
incomplete (ask for another line) or invalid (report it)? CPython answers it with
``codeop.compile_command(source, "<stdin>", "single")`` (PyREPL's ``_more_lines`` builds on the
same call). This script builds many partial inputs and records CPython's answer for each, in
``Tests/CtxLangTests/Fixtures/codeop-cases.json``, which ``CodeopTableTests`` replays against
``classifyInteractiveInput``. Nothing in the table is written by hand: the inputs are

* every line prefix of every top-level statement of the conformance programs, the lessons'
  inputs and the seed article's code blocks, as a person types them (lines joined with "\\n"),
  each also followed by one and by two empty lines;
* the hand-picked partial inputs in ``EXTRA`` below (nested blocks, decorators, brackets,
  backslashes, triple-quoted strings, try/except/finally, if/elif/else, classes in functions).

Only the inputs go in by hand; every expected answer comes from the CPython that runs it (the
newest local >= 3.13, found as Tests/Conformance/regenerate.py finds it).
"""

import argparse
import ast
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Conformance"))
sys.dont_write_bytecode = True
from regenerate import find_interpreter  # noqa: E402

# Partial inputs that the corpus does not produce by itself.
EXTRA = [
    "def f():\n    if True:",
    "def f():\n    if True:\n",
    "def f():\n    if True:\n\n",
    "def f():\n    if True:\n        pass",
    "def f():\n    if True:\n        pass\n",
    "def f():\n    for i in x:\n        while y:\n            pass",
    "def f():\n    for i in x:\n        while y:\n            pass\n",
    "def f():\n    try:",
    "def f():\n    try:\n        pass",
    "def f():\n    try:\n        pass\n    except E:",
    "def f():\n    try:\n        pass\n    except E:\n        pass\n",
    "def f():\n    with a:",
    "async def f():\n    async with a:",
    "async def f():\n    async with a:\n        pass\n",
    "async def f():\n    async for x in y:\n        pass\n",
    "def f():\n    class A:\n        def g(self):",
    "def f():\n    class A:\n        def g(self):\n            return 1\n",
    "class A:\n    def f(self):\n        if x:\n            pass\n        else:",
    "class A:\n    def f(self):\n        if x:\n            pass\n        else:\n            pass\n",
    "if a:\n    pass\nelif b:",
    "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
    "if a:\n    pass\nelse",
    "try:\n    pass\nfinally:",
    "try:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\n",
    "try:\n    pass\n\n",
    "while x:\n    pass\nelse:",
    "for x in y:\n    pass\nelse:\n    pass\n",
    "@decorator",
    "@decorator\n",
    "@decorator\ndef f():",
    "@decorator\ndef f():\n    pass\n",
    "@a\n@b(1)\nclass C:\n    pass\n",
    "@decorator\nx = 1",
    "x = (",
    "x = (1,\n",
    "x = (1,\n\n",
    "x = [1,\n 2,\n",
    "x = {'a':\n",
    "x = {'a': 1,\n 'b': 2}",
    "print(1,\n      2)",
    "f(a,\n  b",
    "f(a b",
    "x = (1 2",
    "x = (1]",
    "x = 1)",
    "x = 1 + \\",
    "x = 1 + \\\n    2",
    "x = \\\n",
    "x = \\\n\n",
    "if x and \\\n   y:",
    "s = '''",
    "s = '''abc\n",
    "s = '''abc\ndef'''",
    's = """\nline\n"""',
    "s = 'abc",
    "s = f'{x'",
    "s = f'''{x\n",
    "def f():\n    '''doc",
    "def f():\n    '''doc\n    more'''",
    "lambda: (",
    "x = 1 +",
    "x =",
    "1 = x",
    "  x = 1",
    "if x:\npass",
    "if x:\n    a\n  b",
    "if x:\n    a\n\n    b",
    "if x: pass",
    "if x: pass\n",
    "x = 1",
    "x = 1\n",
    "x = 1; y = 2",
    "x = 1\ny = 2",
    "x = 1\ny = 2\n",
    "def f():\n    pass\nx = 1",
    "def f():\n    pass\nx = 1\n",
    "x = 1\nif y:",
    "x = 1\nif y:\n    pass\n",
    "await asyncio.sleep(1)",
    "async with asyncio.TaskGroup() as tg:",
    "async with asyncio.TaskGroup() as tg:\n    tg.create_task(f())\n",
    "async for x in agen():",
    "return 1",
    "def f():\n    return",
    "def f():\n    return\n",
    "class A:",
    "class A:\n    pass\n",
    "class A(B,",
    "class A(B,\n        C):",
    "def f(a,\n      b):",
    "def f(a,\n      b):\n    return a\n",
    "def f(*, a",
    "# comment",
    "",
    "\n",
    "   ",
    "if x:  # comment",
    "if x:  # comment\n    pass\n",
    "del",
    "import",
    "from x import (a,",
    "from x import (a,\n    b)",
    "global x",
    "x = [i for i in\n     range(3)]",
    "x = [i for i in",
    "else:",
    "elif x:",
    "except E:",
    "x = yield",
    "def f():\n  x = 1\n\n  return x",
    "def f():\n  x = 1\n\n  return x\n",
    "def f():\n\tpass\n",
    "def f():\n    if x:\n        pass\n  y = 1",
    "with a, b:",
    "with (a as b,\n      c as d):",
    "with (a as b,\n      c as d):\n    pass\n",
    "assert x, (",
    "raise ValueError(",
    "nonlocal x",
    "break",
    "x: int",
    "x: int = 1",
    "(x := 5)",
]


def seed_blocks():
    path = os.path.join(ROOT, "..", "shared", "seeds", "python-contextvar.md")
    if not os.path.exists(path):
        return []
    text = open(path, encoding="utf-8").read()
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    out = []
    for block in blocks:
        try:
            ast.parse(block)
        except SyntaxError:
            try:
                compile(block, "<seed>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
            except SyntaxError:
                continue  # an output block
        out.append(block)
    return out


def transcript_inputs():
    sources = []
    for path in sorted(glob.glob(os.path.join(ROOT, "transcripts", "*.pycon"))):
        current = None
        for line in open(path, encoding="utf-8").read().split("\n"):
            if line.startswith(">>> "):
                if current is not None:
                    sources.append("\n".join(current))
                current = [line[4:]]
            elif current is not None and (line == "..." or line.startswith("... ")):
                current.append(line[4:])
            elif current is not None:
                sources.append("\n".join(current))
                current = None
    return [s for s in sources if not s.startswith(":")]


def statements_of(source):
    """The top-level statements of a program, each as the lines a person would type."""
    try:
        tree = compile(source, "<src>", "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    except SyntaxError:
        return []
    lines = source.split("\n")
    out = []
    for stmt in tree.body:
        start = stmt.lineno - 1
        if getattr(stmt, "decorator_list", None):
            start = stmt.decorator_list[0].lineno - 1
        out.append(lines[start:stmt.end_lineno])
    return out


def partial_inputs():
    programs = [open(p, encoding="utf-8").read()
                for p in sorted(glob.glob(os.path.join(ROOT, "Tests", "Conformance", "programs", "*.py")))]
    programs += seed_blocks() + transcript_inputs()
    seen = set()
    ordered = []

    def add(s):
        if s not in seen:
            seen.add(s)
            ordered.append(s)

    for extra in EXTRA:
        add(extra)
    for program in programs:
        for lines in statements_of(program):
            for k in range(1, len(lines) + 1):
                typed = "\n".join(lines[:k])
                add(typed)
                add(typed + "\n")
                if k == len(lines) and len(lines) > 1:
                    add(typed + "\n\n")
    return ordered


CLASSIFY = r"""
import codeop, json, sys, warnings
warnings.simplefilter("ignore")
out = []
for source in json.load(sys.stdin):
    try:
        code = codeop.compile_command(source, "<stdin>", "single")
    except (SyntaxError, OverflowError, ValueError) as e:
        out.append({"source": source, "expected": "invalid",
                    "error": "%s: %s" % (type(e).__name__, getattr(e, "msg", str(e)))})
        continue
    out.append({"source": source, "expected": "incomplete" if code is None else "complete"})
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--python", default=os.environ.get("CTXLAB_CPYTHON"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Tests", "CtxLangTests", "Fixtures", "codeop-cases.json"))
    args = parser.parse_args()
    version, python = find_interpreter(args.python)
    inputs = partial_inputs()
    # Top-level await is what the asyncio REPL compiles with; codeop's flag for it is the
    # compiler flag PyCF_ALLOW_TOP_LEVEL_AWAIT, set on a CommandCompiler below.
    script = CLASSIFY.replace(
        'code = codeop.compile_command(source, "<stdin>", "single")',
        'cc = codeop.CommandCompiler(); import ast; cc.compiler.flags |= ast.PyCF_ALLOW_TOP_LEVEL_AWAIT\n'
        '        code = cc(source, "<stdin>", "single")')
    result = subprocess.run([python, "-c", script], input=json.dumps(inputs), capture_output=True,
                            text=True, check=True)
    cases = json.loads(result.stdout)
    header = {"recorded_with": "CPython " + ".".join(map(str, version)),
              "by": "scripts/record-codeop-cases.py", "count": len(cases)}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"about": header, "cases": cases}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    counts = {}
    for c in cases:
        counts[c["expected"]] = counts.get(c["expected"], 0) + 1
    print("recorded %d cases with %s: %s" % (len(cases), header["recorded_with"], counts))


if __name__ == "__main__":
    main()
