/// `_thread.lock`, the one native synchronisation primitive (CPython 3.13: Modules/_threadmodule.c
/// over `PyThread_acquire_lock_timed`, a POSIX semaphore). Everything else in `threading` (RLock, Condition, Semaphore,
/// Event, Barrier) is Python on top of it, as in CPython's Lib/threading.py.
///
/// ## Waiting without blocking the host
///
/// A thread that finds the lock held *parks*: a `LockWaiter` joins the lock's queue (first come
/// first served, as the parking lot's queue for the lock's address). How it waits depends on
/// where it runs (see `PyThread.swift` for when threads run):
///
/// * a thread whose Python frames can stop (`ResumableTarget`) stops there, like at a
///   `time.sleep`: its turn ends with `Turn.waiting`, and its next turn is a thread event queued
///   when a release wakes it, or at its deadline;
/// * any other thread (the main thread, or one inside a built-in's call) cannot stop midway: the
///   other threads take their turns meanwhile (`acquireWaiting`), as `join()` lets them.
///
/// A release unlocks the lock and wakes the first waiter, which tries again when it runs: the
/// releaser keeps the GIL and may take the lock back first (on 3.13.0, `l.release();
/// l.acquire(False)` with a thread waiting 10 ms succeeded 20 times in 20), and the waiter then
/// parks again, with its first deadline. (Later CPythons make the lock a `PyMutex`, which hands
/// itself to a waiter of more than 1 ms instead.)
///
/// A thread that waits with no deadline while nothing left can wake it is a deadlock: CPython
/// would hang; ctxlab reports it (`SimulationError.deadlock`, `deadlockDetail`).
public final class ThreadLock: PyObject {
    public internal(set) var isLocked = false
    /// The threads parked in `acquire`, in arrival order.
    var parked: [LockWaiter] = []

    override public var typeName: String { "lock" }

    override public func repr() throws -> String {
        "<\(isLocked ? "locked" : "unlocked") _thread.lock object at \(hexAddress)>"
    }

    /// `acquire(False)`.
    public func tryAcquire() -> Bool {
        if isLocked { return false }
        isLocked = true
        return true
    }
}

/// A thread parked in `ThreadLock.acquire`.
public final class LockWaiter {
    public enum State {
        /// In the lock's queue.
        case parked
        /// A release woke it; it must try again.
        case woken
        /// Its deadline passed while it was parked.
        case timedOut
    }

    public let lock: ThreadLock
    public let thread: PyThread
    /// When the acquire gives up (`.infinity`: never).
    public let deadline: Double
    public internal(set) var state: State = .parked
    /// Told when a release wakes the waiter (the scheduler queues its next turn).
    var onWake: (() -> Void)?
    /// Where the program waits (the language's words: its line and function).
    public var site: String?
    /// Whether a thread event at the deadline is queued already.
    var hasTimeoutEvent = false

    init(lock: ThreadLock, thread: PyThread, deadline: Double) {
        self.lock = lock
        self.thread = thread
        self.deadline = deadline
    }
}

extension Runtime {
    /// CPython: `TIMEOUT_MAX` of `_thread` (`PY_TIMEOUT_MAX` in seconds).
    public static let lockTimeoutMax = 9_223_372_036.0

    /// `lock.release()` (CPython: `lock_PyThread_release_lock`, `sem_post`).
    public func release(_ lock: ThreadLock) throws {
        guard lock.isLocked else { throw error(.RuntimeError, "release unlocked lock") }
        lock.isLocked = false
        guard !lock.parked.isEmpty else { return }
        let w = lock.parked.removeFirst()
        w.state = .woken
        w.onWake?()
    }

    /// Parks the current thread on `lock` until `timeout` seconds from now (nil: no timeout).
    public func park(_ lock: ThreadLock, timeout: Double?, site: String? = nil) -> LockWaiter {
        let deadline = timeout.map { clock + $0 } ?? .infinity
        let w = LockWaiter(lock: lock, thread: currentThread, deadline: deadline)
        w.site = site
        lock.parked.append(w)
        currentThread.waitingOn = w
        return w
    }

