import CtxCore

/// What running a frame stack came to.
enum RunOutcome {
    case returned(Value)
    /// A generator's `yield`.
    case yielded(Value)
    /// A coroutine suspended (awaiting a pending future, or a bare yield such as `sleep(0)`).
    case suspended(CoroutineStep)
}

/// The Python subset's virtual machine, bound to one CtxCore `Runtime`.
///
/// The run loop (`execute`) is the single place where bytecode runs. Python-to-Python calls push
/// frames on the current `FrameStack` instead of recursing in Swift, so a coroutine suspends by
/// keeping its stack and deep recursion raises `RecursionError` instead of crashing. Calls from
/// Swift into Python (a built-in calling a key function, `ctx.run(f)`) start a nested run.
public final class Interpreter {
    public let rt: Runtime
    let builtins = Namespace()
    /// The imported modules by name; `sys.modules` shows them, in import order.
    var modules: [String: PyModule] = [:] {
        didSet { syncSysModules() }
    }
    /// `sys.modules`: a dict the import system keeps in step with `modules` (ctxlab imports only
    /// its own modules, so a program's writes to it change what it reads, not what imports).
    lazy var sysModules = PyDict(runtime: rt)
    let classes: BuiltinClasses
    /// Frames currently executing (all runs), for the recursion limit.
    var depth = 0
    public var recursionLimit = 1000
    /// How deep native recursion (repr, ==, of nested containers) is right now.
    var nativeDepth = 0
    /// The largest allocation one object may ask for before MemoryError (see Limits.swift).
    public var memoryLimit = Interpreter.defaultMemoryLimit
    /// Checked every few thousand instructions: Ctrl-C sets it.
    public var interruptRequested: () -> Bool = { false }
    var instructionBudget = 0
    /// The uuid4 generator (seedable for reproducible runs).
    /// Draws for `uuid.uuid4()`: seeded by `--seed`, else from the system.
    public var random: SplitMix64
    let missing: MissingMarker
    /// The frame stacks being executed, innermost last (zero-argument `super()` reads its caller).
    var activeStacks: [FrameStack] = []
    /// The stack of the thread target running now, which a `time.sleep` in it stops
    /// (`Modules/ThreadFrames.swift`), and the wake-up time of the sleep that stopped it.
    var suspendableStack: FrameStack?
    var threadBlock: ThreadBlock?
    /// Objects whose repr is being computed (CPython's `Py_ReprEnter` recursion guard).
    var reprGuard = Set<ObjectIdentifier>()
    /// The program's file name (`sys.argv[0]`, `__file__`).
    public var programName = "<stdin>"
    /// `sys.argv[1:]`: the arguments after the program's name (`ctxlab run test.py -v`).
    public var programArguments: [String] = []
    /// `sys.argv[0]` when it differs from the program's filename: the script's path as given
    /// (`./x.py`), where `__file__` is absolute.
    public var scriptArgument: String?
    var executorCount = 0
    /// concurrent.futures' `DoneAndNotDoneFutures` namedtuple, made on first use.
    var doneAndNotDoneClass: Value?
    /// concurrent.futures._base's `Error` and `CancelledError` (not asyncio's).
    lazy var concurrentError = ExceptionType("Error", module: "concurrent.futures._base", base: .Exception)
    lazy var concurrentCancelledError = ExceptionType("CancelledError", module: "concurrent.futures._base", base: concurrentError)
    lazy var invalidStateError = ExceptionType("InvalidStateError", module: "concurrent.futures._base", base: concurrentError)
    /// `concurrent.futures.Future`.
    lazy var concurrentFutureClass: PyClass = {
        let c = PyClass(runtime: rt, name: "Future", module: "concurrent.futures._base", bases: [classes.object], builtin: .iterator)
        return c
    }()
    /// Source lines by file name, for tracebacks.
    public var sources: [String: [String]] = [:]
    /// A Ctrl-C that arrived where it could not be raised (a user `__eq__` called by a dict
    /// lookup, which cannot throw): the next poll raises it.
    var interruptPending = false
    /// Finalisers of objects Swift released (an unfinished async generator's loop hook): run at
    /// the next instruction boundary, never inside the release itself, which can happen in the
    /// middle of a container's mutation. See `runFinalizers`.
    var pendingFinalizers: [() -> Void] = []
    /// Interrupt polls so far: every 32nd also checks the resident size (`residentMemory`).
    var residentPolls = 0
    /// object's methods as attributes, one per name (see ObjectSlots.swift).
    var objectSlots: [String: Value] = [:]
    /// `__main__` is being torn down at exit (`finalizeMain`): as in CPython's finalisation,
    /// a warning then suggests no tracemalloc.
    var isFinalizing = false
    /// atexit.register's functions, in order (an unregistered one leaves an empty slot).
    var atexitCallbacks: [AtexitCallback?] = []
    /// Set by an instruction that re-raises the exception it throws (see `unwind`).
    var reraising = false
    /// Python callbacks added to futures, for `remove_done_callback(fn)`.
    var doneCallbacks: [Int: [(Value, Int)]] = [:]
    /// Observers for the session: contexts and variables created by the program.
    public var onContextVarCreated: (ContextVar) -> Void = { _ in }
    public var onHint: (String) -> Void = { _ in }

