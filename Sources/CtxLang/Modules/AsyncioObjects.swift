import CtxCore

/// Methods of futures, tasks, the loop, handles and coroutine objects.
extension Interpreter {
    func futureAttribute(_ f: Future, _ name: String) -> Value? {
        let owner = Value.object(f)
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        switch name {
        case "__await__", "__iter__": return m { [unowned self] _ in self.futureAwait(f) }
        case "done": return m { _ in .bool(f.isDone) }
        case "cancelled": return m { _ in .bool(f.isCancelled) }
        case "result": return m { a in try a.exactly(0); return try f.result() }
        case "exception": return m { a in try a.exactly(0); return try f.exception().map { .object($0) } ?? .none }
        case "cancel":
            return m { a in
                try a.check(maxPositional: 1, keywords: ["msg"])
                return .bool(try f.cancelChecked(message: a.get(0, "msg")))
            }
        case "set_result": return m { a in try a.exactly(1); try f.setResult(a.args[0]); return .none }
        case "set_exception":
            return m { [unowned self] a in
                try a.exactly(1)
                try f.setException(try self.exceptionInstance(a.args[0]))
                return .none
            }
        case "add_done_callback":
            return m { [unowned self] a in
                try a.check(maxPositional: 1, minPositional: 1, keywords: ["context"])
                let fn = a.args[0]
                let ctx = a.keyword("context").flatMap { $0.asObject as? Context }
                let id = f.addDoneCallback(try self.callbackLabel(fn), context: ctx) { [unowned self] fut in
                    _ = try self.call(fn, [.object(fut)])
                }
                self.doneCallbacks[f.address, default: []].append((fn, id))
                return .none
            }
        case "remove_done_callback":
            return m { [unowned self] a in
                try a.exactly(1)
                var removed = 0
                for (fn, id) in self.doneCallbacks[f.address] ?? [] where try self.equals(fn, a.args[0]) {
                    removed += f.removeDoneCallback(id: id)
                }
                return .int(removed)
            }
        case "get_loop": return m { _ in .object(f.loop) }
        default: return nil
        }
    }

    func taskAttribute(_ t: Task, _ name: String) throws -> Value? {
        let owner = Value.object(t)
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        switch name {
        case "get_name": return m { _ in .str(t.name) }
        case "set_name": return m { [unowned self] a in try a.exactly(1); t.setName(try self.str(a.args[0])); return .none }
        case "get_context": return m { _ in .object(t.context) }
        case "get_coro":
            return m { _ in
                if let c = t.coroutine as? PyObject { return .object(c) }
                return .none
            }
        case "cancelling": return m { _ in .int(t.cancelRequests) }
        case "uncancel": return m { _ in .int(t.uncancel()) }
        case "cancel":
            return m { a in
                try a.check(maxPositional: 1, keywords: ["msg"])
                return .bool(try t.cancelChecked(message: a.get(0, "msg")))
            }
        default: return nil
        }
    }

    /// Whether `fn` is `partial(ctx.run, ...)`: it will run inside a given Context.
    func runsInACopiedContext(_ fn: Value) -> Bool {
        guard let p = fn.asObject as? PyPartial, let b = p.function.asObject as? PyBuiltin else { return false }
        return b.name == "run"
    }

    /// How a Python callback shows in reprs: `print()`, `Foo.method()`.
    func callbackLabel(_ fn: Value) throws -> String {
        switch fn.asObject {
        case let f as PyFunction: return "\(f.qualname)() at \(f.code.filename):\(f.code.firstLine)"
        case let b as PyBuiltin: return "\(b.name)()"
        case let m as PyBoundMethod: return try callbackLabel(m.function)
        case let p as PyPartial: return "functools.partial(\(try callbackLabel(p.function)))"
        default: return "\(try repr(fn))()"
        }
    }

