import DequeModule

/// A simulated `concurrent.futures.ThreadPoolExecutor` (CPython: Lib/concurrent/futures/thread.py).
///
/// Workers are `PyThread`s that keep their context for their whole life: a value set by one job is
/// seen by the next job on the same worker (CPython: no propagation into executors).
///
/// The state is CPython's: a FIFO work queue, the `_idle_semaphore`, and the workers blocked in
/// `work_queue.get(block=True)` in the order they started waiting (the queue's condition wakes the
/// first). `submit` puts the job in the queue (waking the first waiting worker), then
/// `_adjust_thread_count`: an idle worker available (the semaphore) means no new thread; otherwise,
/// below `max_workers`, a new worker starts and, like every new thread, runs at once (see
/// `PyThread`). A worker that gets the GIL takes queued jobs one after another (`get_nowait`)
/// until the queue is empty, then releases the semaphore and waits again; a worker woken for a job
/// someone else already took waits again without releasing it. A resumable job (a Python
/// function) stops where it sleeps and takes its next turn as a thread event at its wake-up time;
/// the worker goes back to the queue when it ends. Any other job that blocks (sleeps) ends on
/// the worker's own timeline, and the worker's next look at the queue is a thread event at that
/// time (see `ThreadScheduler.swift`).
public final class ThreadPoolExecutor: PyObject {
    public let maxWorkers: Int
    public let namePrefix: String
    public private(set) var workers: [PyThread] = []
    /// A queued job: a closure that runs to its end, or a resumable target that can stop where it
    /// sleeps (a Python function: `PyThread.swift`), with what to do with its outcome.
    enum Job {
        case closure((Runtime) throws -> Void)
        /// `start`: asked when a worker takes the job (`set_running_or_notify_cancel`): false
        /// skips a cancelled one.
        case resumable(ResumableTarget, (Result<Value, PyException>) -> Void, start: () -> Bool)
    }
    private var queue = Deque<Job>()
    /// `_idle_semaphore`'s value.
    private var idleSemaphore = 0
    /// Workers in `work_queue.get(block=True)`, in the order they began to wait.
    private var waiting: [PyThread] = []
    /// Workers with a thread event pending (woken, or busy until the end of a job that blocked).
    private var scheduled = Set<ObjectIdentifier>()
    /// Workers whose job waits for ever (it ran an event loop that can never finish).
    private var stuck = Set<ObjectIdentifier>()
    public private(set) var isShutdown = false
    unowned let runtime: Runtime

    public init(runtime: Runtime, maxWorkers: Int, namePrefix: String) {
        self.maxWorkers = maxWorkers
        self.namePrefix = namePrefix
        self.runtime = runtime
        super.init(runtime: runtime)
    }

    override public var typeName: String { "concurrent.futures.thread.ThreadPoolExecutor" }

    /// Queued jobs or workers still to run.
    var hasPendingJobs: Bool { !queue.isEmpty || !scheduled.isEmpty }

    /// `executor.submit(fn)`: `job` runs in a worker thread, inside that worker's own context.
    public func submit(_ job: @escaping (Runtime) throws -> Void) throws {
        try submit(.closure(job))
    }

    /// `executor.submit(fn)` for a job that can stop where it sleeps; `done` gets its outcome, in
    /// the worker, when it ends.
    public func submit(_ job: ResumableTarget, start: @escaping () -> Bool = { true },
                       done: @escaping (Result<Value, PyException>) -> Void) throws {
        try submit(.resumable(job, done, start: start))
    }

    func submit(_ job: Job) throws {
        if isShutdown { throw runtime.error(.RuntimeError, "cannot schedule new futures after shutdown") }
        queue.append(job)
        if !waiting.isEmpty {
            // `not_empty.notify()`: the first waiter wakes and wants the GIL now.
            let w = waiting.removeFirst()
            schedule(w, at: runtime.clock, afterJob: false)
        }
        adjustThreadCount()
    }

    /// CPython: `_adjust_thread_count`.
    private func adjustThreadCount() {
        if idleSemaphore > 0 {
            idleSemaphore -= 1
            return
        }
        guard workers.count < maxWorkers else { return }
        let t = PyThread(runtime: runtime, name: "\(namePrefix)_\(workers.count)", target: nil)
        t.runContext = Context(runtime: runtime, vars: [:], origin: nil, provenance: "thread \(t.name)")
        t.state = .running
        runtime.register(t)
        workers.append(t)
        // Thread.start(): the threads already waiting for the GIL go first, then the new worker.
        runtime.runWaitingThreads()
        run(t, afterJob: true)
    }

