/// `asyncio.Future` (CPython: Lib/asyncio/futures.py; messages of the default C implementation).
///
/// Done callbacks keep the context they were added in (a copy made at `add_done_callback` time
/// unless one is given) and are scheduled with `call_soon`, in registration order, when the future
/// completes. An already-done future schedules a new callback at once.
public class Future: PyObject {
    public enum State: String { case pending = "PENDING", cancelled = "CANCELLED", finished = "FINISHED" }

    public internal(set) var state: State = .pending
    /// What the future stands for, for the live tree (`sleep(1.0)`); nil for a plain future.
    public var label: String?
    public private(set) var resultValue: Value?
    public private(set) var exceptionValue: PyException?
    var cancelMessage: Value?
    /// The CancelledError a task's coroutine raised, re-raised by `result()`.
    var cancelledException: PyException?
    struct Callback {
        let id: Int
        let label: String
        let context: Context
        let fn: (Future) throws -> Void
    }
    var callbacks: [Callback] = []
    public unowned let loop: EventLoop
    /// CPython: `Future.__log_traceback`: set with the exception, cleared when `result()` or
    /// `exception()` retrieves it. A future still holding it when it is destroyed logs
    /// "... exception was never retrieved" (`Unretrieved.swift` says when ctxlab does).
    var logTraceback = false

    public init(loop: EventLoop) {
        self.loop = loop
        super.init(runtime: loop.runtime)
    }

    override public var typeName: String { "_asyncio.Future" }
    public var isDone: Bool { state != .pending }
    public var isCancelled: Bool { state == .cancelled }
    var runtime: Runtime { loop.runtime }

    /// `fut.result()`.
    public func result() throws -> Value {
        switch state {
        case .cancelled: throw makeCancelledError()
        case .pending: throw runtime.error(.InvalidStateError, "Result is not set.")
        case .finished:
            logTraceback = false
            if let e = exceptionValue { throw e }
            return resultValue!
        }
    }

    /// `fut.exception()`: the exception, or nil for a result.
    public func exception() throws -> PyException? {
        switch state {
        case .cancelled: throw makeCancelledError()
        case .pending: throw runtime.error(.InvalidStateError, "Exception is not set.")
        case .finished:
            logTraceback = false
            return exceptionValue
        }
    }

    public func setResult(_ v: Value) throws {
        guard state == .pending else { throw runtime.error(.InvalidStateError, "invalid state") }
        resultValue = v
        state = .finished
        scheduleCallbacks()
    }

    public func setException(_ e: PyException) throws {
        guard state == .pending else { throw runtime.error(.InvalidStateError, "invalid state") }
        if e.type === ExceptionType.StopIteration {
            throw runtime.error(
                .TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future")
        }
        exceptionValue = e
        state = .finished
        scheduleCallbacks()
        logTraceback = true
        runtime.noteUnretrieved(self)
    }

    /// `fut.cancel(msg)` for the host (the REPL abandoning a statement): false when already done,
    /// and false when the chain of waiters would end in `RecursionError` (see `cancelChecked`).
    @discardableResult
    public final func cancel(message: Value? = nil) -> Bool {
        (try? cancelChecked(message: message)) ?? false
    }

    /// `Future.cancel` itself, which `Task.cancel` bypasses with `super().cancel()`.
    @discardableResult
    final func cancelFuture(message: Value?) -> Bool {
        guard state == .pending else { return false }
        state = .cancelled
        cancelMessage = message
        scheduleCallbacks()
        return true
    }

    /// CPython: `Future._make_cancelled_error`.
    func makeCancelledError() -> PyException {
        if let e = cancelledException {
            cancelledException = nil
            return e
        }
        return PyException(runtime: runtime, .CancelledError, args: cancelMessage.map { [$0] } ?? [])
    }

    /// `fut.add_done_callback(fn, context=...)`; returns an id for `removeDoneCallback`.
    @discardableResult
    public func addDoneCallback(_ label: String, context: Context? = nil, _ fn: @escaping (Future) throws -> Void) -> Int {
        let id = runtime.allocateSerial()
        if state != .pending {
            loop.callSoon(label, context: context) { try fn(self) }
        } else {
            let ctx = context ?? runtime.copyContext(provenance: "callback \(label)")
            callbacks.append(Callback(id: id, label: label, context: ctx, fn: fn))
        }
        return id
    }

    /// `fut.remove_done_callback(fn)`: the number of callbacks removed.
    @discardableResult
    public func removeDoneCallback(id: Int) -> Int {
        let before = callbacks.count
        callbacks.removeAll { $0.id == id }
        return before - callbacks.count
    }

    /// CPython: `Future.__schedule_callbacks`.
    private func scheduleCallbacks() {
        let pending = callbacks
        callbacks = []
        for cb in pending {
            loop.callSoon(cb.label, context: cb.context) { try cb.fn(self) }
        }
    }

    /// CPython: `base_futures._future_repr_info`.
    func reprInfo() throws -> [String] {
        var info = [state.rawValue.lowercased()]
        if state == .finished {
            if let e = exceptionValue {
                info.append("exception=\(try runtime.repr(.object(e)))")
            } else {
                info.append("result=\(try ShortRepr.repr(resultValue!, runtime))")
            }
        }
        if !callbacks.isEmpty {
            let labels = callbacks.map(\.label)
            let cb: String
            switch labels.count {
            case 1: cb = labels[0]
            case 2: cb = "\(labels[0]), \(labels[1])"
            default: cb = "\(labels[0]), <\(labels.count - 2) more>, \(labels.last!)"
            }
            info.append("cb=[\(cb)]")
        }
        return info
    }

    /// CPython: `_future_repr`, under `reprlib.recursive_repr` (`f.set_result(f)` shows `result=...`).
    override public func repr() throws -> String {
        try runtime.guardingRepr(of: self) { "<\(reprClassName) " + (try reprInfo().joined(separator: " ")) + ">" }
    }

    /// `future.__class__.__name__` in the repr.
    var reprClassName: String { "Future" }
}

extension Runtime {
    /// `reprlib.recursive_repr()`: `body` unless `object`'s repr is already being made, else `...`.
    func guardingRepr(of object: PyObject, _ body: () throws -> String) rethrows -> String {
        let key = ObjectIdentifier(object)
        guard reprsInProgress.insert(key).inserted else { return "..." }
        defer { reprsInProgress.remove(key) }
        return try body()
    }
}

/// `reprlib.repr` with asyncio's limits, for `result=` in future reprs.
enum ShortRepr {
    static func repr(_ v: Value, _ runtime: Runtime) throws -> String {
        let full = try runtime.repr(v)
        if case .str = v, full.count > 30 {
            let q = full.first!
            let inner = full.dropFirst().dropLast()
            return String(q) + inner.prefix(12) + "..." + inner.suffix(12) + String(q)
        }
        if full.count > 30 && !(v.asObject is PyList) {
            return String(full.prefix(13)) + "..." + String(full.suffix(14))
        }
        return full
    }
}
