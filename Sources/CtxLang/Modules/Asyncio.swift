import CtxCore

/// `asyncio`: the parts written in Swift on top of CtxCore's loop (run, Runner, tasks, futures,
/// sleep, gather, current_task…). The rest (TaskGroup, timeout, wait_for, Event, Lock, Queue,
/// shield, to_thread) is Python in `AsyncioPrelude.swift`, following CPython's own algorithms.
extension Interpreter {
    func makeAsyncioModule() throws -> PyModule {
        let m = PyModule(runtime: rt, name: "asyncio")
        let ns = m.namespace
        ns["CancelledError"] = .object(classes.exceptionClass(.CancelledError))
        ns["InvalidStateError"] = .object(classes.exceptionClass(.InvalidStateError))
        ns["TimeoutError"] = .object(classes.exceptionClass(.TimeoutError))
        ns["QueueEmpty"] = .object(classes.exceptionClass(.QueueEmpty))
        ns["QueueFull"] = .object(classes.exceptionClass(.QueueFull))
        ns["Future"] = .object(classes.future)
        ns["Task"] = .object(classes.task)
        ns["Runner"] = .object(classes.runner)
        ns["run"] = function("run") { [unowned self] a in
            try a.check(maxPositional: 1, minPositional: 1, keywords: ["debug", "loop_factory"])
            if self.rt.runningLoop != nil {
                self.closeIfCoroutine(a.args[0])
                throw self.rt.error(.RuntimeError, "asyncio.run() cannot be called from a running event loop")
            }
            let coro = try self.coroutine(a.args[0], forRun: true)
            return try self.rt.asyncioRun(coro)
        }
        ns["create_task"] = function("create_task") { [unowned self] a in
            try a.check(maxPositional: 1, minPositional: 1, keywords: ["name", "context", "eager_start"])
            return try self.createTask(try self.runningLoop(), a.args[0], name: a.keyword("name"), context: a.keyword("context"))
        }
        ns["ensure_future"] = function("ensure_future") { [unowned self] a in
            try a.check(maxPositional: 1, minPositional: 1, keywords: ["loop"])
            return .object(try self.ensureFuture(a.args[0]))
        }
        ns["sleep"] = function("sleep") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1, keywords: ["delay", "result"])
            let delay = try self.expectFloat(a.required(0, "delay"))
            let result = a.get(1, "result") ?? .none
            return .object(NativeAwaitable(runtime: self.rt, self.sleepCoroutine(delay, result), qualname: "sleep"))
        }
        ns["gather"] = function("gather") { [unowned self] a in
            try a.check(maxPositional: Int.max, keywords: ["return_exceptions"])
            let returnExceptions = try a.keyword("return_exceptions").map { try self.truthy($0) } ?? false
            if a.args.isEmpty {
                let f = try self.runningLoop().createFuture()
                try f.setResult(self.list([]))
                return .object(f)
            }
            // CPython's `arg_to_fut`: the same awaitable passed twice is awaited once. Every
            // awaitable is an object (anything else fails in ensureFuture), so identity it is.
            var seen: [ObjectIdentifier: Future] = [:]
            var children: [Future] = []
            children.reserveCapacity(a.args.count)
            for arg in a.args {
                let key = arg.asObject.map(ObjectIdentifier.init)
                if let key, let f = seen[key] {
                    children.append(f)
                    continue
                }
                let f = try self.ensureFuture(arg)
                if let key { seen[key] = f }
                children.append(f)
            }
            return .object(children[0].loopForGather.gather(children, returnExceptions: returnExceptions))
        }
        ns["current_task"] = function("current_task") { [unowned self] a in
            try a.check(maxPositional: 1, keywords: ["loop"])
            guard let loop = self.rt.runningLoop else { throw self.rt.error(.RuntimeError, "no running event loop") }
            return loop.currentTask.map { .object($0) } ?? .none
        }
        ns["all_tasks"] = function("all_tasks") { [unowned self] a in
            try a.check(maxPositional: 1, keywords: ["loop"])
            let s = PySet(runtime: self.rt)
            for t in try self.runningLoop().pendingTasks { s.storage.append(try HashKey(.object(t), self.rt)) }
            return .object(s)
        }
        ns["get_running_loop"] = function("get_running_loop") { [unowned self] a in
            try a.exactly(0)
            return .object(try self.runningLoop())
        }
        ns["get_event_loop"] = function("get_event_loop") { [unowned self] a in
            try a.exactly(0)
            return .object(try self.runningLoop())
        }
        // events.set_event_loop_policy: None restores the default policy, the only one ctxlab has
        ns["set_event_loop_policy"] = function("set_event_loop_policy") { [unowned self] a in
            try a.exactly(1)
            if a.args[0].isIdentical(.none) { return .none }
            throw self.rt.error(.NotImplementedError, "event loop policies other than the default are not supported by ctxlab")
        }
        ns["new_event_loop"] = function("new_event_loop") { [unowned self] a in
            try a.exactly(0)
            return .object(EventLoop(runtime: self.rt))
        }
        ns["iscoroutine"] = function("iscoroutine") { a in
            try a.exactly(1)
            return .bool(a.args[0].asObject is PyCoroutine || a.args[0].asObject is NativeAwaitable)
        }
        ns["iscoroutinefunction"] = function("iscoroutinefunction") { [unowned self] a in
            try a.exactly(1)
            let fn = (a.args[0].asObject as? PyFunction) ?? ((a.args[0].asObject as? PyBoundMethod)?.function.asObject as? PyFunction)
            if fn?.code.isAsync == true { return .bool(true) }
            // asyncio.coroutines.iscoroutinefunction: inspect's answer (a mock, a marked function).
            guard let check = try self.importModule("inspect").namespace["iscoroutinefunction"] else { return .bool(false) }
            return .bool(try self.truthy(self.call(check, [a.args[0]])))
        }
        ns["isfuture"] = function("isfuture") { a in .bool(a.args.first?.asObject is Future) }
        try loadAsyncioPrelude(into: m)
        return m
    }

    func runningLoop() throws -> EventLoop {
        guard let loop = rt.runningLoop else { throw rt.error(.RuntimeError, "no running event loop") }
        return loop
    }

    /// The CtxCore coroutine behind a Python value, or CPython's TypeError.
    func coroutine(_ v: Value, forRun: Bool = false) throws -> Coroutine {
        switch v.asObject {
        case let c as PyCoroutine: return c
        case let n as NativeAwaitable: return n.coroutine
        default:
            if forRun { throw rt.error(.ValueError, "a coroutine was expected, got \(try repr(v))") }
            throw rt.error(.TypeError, "a coroutine was expected, got \(try repr(v))")
        }
    }

    func closeIfCoroutine(_ v: Value) { (v.asObject as? PyCoroutine)?.close() }

    func createTask(_ loop: EventLoop, _ coroValue: Value, name: Value?, context: Value?) throws -> Value {
        let coro = try coroutine(coroValue)
        var ctx: Context?
        if let c = context, !c.isIdentical(.none) {
            guard let given = c.asObject as? Context else {
                throw rt.error(.TypeError, "an instance of Context was expected, got \(try repr(c))")
            }
            ctx = given
        }
        let taskName = try name.flatMap { $0.isIdentical(.none) ? nil : try str($0) }
        return .object(loop.createTask(coro, name: taskName, context: ctx))
    }

    /// `asyncio.ensure_future`: futures as-is, coroutines become tasks (each copying the context).
    func ensureFuture(_ v: Value) throws -> Future {
        if let f = v.asObject as? Future { return f }
        if v.asObject is PyCoroutine || v.asObject is NativeAwaitable {
            return try createTask(try runningLoop(), v, name: nil, context: nil).asObject as! Future
        }
        // Another awaitable: CPython wraps it in a coroutine (`_wrap_awaitable`) for a Task.
        if let c = (v.asObject as? AsyncGenAwaitable) ?? (v.asObject as? AnextAwaitable).map({ $0 as Coroutine }) {
            return try runningLoop().createTask(c)
        }
        if case .object(let i as PyInstance) = v, let m = slotMethod(i.cls.lookup("__await__")) {  // a class with __await__
            let c = try awaitIterator(of: v, try bind(m, to: v, cls: i.cls), name: "_wrap_awaitable")
            return try runningLoop().createTask(c)
        }
        throw rt.error(.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
    }

    /// `asyncio.sleep`: the running loop is looked up when the coroutine first runs, as in CPython.
    func sleepCoroutine(_ delay: Double, _ result: Value) -> Coroutine {
        var inner: Coroutine?
        return StateMachineCoroutine(name: "sleep") { [unowned self] rt, resume in
            switch resume {
            case .start:
                let c = try self.runningLoop().sleep(delay, result: result)
                inner = c
                return try c.send(rt)
            case .value: return try inner!.send(rt)
            case .failure(let e):
                guard let c = inner else { throw e }
                return try c.throwInto(rt, e)
            }
        }
    }
}

extension Future {
    /// The loop a gather over this future runs on.
    var loopForGather: EventLoop { loop }
}
