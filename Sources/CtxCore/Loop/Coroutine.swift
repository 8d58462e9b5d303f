/// What a coroutine did when a task drove it one step.
public enum CoroutineStep {
    /// Suspended on a pending future (`await fut`: `_asyncio_future_blocking` was true).
    case awaiting(Future)
    /// A bare `yield` (`asyncio.sleep(0)`): the task is rescheduled at the end of the ready queue.
    case yielded
    /// `return value` (StopIteration(value) in CPython).
    case returned(Value)
}

/// A suspended computation a Task can drive: the language's coroutine objects and the core's own
/// (sleep, shutdown helpers, test state machines). No OS thread per coroutine: each one holds its
/// own state and resumes where it stopped.
public protocol Coroutine: AnyObject {
    /// `coro.send(None)` (the value is ignored by asyncio; kept for fidelity).
    func send(_ rt: Runtime) throws -> CoroutineStep
    /// `coro.throw(exc)`.
    func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep
    /// The coroutine part of a task repr: `main() running at x.py:3`.
    var reprInfo: String { get }
    /// The name shown in the tree and in reprs (`main`).
    var name: String { get }
}

/// A coroutine written as a Swift closure over explicit state: each call receives what the last
/// suspension resumed with (nil on the first step, `.failure` after `throw`). Used by the core's
/// own coroutines and by tests until the language drives real ones.
public final class StateMachineCoroutine: Coroutine {
    public enum Resume { case start, value, failure(PyException) }
    public let name: String
    private let body: (Runtime, Resume) throws -> CoroutineStep
    public private(set) var isFinished = false

    public init(name: String, _ body: @escaping (Runtime, Resume) throws -> CoroutineStep) {
        self.name = name
        self.body = body
    }

    private var started = false
    public func send(_ rt: Runtime) throws -> CoroutineStep {
        defer { started = true }
        return try advance(rt, started ? .value : .start)
    }

    public func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep {
        started = true
        return try advance(rt, .failure(exc))
    }

    private func advance(_ rt: Runtime, _ r: Resume) throws -> CoroutineStep {
        do {
            let step = try body(rt, r)
            if case .returned = step { isFinished = true }
            return step
        } catch {
            isFinished = true
            throw error
        }
    }

    public var reprInfo: String { isFinished ? "\(name)() done" : "\(name)() running" }
}