    private func schedule(_ w: PyThread, at time: Double, afterJob: Bool) {
        scheduled.insert(ObjectIdentifier(w))
        // The event holds the executor, as CPython's worker threads hold its work queue: a
        // program may drop its last reference to the executor while a worker is waiting.
        runtime.addThreadEvent(at: time) { [self] in
            self.scheduled.remove(ObjectIdentifier(w))
            self.run(w, afterJob: afterJob)
        }
    }

    /// Worker `w` has the GIL: CPython's `_worker` loop from `get_nowait()` (`afterJob`) or from a
    /// wake-up inside `get(block=True)`.
    private func run(_ w: PyThread, afterJob: Bool) {
        var lookedAfterJob = afterJob
        while true {
            guard let next = queue.popFirst() else {
                if lookedAfterJob { idleSemaphore += 1 }
                if isShutdown { w.state = .finished } else { waiting.append(w) }
                return
            }
            let job: (Runtime) throws -> Void
            switch next {
            case .closure(let body): job = body
            case .resumable(let target, let done, let start):
                lookedAfterJob = true
                guard start() else { continue }
                guard runTurn(w, target, done) else { return }
                continue
            }
            var end = runtime.clock
            var blocked = false
            var forever = false
            runtime.runOnItsTimeline(w) {
                // The worker's context stays entered for the thread's whole life (3.14 Thread.run).
                do {
                    try w.runContext!.run(runtime, as: .thread(w.name)) { try job(runtime) }
                } catch SimulationError.deadlock {
                    forever = true
                } catch {
                    // A job's own exceptions go to its future (run_in_executor catches them).
                }
                end = runtime.clock
                blocked = w.hasBlocked
            }
            lookedAfterJob = true
            if forever {
                stuck.insert(ObjectIdentifier(w))
                w.finishedAt = .infinity
                return
            }
            if blocked {
                schedule(w, at: end, afterJob: true)
                return
            }
        }
    }

    /// One turn of a resumable job on worker `w`; true when the job has ended (the worker goes on
    /// to the queue), false when it blocked (its next turn is a thread event at the wake-up time,
    /// which goes on to the queue when the job ends) or waits for ever.
    private func runTurn(_ w: PyThread, _ target: ResumableTarget, _ done: @escaping (Result<Value, PyException>) -> Void) -> Bool {
        var wake: Double?
        var parked: LockWaiter?
        var forever = false
        runtime.runOnItsTimeline(w) {
            // The worker's context stays entered while the outcome is handed on (its
            // call_soon_threadsafe copies it), as for the jobs that run to their end.
            do {
                try w.runContext!.run(runtime, as: .thread(w.name)) {
                    let outcome: Result<Value, PyException>
                    do {
                        switch try target.resume(runtime) {
                        case .blocked(let until):
                            wake = until
                            return
                        case .waiting(let waiter):
                            parked = waiter
                            return
                        case .returned(let v): outcome = .success(v)
                        }
                    } catch let e as PyException {
                        outcome = .failure(e)
                    }
                    done(outcome)
                }
            } catch let e as PyException {
                done(.failure(e))  // entering the worker's context failed (it is entered elsewhere)
            } catch {
                forever = true
            }
        }
        if forever {
            stuck.insert(ObjectIdentifier(w))
            w.finishedAt = .infinity
            return false
        }
        let next = { [unowned self] in
            self.scheduled.remove(ObjectIdentifier(w))
            if self.runTurn(w, target, done) { self.run(w, afterJob: true) }
        }
        if let parked {
            // Parked on a lock: the worker is busy until a release wakes the job.
            scheduled.insert(ObjectIdentifier(w))
            runtime.scheduleWake(parked, daemon: false, next)
            return false
        }
        guard let wake else { return true }
        scheduled.insert(ObjectIdentifier(w))
        runtime.addThreadEvent(at: wake, next)
        return false
    }

    /// `executor.shutdown(wait=True)`: no new jobs; with `wait`, the caller blocks while the
    /// workers take what is queued (time passes as they do, and other threads run meanwhile).
    /// Without it the queued jobs still run, when the caller next gives up the GIL (at the latest
    /// at the end of the program, which joins the workers).
    /// Joining a worker whose job waits for ever is a deadlock.
    public func shutdown(wait: Bool = true) throws {
        isShutdown = true
        waiting.removeAll()
        if wait {
            runtime.currentThread.hasBlocked = true  // joins the workers
            runtime.runThreadEvents(until: .infinity) { [unowned self] in !self.hasPendingJobs }
            if !stuck.isEmpty || workers.contains(where: { $0.waitingOn != nil }) {
                runtime.deadlockDetail = runtime.describeBlockedThreads()
                throw SimulationError.deadlock
            }
        }
        if !hasPendingJobs {
            for w in workers where !stuck.contains(ObjectIdentifier(w)) { w.state = .finished }
        }
    }
}