    public init(runtime: Runtime, seed: UInt64? = nil) {
        rt = runtime
        classes = BuiltinClasses(runtime: runtime)
        random = SplitMix64(seed: seed)
        missing = MissingMarker(runtime: runtime)
        installBuiltins()
        // CPython's threading.excepthook: an exception that escapes a thread's target is printed
        // to standard error (SystemExit silently ends the thread) and the program goes on.
        rt.onThreadException = { [unowned self] thread, e in
            guard !e.isInstance(of: .SystemExit) else { return }
            rt.write("Exception in thread \(thread.name):\n" + self.formatTraceback(e), true)
        }
        rt.formatTraceback = { [unowned self] e in self.formatTraceback(e) }
        rt.reprHook = { [weak self] v in try self?.repr(v) ?? v.repr() }
        rt.checkInterrupt = { [unowned self] in try self.pollInterrupt() }
        // The innermost frame of the program's own code: inside ctxlab's Python library (the
        // asyncio prelude, Lib/*.py: untagged code) an event is where the program called it.
        rt.currentPosition = { [unowned self] in
            for stack in self.activeStacks.reversed() {
                for frame in stack.frames.reversed() where frame.code.source != 0 {
                    return SourcePosition(line: frame.line, function: frame.code.name, source: frame.code.source)
                }
            }
            return nil
        }
    }

    // MARK: the run loop

    /// Runs `stack` until its base frame returns, a generator yields, or a coroutine suspends.
    /// `resumeWith` is the exception thrown into a suspended coroutine (nil to send None).
    func execute(_ stack: FrameStack, resumeWith exc: PyException?) throws -> RunOutcome {
        depth += stack.frames.count
        activeStacks.append(stack)
        defer {
            depth -= stack.frames.count
            activeStacks.removeLast()
        }
        var pending: PyException? = exc
        if depth > recursionLimit { pending = rt.error(.RecursionError, "maximum recursion depth exceeded") }
        let resuming = stack.top.waitingFuture != nil || stack.top.waitingNative != nil
        if resuming {
            let f = stack.top
            do {
                if let outcome = try resumeAwait(f, pending) { return outcome }
                pending = nil
            } catch let e as PyException {
                pending = e
            }
        }
        while true {
            if let e = pending {
                pending = nil
                if let result = try unwind(stack, e) { return result }
                continue
            }
            do {
                if let outcome = try run(stack) { return outcome }
            } catch let e as PyException {
                pending = e
            }
        }
    }

    /// Finds a handler for `e` in the top frame, popping frames that have none. Returns the
    /// outcome when the exception leaves the stack (by rethrowing it).
    ///
    /// As CPython's `PyTraceBack_Here`: every frame the exception is raised in or passes through
    /// gets an entry for the line it is at, before its handlers are looked at, so that a `with`
    /// or `finally` that re-raises leaves the line that raised. A re-raise (bare `raise`, the end
    /// of a `finally`, a `with` whose `__exit__` returned false) adds none for its own frame.
    private func unwind(_ stack: FrameStack, _ e: PyException) throws -> RunOutcome? {
        var addEntry = !reraising
        reraising = false
        // Raised while another is handled (by native code too: `{}['x']` in an except block):
        // that one is its implicit __context__, as _PyErr_SetObject sets it.
        if addEntry, e.context == nil, let handled = handledException(), handled !== e { e.context = handled }
        var inComprehension = false
        while true {
            let f = stack.top
            if addEntry {
                if inComprehension, !e.traceback.isEmpty {
                    // PEP 709: a list, set or dict comprehension runs inline in its function's
                    // frame (3.12+), so its line is that frame's entry.
                    e.traceback[0].function = f.code.name
                } else {
                    e.traceback.insert(f.tracebackEntry, at: 0)
                }
            }
            inComprehension = addEntry && Interpreter.isInlinedComprehension(f.code)
            addEntry = true
            if let h = f.handlers.popLast() {
                if h.depth < f.stack.count { f.stack.removeSubrange(h.depth...) }  // (a with cleanup handler may find it shorter)
                f.push(.object(e))
                f.pc = h.target
                return nil
            }
            if stack.frames.count == 1 { throw e }
            popFrame(stack)
        }
    }

    static let inlinedComprehensions: Set<String> = ["<listcomp>", "<setcomp>", "<dictcomp>"]

    /// Whether `code` is a list, set or dict comprehension, which CPython 3.12+ runs inline in
    /// the frame around it (PEP 709); ctxlab gives it a frame of its own and folds it away.
    static func isInlinedComprehension(_ code: CodeObject) -> Bool { inlinedComprehensions.contains(code.name) }

