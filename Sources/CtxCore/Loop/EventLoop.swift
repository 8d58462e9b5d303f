import DequeModule

/// The asyncio event loop as a deterministic algorithm (CPython: Lib/asyncio/base_events.py).
///
/// `_run_once` is the single place where callbacks run. One iteration:
/// 1. purge cancelled timers (rebuild the heap when more than half of >100 are cancelled, else pop
///    cancelled ones off the top);
/// 2. the select timeout: 0 if anything is ready, else until the first timer;
/// 3. "select": with nothing ready, virtual time jumps to when the selector would return (see
///    `VirtualClock.swift`). This is also where the main thread gives up the GIL, so threads
///    waiting for it and queued executor jobs run here;
/// 4. move due timers to the ready queue in heap order;
/// 5. snapshot the ready queue's length and run exactly that many handles: whatever they schedule
///    waits for the next iteration.
/// The loop can also advance one handle at a time (`runNextHandle`) for single-stepping.
public final class EventLoop: PyObject {
    unowned let runtime: Runtime
    public private(set) var ready = Deque<Handle>()
    /// Handles other threads gave the loop (`call_soon_threadsafe`) at a time of their own
    /// timeline the loop's clock has not reached yet, in time order (see `ThreadScheduler.swift`).
    private var arrivals: [(time: Double, handle: Handle)] = []
    /// The thread running the loop.
    private var ownerThread: PyThread?
    var timers = TimerHeap()
    var timerCancelledCount = 0
    /// The runtime's virtual clock, read without moving it (for views). Nothing ever waits in real
    /// time.
    public var time: Double { runtime.clock }

    /// `loop.time()` as the program calls it: a read that advances the clock by one tick.
    public func readTime() -> Double { runtime.readClock() }
    /// Handles left to run in the current iteration's snapshot.
    public private(set) var remainingInIteration = 0
    /// Completed or begun iterations.
    public private(set) var iteration = 0
    var stopping = false
    public private(set) var isRunning = false
    public private(set) var isClosed = false
    /// The task whose step is executing.
    public private(set) var currentTask: Task?
    /// Every task created on this loop, in creation order (CPython: a weak set).
    public private(set) var tasks: [Task] = []
    /// The length of `tasks` at which `register` next drops finished tasks.
    private var sweepAt = 64
    /// The loop's default executor, created on first `run_in_executor(None, ...)`.
    public private(set) var defaultExecutor: ThreadPoolExecutor?
    /// Where `call_exception_handler` reports go.
    public var exceptionHandler: (LoopError) -> Void
    /// The callable given to `loop.set_exception_handler` (`get_exception_handler` returns it).
    public var exceptionHandlerObject: Value = .none
    /// The async generators first iterated while this loop ran (CPython: the weak set
    /// `_asyncgens`), in that order; see `AsyncGenerators.swift`.
    var asyncgens: [WeakAsyncGenerator] = []
    var asyncgensShutdownCalled = false

    override public init(runtime: Runtime) {
        self.runtime = runtime
        exceptionHandler = { _ in }
        super.init(runtime: runtime)
        exceptionHandler = { [unowned runtime] err in runtime.defaultLoopErrorReport(err) }
    }

    override public var typeName: String { "asyncio.unix_events._UnixSelectorEventLoop" }

    override public func repr() throws -> String {
        "<_UnixSelectorEventLoop running=\(isRunning ? "True" : "False") closed=\(isClosed ? "True" : "False") debug=False>"
    }

    /// The timers in the heap's array order.
    public var scheduledTimers: [Handle] { timers.items }

    /// Tasks that are not done (`asyncio.all_tasks()`), in creation order.
    public var pendingTasks: [Task] { tasks.filter { !$0.isDone } }

    func register(_ t: Task) {
        tasks.append(t)
        // Finished tasks are dropped whenever the list has doubled since the last sweep:
        // amortised O(1) per task even when none of them finishes (50,000 gathered tasks).
        if tasks.count >= sweepAt {
            tasks.removeAll { $0.isDone }
            sweepAt = max(64, tasks.count * 2)
        }
    }

    // MARK: scheduling

    /// `loop.call_soon(cb, context=...)`.
    @discardableResult
    public func callSoon(_ label: String, context: Context? = nil, _ cb: @escaping () throws -> Void) -> Handle {
        let h = Handle(loop: self, .named(label), context: context, cb)
        enqueue(h)
        return h
    }

