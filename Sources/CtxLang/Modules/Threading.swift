import CtxCore

/// `threading.Thread` and `threading.local`: simulated threads (see CtxCore's `PyThread` for when
/// their code runs). The module itself is Lib/threading.py over `_thread` (ThreadModule.swift).
extension Interpreter {
    /// `Thread(target=None, name=None, args=(), kwargs=None, *, daemon=None, context=None)`.
    func makeThread(_ a: Arguments) throws -> Value {
        try a.check(maxPositional: 5, keywords: ["group", "target", "name", "args", "kwargs", "daemon", "context"])
        let target = a.get(1, "target") ?? .none
        let args = try a.get(3, "args").map { try iterate($0) } ?? []
        var kwargs: [(String, Value)] = []
        if let kw = a.get(4, "kwargs")?.asObject as? PyDict {
            for (k, v) in kw.storage { if case .str(let s) = k.value { kwargs.append((s, v)) } }
        }
        var name = try a.get(2, "name").flatMap { try $0.isIdentical(.none) || !truthy($0) ? nil : try str($0) }
        // CPython: `Thread-N (target.__name__)` for any target that has one (`ctx.run`: "run");
        // a named thread takes no number.
        if name == nil {
            name = rt.newThreadName()
            if !target.isIdentical(.none), case .str(let targetName)? = try? findAttribute(target, "__name__") {
                name! += " (\(targetName))"
            }
        }
        let ctx = a.keyword("context").flatMap { $0.asObject as? Context }
        let t = rt.makeThread(name: name, context: ctx) { [unowned self] _ in
            if !target.isIdentical(.none) { _ = try self.call(target, args, kwargs) }
        }
        // A Python function's frames can stop where the thread sleeps (ThreadFrames.swift).
        if let r = resumableTarget(target, args, kwargs) { t.resumable = r }
        if let d = a.keyword("daemon"), !d.isIdentical(.none) { t.daemon = try truthy(d) }
        return .object(t)
    }

    /// `join(timeout)`'s seconds: CPython compares it with 0 first (`max(timeout, 0)`).
    private func joinTimeout(_ v: Value) throws -> Double {
        guard let d = numeric(v) else {
            throw rt.error(.TypeError, "'>' not supported between instances of 'int' and '\(typeName(v))'")
        }
        return d
    }

    func threadAttribute(_ t: PyThread, _ name: String) -> Value? {
        let owner = Value.object(t)
        switch name {
        case "name": return .str(t.name)
        case "daemon": return .bool(t.daemon)
        case "ident", "native_id": return t.state == .initial ? Value.none : .int(t.address)
        case "start":
            return method(name, of: owner) { [unowned self] _ in
                if t.state == .initial { try self.prepareSubclassStart(t) }
                try self.rt.start(t)
                return .none
            }
        case "join":
            return method(name, of: owner) { [unowned self] a in
                try a.check(maxPositional: 1, keywords: ["timeout"])
                let timeout = try a.get(0, "timeout").flatMap { $0.isIdentical(.none) ? nil : $0 }
                try self.rt.join(t, timeout: try timeout.map { try self.joinTimeout($0) })
                return .none
            }
        case "is_alive": return method(name, of: owner) { [unowned self] _ in .bool(self.rt.isAlive(t)) }
        case "run":
            // Thread.run: the target given to __init__, with its arguments.
            return method(name, of: owner) { [unowned self] _ in
                if let target = t.attributes["_target"], !target.isIdentical(.none) {
                    let args = try t.attributes["_args"].map { try self.iterate($0) } ?? []
                    var kwargs: [(String, Value)] = []
                    if let d = t.attributes["_kwargs"]?.asObject as? PyDict {
                        for (k, v) in d.storage { if case .str(let s) = k.value { kwargs.append((s, v)) } }
                    }
                    _ = try self.call(target, args, kwargs)
                }
                return .none
            }
        case "__init__" where t.subclass != nil:
            return method(name, of: owner) { [unowned self] a in try self.threadInit(t, a); return .none }
        default: return nil
        }
    }

    /// A class with `threading.Thread` among its bases.
    func isThreadSubclass(_ c: PyClass) -> Bool { c.builtin == nil && c.mro.contains { $0.builtin == .thread } }

