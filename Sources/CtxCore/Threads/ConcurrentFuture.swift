/// A `concurrent.futures.Future` (CPython: `Lib/concurrent/futures/_base.py`, `Future`): the
/// outcome of a job submitted to a ThreadPoolExecutor, set by the worker that ran it.
///
/// The worker runs on its own timeline (`ThreadScheduler.swift`), so the outcome carries the time
/// it was set: a thread that waits for it (`result()`, `exception()`, `wait`, `as_completed`)
/// gives up the GIL until then, as `join()` waits until a thread's end.
public final class ConcurrentFuture: PyObject {
    public enum State: String { case pending = "PENDING", running = "RUNNING", cancelled = "CANCELLED", finished = "FINISHED" }

    public private(set) var state: State = .pending
    public private(set) var result: Value?
    public private(set) var exception: PyException?
    /// When the outcome was set, on the worker's timeline.
    public private(set) var finishedAt: Double?
    /// `add_done_callback`'s callables, run by whoever completes the future (`_invoke_callbacks`).
    private var callbacks: [(ConcurrentFuture) -> Void] = []
    /// A ready-made repr of the result's type name, for `<Future … returned str>`.
    public private(set) var outcomeTypeName: String?

    override public var typeName: String { "concurrent.futures._base.Future" }

    public override func repr() throws -> String {
        // Future.__repr__: the state in lower case, the result's or the exception's class.
        switch state {
        case .finished:
            let how = exception != nil ? "raised" : "returned"
            return "<Future at \(hexAddress) state=finished \(how) \(outcomeTypeName ?? "object")>"
        default:
            return "<Future at \(hexAddress) state=\(state.rawValue.lowercased())>"
        }
    }

    /// `set_running_or_notify_cancel`: the worker takes the job; false when it was cancelled.
    public func setRunningOrNotifyCancel() -> Bool {
        if state == .cancelled { return false }
        state = .running
        return true
    }

    /// `set_result` / `set_exception`, by the worker at `time` on its timeline; the callbacks run
    /// there and then.
    public func setOutcome(_ outcome: Result<Value, PyException>, typeName: String, at time: Double) {
        guard state != .cancelled && state != .finished else { return }
        switch outcome {
        case .success(let v): result = v
        case .failure(let e): exception = e
        }
        outcomeTypeName = typeName
        state = .finished
        finishedAt = time
        invokeCallbacks()
    }

    /// `cancel()`: only a future that has not started.
    public func cancel() -> Bool {
        if state == .running || state == .finished { return false }
        if state == .pending {
            state = .cancelled
            finishedAt = nil
            invokeCallbacks()
        }
        return true
    }

    public var isDone: Bool { state == .cancelled || state == .finished }

    /// `add_done_callback`: at once (in the caller's thread) when the future is done.
    public func addDoneCallback(_ fn: @escaping (ConcurrentFuture) -> Void) {
        if isDone { fn(self) } else { callbacks.append(fn) }
    }

    private func invokeCallbacks() {
        let pending = callbacks
        callbacks = []
        for fn in pending { fn(self) }
    }

    /// Whether the future is done on the asking thread's timeline (a worker may have set it at a
    /// later time than the asker's clock).
    public func isDone(at clock: Double) -> Bool {
        state == .cancelled || (state == .finished && (finishedAt ?? clock) <= clock)
    }
}

extension Runtime {
    /// The asking thread waits for any of `futures` to be done (or all, when `all`), at most
    /// `timeout` seconds: the threads that want the GIL meanwhile run, and the asker's clock moves
    /// to the first (or last) outcome's time. False when the timeout passed first. Waiting for
    /// ever on a future no thread will set is a deadlock.
    /// `stopEarly`: a done future that ends the wait for all of them (FIRST_EXCEPTION).
    public func wait(for futures: [ConcurrentFuture], all: Bool, timeout: Double?,
                     stopEarly: ((ConcurrentFuture) -> Bool)? = nil) throws -> Bool {
        let deadline = timeout.map { clock + max($0, 0) } ?? .infinity
        func settled() -> Bool {
            if let stopEarly, futures.contains(where: { $0.isDone && stopEarly($0) }) { return true }
            return all ? futures.allSatisfy(\.isDone) : futures.contains(where: \.isDone) || futures.isEmpty
        }
        if !settled() {
            currentThread.hasBlocked = true
            runThreadEvents(until: deadline) { settled() }
            if interruptedInThread {  // Ctrl-C while a thread ran: the language raises it here
                try checkInterrupt()
                interruptedInThread = false
            }
        }
        let times = futures.compactMap { $0.isDone ? ($0.finishedAt ?? clock) : nil }
        let early = stopEarly.flatMap { stop in futures.filter { $0.isDone && stop($0) }.compactMap(\.finishedAt).min() }
        guard settled(), let when = early ?? (all ? times.max() : times.min()) else {
            if deadline < .infinity {
                block(until: deadline)
                return false
            }
            deadlockDetail = describeBlockedThreads()
            throw SimulationError.deadlock
        }
        if when > deadline {
            block(until: deadline)
            return false
        }
        if when > clock { block(until: when) }
        return true
    }
}
