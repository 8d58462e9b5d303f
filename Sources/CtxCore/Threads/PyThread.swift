/// A simulated `threading.Thread` (CPython 3.14, default GIL build).
///
/// Each thread has its own current context. A thread started with `context=None` runs its target
/// inside a fresh empty `Context()` (3.14 `Thread.start` with `sys.flags.thread_inherit_context`
/// false); the main thread's base context is created lazily, as in CPython.
///
/// Determinism: threads never preempt each other. A started thread's target runs at the next
/// point where CPython's main thread would give up the GIL: `join()`, the event loop's `select`
/// step (see `EventLoop.runOnce`), and the end of the program. Started threads run in start order.
public final class PyThread: PyObject {
    public enum State { case initial, started, running, finished }

    public let name: String
    public internal(set) var state: State = .initial
    /// The context current in this thread (nil until first needed).
    public internal(set) var context: Context?
    /// The lazily created base context of a thread that was not started with one.
    public internal(set) var baseContext: Context?
    /// The context `start()` chose for the target (3.14: `Thread(context=...)`).
    public internal(set) var runContext: Context?
    /// `threading.local()` storage of this thread, keyed by the local object's address.
    public var localStorage: [Int: PyObject] = [:]
    /// Whether the target raised; the language reports it through `threading.excepthook`.
    public internal(set) var failure: PyException?
    let target: ((Runtime) throws -> Void)?
    let requestedContext: Context?
    public var daemon = false

    init(runtime: Runtime, name: String, target: ((Runtime) throws -> Void)?, context: Context? = nil) {
        self.name = name
        self.target = target
        self.requestedContext = context
        super.init(runtime: runtime)
    }

    override public var typeName: String { "Thread" }

    override public func repr() throws -> String {
        let status: String
        switch state {
        case .initial: status = "initial"
        case .started, .running: status = "started \(address % 1_000_000)"
        case .finished: status = "stopped \(address % 1_000_000)"
        }
        return "<Thread(\(name), \(status)\(daemon ? " daemon" : ""))>"
    }
}

extension Runtime {
    /// `threading.Thread(target=..., name=..., context=...)`. Unnamed threads are `Thread-N`.
    public func makeThread(name: String?, context: Context? = nil, target: @escaping (Runtime) throws -> Void) -> PyThread {
        threadNameCounter += 1
        let t = PyThread(runtime: self, name: name ?? "Thread-\(threadNameCounter)", target: target, context: context)
        register(t)
        return t
    }

    /// `thread.start()`: the context is chosen now (3.14: `Context()` unless one was given); the
    /// target runs at the next GIL release point.
    public func start(_ t: PyThread) throws {
        guard t.state == .initial else { throw error(.RuntimeError, "threads can only be started once") }
        t.runContext = t.requestedContext ?? Context(runtime: self, vars: [:], origin: nil, provenance: "thread \(t.name)")
        t.state = .started
        startedThreads.append(t)
    }

    /// `thread.join()`: gives up the GIL until the thread has finished.
    public func join(_ t: PyThread) throws {
        if t === currentThread { throw error(.RuntimeError, "cannot join current thread") }
        if t.state == .initial { throw error(.RuntimeError, "cannot join thread before it is started") }
        releaseGIL()
    }

    /// Runs every started thread to completion, in start order (CPython: the main thread blocks
    /// and the others run). Executor jobs run here too.
    public func releaseGIL() {
        while !startedThreads.isEmpty || executors.contains(where: { $0.hasPendingJobs }) {
            if !startedThreads.isEmpty {
                let t = startedThreads.removeFirst()
                runThread(t)
            }
            for ex in executors where ex.hasPendingJobs { ex.runPendingJobs() }
        }
    }

    private func runThread(_ t: PyThread) {
        t.state = .running
        inThread(t) {
            do {
                try t.runContext!.run(self) { try t.target?(self) }
            } catch let e as PyException {
                t.failure = e
                onThreadException(t, e)
            } catch {
                preconditionFailure("non-Python error escaped a thread: \(error)")
            }
        }
        t.state = .finished
    }

    /// Runs `body` as thread `t`: its own current context and thread-local storage.
    func inThread<R>(_ t: PyThread, _ body: () -> R) -> R {
        let saved = currentThread
        let savedLoop = runningLoop
        currentThread = t
        runningLoop = nil
        defer {
            currentThread = saved
            runningLoop = savedLoop
        }
        return body()
    }
}
