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
        switch name {
        case "name": return .str(v.name)
        case "get", "set", "reset":
            return method(name, of: .object(v)) { [unowned self] a in try self.contextVarMethod(v, name, a) }
        default: return nil
        }
    }

    /// `var.get(…)`, `var.set(…)`, `var.reset(…)`: the bound methods above, and `obj.name(…)`
    /// calls the VM makes directly (`callsDirectly`).
    func contextVarMethod(_ v: ContextVar, _ name: String, _ a: Arguments) throws -> Value {
        switch name {
        case "get":
            if !a.kwargs.isEmpty { throw rt.error(.TypeError, "ContextVar.get() takes no keyword arguments") }
            if a.args.count > 1 { throw rt.error(.TypeError, "get expected at most 1 argument, got \(a.args.count)") }
            return try v.get(rt, default: a.args.first)
        case "set":
            if !a.kwargs.isEmpty { throw rt.error(.TypeError, "ContextVar.set() takes no keyword arguments") }
            if a.args.count != 1 { throw rt.error(.TypeError, "ContextVar.set() takes exactly one argument (\(a.args.count) given)") }
            return .object(v.set(rt, a.args[0]))
        default:  // "reset"
            if !a.kwargs.isEmpty { throw rt.error(.TypeError, "ContextVar.reset() takes no keyword arguments") }
            if a.args.count != 1 { throw rt.error(.TypeError, "ContextVar.reset() takes exactly one argument (\(a.args.count) given)") }
            guard let t = a.args[0].asObject as? Token else {
                throw rt.error(.TypeError, "expected an instance of Token, got \(try repr(a.args[0]))")
            }
            do {
                try v.reset(rt, t)
            } catch let e as PyException where e.isInstance(of: .ValueError) && !t.used && t.variable === v {
                onHint("this Token was made by set() in Context \(t.context.hexAddress); reset() must run in that same Context object (a copy is a different Context)")
                throw e
            }
            return .none
        }
    }

    func contextAttribute(_ c: Context, _ name: String) -> Value? {
        let owner = Value.object(c)
        switch name {
        case "run", "copy", "get":
            return method(name, of: owner) { [unowned self] a in try self.contextMethod(c, name, a) }
        case "keys": return method("keys", of: owner) { [unowned self] _ in .object(self.contextIterator(c, "keys") { k, _ in .object(k) }) }
        case "values": return method("values", of: owner) { [unowned self] _ in .object(self.contextIterator(c, "values") { _, v in v }) }
        case "items": return method("items", of: owner) { [unowned self] _ in .object(self.contextIterator(c, "items") { k, v in self.tuple([.object(k), v]) }) }
        default: return nil
        }
    }

    /// `ctx.run(…)`, `ctx.copy()`, `ctx.get(…)` (see `contextVarMethod`).
    func contextMethod(_ c: Context, _ name: String, _ a: Arguments) throws -> Value {
        switch name {
        case "run":
            guard let fn = a.args.first else { throw rt.error(.TypeError, "run() missing 1 required positional argument") }
            let result = try c.run(rt) { try call(fn, Array(a.args.dropFirst()), a.kwargs) }
            if result.asObject is PyCoroutine {
                onHint("ctx.run() only created the coroutine; its body will run in the context of whoever awaits it, not in this Context. To run it here: asyncio.create_task(coro, context=ctx)")
            }
            return result
        case "copy":
            return .object(c.copy(rt))
        default:  // "get"
            if !a.kwargs.isEmpty { throw rt.error(.TypeError, "Context.get() takes no keyword arguments") }
            if a.args.isEmpty { throw rt.error(.TypeError, "get expected at least 1 argument, got 0") }
            if a.args.count > 2 { throw rt.error(.TypeError, "get expected at most 2 arguments, got \(a.args.count)") }
            guard let v = a.args[0].asObject as? ContextVar else {
                throw rt.error(.TypeError, "a ContextVar key was expected, got \(try repr(a.args[0]))")
            }
            return c.value(of: v) ?? (a.args.count > 1 ? a.args[1] : .none)
        }
    }

    /// Whether `obj.name(…)` is one of the calls the VM makes without a bound-method object.
    static func callsDirectly(_ obj: Value, _ name: String) -> Bool {
        switch obj.asObject {
        case is ContextVar: return name == "get" || name == "set" || name == "reset"
        case is Context: return name == "run" || name == "get" || name == "copy"
        default: return false
        }
    }

    /// Makes such a call (`callsDirectly` said yes): the same code as the bound method's.
    func callDirectly(_ obj: Value, _ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = Arguments(name: name, args: args, kwargs: kwargs, rt: rt)
        switch obj.asObject {
        case let v as ContextVar: return try contextVarMethod(v, name, a)
        case let c as Context: return try contextMethod(c, name, a)
        default: preconditionFailure("callDirectly(\(name)) on an object callsDirectly refused")
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
