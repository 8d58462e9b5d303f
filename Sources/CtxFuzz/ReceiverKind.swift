/// The kinds of object whose methods edge-value calls exercise, each with sample receivers (as
/// source text). `isAsync` kinds can only be made inside a running event loop.
public enum ReceiverKind: String, CaseIterable, Sendable {
    case str, list, dict, set, frozenset, tuple, int, float, bytes, range, exception, exceptionGroup,
         function, generator, iterator, contextVar, token, context, thread, local, executor, uuid,
         partial, coroutine, runner, instance, type
    case task, future, loop, handle, timerHandle, event, lock, semaphore, queue, taskGroup, timeout,
         gatherFuture

    var isAsync: Bool {
        switch self {
        case .task, .future, .loop, .handle, .timerHandle, .event, .lock, .semaphore, .queue, .taskGroup,
             .timeout, .gatherFuture:
            return true
        default: return false
        }
    }

    /// Receivers of this kind; the first is the probe's sample.
    var samples: [String] {
        switch self {
        case .str: return ["'abc'", "''", "'a b\\tc\\nd'", "'ÄöÜß🐍'", "'x'*100000", "'{0}{x}%s'", "'  Hello World  '"]
        case .list: return ["[3, 1, 2]", "[]", "[None, 'a', 1.5]", "list(range(1000))", "[[1], [2]]", "[float('nan'), 1]"]
        case .dict: return ["{'a': 1, 2: 'b'}", "{}", "dict.fromkeys(range(100))", "{None: None}"]
        case .set: return ["{1, 2, 3}", "set()", "{'a', None, 2.5}", "set(range(1000))"]
        case .frozenset: return ["frozenset({1, 2})", "frozenset()"]
        case .tuple: return ["(1, 2, 3)", "()", "(None, 'a', [1])"]
        case .int: return ["7", "0", "-1", "2**63-1", "-2**63", "10**100", "True", "-10**30"]
        case .float: return ["1.5", "0.0", "-0.0", "float('nan')", "float('inf')", "1e308", "5e-324", "-2.0**63"]
        case .bytes: return ["b'abc'", "b''", "b'\\xff\\x00'", "b'a'*10000", "b' x y '"]
        case .range: return ["range(10)", "range(0)", "range(-2**63, 2**63-1)", "range(0, 10**100, 7)", "range(10, 0, -3)"]
        case .exception: return ["ValueError('x', 1)", "Exception()", "KeyError('k')", "StopIteration(2)"]
        case .exceptionGroup: return ["ExceptionGroup('g', [ValueError(1), TypeError(2)])", "BaseExceptionGroup('g', [KeyboardInterrupt()])"]
        case .function: return ["(lambda x=1: x)", "print", "len"]
        case .generator: return ["(x for x in range(3))"]
        case .iterator: return ["iter([1, 2, 3])", "iter('ab')", "reversed(range(3))", "zip('ab', 'cd')", "enumerate([1])", "map(abs, [-1])"]
        case .contextVar: return ["contextvars.ContextVar('v')", "contextvars.ContextVar('v', default=None)"]
        case .token: return ["contextvars.ContextVar('v').set(1)"]
        case .context: return ["contextvars.copy_context()", "contextvars.Context()"]
        case .thread: return ["threading.Thread(target=print)", "threading.current_thread()"]
        case .local: return ["threading.local()"]
        case .executor: return ["concurrent.futures.ThreadPoolExecutor()", "concurrent.futures.ThreadPoolExecutor(max_workers=1)"]
        case .uuid: return ["uuid.uuid4()"]
        case .partial: return ["functools.partial(max, 1)"]
        case .coroutine: return ["asyncio.sleep(0)"]
        case .runner: return ["asyncio.Runner()"]
        case .instance: return ["object()"]
        case .type: return ["int", "str", "list", "dict", "type", "object", "ValueError"]
        case .task: return ["asyncio.current_task()", "asyncio.create_task(asyncio.sleep(10))", "asyncio.create_task(asyncio.sleep(0, 5))"]
        case .future: return ["asyncio.get_running_loop().create_future()"]
        case .loop: return ["asyncio.get_running_loop()"]
        case .handle: return ["asyncio.get_running_loop().call_soon(print)"]
        case .timerHandle: return ["asyncio.get_running_loop().call_later(1, print)"]
        case .event: return ["asyncio.Event()"]
        case .lock: return ["asyncio.Lock()"]
        case .semaphore: return ["asyncio.Semaphore(2)", "asyncio.Semaphore(0)"]
        case .queue: return ["asyncio.Queue()", "asyncio.Queue(1)"]
        case .taskGroup: return ["asyncio.TaskGroup()"]
        case .timeout: return ["asyncio.timeout(1)", "asyncio.timeout(None)"]
        case .gatherFuture: return ["asyncio.gather(asyncio.sleep(0))", "asyncio.gather()"]
        }
    }

    var probeName: String { "_probe_" + rawValue }

    /// Makes one sample of every kind, each in its own `try` (a kind ctxlab cannot make is left
    /// out of the surface).
    static var probeProgram: String {
        var s = "import asyncio, contextvars, threading, uuid, functools, concurrent.futures\n"
        for k in allCases where !k.isAsync {
            s += "try:\n    \(k.probeName) = \(k.samples[0])\nexcept BaseException:\n    pass\n"
        }
        s += "async def _probe():\n"
        for k in allCases where k.isAsync {
            s += "    global \(k.probeName)\n    try:\n        \(k.probeName) = \(k.samples[0])\n    except BaseException:\n        pass\n"
        }
        s += "try:\n    asyncio.run(_probe())\nexcept BaseException:\n    pass\n"
        return s
    }

