import HashTreeCollections

/// `contextvars.Context` (CPython: Python/context.c, Python/hamt.c).
///
/// Design, as in CPython:
/// - A Context object holds an immutable persistent map (a `TreeDictionary`, the same kind of hash
///   trie as CPython's HAMT). `set` replaces the map of the *current Context object*; the object
///   stays the same. A copy is a new object sharing the map: O(1), and independent afterwards.
/// - Entering (`run`) is a property of the object, for all threads: `entered` is set on enter and
///   cleared on exit, and entering an entered context raises "cannot enter context: … is already
///   entered". `run` always exits, also when the callable raises.
/// - The thread's base context (created lazily) is never entered.
/// - `origin` records which context this one was copied from, for the live tree; it has no effect
///   on semantics.
public final class Context: PyObject {
    private(set) var vars: TreeDictionary<ContextVar, Value>
    /// Names the mapping: contexts with equal stamps hold the same mapping (a copy shares its
    /// origin's stamp until either is changed; every change draws a fresh one; empty is 0). Lets
    /// the live tree work out each distinct mapping once instead of once per context.
    public private(set) var mappingStamp: Int
    public private(set) var isEntered = false
    private var previous: Context?
    /// The context this one was copied from (nil for `Context()` and a thread's base context).
    public private(set) weak var origin: Context?
    /// The address of `origin`, kept also after it is gone (addresses are never reused); reading
    /// it costs no weak-reference load.
    public let originAddress: Int?
    /// Why this context exists (`copy_context()`, `Task-3`, `thread Thread-1`…), for the tree.
    public var provenance: String
    /// For the `dropped` event: set only while a listener listens, so that a context made
    /// without one costs no weak reference (`ctxlab run` frees millions of contexts).
    private var dropReport: DropReport?

    init(
        runtime: Runtime, vars: TreeDictionary<ContextVar, Value>, mappingStamp: Int = 0,
        origin: Context?, provenance: String
    ) {
        self.vars = vars
        self.mappingStamp = mappingStamp
        self.origin = origin
        originAddress = origin?.address
        self.provenance = provenance
        super.init(runtime: runtime)
        runtime.onContextCreated(self)
        if runtime.onEvent != nil {
            dropReport = runtime.dropReport
            runtime.emit(.created(self, origin: origin))
        }
    }

    deinit {
        dropReport?.runtime?.emit(.dropped(address: address, mapping: ContextMapping(vars: vars)))
    }

    /// `Context()`: a new empty context.
    override public convenience init(runtime: Runtime) {
        self.init(runtime: runtime, vars: [:], origin: nil, provenance: "Context()")
    }

    override public var typeName: String { "_contextvars.Context" }

    /// `ctx.copy()`: a new Context object sharing this mapping.
    public func copy(_ rt: Runtime, provenance: String = "copy") -> Context {
        Context(runtime: rt, vars: vars, mappingStamp: mappingStamp, origin: self, provenance: provenance)
    }

    func assign(_ rt: Runtime, _ v: ContextVar, _ value: Value) {
        vars[v] = value
        mappingStamp = rt.allocateSerial()
    }

    func remove(_ rt: Runtime, _ v: ContextVar) {
        vars[v] = nil
        mappingStamp = vars.isEmpty ? 0 : rt.allocateSerial()
    }

    // MARK: mapping API

    /// `ctx[var]`: the value, or `KeyError(var)`.
    public func item(_ rt: Runtime, _ v: ContextVar) throws -> Value {
        guard let value = vars[v] else { throw PyException(runtime: rt, .KeyError, args: [.object(v)]) }
        return value
    }

    /// The value of `v` in this context, if it has one (`ctx.get(var)` without a default).
    public func value(of v: ContextVar) -> Value? { vars[v] }
    public func contains(_ v: ContextVar) -> Bool { vars[v] != nil }
    public var count: Int { vars.count }

    /// The variables with values here, in a deterministic order (creation order of the variables;
    /// CPython's HAMT order is unspecified and varies run to run).
    public var items: [(ContextVar, Value)] {
        vars.sorted { $0.key.serial < $1.key.serial }.map { ($0.key, $0.value) }
    }

    /// `ctx == other`: the mappings are equal (values compared with `==`, identity first).
    override public func pyEquals(_ other: PyObject) throws -> Bool {
        guard let o = other as? Context else { return false }
        guard o.vars.count == vars.count else { return false }
        for (k, v) in vars {
            guard let w = o.vars[k] else { return false }
            if !v.isIdentical(w), !(try v.pyEquals(w)) { return false }
        }
        return true
    }

    // MARK: entering and exiting

    /// `ctx.run(callable)` (CPython: `context_run`): enter, call, always exit.
    @discardableResult
    /// `reason` is worked out only when a listener wants the events (a callback's label costs a
    /// string).
    public func run<R>(
        _ rt: Runtime, as reason: @autoclosure () -> EntryReason = .contextRun, _ body: () throws -> R
    ) throws -> R {
        try enter(rt)
        rt.emit(.entered(self, reason()))
        defer {
            rt.emit(.exited(self, reason()))
            exit(rt)
        }
        return try body()
    }

    /// CPython: `_PyContext_Enter`.
    @inline(__always)
    func enter(_ rt: Runtime) throws {
        if isEntered {
            throw rt.error(.RuntimeError, "cannot enter context: \(try repr()) is already entered")
        }
        let thread = rt.currentThread!
        previous = thread.context
        isEntered = true
        thread.context = self
    }

    /// CPython: `_PyContext_Exit`. Exiting a context that is not the thread's current one is a
    /// broken invariant here (CPython only reaches that error from C).
    @inline(__always)
    func exit(_ rt: Runtime) {
        let thread = rt.currentThread!
        precondition(isEntered && thread.context === self, "context exit out of order")
        thread.context = previous
        previous = nil
        isEntered = false
    }
}

extension Runtime {
    /// The current thread's context, created empty on first need (CPython: `context_get`).
    public func currentContext() -> Context {
        let thread = currentThread!
        if let ctx = thread.context { return ctx }
        let ctx = Context(runtime: self, vars: [:], origin: nil, provenance: "thread \(thread.name)")
        thread.context = ctx
        thread.baseContext = ctx
        return ctx
    }

    /// `contextvars.copy_context()`.
    public func copyContext(provenance: String = "copy_context()") -> Context {
        currentContext().copy(self, provenance: provenance)
    }
}