    func loopAttribute(_ loop: EventLoop, _ name: String) -> Value? {
        let owner = Value.object(loop)
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        func schedule(_ a: Arguments, first: Int, _ make: (String, Context?, @escaping () throws -> Void) throws -> Handle) throws -> Value {
            try a.check(maxPositional: Int.max, minPositional: first + 1, keywords: ["context"])
            let fn = a.args[first], rest = Array(a.args[(first + 1)...])
            let ctx = try a.keyword("context").flatMap { v -> Context? in
                if v.isIdentical(.none) { return nil }
                guard let c = v.asObject as? Context else {
                    throw rt.error(.TypeError, "an instance of Context was expected, got \(try repr(v))")
                }
                return c
            }
            let label = try callbackLabel(fn).split(separator: " ").first.map(String.init) ?? "?"
            return .object(try make(label, ctx) { [unowned self] in _ = try self.call(fn, rest) })
        }
        switch name {
        case "time": return m { _ in .float(loop.readTime()) }
        case "call_soon", "call_soon_threadsafe":
            return m { a in try schedule(a, first: 0) { loop.callSoon($0, context: $1, $2) } }
        case "call_later":
            return m { [unowned self] a in
                let delay = try self.expectFloat(a.required(0, "delay"))
                return try schedule(a, first: 1) { loop.callLater(delay, $0, context: $1, $2) }
            }
        case "call_at":
            return m { [unowned self] a in
                let when = try self.expectFloat(a.required(0, "when"))
                return try schedule(a, first: 1) { loop.callAt(when, $0, context: $1, $2) }
            }
        case "create_task":
            return m { [unowned self] a in
                try a.check(maxPositional: 1, minPositional: 1, keywords: ["name", "context", "eager_start"])
                return try self.createTask(loop, a.args[0], name: a.keyword("name"), context: a.keyword("context"))
            }
        case "create_future": return m { _ in .object(loop.createFuture()) }
        case "run_in_executor":
            return m { [unowned self] a in
                try a.check(maxPositional: Int.max, minPositional: 2)
                let fn = a.args[1], rest = Array(a.args[2...])
                if !self.runsInACopiedContext(fn) {
                    self.onHint("run_in_executor() does not carry contextvars into the worker thread: the function sees the worker's own context. Use asyncio.to_thread(), or functools.partial(contextvars.copy_context().run, fn)")
                }
                let executor = a.args[0].asObject as? ThreadPoolExecutor
                if !a.args[0].isIdentical(.none) && executor == nil {
                    throw self.rt.error(.TypeError, "executor must be a ThreadPoolExecutor or None")
                }
                if let job = self.resumableJob(fn, rest) {
                    return .object(try loop.runInExecutor(executor, label: try self.callbackLabel(fn), resumable: job))
                }
                return .object(try loop.runInExecutor(executor, label: try self.callbackLabel(fn)) { [unowned self] _ in
                    try self.call(fn, rest)
                })
            }
        case "call_exception_handler":
            return m { [unowned self] a in
                try a.exactly(1)
                loop.callExceptionHandler(try self.loopError(a.args[0]))
                return .none
            }
        case "set_exception_handler":
            return m { [unowned self] a in
                try a.exactly(1)
                try self.setExceptionHandler(loop, a.args[0])
                return .none
            }
        case "get_exception_handler": return m { a in try a.exactly(0); return loop.exceptionHandlerObject }
        case "default_exception_handler":
            return m { [unowned self] a in
                try a.exactly(1)
                self.rt.defaultLoopErrorReport(try self.loopError(a.args[0]))
                return .none
            }
        case "is_running": return m { _ in .bool(loop.isRunning) }
        case "is_closed": return m { _ in .bool(loop.isClosed) }
        case "get_debug": return m { _ in .bool(false) }
        case "stop": return m { _ in loop.stop(); return .none }
        case "close": return m { _ in try loop.close(); return .none }
        case "run_until_complete":
            return m { [unowned self] a in
                try a.exactly(1)
                if let f = a.args[0].asObject as? Future { return try loop.runUntilComplete(f) }
                return try loop.runUntilComplete(try self.coroutine(a.args[0]))
            }
        case "run_forever": return m { _ in try loop.runForever(); return .none }
        default: return nil
        }
    }

