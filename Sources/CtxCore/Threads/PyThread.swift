/// A simulated `threading.Thread` (CPython 3.14, default GIL build).
///
/// Each thread has its own current context. A thread started with `context=None` runs its target
/// inside a fresh empty `Context()` (3.14 `Thread.start` with `sys.flags.thread_inherit_context`
/// false); the main thread's base context is created lazily, as in CPython.
///
/// ## When a thread runs, relative to the thread that started or fed it
///
/// Threads never preempt each other; these rules place each thread's code where CPython 3.13's GIL
/// puts it (each checked with real programs on 3.13: conformance 116 and 117, ThreadTests):
///
/// * **A new thread runs inside `start()`.** CPython's `Thread.start()` waits until the new thread
///   has signalled that it started; the new thread keeps the GIL and goes on into its target until
///   it blocks or its 5 ms switch interval passes. So a short target has already run when
///   `start()` returns (`t.start(); print(log)` shows it).
/// * **So does a new executor worker, inside `submit`.** `ThreadPoolExecutor.submit` queues the job
///   and, with no idle worker and fewer than `max_workers`, starts a worker, which takes the job at
///   once: `loop.run_in_executor(ex, job)` has run `job` when it returns, while the submitting task
///   is still inside its step and its Context (`run_in_executor(ex, ctx.run, f)` with the task's
///   own context raises "cannot enter context: ... is already entered").
/// * **Threads already waiting for the GIL go first.** An idle worker woken by an earlier `submit`
///   gets the GIL before a thread being started, and takes every queued job while it holds it.
/// * **An idle worker given a job runs at the submitter's next GIL release**: the event loop's
///   select (also with a zero timeout), `join()`, `time.sleep()`, a `start()`, the end of the
///   program. (In CPython the woken worker races for the GIL: on 3.13, 14 runs of 20 had run the
///   job after one `await asyncio.sleep(0)`, 6 had not; ctxlab takes the more frequent outcome.)
/// * **A thread whose target is a Python function stops where it sleeps** (so does an executor
///   job that is one, or `to_thread`'s `partial(ctx.run, f)` of one). Its `time.sleep(s)`,
///   called from the target's own frames (not from inside a built-in such as `ctx.run(f)`), ends
///   the thread's turn: `start()` returns (or the GIL release that let it run goes on), and the
///   thread's next turn is a thread event at its wake-up time, run when the thread holding the GIL
///   gives it up at or after that time (an event loop's select, `join()`, `time.sleep()`, the end
///   of the program). So `t.start(); print("main")` prints "main" before what the thread prints
///   after its first sleep, as on CPython. `join()` waits while the thread takes its turns.
///   Daemon threads get no turns once only they are left at the end of the program (CPython does
///   not wait for them).
/// * **So does one that finds a lock held** (`ThreadLock.swift`): its turn ends in `acquire()`,
///   and its next turn is queued when a release wakes it or its timeout passes. Everything in
///   `threading` that blocks (RLock, Condition, Semaphore, Event, Barrier) waits on a lock.
/// * **Other threads cannot be suspended midway**: targets and jobs that are not Python functions,
///   and threads that block in other ways (`join`, or a sleep or an `acquire` inside a built-in's
///   call), run to their end once they start; one waiting for a lock lets the other threads'
///   queued turns run meanwhile, but not the thread it runs inside.
///   Where CPython would block them and let other threads go on, ctxlab gives the thread its own
///   timeline instead (see `ThreadScheduler.swift`): its clock starts at the
///   moment it got the GIL and moves with its own sleeps, the clock of the thread that let it run
///   does not; `join()` moves the joiner's clock to the thread's end; what it hands to an event
///   loop (`call_soon_threadsafe`, a job's result) reaches the loop at the thread's time; a worker
///   busy until time X takes its next queued job at X. What such a thread prints after it blocked
///   still comes before what its starter prints after `start()` (CPython prints it later).
public final class PyThread: PyObject {
    public enum State { case initial, started, running, finished }

    /// `thread.name` (a program may rename a thread, as CPython's setter allows).
    public var name: String
    /// The class name in reprs: `Thread`, or a Python subclass's (`<Worker(Thread-1, initial)>`).
    public var className = "Thread"
    /// For an instance of a Python subclass of `threading.Thread`: its class (a PyClass of the
    /// language) and its `__dict__`.
    public var subclass: AnyObject?
    public var attributes: [String: Value] = [:]
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
    /// A target that can stop where it sleeps (the language's Python functions); used instead of
    /// `target` when set.
    public var resumable: ResumableTarget?
    /// `Thread(context=...)`, settable until `start()` (a subclass's `__init__`).
    public var requestedContext: Context?
    public var daemon = false
    /// The clock on this thread's timeline when its target ended (what `join()` waits for).
    public internal(set) var finishedAt: Double?
    /// This thread's clock while another thread runs on its own timeline.
    var pausedAt: Double?
    /// The lock acquire this thread is parked in, if any (`ThreadLock.swift`).
    public internal(set) var waitingOn: LockWaiter?
    /// Whether this thread blocked (slept, joined) since it last got the GIL.
    var hasBlocked = false

    init(runtime: Runtime, name: String, target: ((Runtime) throws -> Void)?, context: Context? = nil) {
        self.name = name
        self.target = target
        self.requestedContext = context
        super.init(runtime: runtime)
    }

    override public var typeName: String { className }

    override public func repr() throws -> String {
        let status: String
        switch state {
        case .initial: status = "initial"
        case .started, .running: status = "started \(address % 1_000_000)"
        case .finished: status = "stopped \(address % 1_000_000)"
        }
        return "<\(className)(\(name), \(status)\(daemon ? " daemon" : ""))>"
    }
}

