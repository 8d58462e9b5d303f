/// `asyncio.Runner` and `asyncio.run` (CPython: Lib/asyncio/runners.py).
///
/// The runner copies the caller's context once, on first use, and reuses that one Context for every
/// `run()` (values set by one run are seen by the next); `run(coro, context:)` overrides it. The
/// main task gets the context as-is. `close()` cancels what is left, then runs the two shutdown
/// tasks (`shutdown_asyncgens`, `shutdown_default_executor`), each taking a `Task-N`.
public final class Runner: PyObject {
    enum State { case created, initialized, closed }
    private var state = State.created
    public private(set) var loop: EventLoop?
    public private(set) var context: Context?
    unowned let runtime: Runtime

    override public init(runtime: Runtime) {
        self.runtime = runtime
        super.init(runtime: runtime)
    }

    override public var typeName: String { "asyncio.runners.Runner" }

    private func lazyInit() throws {
        if state == .closed { throw runtime.error(.RuntimeError, "Runner is closed") }
        if state == .initialized { return }
        loop = EventLoop(runtime: runtime)
        context = runtime.copyContext(provenance: "asyncio.run")
        state = .initialized
    }

    /// `runner.run(coro, context=None)`.
    public func run(_ coro: Coroutine, context given: Context? = nil) throws -> Value {
        if runtime.runningLoop != nil {
            throw runtime.error(.RuntimeError, "Runner.run() cannot be called from a running event loop")
        }
        try lazyInit()
        let loop = loop!
        let task = loop.createTask(coro, context: given ?? context)
        // `main`'s frame is gone: what failed with nobody to retrieve it is reported (rule 1 of
        // `Unretrieved.swift`), also when `main` itself raised; not after a deadlock (CPython
        // would still be waiting).
        do {
            let result = try loop.runUntilComplete(task)
            runtime.reportUnretrieved(of: loop)
            return result
        } catch let e as PyException {
            runtime.reportUnretrieved(of: loop)
            throw e
        }
    }

    /// `runner.close()`.
    public func close() throws {
        guard state == .initialized, let loop else { return }
        defer {
            try? loop.close()
            self.loop = nil
            state = .closed
        }
        try cancelAllTasks(loop)
        try loop.runUntilComplete(loop.shutdownAsyncgens())
        try loop.runUntilComplete(shutdownDefaultExecutor(loop))
        runtime.reportUnretrieved(of: loop)  // rule 2 of `Unretrieved.swift`
    }

    /// CPython: `runners._cancel_all_tasks` (tasks are cancelled in creation order; CPython's set
    /// order is unspecified).
    private func cancelAllTasks(_ loop: EventLoop) throws {
        let toCancel = loop.pendingTasks
        guard !toCancel.isEmpty else { return }
        for (i, t) in toCancel.enumerated() {
            // Each cancel walks the chain the task waits on: a long chain makes this quadratic.
            if i % 64 == 63 { try runtime.checkInterrupt() }
            _ = try t.cancelChecked()
        }
        try loop.runUntilComplete(loop.gather(toCancel, returnExceptions: true))
        for t in toCancel where !t.isCancelled {
            if let e = try t.exception() {
                loop.callExceptionHandler(
                    LoopError(message: "unhandled exception during asyncio.run() shutdown", exception: e, task: t))
            }
        }
    }

    /// CPython: `BaseEventLoop.shutdown_default_executor`: a thread shuts the executor down and
    /// resolves a future the coroutine awaits.
    private func shutdownDefaultExecutor(_ loop: EventLoop) -> Coroutine {
        StateMachineCoroutine(name: "BaseEventLoop.shutdown_default_executor") { rt, resume in
            switch resume {
            case .start:
                guard let ex = loop.defaultExecutor else { return .returned(.none) }
                let fut = loop.createFuture()
                let thread = rt.makeThread(name: nil) { rt in
                    try ex.shutdown()
                    loop.callSoon("futures._set_result_unless_cancelled()") {
                        if !fut.isCancelled { try fut.setResult(.none) }
                    }
                }
                try rt.start(thread)
                return .awaiting(fut)
            case .value: return .returned(.none)
            case .failure(let e): throw e
            }
        }
    }
}

extension Runtime {
    /// `asyncio.run(main)`.
    public func asyncioRun(_ coro: Coroutine) throws -> Value {
        if runningLoop != nil {
            throw error(.RuntimeError, "asyncio.run() cannot be called from a running event loop")
        }
        // `with Runner() as runner: return runner.run(main)`: an exception from `close()` in
        // `__exit__` replaces the one that was propagating. A deadlock stays the story (CPython
        // would still be waiting), whatever the clean-up runs into.
        let runner = Runner(runtime: self)
        let result: Value
        do {
            result = try runner.run(coro)
        } catch SimulationError.deadlock {
            try? runner.close()
            throw SimulationError.deadlock
        } catch {
            try runner.close()
            throw error
        }
        try runner.close()
        return result
    }
}