    /// CPython: `BaseEventLoop.set_exception_handler` and the handler call in
    /// `call_exception_handler`: `handler(loop, context)`; an exception from the handler is logged
    /// by the default handler as "Unhandled error in exception handler".
    func setExceptionHandler(_ loop: EventLoop, _ handler: Value) throws {
        if handler.isIdentical(.none) {
            loop.exceptionHandlerObject = .none
            loop.exceptionHandler = { [unowned rt] err in rt.defaultLoopErrorReport(err) }
            return
        }
        guard isCallable(handler) else {
            throw rt.error(.TypeError, "A callable object or None is expected, got \(try repr(handler))")
        }
        loop.exceptionHandlerObject = handler
        loop.exceptionHandler = { [unowned self, unowned loop] err in
            let context = self.loopErrorDict(err)
            do {
                _ = try self.call(handler, [.object(loop), .object(context)])
            } catch let e as PyException where !e.isInstance(of: .KeyboardInterrupt) && !e.isInstance(of: .SystemExit) {
                self.rt.defaultLoopErrorReport(LoopError(
                    message: "Unhandled error in exception handler", exception: e,
                    extra: [("context", (try? self.repr(.object(context))) ?? "{}")]))
            } catch {
                // SystemExit, KeyboardInterrupt, a deadlock: CPython re-raises them; a report
                // cannot, so they end the handler call here.
            }
        }
    }

    /// The context dict a handler receives, keys in CPython's order for each report.
    func loopErrorDict(_ err: LoopError) -> PyDict {
        if let d = err.original as? PyDict { return d }
        let d = PyDict(runtime: rt)
        func put(_ key: String, _ value: PyObject?) {
            guard let value, let k = try? HashKey(.str(key), rt) else { return }
            d.storage[k] = .object(value)
        }
        if let k = try? HashKey(.str("message"), rt) { d.storage[k] = .str(err.message) }
        put("exception", err.exception)
        put("handle", err.handle)
        put("future", err.future)
        put("task", err.task)
        return d
    }

    /// The context dict of `loop.call_exception_handler(context)`.
    func loopError(_ v: Value) throws -> LoopError {
        guard let d = v.asObject as? PyDict else {
            throw rt.error(.TypeError, "'\(typeName(v))' object is not subscriptable")
        }
        var err = LoopError(message: "")
        for (k, value) in d.storage {
            let key = try str(k.value)
            switch (key, value.asObject) {
            case ("message", _): err.message = try str(value)
            case ("exception", let e as PyException): err.exception = e
            case ("handle", let h as Handle): err.handle = h
            case ("task", let t as Task): err.task = t
            case ("future", let f as Future): err.future = f
            default: err.extra.append((key, try repr(value)))
            }
        }
        err.original = d
        return err
    }

    func handleAttribute(_ h: Handle, _ name: String) -> Value? {
        let owner = Value.object(h)
        switch name {
        case "cancel": return method(name, of: owner) { _ in h.cancel(); return .none }
        case "cancelled": return method(name, of: owner) { _ in .bool(h.isCancelled) }
        case "get_context": return method(name, of: owner) { _ in .object(h.context) }
        case "when":
            guard let w = h.when else { return nil }
            return method(name, of: owner) { _ in .float(w) }
        default: return nil
        }
    }

    func coroutineAttribute(_ c: PyCoroutine, _ name: String) -> Value? {
        switch name {
        case "close": return method(name, of: .object(c)) { _ in c.close(); return .none }
        case "__await__": return method(name, of: .object(c)) { [unowned self] _ in self.awaitWrapper(c, typeName: "coroutine_wrapper") }
        case "__name__": return .str(c.name)
        case "__qualname__": return .str(c.qualname)
        case "cr_running": return .bool(c.state == .running)
        case "cr_frame": return c.state == .closed ? Value.none : .object(c)
        case "send":
            return method(name, of: .object(c)) { [unowned self] a in
                try a.exactly(1)
                switch try c.send(self.rt) {
                case .returned(let v): throw PyException(runtime: self.rt, .StopIteration, args: [v])
                case .yielded: return .none
                case .awaiting(let f): return .object(f)
                }
            }
        default: return nil
        }
    }
}
