import CtxCore

/// `_thread`: the native half of `threading` (CPython: Modules/_threadmodule.c). The lock type,
/// `allocate_lock`, `get_ident`, `local`, `TIMEOUT_MAX`; and, for Lib/threading.py, ctxlab's
/// simulated `Thread` class and thread queries (`_ctxlab_*` names: ctxlab's own, not CPython's).
extension Interpreter {
    func makeThreadModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "_thread")
        m.namespace["LockType"] = .object(classes.threadLock)
        m.namespace["lock"] = .object(classes.threadLock)
        m.namespace["allocate_lock"] = function("allocate_lock") { [unowned self] a in
            try a.exactly(0)
            return .object(ThreadLock(runtime: self.rt))
        }
        m.namespace["allocate"] = m.namespace["allocate_lock"]
        m.namespace["_local"] = .object(classes.local)
        m.namespace["error"] = .object(classes.exceptionClass(.RuntimeError))
        m.namespace["TIMEOUT_MAX"] = .float(Runtime.lockTimeoutMax)
        m.namespace["get_ident"] = function("get_ident") { [unowned self] _ in .int(self.rt.currentThread.address) }
        m.namespace["get_native_id"] = m.namespace["get_ident"]
        m.namespace["_ctxlab_Thread"] = .object(classes.thread)
        m.namespace["_ctxlab_current_thread"] = function("current_thread") { [unowned self] a in
            try a.exactly(0)
            return .object(self.rt.currentThread)
        }
        m.namespace["_ctxlab_main_thread"] = function("main_thread") { [unowned self] a in
            try a.exactly(0)
            return .object(self.rt.threads[0])
        }
        m.namespace["_ctxlab_active_count"] = function("active_count") { [unowned self] _ in
            .int(self.rt.threads.filter { self.rt.isAlive($0) }.count)
        }
        m.namespace["_ctxlab_enumerate"] = function("enumerate") { [unowned self] a in
            try a.exactly(0)
            return .object(PyList(runtime: self.rt, self.rt.threads.filter { self.rt.isAlive($0) }.map { .object($0) }))
        }
        m.namespace["_ctxlab_next_thread_name"] = function("_newname") { [unowned self] _ in
            .str(self.rt.newThreadName())
        }
        m.namespace["_ctxlab_acquire_args"] = function("acquire") { [unowned self] a in
            _ = try self.acquireTimeout(a)
            return .none
        }
        return m
    }

    /// The attributes of a `_thread.lock`.
    func lockAttribute(_ lock: ThreadLock, _ name: String) -> Value? {
        let owner = Value.object(lock)
        switch name {
        case "acquire", "acquire_lock":
            return method(name, of: owner) { [unowned self] a in try self.acquire(lock, a) }
        case "__enter__":
            return method(name, of: owner) { [unowned self] a in
                try a.exactly(0)
                return try self.acquire(lock, a)
            }
        case "release", "release_lock", "__exit__":
            return method(name, of: owner) { [unowned self] a in
                if name != "__exit__" { try self.noArguments(a, "lock.\(name)") }
                try self.rt.release(lock)
                return .none
            }
        case "locked", "locked_lock":
            return method(name, of: owner) { [unowned self] a in
                try self.noArguments(a, "lock.\(name)")
                return .bool(lock.isLocked)
            }
        default: return nil
        }
    }

    private func noArguments(_ a: Arguments, _ qualified: String) throws {
        if !a.kwargs.isEmpty { throw rt.error(.TypeError, "\(qualified)() takes no keyword arguments") }
        if !a.args.isEmpty { throw rt.error(.TypeError, "\(qualified)() takes no arguments (\(a.args.count) given)") }
    }

    /// `lock.acquire(blocking=True, timeout=-1)`. A thread's own frames stop where the lock is
    /// held (the call returns a placeholder; `PythonThreadTarget` puts the outcome in its place);
    /// elsewhere the other threads run until it is free (`Runtime.acquireWaiting`).
    func acquire(_ lock: ThreadLock, _ a: Arguments) throws -> Value {
        let timeout = try acquireTimeout(a)
        if lock.tryAcquire() { return .bool(true) }
        if timeout == 0 { return .bool(false) }
        if canStopThread {
            threadBlock = .lock(rt.park(lock, timeout: timeout, site: waitSite()))
            return .bool(false)
        }
        return .bool(try rt.acquireWaiting(lock, timeout: timeout, site: waitSite()))
    }

    /// The timeout of `acquire(blocking, timeout)`: nil for none, 0 for a non-blocking call.
    /// CPython: `lock_acquire_parse_args`, `_PyTime_FromSecondsObject`, in their order of checks.
    func acquireTimeout(_ a: Arguments) throws -> Double? {
        if let bad = a.kwargs.first(where: { $0.0 != "blocking" && $0.0 != "timeout" }) {
            throw rt.error(.TypeError, "acquire() got an unexpected keyword argument '\(bad.0)'")
        }
        if a.args.count > 2 { throw rt.error(.TypeError, "acquire() takes at most 2 arguments (\(a.args.count) given)") }
        let blocking = try a.get(0, "blocking").map { try truthy($0) } ?? true
        var timeout: Double?
        if let t = a.get(1, "timeout") { timeout = try timeoutSeconds(t) }
        if let t = timeout, t == -1 { timeout = nil }
        if !blocking && timeout != nil { throw rt.error(.ValueError, "can't specify a timeout for a non-blocking call") }
        if let t = timeout, t < 0 { throw rt.error(.ValueError, "timeout value must be a non-negative number") }
        return blocking ? timeout : 0
    }

    /// A number of seconds as `_PyTime_FromSecondsObject` reads it (nanoseconds in 64 bits).
    private func timeoutSeconds(_ v: Value) throws -> Double {
        if case .float(let d) = v {
            if d.isNaN { throw rt.error(.ValueError, "Invalid value NaN (not a number)") }
            if !(abs(d) < 9_223_372_036.854_775) { throw rt.error(.OverflowError, "timestamp out of range for platform time_t") }
            return d
        }
        guard let i = intValue(v) else {
            if isBigInt(v) { throw rt.error(.OverflowError, "timestamp too large to convert to C PyTime_t") }
            throw rt.error(.TypeError, "'\(typeName(v))' object cannot be interpreted as an integer")
        }
        if i.magnitude > 9_223_372_036 { throw rt.error(.OverflowError, "timestamp too large to convert to C PyTime_t") }
        return Double(i)
    }

    /// Where the program waits, for a deadlock report: the innermost line of the thread's own
    /// code outside ctxlab's Lib/, else the library function it called (`Event.wait`).
    func waitSite() -> String? {
        let stacks = canStopThread ? [suspendableStack!] : activeStacks.reversed()
        for stack in stacks {
            for f in stack.frames.reversed() where !f.code.filename.hasPrefix("<ctxlab>/Lib/") {
                return "line \(f.line) in \(f.code.name)"
            }
        }
        return stacks.first?.frames.first.map { "in \($0.code.qualname)" }
    }
}
