import CtxCore
import CtxLang
import CtxView

/// What the session prints, by kind; the front end decides how each looks.
public enum OutputKind: Equatable, Sendable {
    /// The program's standard output (prints and echoed values).
    case stdout
    /// The program's standard error (tracebacks).
    case stderr
    /// The live tree and the other views.
    case view
    /// A one-line pitfall hint.
    case hint
    /// ctxlab's own messages (meta-command answers, errors of the session).
    case info
}

/// The REPL engine: one Python session as CPython 3.14's asyncio REPL runs it (one shared context
/// for all statements, top-level `await`, ready tasks run before the next prompt), plus the live
/// tree and meta-commands. No terminal code: output goes to `write`.
public final class Session {
    public struct Options: Equatable, Sendable {
        public var showTree = true
        public var hints = true
        public var manualMode = false
        public var render = RenderOptions()
        public var seed: UInt64 = 0
        public var filename = "<stdin>"
        /// The filename each input's code gets (`co_filename`, tracebacks, warnings).
        public var inputNames = InputNames.stdin
        /// Contexts drawn as `C1`, `C2`… (numbered in creation order) instead of their addresses.
        public var shortIds = false
        /// The interpreter's memory limit (nil: its default; see CtxLang's Limits.swift).
        public var memoryLimit: Int?
        /// A tree with more reachable contexts than this is not drawn, one line says so instead:
        /// drawing costs time in proportion to the contexts (seconds for a million tasks), and
        /// the drawing after every input cannot be stopped by Ctrl-C.
        public var maxTreeContexts = 100_000
        /// When the account of what happened during an input is printed before the tree.
        public var traceMode = TraceMode.auto
        public init() {}
    }

    /// How inputs are named, as the two faces of 3.14's asyncio REPL name them.
    public enum InputNames: Equatable, Sendable {
        /// `<stdin>` for every input: `code.InteractiveConsole(filename="<stdin>")`, the REPL
        /// on piped input, and what transcripts are checked under.
        case stdin
        /// `<python-input-0>`, `<python-input-1>`…: PyREPL at a terminal
        /// (`_pyrepl/simple_interact.py`), each input's lines known to `linecache`.
        case numbered
    }

    public var options: Options
    /// How many inputs have been named `<python-input-N>` (never taken back: `:undo` replays
    /// the steps it keeps under their own names).
    var inputsNamed = 0
    public var write: (String, OutputKind) -> Void
    /// The inputs that changed state, for `:save` and `:record`.
    public var history: [String] { undoLog.compactMap(\.source) }
    /// Every step that changed state, for `:undo` (see `UndoStep`).
    var undoLog: [UndoStep] = []
    /// An input ran `from __future__ import annotations`: later inputs are compiled so too
    /// (codeop's `Compile` keeps the flags of the future statements it has seen).
    var futureAnnotations = false
    var interruptClock = InterruptClock()
    /// The step being run: the address counter before each of its later statements.
    var statementAddresses: [Int] = []

    public internal(set) var runtime: Runtime
    public internal(set) var interpreter: Interpreter
    var namespace: Namespace
    /// The asyncio REPL's loop: it is "running" while statements execute.
    var loop: EventLoop
    /// gh-124594: one Context shared by every statement of the session.
    public internal(set) var context: Context
    var tracker = Tracker()
    /// The events of the inputs (`Trace/`).
    var trace = TraceState()
    var replaying = false
    weak var fileAccess: SessionFiles?
    var pendingHints: [String] = []
    /// Set when a statement raised SystemExit (`exit()`, `sys.exit(3)`): the session is over and
    /// the process should end with this status, as `python -m asyncio` does.
    public internal(set) var exitStatus: Int32?
    /// Set by a front end's SIGINT handler; checked by the interpreter.
    public var interruptFlag: () -> Bool = { false }

    public init(options: Options = Options(), write: @escaping (String, OutputKind) -> Void) {
        self.options = options
        self.write = write
        (runtime, interpreter, namespace, loop, context) = Session.makeWorld(options)
        wire()
    }

    deinit { runtime.onEvent = nil }

    static func makeWorld(_ o: Options) -> (Runtime, Interpreter, Namespace, EventLoop, Context) {
        let rt = Runtime()
        let interp = Interpreter(runtime: rt, seed: o.seed)
        if let limit = o.memoryLimit { interp.memoryLimit = limit }
        let ns = interp.mainNamespace(filename: o.filename)
        let loop = EventLoop(runtime: rt)
        let ctx = rt.copyContext(provenance: "REPL session")
        return (rt, interp, ns, loop, ctx)
    }

    /// Connects the runtime's output and observers to this session.
    func wire() {
        tracker = Tracker()
        wireTrace()
        runtime.write = { [unowned self] text, err in
            if !self.replaying { self.write(text, err ? .stderr : .stdout) }
        }
        runtime.onContextCreated = { [unowned self] c in self.tracker.contextCreated(c) }
        interpreter.onContextVarCreated = { [unowned self] v in self.tracker.variableCreated(v) }
        interpreter.interruptRequested = { [unowned self] in self.interruptClock.poll(self.interruptFlag) }
        interpreter.onHint = hintCollector()
        if let base = runtime.threads.first?.baseContext { tracker.contextCreated(base) }
        tracker.contextCreated(context)
        preImport()
    }

    /// Pre-imported names, as the banner says: asyncio, contextvars, ContextVar, Context, copy_context.
    func preImport() {
        guard let asyncio = try? interpreter.importModule("asyncio"),
              let cv = try? interpreter.importModule("contextvars") else { return }
        namespace["asyncio"] = .object(asyncio)
        namespace["contextvars"] = .object(cv)
        for n in ["ContextVar", "Context", "copy_context"] { namespace[n] = cv.namespace[n] }
    }

    /// Whether a name is bound in the session's namespace (PyREPL runs `exit` as a command
    /// only when it is not).
    public func isBound(_ name: String) -> Bool { namespace[name] != nil }

    /// Forgets everything: a fresh interpreter, loop and session context.
    public func reset() {
        // The old world's contexts are freed after this: their events are not this session's.
        runtime.onEvent = nil
        (runtime, interpreter, namespace, loop, context) = Session.makeWorld(options)
        undoLog = []
        exitStatus = nil
        wire()
    }
}
