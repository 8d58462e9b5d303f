"""Run files as CPython 3.14's asyncio REPL runs the statements typed into it.

    python3 repl_like.py FILE.py [FILE.py ...]

Each top-level statement runs in one shared session Context (gh-124594, as 3.13.1+ and 3.14 do;
3.13.0's REPL copies a new context per statement), a statement with top-level ``await`` as a
Task in that context, all in one event loop. What the statements print goes to stdout, with
every UUID replaced by ``<uuid-N>``, numbered in order of first appearance, so that runs with
different random UUIDs compare equal while "same value" and "new value" stay visible.
"""
import ast
import asyncio
import contextvars
import io
import re
import sys
import types

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def number_uuids(text):
    seen = {}
    return UUID.sub(lambda m: "<uuid-%d>" % seen.setdefault(m.group(0), len(seen) + 1), text)


def main(paths):
    loop = asyncio.new_event_loop()
    session = contextvars.copy_context()
    namespace = {"__name__": "__main__", "asyncio": asyncio}
    captured = io.StringIO()
    real_stdout, sys.stdout = sys.stdout, captured
    try:
        for path in paths:
            tree = ast.parse(open(path, encoding="utf-8").read())
            for stmt in tree.body:
                code = compile(ast.Module([stmt], []), path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
                result = session.run(types.FunctionType(code, namespace))
                if asyncio.iscoroutine(result):
                    loop.run_until_complete(loop.create_task(result, context=session))
    finally:
        sys.stdout = real_stdout
    sys.stdout.write(number_uuids(captured.getvalue()))


if __name__ == "__main__":
    main(sys.argv[1:])