/// A thread's target that can stop where CPython's thread blocks and go on later (the language's
/// frames of a Python function).
public protocol ResumableTarget: AnyObject {
    /// Runs the target on from where it stopped, until it returns or blocks.
    func resume(_ rt: Runtime) throws -> Turn
}

/// How a turn of a resumable target ended.
public enum Turn {
    /// It blocks until this time on the thread's clock (`time.sleep`).
    case blocked(until: Double)
    /// It is parked in a lock's acquire until a release wakes it or its deadline passes.
    case waiting(LockWaiter)
    /// It returned (an executor job's result).
    case returned(Value)
}

extension Runtime {
    /// `threading.Thread(target=..., name=..., context=...)`. Unnamed threads are `Thread-N`.
    public func makeThread(name: String?, context: Context? = nil, target: @escaping (Runtime) throws -> Void) -> PyThread {
        let t = PyThread(runtime: self, name: name ?? newThreadName(), target: target, context: context)
        register(t)
        return t
    }

    /// threading's `_newname()`: `Thread-N`, N counting the threads made without a name (a named
    /// thread takes no number, as in CPython).
    public func newThreadName() -> String {
        threadNameCounter += 1
        return "Thread-\(threadNameCounter)"
    }

    /// `thread.start()`: the context is chosen now (3.14: `Context()` unless one was given); the
    /// threads already waiting for the GIL run, then the new thread runs its target to its end.
    public func start(_ t: PyThread) throws {
        guard t.state == .initial else { throw error(.RuntimeError, "threads can only be started once") }
        t.runContext = t.requestedContext ?? Context(runtime: self, vars: [:], origin: nil, provenance: "thread \(t.name)")
        t.state = .started
        runWaitingThreads()
        if let r = t.resumable {
            runTurn(t, r)
            return
        }
        runOnItsTimeline(t) {
            t.state = .running
            do {
                try t.runContext!.run(self, as: .thread(t.name)) { try t.target?(self) }
            } catch let e as PyException {
                threadFailed(t, e)
            } catch {
                // SimulationError.deadlock: the target waits for something that never happens
                // (an event loop of its own that can never finish). The thread never ends.
                t.finishedAt = .infinity
                return
            }
            t.state = .finished
            t.finishedAt = clock
        }
    }

    /// One turn of a thread with a resumable target: from where it stopped until it ends or
    /// blocks; a block queues the next turn as a thread event at the wake-up time.
    func runTurn(_ t: PyThread, _ r: ResumableTarget) {
        var wake: Double?
        var parked: LockWaiter?
        runOnItsTimeline(t) {
            t.state = .running
            do {
                switch try t.runContext!.run(self, as: .thread(t.name), { try r.resume(self) }) {
                case .blocked(let until):
                    wake = until
                    return
                case .waiting(let w):
                    parked = w
                    return
                case .returned: break
                }
            } catch let e as PyException {
                threadFailed(t, e)
            } catch {
                t.finishedAt = .infinity  // waits for ever (see `start`)
                return
            }
            t.state = .finished
            t.finishedAt = clock
        }
        if let wake {
            addThreadEvent(at: wake, daemon: t.daemon) { [unowned self] in self.runTurn(t, r) }
        }
        if let parked {
            scheduleWake(parked, daemon: t.daemon) { [unowned self] in self.runTurn(t, r) }
        }
    }

    /// A thread's target raised `e`: `threading.excepthook` reports it. A KeyboardInterrupt (Ctrl-C
    /// while the thread ran) goes to the main thread instead, as CPython delivers signals there:
    /// the thread ends, and the main thread raises it where it waits or at its next poll.
    func threadFailed(_ t: PyThread, _ e: PyException) {
        if e.isInstance(of: .KeyboardInterrupt) {
            interruptedInThread = true
            return
        }
        t.failure = e
        onThreadException(t, e)
    }

    /// `thread.join()`: gives up the GIL until the thread has finished; the joiner's clock moves to
    /// the thread's end. Joining a thread that never ends is a deadlock.
    ///
    /// `join(timeout)` waits at most `timeout` seconds (CPython: `max(timeout, 0)`); the thread may
    /// still be alive then.
    public func join(_ t: PyThread, timeout: Double? = nil) throws {
        if t === currentThread { throw error(.RuntimeError, "cannot join current thread") }
        if t.state == .initial { throw error(.RuntimeError, "cannot join thread before it is started") }
        let deadline = timeout.map { clock + max($0, 0) } ?? .infinity
        if t.finishedAt == nil && t.resumable != nil {
            // A thread between turns: the joiner waits while the threads take theirs, until it ends.
            currentThread.hasBlocked = true
            runThreadEvents(until: deadline) { t.finishedAt != nil }
            if interruptedInThread {  // Ctrl-C while a thread ran: the language raises it here
                try checkInterrupt()
                interruptedInThread = false
            }
            if t.finishedAt == nil {
                if deadline < .infinity {
                    advanceClock(to: deadline)
                    return
                }
                deadlockDetail = describeBlockedThreads()
                throw SimulationError.deadlock
            }
        }
        let end = t.finishedAt ?? clock
        if end == .infinity && deadline == .infinity { throw SimulationError.deadlock }
        block(until: min(end, deadline))
    }

    /// `thread.is_alive()`: started and, on the asking thread's timeline, not yet at its end (a
    /// thread that sleeps has run to its end at once in ctxlab, but is alive until then).
    public func isAlive(_ t: PyThread) -> Bool {
        switch t.state {
        case .initial: return false
        case .started, .running: return true
        case .finished: return (t.finishedAt ?? -.infinity) > clock
        }
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