    func popFrame(_ stack: FrameStack) {
        let f = stack.frames.removeLast()
        depth -= 1
        if let c = f.coroutine, c.isDelegated {
            c.state = .closed
            c.isDelegated = false
            f.release()
        }
    }

    func pushFrame(_ stack: FrameStack, _ f: Frame) throws {
        if depth + 1 > recursionLimit {
            throw rt.error(.RecursionError, "maximum recursion depth exceeded")
        }
        stack.frames.append(f)
        depth += 1
    }

    /// Runs Python code from Swift: calls `callable` in a nested run and returns its result.
    public func call(_ callable: Value, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        try run { try prepareCall(callable, args, kwargs) }
    }

    /// Runs a prepared call (`prepareCall`, `instantiate`) to its result in a nested run.
    func run(_ prepare: () throws -> CallTarget) throws -> Value {
        // A built-in's call cannot stop a thread midway (its Swift caller would not wait).
        let suspendable = suspendableStack
        suspendableStack = nil
        defer { suspendableStack = suspendable }
        switch try prepare() {
        case .value(let v): return v
        case .frame(let f):
            let stack = FrameStack(f)
            switch try execute(stack, resumeWith: nil) {
            case .returned(let v): return v
            case .yielded, .suspended:
                preconditionFailure("a plain function frame suspended")
            }
        }
    }

    /// Runs a module-level code object in `namespace`. For interactive code compiled with a
    /// top-level `await`, returns the coroutine instead of running it.
    public func runModuleCode(_ code: CodeObject, namespace: Namespace) throws -> Value {
        let frame = Frame(code: code, globals: namespace, namespace: namespace, locals: [], cells: [])
        if code.isAsync {
            return .object(PyCoroutine(interpreter: self, frame: frame, name: "<module>", qualname: "<module>"))
        }
        switch try execute(FrameStack(frame), resumeWith: nil) {
        case .returned(let v): return v
        default: preconditionFailure("module code suspended")
        }
    }

    /// Queues a finaliser and makes the run loop poll at its next instruction.
    func addFinalizer(_ body: @escaping () -> Void) {
        pendingFinalizers.append(body)
        instructionBudget = 4096
    }

    /// Runs the queued finalisers (CPython runs them at the release; the next instruction
    /// boundary is the first point where nothing is half-changed).
    func runFinalizers() {
        while !pendingFinalizers.isEmpty {
            let batch = pendingFinalizers
            pendingFinalizers = []
            for body in batch { body() }
        }
    }

    /// Starts counting interrupt polls afresh, so that where a poll falls in an input depends
    /// only on the input (an undo replays Ctrl-C at the same poll).
    public func resetInterruptClock() { instructionBudget = 0 }

    /// The run loop's poll before each instruction: also the point where queued finalisers
    /// run (nothing is half-changed between two instructions; native code that polls may be
    /// in the middle of changing a container, so `checkInterrupt` does not run them).
    @inline(__always)
    func checkInstructionBoundary() throws {
        instructionBudget += 1
        if instructionBudget >= 4096 {
            instructionBudget = 0
            if !pendingFinalizers.isEmpty { runFinalizers() }
            try pollInterrupt()
        }
    }

    /// Checks the interrupt flag now and then (Ctrl-C → KeyboardInterrupt).
    @inline(__always)
    func checkInterrupt() throws {
        instructionBudget += 1
        if instructionBudget >= 4096 {
            instructionBudget = 0
            try pollInterrupt()
        }
    }

    /// `checkInterrupt` for a step that did `cost` instructions' worth of work (a KiB of text
    /// built counts one): a repr of a list of megabyte strings polls every few of them.
    func checkInterrupt(cost: Int) throws {
        instructionBudget += 1 + cost
        if instructionBudget >= 4096 {
            instructionBudget = 0
            try pollInterrupt()
        }
    }

    /// Checks the interrupt flag at once: for native loops that do a lot of work per step (a
    /// string search polls every 64 KiB it scans), where counting to 4,096 would take too long.
    func pollInterrupt() throws {
        if interruptPending || rt.interruptedInThread || interruptRequested() {
            interruptPending = false
            rt.interruptedInThread = false
            throw PyException(runtime: rt, .KeyboardInterrupt, args: [])
        }
        residentPolls &+= 1
        if residentPolls & 31 == 0, let resident = Interpreter.residentMemory, resident.bytes() > resident.limit {
            throw PyException(runtime: rt, .MemoryError, args: [])
        }
    }

    /// The process's resident size and the size past which a poll raises MemoryError: CPython
    /// raises it when an allocation fails, where ctxlab's process would abort or be killed (a
    /// list grown without end, an exception chain of millions), so the program is stopped
    /// first, still polling, and the session survives. Installed by the command-line front end
    /// (reading /proc is I/O); nil: no check.
    nonisolated(unsafe) public static var residentMemory: (bytes: () -> Int, limit: Int)?
}
