import CtxCore

/// `concurrent.futures` on ctxlab's simulated threads (CPython: `Lib/concurrent/futures/_base.py`
/// and `thread.py`): `ThreadPoolExecutor.submit`/`map`, the `Future` a job's outcome goes to,
/// `wait` and `as_completed`. A submitted function runs in the worker's own context (CPython
/// copies none: `submit(ctx.run, fn)` is how a caller's context travels).
extension Interpreter {
    /// `executor.submit(fn, /, *args, **kwargs)` (thread.py `ThreadPoolExecutor.submit`).
    func executorSubmit(_ ex: ThreadPoolExecutor, _ a: Arguments) throws -> Value {
        guard let fn = a.args.first else {
            throw rt.error(.TypeError, "ThreadPoolExecutor.submit() missing 1 required positional argument: 'fn'")
        }
        let args = Array(a.args.dropFirst())
        let fut = ConcurrentFuture(runtime: rt)
        let done: (Result<Value, PyException>) -> Void = { [unowned self] outcome in
            let name: String
            switch outcome {
            case .success(let v): name = self.typeName(v)
            case .failure(let e): name = self.typeName(.object(e))
            }
            fut.setOutcome(outcome, typeName: name, at: self.rt.clock)
        }
        if let job = submittedJob(fn, args, a.kwargs) {
            try ex.submit(job, start: { fut.setRunningOrNotifyCancel() }, done: done)
        } else {
            try ex.submit { [unowned self] _ in
                guard fut.setRunningOrNotifyCancel() else { return }
                do { done(.success(try self.call(fn, args, a.kwargs))) } catch let e as PyException { done(.failure(e)) }
            }
        }
        return .object(fut)
    }

    /// The job of a function that stops where it sleeps: a Python function, or `ctx.run` of one
    /// (`submit(copy_context().run, fn, x)`) or a `partial` of that, run inside that context.
    private func submittedJob(_ fn: Value, _ args: [Value], _ kwargs: [(String, Value)]) -> PythonThreadTarget? {
        if let ctx = Self.contextRun(fn), let f = args.first, Self.runsInFrames(f) {
            let job = PythonThreadTarget(self, f, Array(args.dropFirst()), kwargs)
            job.context = ctx
            return job
        }
        if kwargs.isEmpty { return resumableJob(fn, args) }
        return Self.runsInFrames(fn) ? PythonThreadTarget(self, fn, args, kwargs) : nil
    }

    /// `executor.map(fn, *iterables, timeout=None, chunksize=1)` (_base.py `Executor.map`): every
    /// call submitted at once, the results yielded in order, each waited for.
    func executorMap(_ ex: ThreadPoolExecutor, _ a: Arguments) throws -> Value {
        try a.check(maxPositional: Int.max, minPositional: 1, keywords: ["timeout", "chunksize"])
        let fn = a.args[0]
        let timeout = try a.keyword("timeout").flatMap { $0.isIdentical(.none) ? nil : try expectFloat($0) }
        let iterators = try a.args.dropFirst().map { try getIterator($0) }
        var futures: [ConcurrentFuture] = []
        zipping: while !iterators.isEmpty {
            var args: [Value] = []
            for it in iterators {
                guard let v = try nextValue(it) else { break zipping }
                args.append(v)
            }
            guard case .object(let f as ConcurrentFuture) = try executorSubmit(ex, Arguments(name: "submit", args: [fn] + args, kwargs: [], rt: rt)) else { break }
            futures.append(f)
        }
        let end = timeout.map { rt.clock + $0 }
        var i = 0
        return .object(PyIterator(runtime: rt, name: "generator") { [unowned self] in
            guard i < futures.count else { return nil }
            defer { i += 1 }
            return try self.futureResult(futures[i], timeout: end.map { $0 - self.rt.clock })
        })
    }

    /// `Future.result(timeout=None)`: waits, then the result or the job's exception.
    func futureResult(_ f: ConcurrentFuture, timeout: Double?) throws -> Value {
        guard try rt.wait(for: [f], all: true, timeout: timeout) else { throw rt.error(.TimeoutError, "") }
        if f.state == .cancelled { throw cancelledError() }
        if let e = f.exception { throw e }
        return f.result ?? .none
    }

    private func cancelledError() -> PyException {
        PyException(runtime: rt, concurrentCancelledError, args: [])
    }

