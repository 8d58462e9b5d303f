import Testing
@testable import CtxCore

/// `ThreadLock`'s queue and wake-ups, without the language: what a release does to the waiters,
/// timeouts on the virtual clock, and the record a deadlock leaves for its report.
@Suite struct ThreadLockCoreTests {
    let h = Harness()
    var rt: Runtime { h.rt }

    @Test func aReleaseFreesTheLockAndWakesTheFirstWaiterOnly() throws {
        let lock = ThreadLock(runtime: rt)
        #expect(lock.tryAcquire() && !lock.tryAcquire())
        let first = rt.park(lock, timeout: nil), second = rt.park(lock, timeout: 1)
        var woken: [String] = []
        first.onWake = { woken.append("first") }
        second.onWake = { woken.append("second") }
        try rt.release(lock)
        #expect(woken == ["first"] && !lock.isLocked)
        #expect(first.state == .woken && second.state == .parked)
        // The releaser takes it back before the woken waiter runs: the waiter parks again.
        #expect(lock.tryAcquire())
        #expect(rt.settle(first) == nil && first.state == .parked)
        #expect(lock.parked.map { $0 === first } == [false, true])  // behind `second` now
        try rt.release(lock)
        #expect(woken == ["first", "second"])
        #expect(rt.settle(second) == true && lock.isLocked)
    }

    @Test func releasingAnUnlockedLockIsCPythonsRuntimeError() {
        let lock = ThreadLock(runtime: rt)
        #expect(throws: PyException.self) { try rt.release(lock) }
        #expect((try? lock.repr())?.hasPrefix("<unlocked _thread.lock object at 0x") == true)
    }

    @Test func aWaitWithATimeoutEndsAtItsDeadline() throws {
        let lock = ThreadLock(runtime: rt)
        _ = lock.tryAcquire()
        let start = rt.clock
        #expect(try rt.acquireWaiting(lock, timeout: 0.5) == false)
        #expect(rt.clock >= start + 0.5 && rt.clock < start + 0.5001)
        #expect(lock.parked.isEmpty && rt.currentThread.waitingOn == nil)
    }

    @Test func waitingForEverWithNothingLeftIsADeadlockThatNamesTheWaiter() {
        let lock = ThreadLock(runtime: rt)
        _ = lock.tryAcquire()
        #expect(throws: SimulationError.deadlock) { try rt.acquireWaiting(lock, timeout: nil, site: "line 3 in main") }
        #expect(lock.parked.isEmpty && rt.currentThread.waitingOn == nil)  // the queue forgets it
        let detail = rt.takeDeadlockDetail()
        #expect(detail?.hasPrefix("  MainThread, line 3 in main, waits for ever to acquire <locked _thread.lock object at 0x") == true, "\(detail ?? "")")
        #expect(rt.takeDeadlockDetail() == nil)
    }

    /// The holder is a thread that releases at its next turn: the main thread's wait lets it run.
    @Test func theMainThreadWaitsWhileTheHolderTakesItsTurn() throws {
        let lock = ThreadLock(runtime: rt)
        _ = lock.tryAcquire()
        rt.addThreadEvent(at: 0.25) { [rt] in try? rt.release(lock) }
        #expect(try rt.acquireWaiting(lock, timeout: nil) == true)
        #expect(lock.isLocked && rt.clock >= 0.25)
    }
}
