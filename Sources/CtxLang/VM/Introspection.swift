import CtxCore

/// Read-only introspection for tools (completion, the session's views): never runs Python code.
extension Interpreter {
    public var builtinNames: [String] { builtins.order }

    public func builtinValue(_ name: String) -> Value? { builtins[name] }

    /// An attribute that can be read without side effects, or nil.
    public func staticAttribute(_ v: Value, _ name: String) -> Value? {
        switch v.asObject {
        case let m as PyModule: return m.namespace[name]
        case let i as PyInstance: return i[attribute: name] ?? i.cls.lookup(name)
        case let c as PyClass: return c.lookup(name)
        default: return nil
        }
    }

    /// The attribute names `dir()` would mostly show, for completion.
    public func attributeNames(of v: Value) -> [String] {
        switch v.asObject {
        case let m as PyModule: return m.namespace.order
        case let i as PyInstance: return Array(Set(i.attributeNames + i.cls.mro.flatMap(\.namespace.order)))
        case let c as PyClass: return Array(Set(c.mro.flatMap(\.namespace.order)))
        case is ContextVar: return ["get", "name", "reset", "set"]
        case is Context: return ["copy", "get", "items", "keys", "run", "values"]
        case is Token: return ["MISSING", "old_value", "var"]
        case is Task: return ["add_done_callback", "cancel", "cancelled", "cancelling", "done", "exception", "get_context",
                              "get_coro", "get_loop", "get_name", "remove_done_callback", "result", "set_name", "uncancel"]
        case is Future: return ["add_done_callback", "cancel", "cancelled", "done", "exception", "get_loop",
                                "remove_done_callback", "result", "set_exception", "set_result"]
        case is EventLoop: return ["call_at", "call_later", "call_soon", "call_soon_threadsafe", "create_future",
                                   "create_task", "is_closed", "is_running", "run_in_executor", "time"]
        case is PyList: return ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]
        case is PyDict: return ["clear", "copy", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"]
        case is PyThread: return ["daemon", "ident", "is_alive", "join", "name", "start"]
        default:
            if case .str = v {
                return ["capitalize", "center", "count", "endswith", "find", "format", "index", "isdigit", "join", "ljust",
                        "lower", "lstrip", "partition", "replace", "rfind", "rjust", "rsplit", "rstrip", "split",
                        "splitlines", "startswith", "strip", "title", "upper", "zfill"]
            }
            return []
        }
    }
}