    /// `Worker(...)` for a Python subclass of Thread: the thread, its class, and `__init__` (the
    /// class's, which reaches Thread's through `super().__init__()`; else Thread's own). Its
    /// code is `self.run()`, looked up when it starts.
    func instantiateThreadSubclass(_ c: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> CallTarget {
        weak var made: PyThread?
        let t = rt.makeThread(name: "", context: nil) { [unowned self] _ in  // named by Thread.__init__
            guard let thread = made else { return }
            _ = try self.call(try self.getAttribute(.object(thread), "run"), [])
        }
        made = t
        t.subclass = c
        t.className = c.name
        let obj = Value.object(t)
        guard let initFn = ownLookup(c, "__init__") else {
            try threadInit(t, Arguments(name: c.name, args: args, kwargs: kwargs, rt: rt))
            return .value(obj)
        }
        switch try prepareCall(initFn, [obj] + args, kwargs) {
        case .value: return .value(obj)
        case .frame(let f):
            f.replacesReturn = obj
            return .frame(f)
        }
    }

    /// `Thread.__init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
    /// daemon=None, context=None)` on a subclass instance: what `run()` and `start()` use.
    func threadInit(_ t: PyThread, _ a: Arguments) throws {
        try a.check(maxPositional: 5, keywords: ["group", "target", "name", "args", "kwargs", "daemon", "context"])
        let target = a.get(1, "target") ?? .none
        t.attributes["_target"] = target
        t.attributes["_args"] = a.get(3, "args") ?? tuple([])
        t.attributes["_kwargs"] = a.get(4, "kwargs") ?? .object(PyDict(runtime: rt))
        if let n = a.get(2, "name"), !n.isIdentical(.none), try truthy(n) {
            t.name = try str(n)
        } else {
            t.name = rt.newThreadName()
            if !target.isIdentical(.none), case .str(let targetName)? = try? findAttribute(target, "__name__") {
                t.name += " (\(targetName))"
            }
        }
        if let d = a.keyword("daemon"), !d.isIdentical(.none) { t.daemon = try truthy(d) }
        if let c = a.keyword("context"), let ctx = c.asObject as? Context { t.requestedContext = ctx }
    }

    /// `thread.start()` of a subclass instance: its `run` (the class's, or Thread's calling the
    /// target) stops where it sleeps when it is a Python function.
    func prepareSubclassStart(_ t: PyThread) throws {
        guard let c = t.subclass as? PyClass else { return }
        if t.attributes["_target"] == nil { throw rt.error(.RuntimeError, "thread.__init__() not called") }
        if ownLookup(c, "run") != nil {
            t.resumable = resumableTarget(try getAttribute(.object(t), "run"), [], [])
        } else if let target = t.attributes["_target"], !target.isIdentical(.none) {
            let args = try t.attributes["_args"].map { try iterate($0) } ?? []
            t.resumable = resumableTarget(target, args, [])
        }
    }

    /// `thread.name = …`, `thread.daemon = …` (threading.py's setters), and a subclass
    /// instance's own attributes.
    func setThreadAttribute(_ t: PyThread, _ name: String, _ value: Value) throws -> Bool {
        switch name {
        case "name":
            t.name = try str(value)
            return true
        case "daemon":
            if t.state != .initial { throw rt.error(.RuntimeError, "cannot set daemon status of active thread") }
            t.daemon = try truthy(value)
            return true
        default:
            guard t.subclass != nil else { return false }
            t.attributes[name] = value
            return true
        }
    }

    /// `threading.local()`: attributes live in the current thread's storage.
    func makeThreadLocal() -> NativeObject {
        let local = NativeObject(runtime: rt, cls: classes.local)
        let key = local.address
        func storage() -> Namespace {
            if let n = rt.currentThread.localStorage[key] as? NamespaceBox { return n.namespace }
            let box = NamespaceBox(runtime: rt)
            rt.currentThread.localStorage[key] = box
            return box.namespace
        }
        local.reprBody = { "<_thread._local object at \(local.hexAddress)>" }
        local.getAttr = { name in storage()[name] }
        local.setAttr = { name, value in
            storage()[name] = value
            return true
        }
        return local
    }
}

/// A namespace held as an object (thread-local storage).
final class NamespaceBox: PyObject {
    let namespace = Namespace()
}