    /// Appends to the ready queue; a handle from a thread that blocked on a timeline of its own
    /// arrives when the loop's clock reaches that thread's time.
    private func enqueue(_ h: Handle) {
        let poster: PyThread = runtime.currentThread
        if let owner = ownerThread, owner !== poster, poster.hasBlocked, let ownerTime = owner.pausedAt,
           runtime.clock > ownerTime {
            let i = arrivals.firstIndex { $0.time > runtime.clock } ?? arrivals.count
            arrivals.insert((runtime.clock, h), at: i)
        } else {
            ready.append(h)
        }
    }

    /// Moves the arrivals the clock has reached to the ready queue.
    private func takeArrivals() {
        while let a = arrivals.first, a.time <= runtime.clock {
            arrivals.removeFirst()
            ready.append(a.handle)
        }
    }

    /// Schedules the next step of `task` in its context (CPython: `call_soon(self.__step,
    /// context=self._context)`).
    func callSoon(stepOf task: Task, _ cb: @escaping () throws -> Void) {
        let wrapper = runtime.allocateAddress()
        ready.append(Handle(loop: self, .taskStep(task, wrapperAddress: wrapper), context: task.context, cb))
    }

    /// `loop.call_at(when, cb, context=...)`.
    @discardableResult
    public func callAt(_ when: Double, _ label: String, context: Context? = nil, _ cb: @escaping () throws -> Void) -> Handle {
        let h = Handle(loop: self, .named(label), context: context, when: when, cb)
        h.isScheduled = true
        timers.push(h)
        return h
    }

    /// `loop.call_later(delay, cb, context=...)`.
    @discardableResult
    public func callLater(_ delay: Double, _ label: String, context: Context? = nil, _ cb: @escaping () throws -> Void) -> Handle {
        callAt(readTime() + delay, label, context: context, cb)
    }

    /// `loop.create_future()`.
    public func createFuture() -> Future { Future(loop: self) }

    /// `loop.create_task(coro, name=..., context=...)`.
    public func createTask(_ coro: Coroutine, name: String? = nil, context: Context? = nil) -> Task {
        Task(loop: self, coroutine: coro, name: name, context: context)
    }

    /// `loop.call_exception_handler(context)`.
    public func callExceptionHandler(_ err: LoopError) { exceptionHandler(err) }

    /// `loop.stop()`: the current iteration completes, then `run_forever` returns.
    public func stop() { stopping = true }

    // MARK: running

    /// Whether anything could still happen: ready handles, a timer that can fire (one at `inf`
    /// never does), or threads and executor jobs.
    public var hasWork: Bool {
        !ready.isEmpty || !arrivals.isEmpty || timers.first.map { $0.isCancelled || $0.when! != .infinity } == true
            || runtime.hasPendingThreadWork
    }

    /// CPython: `_run_once`, steps 1 to 4, then the snapshot of step 5.
    /// Throws `SimulationError.deadlock` when nothing can ever happen (CPython would block forever).
    public func beginIteration() throws {
        iteration += 1
        purgeCancelledTimers()
        takeArrivals()
        if ready.isEmpty && !stopping {
            try select()
        } else {
            runtime.runWaitingThreads()  // select(0): threads waiting for the GIL get it
        }
        // Step 4: `end_time = self.time() + self._clock_resolution`; a timer is due unless
        // `when >= end_time` (so a NaN deadline is due).
        let end = Runtime.tick(after: runtime.readClock())
        while let t = timers.first, !(t.when! >= end) {
            let h = timers.pop()
            h.isScheduled = false
            ready.append(h)
        }
        remainingInIteration = ready.count
    }

    /// CPython's one day, `base_events.MAXIMUM_SELECT_TIMEOUT`.
    static let maximumSelectTimeout = 24.0 * 3600

    /// Step 3 with nothing ready: the main thread waits in `selector.select(timeout)`, giving up the
    /// GIL, until the first timer is due (rule 2 of `VirtualClock.swift`).
    private func select() throws {
        let now = runtime.readClock()
        var timerWake: Double?
        if let when = timers.first?.when {
            let wait = when - now
            // EpollSelector.select: `math.ceil(timeout * 1e3)`, before any waiting.
            if wait.isNaN { throw runtime.error(.ValueError, "cannot convert float NaN to integer") }
            if wait == .infinity {
                timerWake = nil
            } else if wait > EventLoop.maximumSelectTimeout {
                timerWake = when
            } else {
                timerWake = wait > 0 ? max(now + (wait * 1e3).rounded(.up) * 1e-3, when) : now
            }
        }
        // While the main thread waits, the threads that want the GIL run, in time order, until the
        // selector returns: at once for a thread's call_soon_threadsafe, else at the first arrival
        // or when the first timer is due.
        while ready.isEmpty {
            let wake = [timerWake, arrivals.first?.time].compactMap { $0 }.min()
            if let e = runtime.nextThreadEventTime, e <= wake ?? .infinity {
                runtime.runThreadEvents(until: e)
                continue
            }
            guard let wake else { throw SimulationError.deadlock }
            runtime.advanceClock(to: wake)
            takeArrivals()
            return
        }
    }

