/// `asyncio.Task` (CPython: Lib/asyncio/tasks.py, Modules/_asynciomodule.c).
///
/// Invariant (tasks.py): every piece of the coroutine's code runs inside `context.run(...)`: the
/// first step and every wake-up are handles scheduled with `context=self.context`. So the task's
/// Context is entered while its code runs, and a task cannot `run` its own context.
public final class Task: Future {
    public private(set) var name: String
    public let coroutine: Coroutine
    /// The given context as-is, else a copy made when the task was created.
    public let context: Context
    var mustCancel = false
    /// The future the task is suspended on.
    public private(set) var waitingOn: Future?
    public internal(set) var cancelRequests = 0
    /// When the task was created, in loop iterations (for the tree: "new", "running").
    public private(set) var isRunning = false

    /// CPython: `Task.__init__` — the name is numbered before the context is copied; the first
    /// step is queued with `call_soon` (it runs in the next iteration, after what is queued).
    init(loop: EventLoop, coroutine: Coroutine, name: String?, context: Context?) {
        self.coroutine = coroutine
        let rt = loop.runtime
        let n = name ?? "Task-\(rt.nextTaskNumber())"
        self.name = n
        self.context = context ?? rt.copyContext(provenance: n)
        super.init(loop: loop)
        loop.callSoon(stepOf: self) { [unowned self] in try self.step(nil) }
        loop.register(self)
        rt.emit(.taskCreated(self))
    }

    override public var typeName: String { "_asyncio.Task" }

    public func setName(_ n: String) { name = n }

    /// `task.cancel(msg)` counts the request and cancels the future the task waits on; when there
    /// is none (or it refuses), the next step throws CancelledError in (see `Cancellation.swift`).
    func requestCancelAtNextStep(_ message: Value?) {
        mustCancel = true
        cancelMessage = message
    }

    /// `task.uncancel()`.
    public func uncancel() -> Int {
        if cancelRequests > 0 {
            cancelRequests -= 1
            if cancelRequests == 0 { mustCancel = false }
        }
        return cancelRequests
    }

    /// CPython: `task_step` — one step of the coroutine, inside the task's context.
    func step(_ incoming: PyException?) throws {
        guard !isDone else {
            throw runtime.error(.InvalidStateError, "_step(): already done: \(try repr())")
        }
        // One load of the runtime (unowned, through the loop) for both events.
        let listener = loop.runtime.onEvent
        listener?(.taskStepBegan(self))
        defer { listener?(.taskStepEnded(self)) }
        var exc = incoming
        if mustCancel {
            if exc == nil || !exc!.isInstance(of: .CancelledError) { exc = makeCancelledError() }
            mustCancel = false
        }
        waitingOn = nil
        try loop.enterTask(self)
        isRunning = true
        defer {
            isRunning = false
            loop.leaveTask(self)
        }
        try runAndHandleResult(exc)
    }

    /// CPython: `__step_run_and_handle_result`.
    private func runAndHandleResult(_ exc: PyException?) throws {
        let outcome: CoroutineStep
        do {
            outcome = try exc.map { try coroutine.throwInto(runtime, $0) } ?? coroutine.send(runtime)
        } catch let e as PyException {
            if e.isInstance(of: .CancelledError) {
                cancelledException = e
                cancelFuture(message: nil)
            } else {
                try setException(e)
                if e.isInstance(of: .KeyboardInterrupt) || e.isInstance(of: .SystemExit) { throw e }
            }
            return
        }
        switch outcome {
        case .returned(let v):
            if mustCancel {
                mustCancel = false
                cancelFuture(message: cancelMessage)
            } else {
                try setResult(v)
            }
        case .yielded:
            loop.callSoon(stepOf: self) { [unowned self] in try self.step(nil) }
        case .awaiting(let f):
            if f === self {
                let e = runtime.error(.RuntimeError, "Task cannot await on itself: \(try repr())")
                loop.callSoon(stepOf: self) { [unowned self] in try self.step(e) }
                return
            }
            f.addDoneCallback("Task.task_wakeup()", context: context) { [unowned self] in try self.wakeup($0) }
            waitingOn = f
            if mustCancel, try f.cancelChecked(message: cancelMessage) { mustCancel = false }
        }
    }

    /// CPython: `task_wakeup`.
    private func wakeup(_ f: Future) throws {
        do {
            _ = try f.result()
        } catch let e as PyException {
            try step(e)
            return
        }
        try step(nil)
    }

    /// CPython: `_task_repr_info`, under `reprlib.recursive_repr` (`...` for a task whose repr is
    /// already being made: two tasks awaiting each other).
    override public func repr() throws -> String {
        try runtime.guardingRepr(of: self) { try taskRepr() }
    }

    override var reprClassName: String { "Task" }

    private func taskRepr() throws -> String {
        var info = try reprInfo()
        if cancelRequests > 0 && !isDone { info[0] = "cancelling" }
        info.insert("name=\(StringRepr.repr(name))", at: 1)
        if let w = waitingOn { info.insert("wait_for=\(try runtime.repr(.object(w)))", at: 2) }
        info.insert("coro=<\(coroutine.reprInfo)>", at: 2)
        return "<Task " + info.joined(separator: " ") + ">"
    }
}
