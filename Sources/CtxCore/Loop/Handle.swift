/// `asyncio.Handle` / `TimerHandle` (CPython: Lib/asyncio/events.py).
///
/// A callback with the context it will run in: the one given, else a copy of the context current
/// when it was scheduled (not when it runs).
public final class Handle: PyObject {
    /// How the callback is shown in reprs and error reports (`print()`, `Task.task_wakeup()`).
    public let label: String
    /// The task whose step this handle runs, if it is one (for views: "Task-1 step").
    public internal(set) weak var stepOf: Task?
    public let context: Context
    let callback: () throws -> Void
    /// The deadline of a timer handle; nil for a plain handle.
    public let when: Double?
    public internal(set) var isCancelled = false
    /// A timer still in the loop's heap.
    var isScheduled = false
    unowned let loop: EventLoop

    init(loop: EventLoop, label: String, context: Context?, when: Double? = nil, _ callback: @escaping () throws -> Void) {
        self.loop = loop
        self.label = label
        self.context = context ?? loop.runtime.copyContext(provenance: "Handle \(label)")
        self.when = when
        self.callback = callback
        super.init(runtime: loop.runtime)
    }

    override public var typeName: String { when == nil ? "Handle" : "TimerHandle" }

    /// CPython 3.13+: arguments are shown only in debug mode.
    override public func repr() throws -> String {
        var info = [typeName]
        if isCancelled { info.append("cancelled") }
        if let w = when { info.append("when=\(FloatRepr.repr(w))") }
        if !isCancelled { info.append(label) }  // CPython drops the callback on cancel
        return "<" + info.joined(separator: " ") + ">"
    }

    /// `handle.cancel()`.
    public func cancel() {
        guard !isCancelled else { return }
        isCancelled = true
        if when != nil && isScheduled { loop.timerCancelledCount += 1 }
    }

    /// CPython: `Handle._run`. KeyboardInterrupt and SystemExit escape the loop; every other
    /// exception goes to the loop's exception handler and the loop goes on.
    func run() throws {
        do {
            try context.run(loop.runtime, callback)
        } catch let e as PyException where !e.isInstance(of: .KeyboardInterrupt) && !e.isInstance(of: .SystemExit) {
            loop.callExceptionHandler(
                LoopError(message: "Exception in callback \(label)", exception: e, handle: self))
        }
    }
}

/// What `loop.call_exception_handler(context)` receives.
public struct LoopError {
    public var message: String
    public var exception: PyException?
    public var handle: Handle?
    public var future: Future?

    public init(message: String, exception: PyException? = nil, handle: Handle? = nil, future: Future? = nil) {
        self.message = message
        self.exception = exception
        self.handle = handle
        self.future = future
    }
}
