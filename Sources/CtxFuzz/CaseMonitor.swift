import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The running case as the other threads see it: which case, since when, and when the
/// interpreter last polled for an interrupt. The interpreter's poll (`poll()`) is the per-case
/// budget: after `pollBudget` polls, or `softSeconds`, every poll says "interrupted", so the
/// case ends in KeyboardInterrupt as it would after Ctrl-C. The watchdog reads the rest: a case
/// that stops polling is a hang that Ctrl-C could not end.
///
/// Times are the worker thread's CPU time once `useClock(of:)` has been called (so that a
/// loaded machine does not turn slow cases into hangs), else the monotonic clock.
public final class CaseMonitor: Sendable {
    /// The case running now, or -1 between cases.
    let caseNumber = Atomic<Int>(-1)
    let startedAt = Atomic<Int>(0)
    let lastPollAt = Atomic<Int>(0)
    let polls = Atomic<Int>(0)
    let budget = Atomic<Int>(0)
    let interrupted = Atomic<Bool>(false)
    /// The soft time limit of a case with the default budget; bigger budgets get up to 4×.
    let softNanos: Int
    let caseSoftNanos = Atomic<Int>(0)
    let clock = Atomic<Int32>(CLOCK_MONOTONIC)
    /// Past this resident size a poll interrupts the case too (a program that keeps allocating
    /// would otherwise take the fuzzer's memory before its poll budget ends).
    let softMemory: Int
    let resident = ResidentMemory()

    public init(softSeconds: Double, softMemoryMB: Int = 2048) {
        softNanos = Int(softSeconds * 1e9)
        softMemory = softMemoryMB << 20
    }

    /// The process's resident size in bytes (0 when unknown).
    public func residentBytes() -> Int { resident.bytes() }

    /// Measure time as the CPU time of `thread` from now on.
    func useClock(of thread: pthread_t) {
        var id = clockid_t()
        if pthread_getcpuclockid(thread, &id) == 0 { clock.store(id, ordering: .releasing) }
    }

    /// Nanoseconds on the monitor's clock.
    func now() -> Int {
        var ts = timespec()
        clock_gettime(clock.load(ordering: .acquiring), &ts)
        return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
    }

    func begin(_ number: Int, budget: Int) {
        let t = now()
        polls.store(0, ordering: .relaxed)
        self.budget.store(budget, ordering: .relaxed)
        let scale = min(4, max(1, budget / FuzzCase.defaultPollBudget))
        caseSoftNanos.store(softNanos * scale, ordering: .relaxed)
        interrupted.store(false, ordering: .relaxed)
        startedAt.store(t, ordering: .relaxed)
        lastPollAt.store(t, ordering: .relaxed)
        caseNumber.store(number, ordering: .releasing)
    }

    func end() { caseNumber.store(-1, ordering: .releasing) }

    /// The interpreter's interrupt poll: true once the case is over its budget.
    public func poll() -> Bool {
        let t = now()
        lastPollAt.store(t, ordering: .relaxed)
        let n = polls.add(1, ordering: .relaxed).newValue
        if n > budget.load(ordering: .relaxed) || t - startedAt.load(ordering: .relaxed) > caseSoftNanos.load(ordering: .relaxed)
            || (n % 8 == 0 && residentBytes() > softMemory) {
            interrupted.store(true, ordering: .relaxed)
            return true
        }
        return false
    }

    /// The case running now and how long since it started and since it last polled (ns).
    public func state() -> (number: Int, running: Int, silent: Int)? {
        let n = caseNumber.load(ordering: .acquiring)
        guard n >= 0 else { return nil }
        let t = now()
        let silentSince = max(startedAt.load(ordering: .relaxed), lastPollAt.load(ordering: .relaxed))
        return (n, t - startedAt.load(ordering: .relaxed), t - silentSince)
    }
}