    func concurrentFutureAttribute(_ f: ConcurrentFuture, _ name: String) -> Value? {
        let owner = Value.object(f)
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        func timeout(_ a: Arguments) throws -> Double? {
            try a.check(maxPositional: 1, keywords: ["timeout"])
            return try a.get(0, "timeout").flatMap { $0.isIdentical(.none) ? nil : try self.expectFloat($0) }
        }
        switch name {
        case "result": return m { [unowned self] a in try self.futureResult(f, timeout: try timeout(a)) }
        case "exception":
            return m { [unowned self] a in
                guard try self.rt.wait(for: [f], all: true, timeout: try timeout(a)) else { throw self.rt.error(.TimeoutError, "") }
                if f.state == .cancelled { throw self.cancelledError() }
                return f.exception.map { .object($0) } ?? .none
            }
        case "done": return m { [unowned self] a in try a.exactly(0); return .bool(f.isDone(at: self.rt.clock)) }
        case "running": return m { [unowned self] a in try a.exactly(0); return .bool(f.state == .running || (f.state == .finished && !f.isDone(at: self.rt.clock))) }
        case "cancelled": return m { a in try a.exactly(0); return .bool(f.state == .cancelled) }
        case "cancel": return m { a in try a.exactly(0); return .bool(f.cancel()) }
        case "set_running_or_notify_cancel":
            return m { [unowned self] a in
                try a.exactly(0)
                if f.state == .running || f.state == .finished {
                    throw self.rt.error(.RuntimeError, "Future in unexpected state")
                }
                return .bool(f.setRunningOrNotifyCancel())
            }
        case "set_result", "set_exception":
            // By the code that owns the future (executors, tests): at the caller's time.
            return m { [unowned self] a in
                try a.exactly(1)
                if f.isDone {
                    throw PyException(runtime: self.rt, self.invalidStateError, args: [.str("\(f.state.rawValue): \(try f.repr())")])
                }
                let v = a.args[0]
                if name == "set_result" {
                    f.setOutcome(.success(v), typeName: self.typeName(v), at: self.rt.clock)
                } else {
                    guard let e = v.asObject as? PyException else {
                        throw self.rt.error(.TypeError, "exceptions must derive from BaseException")
                    }
                    f.setOutcome(.failure(e), typeName: self.typeName(v), at: self.rt.clock)
                }
                return .none
            }
        case "add_done_callback":
            return m { [unowned self] a in
                try a.exactly(1)
                let fn = a.args[0]
                f.addDoneCallback { [unowned self] fut in
                    do {
                        _ = try self.call(fn, [.object(fut)])
                    } catch let e as PyException {
                        // _invoke_callbacks: LOGGER.exception('exception calling callback for %r', self)
                        self.rt.write("exception calling callback for \((try? fut.repr()) ?? "<Future>")\n" + self.formatTraceback(e), true)
                    } catch {}
                }
                return .none
            }
        default: return nil
        }
    }

    /// The module's functions and constants besides ThreadPoolExecutor.
    func addConcurrentFuturesFunctions(_ m: PyModule) {
        for c in ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"] { m.namespace[c] = .str(c) }
        m.namespace["Future"] = .object(concurrentFutureClass)
        m.namespace["CancelledError"] = .object(classes.exceptionClass(concurrentCancelledError))
        m.namespace["TimeoutError"] = .object(classes.exceptionClass(.TimeoutError))
        m.namespace["InvalidStateError"] = .object(classes.exceptionClass(invalidStateError))
        m.namespace["wait"] = function("wait") { [unowned self] a in
            try a.check(maxPositional: 3, minPositional: 1, keywords: ["timeout", "return_when"])
            let fs = try self.futures(a.args[0], "wait")
            let timeout = try a.get(1, "timeout").flatMap { $0.isIdentical(.none) ? nil : try self.expectFloat($0) }
            let when = try a.get(2, "return_when").map { try self.str($0) } ?? "ALL_COMPLETED"
            guard ["FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"].contains(when) else {
                throw self.rt.error(.ValueError, "Invalid return condition: \(try self.repr(.str(when)))")
            }
            let failedAlready = fs.contains { $0.isDone && $0.exception != nil }
            if !(when == "FIRST_EXCEPTION" && failedAlready) {
                _ = try self.rt.wait(for: fs, all: when == "ALL_COMPLETED" || when == "FIRST_EXCEPTION", timeout: timeout,
                                     stopEarly: when == "FIRST_EXCEPTION" ? { $0.exception != nil } : nil)
            }
            let done = PySet(runtime: self.rt), notDone = PySet(runtime: self.rt)
            for f in fs { (f.isDone(at: self.rt.clock) ? done : notDone).storage.append(try HashKey(.object(f), self.rt)) }
            return try self.doneAndNotDone(.object(done), .object(notDone))
        }
        m.namespace["as_completed"] = function("as_completed") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1, keywords: ["timeout"])
            var pending = try self.futures(a.args[0], "as_completed")
            let timeout = try a.get(1, "timeout").flatMap { $0.isIdentical(.none) ? nil : try self.expectFloat($0) }
            let end = timeout.map { self.rt.clock + $0 }
            let total = pending.count
            return .object(PyIterator(runtime: self.rt, name: "generator") { [unowned self] in
                guard !pending.isEmpty else { return nil }
                guard try self.rt.wait(for: pending, all: false, timeout: end.map { $0 - self.rt.clock }) else {
                    throw self.rt.error(.TimeoutError, "\(pending.count) (of \(total)) futures unfinished")
                }
                // The first to finish on the waiter's timeline (ties: submission order).
                let i = pending.indices.filter { pending[$0].isDone(at: self.rt.clock) }
                    .min { (pending[$0].finishedAt ?? 0) < (pending[$1].finishedAt ?? 0) } ?? 0
                return .object(pending.remove(at: i))
            })
        }
    }

    /// The distinct futures of an iterable (`set(fs)` in _base.py, kept in the given order).
    private func futures(_ v: Value, _ fn: String) throws -> [ConcurrentFuture] {
        var out: [ConcurrentFuture] = []
        for item in try iterate(v) {
            guard let f = item.asObject as? ConcurrentFuture else {
                throw rt.error(.AttributeError, "'\(typeName(item))' object has no attribute '_condition'")
            }
            if !out.contains(where: { $0 === f }) { out.append(f) }
        }
        return out
    }

    /// `DoneAndNotDoneFutures(done, not_done)`: a namedtuple in _base.py.
    private func doneAndNotDone(_ done: Value, _ notDone: Value) throws -> Value {
        let collections = try importModule("collections")
        guard let namedtuple = collections.namespace["namedtuple"] else { return tuple([done, notDone]) }
        if doneAndNotDoneClass == nil {
            doneAndNotDoneClass = try call(namedtuple, [.str("DoneAndNotDoneFutures"), .str("done not_done")],
                                           [("module", .str("concurrent.futures._base"))])
        }
        return try call(doneAndNotDoneClass!, [done, notDone])
    }
}
