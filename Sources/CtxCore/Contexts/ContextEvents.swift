import HashTreeCollections

/// What the core tells a listener about contexts while a program runs, as it happens: the events
/// the tree drawn between inputs cannot show (a copy made and dropped inside one input, a
/// coroutine's body run in another context than the one it was made in…).
///
/// Nobody listens by default: every emitting site first checks `Runtime.onEvent` (one load of an
/// optional), so `ctxlab run` pays nothing. The listener is called synchronously, in the middle of
/// the program; it must not run the program's code (no `__repr__`) and must not keep the objects
/// it is handed past the call if it wants their lifetimes to stay CPython's (a kept Context would
/// never be dropped). The session turns each event into plain values at once.
public enum ContextEvent {
    /// A Context object came to be: `copy_context()`, `Context()`, a task's copy, a callback's
    /// copy, a thread's base context. `origin` is what it was copied from.
    case created(Context, origin: Context?)
    /// `context` was entered (`Context.run`, a task step, a loop callback, a thread's run).
    case entered(Context, EntryReason)
    /// `context` was exited (always after its `entered`, innermost first).
    case exited(Context, EntryReason)
    /// `variable.set(new)` or `variable.reset(token)` in `context`: the old and the new value of
    /// the context (nil: no value, the default shows). Sent before the mapping changes.
    case set(ContextVar, in: Context, old: Value?, new: Value?, isReset: Bool)
    /// A task was created, to run in its context.
    case taskCreated(Task)
    /// A task's step is about to run (it is still waiting on what woke it).
    case taskStepBegan(Task)
    /// A task's step has ended (the task is suspended again, or finished).
    case taskStepEnded(Task)
    /// A coroutine object was made, by a call in the current context.
    case coroutineCreated(name: String, address: Int, in: Context?)
    /// A coroutine's body began to run inline, by `await` from another frame: it runs in the
    /// awaiting task's current context, whatever context it was made in.
    case coroutineAwaited(name: String, address: Int, in: Context)
    /// A Context object was freed: nothing refers to it any more. Its address and mapping only;
    /// the object itself is being torn down.
    case dropped(address: Int, mapping: ContextMapping)
}

/// Why a context was entered.
public enum EntryReason: Equatable, Sendable {
    /// `ctx.run(callable, …)` called by the program.
    case contextRun
    /// A step of the named task (tasks.py: every step runs in `task._context`).
    case taskStep(String)
    /// A loop callback (`call_soon`, a future's done callback, a timer), by its label.
    case callback(String)
    /// A thread's target, or a turn of a thread pool worker.
    case thread(String)
}

/// Where the program was when an event happened: the innermost Python frame.
public struct SourcePosition: Equatable, Sendable {
    /// 1-based, in the source the code was compiled from.
    public var line: Int
    /// The code's name: `<module>` at top level, else the function's.
    public var function: String
    /// Which source: the tag the session gave the code when it compiled it (0: none).
    public var source: Int

    public init(line: Int, function: String, source: Int) {
        self.line = line
        self.function = function
        self.source = source
    }
}

/// A Context's mapping at one moment: immutable, shared with the context until either changes
/// (copying it costs nothing: it is the persistent hash trie itself).
public struct ContextMapping {
    let vars: TreeDictionary<ContextVar, Value>

    public func value(of v: ContextVar) -> Value? { vars[v] }
    public var isEmpty: Bool { vars.isEmpty }

    /// The variables with values, in creation order of the variables.
    public var items: [(ContextVar, Value)] {
        vars.sorted { $0.key.serial < $1.key.serial }.map { ($0.key, $0.value) }
    }
}

extension Context {
    /// This context's mapping now.
    public var mapping: ContextMapping { ContextMapping(vars: vars) }
}

/// The runtime a context reports its drop to, held weakly (a context may outlive the session that
/// made it). One per runtime, shared by its contexts.
final class DropReport {
    weak var runtime: Runtime?
    init(_ runtime: Runtime) { self.runtime = runtime }
}

extension Runtime {
    /// Sends an event to the listener, if there is one; the event is built only then.
    @inline(__always)
    public func emit(_ event: @autoclosure () -> ContextEvent) {
        if let listener = onEvent { listener(event()) }
    }

    /// Where the program is now, for the listener (nil outside Python code).
    public func position() -> SourcePosition? { currentPosition?() }
}