    /// CPython's names for the type (`dir()` of an instance, public names), as candidates.
    var cpythonNames: [String] {
        switch self {
        case .str:
            return ["capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format",
                    "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier",
                    "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower",
                    "lstrip", "maketrans", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex",
                    "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip",
                    "swapcase", "title", "translate", "upper", "zfill"]
        case .list: return ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]
        case .dict: return ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"]
        case .set:
            return ["add", "clear", "copy", "difference", "difference_update", "discard", "intersection",
                    "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove",
                    "symmetric_difference", "symmetric_difference_update", "union", "update"]
        case .frozenset:
            return ["copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union"]
        case .tuple: return ["count", "index"]
        case .int:
            return ["as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag",
                    "is_integer", "numerator", "real", "to_bytes"]
        case .float: return ["as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"]
        case .bytes:
            return ["capitalize", "center", "count", "decode", "endswith", "expandtabs", "find", "fromhex", "hex",
                    "index", "isalnum", "isalpha", "isascii", "isdigit", "islower", "isspace", "istitle", "isupper",
                    "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix", "removesuffix",
                    "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
                    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"]
        case .range: return ["count", "index", "start", "step", "stop"]
        case .exception: return ["add_note", "args", "with_traceback", "__traceback__", "__cause__", "__context__", "__notes__", "value"]
        case .exceptionGroup: return ["add_note", "args", "derive", "exceptions", "message", "split", "subgroup", "with_traceback"]
        case .function: return ["__name__", "__qualname__", "__defaults__", "__kwdefaults__", "__code__", "__wrapped__"]
        case .generator: return ["close", "gi_frame", "gi_running", "send", "throw"]
        case .iterator: return []
        case .contextVar: return ["get", "name", "reset", "set"]
        case .token: return ["MISSING", "old_value", "var"]
        case .context: return ["copy", "get", "items", "keys", "run", "values"]
        case .thread:
            return ["daemon", "getName", "ident", "isDaemon", "is_alive", "join", "name", "native_id", "run",
                    "setDaemon", "setName", "start"]
        case .local: return []
        case .executor: return ["map", "shutdown", "submit"]
        case .uuid:
            return ["bytes", "bytes_le", "clock_seq", "clock_seq_hi_variant", "clock_seq_low", "fields", "hex", "int",
                    "is_safe", "node", "time", "time_hi_version", "time_low", "time_mid", "urn", "variant", "version"]
        case .partial: return ["args", "func", "keywords"]
        case .coroutine: return ["close", "cr_await", "cr_code", "cr_frame", "cr_origin", "cr_running", "cr_suspended", "send", "throw"]
        case .runner: return ["close", "get_loop", "run"]
        case .instance, .type: return ["mro", "__subclasses__", "__bases__", "__mro__", "__name__"]
        case .task:
            return ["add_done_callback", "cancel", "cancelled", "cancelling", "done", "exception", "get_context",
                    "get_coro", "get_loop", "get_name", "get_stack", "print_stack", "remove_done_callback", "result",
                    "set_exception", "set_name", "set_result", "uncancel"]
        case .future, .gatherFuture:
            return ["add_done_callback", "cancel", "cancelled", "done", "exception", "get_loop", "remove_done_callback",
                    "result", "set_exception", "set_result"]
        case .loop:
            return ["call_at", "call_exception_handler", "call_later", "call_soon", "call_soon_threadsafe", "close",
                    "create_future", "create_task", "default_exception_handler", "get_debug", "get_exception_handler",
                    "get_task_factory", "is_closed", "is_running", "run_forever", "run_in_executor",
                    "run_until_complete", "set_debug", "set_default_executor", "set_exception_handler",
                    "set_task_factory", "shutdown_asyncgens", "shutdown_default_executor", "stop", "time"]
        case .handle: return ["cancel", "cancelled", "get_context"]
        case .timerHandle: return ["cancel", "cancelled", "get_context", "when"]
        case .event: return ["clear", "is_set", "set", "wait"]
        case .lock, .semaphore: return ["acquire", "locked", "release"]
        case .queue: return ["empty", "full", "get", "get_nowait", "join", "maxsize", "put", "put_nowait", "qsize", "shutdown", "task_done"]
        case .taskGroup: return ["create_task"]
        case .timeout: return ["expired", "reschedule", "when"]
        }
    }

    /// Dunders and attributes most objects might have.
    static let commonNames = [
        "__len__", "__iter__", "__next__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__eq__",
        "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__repr__", "__str__", "__format__",
        "__bool__", "__add__", "__mul__", "__rmul__", "__mod__", "__sub__", "__and__", "__or__", "__xor__",
        "__neg__", "__abs__", "__index__", "__int__", "__float__", "__round__", "__enter__", "__exit__",
        "__aenter__", "__aexit__", "__await__", "__call__", "__init__", "__class__", "__doc__", "__dict__",
        "__name__", "__qualname__", "__module__", "__reversed__", "__sizeof__", "__reduce__", "__dir__",
        "__getattribute__", "__setattr__", "__init_subclass__", "__class_getitem__", "__new__", "__copy__",
    ]
}
