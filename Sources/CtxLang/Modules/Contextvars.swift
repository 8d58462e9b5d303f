import CtxCore

/// `contextvars`: ContextVar, Context, Token and copy_context, with CPython's messages
/// (SEMANTICS.md §1).
extension Interpreter {
    func makeContextvarsModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "contextvars")
        m.namespace["ContextVar"] = .object(classes.contextVar)
        m.namespace["Context"] = .object(classes.context)
        m.namespace["Token"] = .object(classes.token)
        m.namespace["copy_context"] = function("copy_context") { [unowned self] a in
            if !a.args.isEmpty { throw self.rt.error(.TypeError, "_contextvars.copy_context() takes no arguments (\(a.args.count) given)") }
            return .object(self.rt.copyContext())
        }
        return m
    }

    /// `ContextVar(name, *, default=...)` (CPython: `contextvar_tp_new`).
    func newContextVar(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if args.count > 1 { throw rt.error(.TypeError, "ContextVar() takes at most 1 positional argument (\(args.count) given)") }
        if args.count + kwargs.count > 2 { throw rt.error(.TypeError, "ContextVar() takes at most 2 arguments (\(args.count + kwargs.count) given)") }
        if let bad = kwargs.first(where: { $0.0 != "default" }) {
            if bad.0 == "name" && args.isEmpty { throw rt.error(.TypeError, "ContextVar() takes exactly 1 positional argument (0 given)") }
            throw rt.error(.TypeError, "ContextVar() got an unexpected keyword argument '\(bad.0)'")
        }
        guard let first = args.first else { throw rt.error(.TypeError, "ContextVar() takes exactly 1 positional argument (0 given)") }
        guard case .str(let name) = first else { throw rt.error(.TypeError, "context variable name must be a str") }
        let v = ContextVar(runtime: rt, name: name, default: kwargs.first?.1)
        onContextVarCreated(v)
        if let frame = activeStacks.last?.top, !frame.code.usesNamespace {
            onHint("ContextVar('\(name)') created inside \(frame.code.qualname)(): every call makes a new, different variable. Create ContextVars once, at module level")
        }
        return .object(v)
    }

    func contextVarAttribute(_ v: ContextVar, _ name: String) -> Value? {
        let owner = Value.object(v)
        switch name {
        case "name": return .str(v.name)
        case "get":
            return method("get", of: owner) { [unowned self] a in
                if !a.kwargs.isEmpty { throw self.rt.error(.TypeError, "ContextVar.get() takes no keyword arguments") }
                if a.args.count > 1 { throw self.rt.error(.TypeError, "get expected at most 1 argument, got \(a.args.count)") }
                return try v.get(self.rt, default: a.args.first)
            }
        case "set":
            return method("set", of: owner) { [unowned self] a in
                if !a.kwargs.isEmpty { throw self.rt.error(.TypeError, "ContextVar.set() takes no keyword arguments") }
                if a.args.count != 1 { throw self.rt.error(.TypeError, "ContextVar.set() takes exactly one argument (\(a.args.count) given)") }
                return .object(v.set(self.rt, a.args[0]))
            }
        case "reset":
            return method("reset", of: owner) { [unowned self] a in
                if !a.kwargs.isEmpty { throw self.rt.error(.TypeError, "ContextVar.reset() takes no keyword arguments") }
                if a.args.count != 1 { throw self.rt.error(.TypeError, "ContextVar.reset() takes exactly one argument (\(a.args.count) given)") }
                guard let t = a.args[0].asObject as? Token else {
                    throw self.rt.error(.TypeError, "expected an instance of Token, got \(try self.repr(a.args[0]))")
                }
                do {
                    try v.reset(self.rt, t)
                } catch let e as PyException where e.isInstance(of: .ValueError) && !t.used && t.variable === v {
                    self.onHint("this Token was made by set() in Context \(t.context.hexAddress); reset() must run in that same Context object (a copy is a different Context)")
                    throw e
                }
                return .none
            }
        default: return nil
        }
    }

    func contextAttribute(_ c: Context, _ name: String) -> Value? {
        let owner = Value.object(c)
        switch name {
        case "run":
            return method("run", of: owner) { [unowned self] a in
                guard let fn = a.args.first else { throw self.rt.error(.TypeError, "run() missing 1 required positional argument") }
                let result = try c.run(self.rt) { try self.call(fn, Array(a.args.dropFirst()), a.kwargs) }
                if result.asObject is PyCoroutine {
                    self.onHint("ctx.run() only created the coroutine; its body will run in the context of whoever awaits it, not in this Context. To run it here: asyncio.create_task(coro, context=ctx)")
                }
                return result
            }
        case "copy": return method("copy", of: owner) { [unowned self] _ in .object(c.copy(self.rt)) }
        case "get":
            return method("get", of: owner) { [unowned self] a in
                if !a.kwargs.isEmpty { throw self.rt.error(.TypeError, "Context.get() takes no keyword arguments") }
                if a.args.isEmpty { throw self.rt.error(.TypeError, "get expected at least 1 argument, got 0") }
                if a.args.count > 2 { throw self.rt.error(.TypeError, "get expected at most 2 arguments, got \(a.args.count)") }
                guard let v = a.args[0].asObject as? ContextVar else {
                    throw self.rt.error(.TypeError, "a ContextVar key was expected, got \(try self.repr(a.args[0]))")
                }
                return c.value(of: v) ?? (a.args.count > 1 ? a.args[1] : .none)
            }
        case "keys": return method("keys", of: owner) { [unowned self] _ in .object(self.contextIterator(c, "keys") { k, _ in .object(k) }) }
        case "values": return method("values", of: owner) { [unowned self] _ in .object(self.contextIterator(c, "values") { _, v in v }) }
        case "items": return method("items", of: owner) { [unowned self] _ in .object(self.contextIterator(c, "items") { k, v in self.tuple([.object(k), v]) }) }
        default: return nil
        }
    }

    func tokenAttribute(_ t: Token, _ name: String) -> Value? {
        switch name {
        case "var": return .object(t.variable)
        case "old_value": return t.oldValue ?? .object(missing)
        case "MISSING": return .object(missing)
        case "__enter__": return method("__enter__", of: .object(t)) { _ in .object(t) }
        case "__exit__":
            return method("__exit__", of: .object(t)) { [unowned self] _ in
                try t.exit(self.rt)
                return .none
            }
        default: return nil
        }
    }
}