    private func purgeCancelledTimers() {
        let n = timers.count
        if n > 100 && Double(timerCancelledCount) / Double(n) > 0.5 {
            let live = timers.items.filter { h in
                if h.isCancelled { h.isScheduled = false }
                return !h.isCancelled
            }
            timers.rebuild(live)
            timerCancelledCount = 0
        } else {
            while let t = timers.first, t.isCancelled {
                timerCancelledCount -= 1
                timers.pop().isScheduled = false
            }
        }
    }

    /// Runs the next handle of the current iteration's snapshot. Returns the handle, or nil when
    /// the snapshot is exhausted. Cancelled handles are skipped (and returned).
    @discardableResult
    public func runNextHandle() throws -> Handle? {
        guard remainingInIteration > 0 else { return nil }
        // A poll between handles, as CPython's `_run_once` is Python code that a signal can stop:
        // 100,000 timers of native futures (`gather(*[sleep(2, i) for i in …])`) run no Python
        // code, and must still answer Ctrl-C. The handle stays queued when it is raised.
        try runtime.checkInterrupt()
        remainingInIteration -= 1
        let h = ready.removeFirst()
        if !h.isCancelled { try h.run() }
        return h
    }

    /// One full iteration (finishing the current one if it was begun by single-stepping).
    public func runOnce() throws {
        if remainingInIteration == 0 { try beginIteration() }
        while remainingInIteration > 0 { try runNextHandle() }
    }

    /// Runs `body` with this loop marked as running in the current thread (what the asyncio REPL's
    /// loop thread looks like to the statements it runs).
    public func whileRunning<T>(_ body: () throws -> T) throws -> T {
        try checkCanRun()
        isRunning = true
        let savedLoop = runtime.runningLoop
        runtime.runningLoop = self
        ownerThread = runtime.currentThread
        defer {
            isRunning = false
            runtime.runningLoop = savedLoop
            ownerThread = nil
        }
        return try body()
    }

    /// Runs loop iterations while handles are ready (timers, and threads busy until a later time,
    /// wait for virtual time to be advanced), at most `limit` iterations. Returns the number of
    /// iterations run.
    @discardableResult
    public func drainReady(limit: Int = 100_000) throws -> Int {
        try whileRunning {
            var n = 0
            while n < limit {
                if remainingInIteration == 0 && ready.isEmpty {
                    runtime.runWaitingThreads()
                    takeArrivals()
                    if ready.isEmpty { break }
                }
                try runOnce()
                n += 1
            }
            return n
        }
    }

    /// Runs the next `count` handles, one at a time, beginning new iterations as needed (and
    /// advancing virtual time to the next timer when nothing is ready). Returns the handles run.
    public func step(_ count: Int) throws -> [Handle] {
        try whileRunning {
            var ran: [Handle] = []
            while ran.count < count {
                if remainingInIteration == 0 {
                    guard hasWork else { break }
                    do { try beginIteration() } catch SimulationError.deadlock { break }
                    if remainingInIteration == 0 { continue }
                }
                if let h = try runNextHandle() { ran.append(h) }
            }
            return ran
        }
    }

    /// `loop.run_forever()`.
    public func runForever() throws {
        try checkCanRun()
        isRunning = true
        let savedLoop = runtime.runningLoop
        runtime.runningLoop = self
        ownerThread = runtime.currentThread
        defer {
            stopping = false
            isRunning = false
            runtime.runningLoop = savedLoop
            ownerThread = nil
        }
        while true {
            try runOnce()
            if stopping { break }
        }
    }

    private func checkCanRun() throws {
        if isClosed { throw runtime.error(.RuntimeError, "Event loop is closed") }
        if isRunning { throw runtime.error(.RuntimeError, "This event loop is already running") }
        if runtime.runningLoop != nil {
            throw runtime.error(.RuntimeError, "Cannot run the event loop while another loop is running")
        }
    }

    /// `loop.run_until_complete(future)`. A coroutine becomes a Task first (and takes a `Task-N`).
    @discardableResult
    public func runUntilComplete(_ future: Future) throws -> Value {
        try checkCanRun()
        let id = future.addDoneCallback("_run_until_complete_cb()") { [unowned self] _ in self.stop() }
        defer { future.removeDoneCallback(id: id) }
        try runForever()
        if !future.isDone { throw runtime.error(.RuntimeError, "Event loop stopped before Future completed.") }
        return try future.result()
    }

