import CtxCore
import CtxView

/// Everything that happened to contexts during one input (or one `:step`), as plain values:
/// what `:trace` lists, what `:walk` steps through, and what the account before the tree tells.
///
/// Built from the core's `ContextEvent`s while the input runs. No event keeps a Context or a Task
/// alive: contexts and tasks are kept by address. Values are kept as text when they are plain
/// (None, numbers, strings) and as the object until the input ends otherwise, when the session
/// makes their reprs (a repr may run the program's `__repr__`, which must not happen mid-input).
struct InputTrace {
    /// The source tag of the input (`SourcePosition.source`).
    let source: Int
    private(set) var events: [TraceEvent] = []
    /// Events past `eventLimit`, not recorded (a loop setting a variable a million times).
    private(set) var omitted = 0
    static let eventLimit = 5_000

    /// Values by index; `.object` until `finish` turns them into reprs.
    private(set) var values: [ShownValue] = []
    /// Every context the input touched, with what it held when the input first touched it.
    private(set) var contexts: [Int: TracedContext] = [:]
    /// Every variable seen (address → `name=`), for views of contexts that are gone.
    private(set) var variableNames: [Int: String] = [:]
    /// Every task seen, with its state when first seen.
    private(set) var tasks: [Int: TracedTask] = [:]
    /// The order contexts and tasks were first seen (dictionaries have none).
    private(set) var contextOrder: [Int] = []
    private(set) var taskOrder: [Int] = []

    init(source: Int) { self.source = source }

    var isFull: Bool { events.count >= InputTrace.eventLimit }

    /// The entries not exited yet, innermost last.
    private var open: [(context: Int, reason: EntryReason)] = []
    /// The context each coroutine made inside a `Context.run` was made in.
    private var made: [Int: Int] = [:]

    mutating func append(_ kind: TraceEvent.Kind, at position: SourcePosition?) {
        switch kind {
        case .coroutineCreated(_, let address, let c): made[address] = c
        default: break
        }
        track(kind)
        events.append(TraceEvent(kind: kind, position: position))
    }

    /// An event past the limit: counted, and the open entries kept right.
    mutating func overflow(_ event: ContextEvent) {
        omitted += 1
        switch event {
        case .entered(let c, let reason): track(.entered(context: c.address, reason: reason))
        case .exited(let c, let reason): track(.exited(context: c.address, reason: reason))
        default: break
        }
    }

    private mutating func track(_ kind: TraceEvent.Kind) {
        switch kind {
        case .entered(let c, let reason): open.append((c, reason))
        case .exited(let c, _): if let i = open.lastIndex(where: { $0.context == c }) { open.remove(at: i) }
        default: break
        }
    }

    // MARK: what the input found

    /// Remembers `c` as it is now, the first time the input touches it (its mapping then is
    /// what it held at the start of the input, or when it was created).
    mutating func see(_ c: Context, createdAt: Int?) {
        guard contexts[c.address] == nil else { return }
        // The mapping itself (a persistent trie: keeping it costs nothing); its values become
        // text only if a walk draws this context.
        contexts[c.address] = TracedContext(
            origin: c.originAddress, provenance: c.provenance, initial: c.mapping, createdAt: createdAt,
            quiet: isCallbackCopy(c.provenance))
        contextOrder.append(c.address)
    }

    /// Sees `c` and the contexts it was copied from (a few: enough to hang it in the tree).
    mutating func seeWithAncestors(_ c: Context) {
        var next: Context? = c, hops = 0
        while let ctx = next, hops < 16, contexts[ctx.address] == nil {
            see(ctx, createdAt: nil)
            next = ctx.origin
            hops += 1
        }
    }

    /// A context freed during the input: one first seen here is remembered with the mapping it
    /// had at the end (nothing changed it during the input, or it would have been seen).
    mutating func dropped(_ address: Int, _ mapping: ContextMapping, provenance: String?) {
        if contexts[address] == nil, let provenance {
            contexts[address] = TracedContext(
                origin: nil, provenance: provenance, initial: mapping, createdAt: nil, quiet: true)
            contextOrder.append(address)
        }
        contexts[address]?.droppedAt = events.count
    }

    mutating func noteVariable(_ v: ContextVar) {
        if variableNames[v.address] == nil { variableNames[v.address] = v.name }
    }

    mutating func seeTask(_ t: Task, state: TaskState, createdAt: Int?) {
        guard tasks[t.address] == nil else { return }
        tasks[t.address] = TracedTask(name: t.name, context: t.context.address, initial: state, createdAt: createdAt)
        taskOrder.append(t.address)
    }

    /// A context that had a variable set in it is worth telling about, even a callback's copy.
    mutating func markAudible(_ address: Int) { contexts[address]?.quiet = false }

    // MARK: values

