import DequeModule

/// Threads on their own timelines (the last rules of `PyThread.swift`).
///
/// A thread (or executor job) whose code is a Python function stops where it sleeps; each of its
/// turns is a run on its own timeline from the time it got the GIL, and the next turn is a thread
/// event at its wake-up time. Any other thread that gets the GIL runs until its code ends: ctxlab
/// cannot suspend it where CPython would block it. What it does therefore happens at once in
/// simulation order, but with the time of its own timeline: the run starts at the clock of the
/// thread that let it run, the thread's own sleeps move only its clock, and afterwards the clock
/// is back where it was. What the thread does that others can see later is stamped with its time:
///
/// * its end (`finishedAt`): `join()` waits until then;
/// * what it gives an event loop (`call_soon_threadsafe`, an executor job's result) after it has
///   blocked: the loop sees it when its own clock gets there (`EventLoop` arrivals);
/// * an executor worker's next look at its queue after a job that blocked: a thread event at the
///   job's end, run when the root thread (the one nobody runs ahead of) gives up the GIL at or after
///   that time: `select`, `join`, `time.sleep`, `start`, the end of the program. Events run in time
///   order, equal times first come first served. A resumable thread's or job's next turn is such
///   an event too.
struct ThreadEvent {
    let time: Double
    let serial: Int
    /// A daemon thread's turn: the end of the program does not wait for it.
    let daemon: Bool
    let run: () -> Void
}

extension Runtime {
    /// Runs `body` as thread `t`, on its own timeline from the current clock.
    func runOnItsTimeline(_ t: PyThread, _ body: () -> Void) {
        let starter: PyThread = currentThread
        let saved = clock
        let savedPause = starter.pausedAt
        starter.pausedAt = saved
        timelineDepth += 1
        t.hasBlocked = false
        inThread(t, body)
        timelineDepth -= 1
        starter.pausedAt = savedPause
        clock = saved
    }

    /// Whether the current thread runs ahead of the root thread, on a timeline of its own.
    var isOnOwnTimeline: Bool { timelineDepth > 0 }

    /// The current thread blocks until `time` on its timeline. At the root, the threads that want
    /// the GIL before then run meanwhile, in time order.
    func block(until time: Double) {
        currentThread.hasBlocked = true
        if !isOnOwnTimeline { runThreadEvents(until: time) }
        advanceClock(to: time)
    }

    /// A GIL release that does not wait: the threads that want the GIL now get it.
    func runWaitingThreads() {
        if !isOnOwnTimeline { runThreadEvents(until: clock) }
    }

    /// Queues `run` for when a thread wants the GIL at `time`.
    func addThreadEvent(at time: Double, daemon: Bool = false, _ run: @escaping () -> Void) {
        let e = ThreadEvent(time: time, serial: allocateSerial(), daemon: daemon, run: run)
        let i = threadEvents.firstIndex { ($0.time, $0.serial) > (e.time, e.serial) } ?? threadEvents.count
        threadEvents.insert(e, at: i)
    }

    /// The time of the first thread event, if any.
    var nextThreadEventTime: Double? { threadEvents.first?.time }

    /// Runs the thread events due by `time` in order; the clock moves to each one's time. `stop`
    /// is asked before each (a selector woken by an arrival stops waiting).
    func runThreadEvents(until time: Double, stop: () -> Bool = { false }) {
        while let e = threadEvents.first, e.time <= time, !interruptedInThread, !stop() {
            threadEvents.removeFirst()
            advanceClock(to: e.time)
            e.run()
        }
    }

    /// Every thread still to run runs to its end (the end of the program, where CPython joins
    /// its threads and its executors' workers).
    public func releaseGIL() {
        runThreadEvents(until: .infinity)
    }

    /// The end of the program: every thread still to run runs, then CPython joins the non-daemon
    /// threads and the executors' workers (`threading._shutdown`, `concurrent.futures.thread.
    /// _python_exit`). One that never ends (it waits in an event loop that can never finish)
    /// makes that a deadlock.
    public func finishThreads() throws {
        // Daemon threads go on only while the program waits for the others.
        runThreadEvents(until: .infinity) { [unowned self] in !self.threadEvents.contains { !$0.daemon } }
        if threads.contains(where: { !$0.daemon && ($0.finishedAt == .infinity || $0.waitingOn != nil) }) {
            deadlockDetail = describeBlockedThreads()
            throw SimulationError.deadlock
        }
    }

    var hasPendingThreadWork: Bool { !threadEvents.isEmpty }
}