    @discardableResult
    public func runUntilComplete(_ coro: Coroutine) throws -> Value {
        try runUntilComplete(createTask(coro))
    }

    /// `loop.close()`.
    public func close() throws {
        if isRunning { throw runtime.error(.RuntimeError, "Cannot close a running event loop") }
        guard !isClosed else { return }
        isClosed = true
        ready.removeAll()
        arrivals.removeAll()
        timers.rebuild([])
        try? defaultExecutor?.shutdown(wait: false)  // base_events.BaseEventLoop.close
    }

    // MARK: current task

    /// CPython: `_enter_task`.
    func enterTask(_ t: Task) throws {
        if let cur = currentTask {
            throw runtime.error(
                .RuntimeError,
                "Cannot enter into task \(try t.repr()) while another task \(try cur.repr()) is being executed.")
        }
        currentTask = t
    }

    /// CPython: `_leave_task`.
    func leaveTask(_ t: Task) {
        precondition(currentTask === t, "leaving a task that is not the current one")
        currentTask = nil
    }

    // MARK: executors

    /// The default executor (`ThreadPoolExecutor(thread_name_prefix='asyncio')`), created lazily.
    public func executor() -> ThreadPoolExecutor {
        if let e = defaultExecutor { return e }
        // max_workers = min(32, os.cpu_count() + 4); the simulated machine reports 2 CPUs.
        let e = ThreadPoolExecutor(runtime: runtime, maxWorkers: 6, namePrefix: "asyncio")
        defaultExecutor = e
        return e
    }

    /// `loop.run_in_executor(executor, fn)`: no context propagation — `fn` runs in the worker's
    /// own context. The result reaches the returned future through `call_soon_threadsafe`
    /// (`_chain_future`): from the worker when the job ends, with a handle that copies the
    /// *worker's* context; but a job a new worker ran to its end inside `submit` has finished
    /// before `wrap_future` adds its callback, which then runs at once in the submitting thread.
    public func runInExecutor(_ ex: ThreadPoolExecutor?, label: String, _ fn: @escaping (Runtime) throws -> Value) throws -> Future {
        try chainingFuture { done in
            try (ex ?? executor()).submit { rt in
                // A job that runs an event loop that can never finish throws the deadlock on: the
                // worker then waits for ever, and so does the future.
                let outcome: Result<Value, PyException>
                do { outcome = .success(try fn(rt)) } catch let e as PyException { outcome = .failure(e) }
                done(outcome)
            }
        }
    }

    /// `run_in_executor` for a job that stops where it sleeps (a Python function): its turns
    /// after the first run when the loop's thread gives up the GIL at their times, so what it
    /// prints after a sleep comes when CPython prints it.
    public func runInExecutor(_ ex: ThreadPoolExecutor?, label: String, resumable job: ResumableTarget) throws -> Future {
        try chainingFuture { done in try (ex ?? executor()).submit(job, done: done) }
    }

    /// The future of a submitted job, resolved from the job's outcome (see `runInExecutor`).
    private func chainingFuture(
        _ submit: (@escaping (Result<Value, PyException>) -> Void) throws -> Void
    ) throws -> Future {
        let fut = createFuture()
        var inSubmit = true
        var doneInSubmit: Result<Value, PyException>?
        try submit { [unowned self] outcome in
            if inSubmit && !self.runtime.currentThread.hasBlocked {
                doneInSubmit = outcome
            } else {
                self.setState(fut, outcome)
            }
        }
        inSubmit = false
        if let outcome = doneInSubmit { setState(fut, outcome) }
        return fut
    }

    /// `_chain_future`'s `dest_loop.call_soon_threadsafe(_set_state, destination, source)`.
    private func setState(_ fut: Future, _ outcome: Result<Value, PyException>) {
        callSoon("_chain_future.<locals>._set_state()") {
            guard !fut.isCancelled else { return }
            switch outcome {
            case .success(let v): try fut.setResult(v)
            case .failure(let e): try fut.setException(e)
            }
        }
    }
}

/// Host-level conditions of the simulation that CPython has no exception for.
public enum SimulationError: Error, Equatable {
    /// The loop has nothing ready, no timers and no threads: CPython would block forever.
    case deadlock
}

extension Runtime {
    /// What asyncio's default exception handler logs (the traceback is the language's to add).
    public func defaultLoopErrorReport(_ err: LoopError) {
        var lines = [err.message] + err.detailLines()
        if let e = err.exception {
            if err.showsTraceback, let format = formatTraceback {
                let text = format(e)
                lines.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            } else {
                lines.append(e.summaryLine())
            }
        }
        write(lines.joined(separator: "\n") + "\n", true)
    }
}
