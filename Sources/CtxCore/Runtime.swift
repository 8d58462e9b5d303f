/// The one state object of the semantic machine: object identity, threads, the task-name counter
/// and the sink that receives everything a program writes.
///
/// Nothing here performs I/O. Output is handed to `write`, which the session connects to a
/// terminal, a buffer or a transcript. Everything is deterministic: addresses come from a counter
/// (`at 0x…` in reprs prints the same bytes every run) and time is virtual (see `EventLoop`).
public final class Runtime {
    /// Where printed text goes; `stderr` is true for `file=sys.stderr` and for tracebacks.
    public var write: (_ text: String, _ stderr: Bool) -> Void = { _, _ in }

    private var nextAddress = 0x7f00_0000_1000
    private var nextSerial = 0
    /// CPython keeps one `Task-N` counter per process, shared by every loop and never reset.
    var taskNameCounter = 0
    var threadNameCounter = 0
    var threadExceptionHook: (PyThread, PyException) -> Void = { _, _ in }
    /// Futures and tasks whose repr is being made (`reprlib.recursive_repr`).
    var reprsInProgress = Set<ObjectIdentifier>()
    /// The language's `repr()`, for the program's values that the core shows (a task's
    /// exception, a token's variable, a future's result): the language runs a class's
    /// `__repr__`, polls for Ctrl-C and keeps to its memory limit while a big value is shown.
    public var reprHook: ((Value) throws -> String)?

    /// `repr(v)` through the language's hook, else the core's own.
    public func repr(_ v: Value) throws -> String {
        if let hook = reprHook { return try hook(v) }
        return try v.repr()
    }
    /// Threads that want the GIL at a later time, in time order (see `ThreadScheduler.swift`).
    var threadEvents: [ThreadEvent] = []
    /// A KeyboardInterrupt ended a thread's turn: the main thread is to raise it (`threadFailed`).
    public var interruptedInThread = false
    /// What the threads wait for at the last deadlock (`ThreadLock.swift`), for its report.
    public var deadlockDetail: String?
    /// How many threads run ahead on timelines of their own (0: the root thread runs).
    var timelineDepth = 0
    /// Futures given an exception, in that order, not yet reported as never retrieved
    /// (`Loop/Unretrieved.swift`).
    var unretrieved: [UnretrievedFuture] = []
    var unretrievedPruneAt = 64
    /// The language's traceback text for an exception (CPython's `traceback.format_exception`),
    /// which asyncio's default exception handler logs with the "never retrieved" report.
    public var formatTraceback: ((PyException) -> String)?
    /// The objects the program's globals hold, directly or in a container (the language answers;
    /// nil: none).
    public var heldByGlobals: (() -> Set<ObjectIdentifier>)?

    /// All simulated threads, the main thread first.
    public private(set) var threads: [PyThread] = []
    /// The thread whose code is running now.
    public internal(set) var currentThread: PyThread!

    /// The virtual monotonic clock (`time.monotonic()`, every loop's `loop.time()`), in seconds.
    /// Reading it for display leaves it as it is; the program's reads go through `readClock()`.
    /// The rules for how it moves are in `Loop/VirtualClock.swift`.
    public internal(set) var clock: Double = 0

    /// `sys.get_int_max_str_digits()`: the most decimal digits an int may be converted to or from
    /// (0: no limit). Per runtime, as CPython keeps it per interpreter
    /// (`interp->long_state.max_str_digits`): one session's `sys.set_int_max_str_digits(0)` does
    /// not reach another session, fuzz case or checked transcript in the same process.
    public var intMaxStrDigits = Runtime.defaultIntMaxStrDigits
    /// CPython's default for it (`_PY_LONG_DEFAULT_MAX_STR_DIGITS`).
    public static let defaultIntMaxStrDigits = 4300

    /// Raises KeyboardInterrupt when Ctrl-C was pressed (the language installs it): for the
    /// core's own long loops, such as cancelling every task of a huge chain at shutdown.
    public var checkInterrupt: () throws -> Void = {}

    /// Called for every Context created (the session tracks them, weakly, for the live tree).
    public var onContextCreated: (Context) -> Void = { _ in }

    /// The listener for `ContextEvent`s (nil: nobody listens, and no event is built).
    public var onEvent: ((ContextEvent) -> Void)?
    /// What contexts made while a listener listens report their drop through.
    lazy var dropReport = DropReport(self)
    /// Where the program is now (the language installs it; read only when an event is sent).
    public var currentPosition: (() -> SourcePosition?)?

    /// The event loop that is running now in the current thread, if any.
    public internal(set) var runningLoop: EventLoop?

    public init() {
        let main = PyThread(runtime: self, name: "MainThread", target: nil)
        main.state = .running
        threads.append(main)
        currentThread = main
    }

    /// A fresh, deterministic address for an object's `id()` and its `at 0x…` repr.
    public func allocateAddress() -> Int {
        defer { nextAddress += 0x40 }
        return nextAddress
    }

    /// The address the next object will get: every object created from now on has an address at
    /// least this large (addresses only grow), so it tells "created since" without a set.
    public var addressWatermark: Int { nextAddress }

    /// Moves the address counter forward to `watermark` (never back: addresses stay unique and
    /// increasing). A replay uses it to give each object the address it had the first time.
    public func advanceAddresses(to watermark: Int) {
        if watermark > nextAddress { nextAddress = watermark }
    }

    /// A creation serial number: stable ordering for things CPython leaves in hash order.
    func allocateSerial() -> Int {
        nextSerial += 1
        return nextSerial
    }

    /// The next `Task-N` number (CPython: `tasks._task_name_counter`).
    func nextTaskNumber() -> Int {
        taskNameCounter += 1
        return taskNameCounter
    }

    func register(_ thread: PyThread) { threads.append(thread) }
}

extension Runtime {
    /// Reports an exception that escaped a thread's target (CPython: `threading.excepthook`).
    public var onThreadException: (PyThread, PyException) -> Void {
        get { threadExceptionHook }
        set { threadExceptionHook = newValue }
    }
}
