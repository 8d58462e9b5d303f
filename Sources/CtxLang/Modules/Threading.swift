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
        var name = try a.get(2, "name").flatMap { $0.isIdentical(.none) ? nil : try str($0) }
        // CPython: `Thread-N (target.__name__)` for any target that has one (`ctx.run`: "run").
        if name == nil, !target.isIdentical(.none), case .str(let targetName)? = try? findAttribute(target, "__name__") {
            name = "Thread-\(rt.peekThreadNumber()) (\(targetName))"
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
        case "start": return method(name, of: owner) { [unowned self] _ in try self.rt.start(t); return .none }
        case "join":
            return method(name, of: owner) { [unowned self] a in
                try a.check(maxPositional: 1, keywords: ["timeout"])
                let timeout = try a.get(0, "timeout").flatMap { $0.isIdentical(.none) ? nil : $0 }
                try self.rt.join(t, timeout: try timeout.map { try self.joinTimeout($0) })
                return .none
            }
        case "is_alive": return method(name, of: owner) { [unowned self] _ in .bool(self.rt.isAlive(t)) }
        case "run": return method(name, of: owner) { _ in .none }
        default: return nil
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

extension Runtime {
    /// The number the next unnamed thread will get (`Thread-N (target)`).
    func peekThreadNumber() -> Int { threads.count }
}
