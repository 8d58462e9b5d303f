/// How ctxlab's virtual clock moves (CPython: `time.monotonic()`, read by `loop.time()`).
///
/// CPython's clock is real time: it advances while code runs, so two reads never return the same
/// value (the resolution is 1 ns, one read takes tens of nanoseconds) and a timer scheduled later
/// always has the later deadline. ctxlab's code takes no time, so the clock moves only by these
/// rules, all deterministic:
///
/// 1. **Every read by the program or the loop advances the clock by one tick** after returning its
///    value: `loop.time()`, the `now` of `call_later`/`sleep`/`timeout`, and the loop's own two
///    reads in `_run_once` (the select timeout and the due-timer cut-off). A tick is 1 ns (CPython's
///    clock resolution, `time.get_clock_info('monotonic').resolution`), or one ulp where 1 ns is
///    below the clock's precision (beyond 2**23 s). So four tasks that each `await sleep(0.1)` in
///    one iteration get strictly increasing deadlines and wake in that order, as on CPython, while
///    twelve `call_at(when, ...)` with one explicit `when` still pop in `heapq` order (SEMANTICS
///    §5 case 46). A tick is far smaller than anything a program rounds to
///    (`round(loop.time() - start, 2)` prints what CPython prints), and a timer a millisecond away
///    would need a million reads to be reached by ticks alone.
/// 2. **When nothing is ready, `select` waits**: the clock jumps to the moment the selector would
///    return, `now + ceil(timeout * 1e3) * 1e-3` (Linux's epoll selector rounds the timeout up to
///    whole milliseconds), and at least to the first deadline, so that timer is then due. Timers
///    closer together than that rounding fire in the same iteration, as on CPython. A timeout over
///    CPython's `MAXIMUM_SELECT_TIMEOUT` (one day) jumps straight to the deadline (CPython wakes up
///    once a day on the way; nothing can observe those wake-ups), so `sleep(1e9)` returns with
///    the clock at its deadline.
/// 3. **Timers that can never fire** (`when` is `inf`) do not count as work: a loop with nothing
///    else to do reports the deadlock instead of waiting forever. A `nan` deadline behaves as in
///    CPython: it compares false with everything, so it is due at once when something else is
///    ready, and when it heads the heap with nothing ready, `select(nan)` raises
///    `ValueError: cannot convert float NaN to integer` out of the loop.
/// 4. **`time.sleep(s)`** advances the clock by exactly `s` (CPython's `clock_nanosleep`); other
///    threads run meanwhile. Threads run on timelines of their own (`ThreadScheduler.swift`): the
///    clock is the current thread's.
extension Runtime {
    /// CPython's clock resolution on Linux.
    static let clockResolution = 1e-9

    /// The smallest clock value after `t` that the clock can tell apart from `t`: one resolution
    /// step, or one ulp where the step is lost in rounding (the clock never stands still).
    static func tick(after t: Double) -> Double {
        guard t.isFinite else { return t }
        return max(t + clockResolution, t.nextUp)
    }

    /// A read of the clock by the program or the loop: returns the time, then advances the clock
    /// by one tick (rule 1).
    public func readClock() -> Double {
        let now = clock
        clock = Runtime.tick(after: now)
        return now
    }

    /// Moves the clock forward to `t` (never back).
    func advanceClock(to t: Double) {
        if t.isFinite && t > clock { clock = t }
    }

    /// `time.sleep(seconds)`: other threads get the GIL and the clock advances by `seconds`.
    /// Non-finite or negative values leave the clock alone (`timeSleep` raises for them).
    public func sleep(_ seconds: Double) {
        block(until: seconds.isFinite && seconds > 0 ? clock + seconds : clock)
    }

    /// `time.sleep(seconds)` with CPython's argument checks (Modules/timemodule.c, in its order):
    /// NaN, a value beyond `PyTime_t` (2**63 - 1 ns), then a negative one.
    public func timeSleep(_ seconds: Double) throws {
        try checkSleepArgument(seconds)
        sleep(seconds)
    }

    /// The checks of `time.sleep(seconds)`, without the sleep.
    public func checkSleepArgument(_ seconds: Double) throws {
        if seconds.isNaN { throw error(.ValueError, "Invalid value NaN (not a number)") }
        if !(abs(seconds) < 9_223_372_036.854_775_807) {
            throw error(.OverflowError, "timestamp out of range for platform time_t")
        }
        if seconds < 0 { throw error(.ValueError, "sleep length must be non-negative") }
    }
}