    /// The index of a value kept for the views.
    mutating func keep(_ v: Value) -> Int {
        switch v {
        case .object(let o):
            if let i = objectIndex[ObjectIdentifier(o)] { return i }
            // Reprs are made when the input ends, each costing what the program's __repr__
            // costs: a few hundred objects are shown, the rest as `…`.
            guard objectIndex.count < InputTrace.objectLimit else {
                values.append(.text("…"))
                return values.count - 1
            }
            objectIndex[ObjectIdentifier(o)] = values.count
            values.append(.object(v))
        case .str(let text):
            // A long string is cut before its repr is made (the views show 60 characters).
            if let head = StringRepr.reprPrefix(text, limit: 200) {
                values.append(.text(head + "…"))
            } else {
                values.append(.text(StringRepr.repr(text)))
            }
        default:
            values.append(.text((try? v.repr()) ?? "?"))
        }
        return values.count - 1
    }

    static let objectLimit = 500
    private var objectIndex: [ObjectIdentifier: Int] = [:]

    /// The text of a kept value (a repr, or `…` before `finish`).
    func text(_ index: Int) -> String {
        guard values.indices.contains(index) else { return "?" }
        if case .text(let s) = values[index] { return s }
        return "…"
    }

    /// Turns every kept object into its repr, and lets the objects go.
    mutating func finish(repr: (Value) -> String) {
        for i in values.indices {
            if case .object(let v) = values[i] { values[i] = .text(repr(v)) }
        }
        objectIndex = [:]
    }

    /// Whether `context` is the innermost context entered, and entered by a `Context.run`.
    func isInsideRun(of context: Int) -> Bool {
        guard let last = open.last else { return false }
        return last.context == context && last.reason == .contextRun
    }

    /// The context a coroutine was made in, if it was made inside a `Context.run` this input.
    func madeIn(coroutine address: Int) -> Int? { made[address] }

    /// Whether `range` holds something the tree drawn afterwards cannot show: a context made
    /// in it (other than a callback's copy nobody changed) that is not in the tree (dropped, or
    /// alive but unreachable), a variable set in a context not in the tree, a coroutine run in
    /// another context than it was made in. `shown`: whether the tree draws a live context.
    func hasHiddenStory(in range: Range<Int>, shown: (Int) -> Bool) -> Bool {
        for e in events[range] {
            switch e.kind {
            case .created(let c, _, _):
                if let t = contexts[c], !t.quiet, t.droppedAt != nil || !shown(c) { return true }
            case .set(_, let c, _, _, _):
                if contexts[c]?.droppedAt != nil || !shown(c) { return true }
            case .coroutineAwaited(_, _, let ctx, let made):
                if let made, made != ctx { return true }
            default: continue
            }
        }
        return false
    }
}

/// One recorded event.
struct TraceEvent {
    enum Kind {
        case created(context: Int, origin: Int?, provenance: String)
        case entered(context: Int, reason: EntryReason)
        case exited(context: Int, reason: EntryReason)
        /// `old`/`new`: value indices (nil: no value).
        case set(variable: Int, context: Int, old: Int?, new: Int?, isReset: Bool)
        case taskCreated(task: Int, context: Int)
        case taskStepBegan(task: Int, context: Int)
        case taskStepEnded(task: Int, context: Int, state: TaskState)
        /// A coroutine made inside a `Context.run` (elsewhere, making one is too common to tell).
        case coroutineCreated(name: String, address: Int, context: Int)
        /// `made`: the context the coroutine was made in, if this input saw it made.
        case coroutineAwaited(name: String, address: Int, context: Int, made: Int?)
        case dropped(context: Int)
    }
    let kind: Kind
    let position: SourcePosition?

    /// The context the event is about.
    var context: Int {
        switch kind {
        case .created(let c, _, _), .entered(let c, _), .exited(let c, _), .set(_, let c, _, _, _),
             .taskCreated(_, let c), .taskStepBegan(_, let c), .taskStepEnded(_, let c, _),
             .coroutineCreated(_, _, let c), .coroutineAwaited(_, _, let c, _), .dropped(let c):
            return c
        }
    }
}

/// A value as the views show it: its repr, or the object until the input ends.
enum ShownValue {
    case text(String)
    case object(Value)
}

/// A context as the input found it.
struct TracedContext {
    var origin: Int?
    var provenance: String
    /// Its mapping when first seen.
    var initial: ContextMapping
    /// The event that created it, if the input did.
    var createdAt: Int?
    /// A callback's copy that nothing changed: left out of the account and the walk.
    var quiet: Bool
    /// The number of events recorded before it was dropped, if it was.
    var droppedAt: Int?
}

/// A task as the input found it.
struct TracedTask {
    var name: String
    var context: Int
    var initial: TaskState
    var createdAt: Int?
}
