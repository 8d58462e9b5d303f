/// `asyncio.Handle` / `TimerHandle` (CPython: Lib/asyncio/events.py).
///
/// A callback with the context it will run in: the one given, else a copy of the context current
/// when it was scheduled (not when it runs).
public final class Handle: PyObject {
    /// What the callback is: a named one, or a task's step (C Tasks schedule a fresh
    /// `TaskStepMethWrapper` object for each step; its address is kept, its repr made on demand).
    enum Callback {
        case named(String)
        case taskStep(Task, wrapperAddress: Int)
    }
    let kind: Callback

    /// How the callback is shown in reprs and error reports (`print()`,
    /// `<_asyncio.TaskStepMethWrapper object at 0x…>()`).
    public var label: String {
        switch kind {
        case .named(let text): return text
        case .taskStep(_, let address): return "<_asyncio.TaskStepMethWrapper object at 0x\(String(address, radix: 16))>()"
        }
    }

    /// The task whose step this handle runs, if it is one (for views: "Task-1 step").
    public var stepOf: Task? {
        if case .taskStep(let task, _) = kind { return task }
        return nil
    }
    public let context: Context
    let callback: () throws -> Void
    /// The deadline of a timer handle; nil for a plain handle.
    public let when: Double?
    public internal(set) var isCancelled = false
    /// A timer still in the loop's heap.
    var isScheduled = false
    unowned let loop: EventLoop

    init(loop: EventLoop, _ kind: Callback, context: Context?, when: Double? = nil, _ callback: @escaping () throws -> Void) {
        self.loop = loop
        self.kind = kind
        if let context {
            self.context = context
        } else {
            guard case .named(let label) = kind else { preconditionFailure("a task step runs in the task's context") }
            self.context = loop.runtime.copyContext(provenance: "Handle \(label)")
        }
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
            try context.run(loop.runtime, as: stepOf.map { .taskStep($0.name) } ?? .callback(label), callback)
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
    public var task: Task?
    /// Other keys of the context dict with the repr of their value.
    public var extra: [(key: String, repr: String)]
    /// Whether the default handler logs the exception's whole traceback (one that holds only the
    /// program's frames, as a task's does) rather than its last line.
    public var showsTraceback: Bool
    /// The program's own dict, when it called `loop.call_exception_handler(context)` (a handler it
    /// set receives that very dict).
    public var original: PyObject?

    public init(message: String, exception: PyException? = nil, handle: Handle? = nil, future: Future? = nil,
                task: Task? = nil, extra: [(key: String, repr: String)] = [], showsTraceback: Bool = false) {
        self.message = message
        self.exception = exception
        self.handle = handle
        self.future = future
        self.task = task
        self.extra = extra
        self.showsTraceback = showsTraceback
        original = nil
    }

    /// `key: repr(value)` for every key but `message` and `exception`, sorted by key, as
    /// `BaseEventLoop.default_exception_handler` logs them.
    public func detailLines() -> [String] {
        var lines = extra
        if let h = handle, let r = try? h.repr() { lines.append(("handle", r)) }
        if let f = future, let r = try? f.repr() { lines.append(("future", r)) }
        if let t = task, let r = try? t.repr() { lines.append(("task", r)) }
        return lines.sorted { $0.key < $1.key }.map { "\($0.key): \($0.repr)" }
    }
}