    /// The outcome of an acquire after its waiter left the queue: true or false, or nil when the
    /// lock was taken back before the woken waiter ran (it parks again).
    public func settle(_ w: LockWaiter) -> Bool? {
        let outcome: Bool
        switch w.state {
        case .parked: preconditionFailure("a parked waiter cannot settle")
        case .timedOut: outcome = false
        case .woken:
            if w.lock.tryAcquire() {
                outcome = true
            } else if clock >= w.deadline {
                outcome = false
            } else {
                w.state = .parked
                w.lock.parked.append(w)
                return nil
            }
        }
        w.thread.waitingOn = nil
        return outcome
    }

    /// Takes a parked waiter out of the queue at its deadline.
    func timeOut(_ w: LockWaiter) {
        guard w.state == .parked else { return }
        w.lock.parked.removeAll { $0 === w }
        w.state = .timedOut
    }

    /// A blocking acquire for a thread that cannot stop midway (the main thread; a thread inside
    /// a built-in's call): the other threads take their turns until a release wakes it or its
    /// deadline passes. Waiting for ever with nothing left to run is a deadlock.
    public func acquireWaiting(_ lock: ThreadLock, timeout: Double?, site: String? = nil) throws -> Bool {
        let w = park(lock, timeout: timeout, site: site)
        var woken = false
        w.onWake = { woken = true }
        while true {
            currentThread.hasBlocked = true
            runThreadEvents(until: w.deadline) { woken }
            if interruptedInThread {  // Ctrl-C while another thread ran: the wait ends here
                timeOut(w)
                _ = settle(w)
                try checkInterrupt()  // the language raises KeyboardInterrupt
                interruptedInThread = false
                throw SimulationError.deadlock  // (no language to raise it)
            }
            if woken {
                woken = false
                if let outcome = settle(w) { return outcome }
                continue
            }
            if w.deadline == .infinity {
                deadlockDetail = describeBlockedThreads()
                timeOut(w)
                _ = settle(w)
                throw SimulationError.deadlock
            }
            advanceClock(to: w.deadline)
            timeOut(w)
            return settle(w)!
        }
    }

    /// Queues the next turn of a resumable thread parked by `Turn.waiting`: when a release wakes
    /// it, and at its deadline if it is still parked then.
    func scheduleWake(_ w: LockWaiter, daemon: Bool, _ turn: @escaping () -> Void) {
        w.onWake = { [unowned self] in self.addThreadEvent(at: self.clock, daemon: daemon, turn) }
        guard w.deadline < .infinity, !w.hasTimeoutEvent else { return }
        w.hasTimeoutEvent = true
        addThreadEvent(at: w.deadline, daemon: daemon) { [unowned self] in
            guard w.state == .parked else { return }
            self.timeOut(w)
            turn()
        }
    }

    /// Which threads wait for ever, for a deadlock's report: what was recorded when it was found,
    /// else the threads parked now. Forgets the record.
    public func takeDeadlockDetail() -> String? {
        defer { deadlockDetail = nil }
        return deadlockDetail ?? describeBlockedThreads()
    }

    /// A deadlock's report: `summary`, or `withThreads` followed by a line per thread that waits
    /// for ever on a lock (an Event, a Condition, a Semaphore... all wait on one).
    public func deadlockMessage(_ summary: String, withThreads: String? = nil) -> String {
        guard let detail = takeDeadlockDetail() else { return "ctxlab: \(summary)\n" }
        return "ctxlab: \(withThreads ?? summary)\n\(detail)\n"
    }

    /// One line per thread parked on a lock with no deadline, for the deadlock report.
    public func describeBlockedThreads() -> String? {
        let lines = threads.compactMap { t -> String? in
            guard let w = t.waitingOn, w.state == .parked, w.deadline == .infinity else { return nil }
            let site = w.site.map { ", \($0)," } ?? ""
            return "  \(t.name)\(site) waits for ever to acquire \((try? w.lock.repr()) ?? "a lock")"
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
