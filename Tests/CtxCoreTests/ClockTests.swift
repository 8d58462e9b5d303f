import Testing
@testable import CtxCore

/// The virtual clock's rules (Loop/VirtualClock.swift; issues 12 and 13): it never stalls, huge
/// and infinite delays behave as on CPython, and timers scheduled one after another keep their
/// order because every read moves the clock by one tick.
@Suite struct ClockTests {
    let h = Harness()
    var rt: Runtime { h.rt }
    var loop: EventLoop { h.loop }

    @Test func everyReadTicksOneNanosecondOrOneUlp() {
        let a = rt.readClock(), b = rt.readClock()
        #expect(a == 0 && b == 1e-9 && rt.clock == 2e-9)
        #expect(loop.time == rt.clock)  // reading for display does not tick
        #expect(Runtime.tick(after: 1e9) == (1e9).nextUp)  // 1 ns is below the precision there
        #expect(Runtime.tick(after: 16_777_216) > 16_777_216)
    }

    /// Sleeps `delay` and returns the clock's advance over it.
    func slept(_ delay: Double) throws -> Double {
        var start = 0.0, end = 0.0
        try loop.runUntilComplete(Script("main", [
            { _ in start = loop.readTime(); return .await(loop.sleep(delay)) },
            { _ in end = loop.readTime(); return .step(.returned(.none)) },
        ]))
        return end - start
    }

    @Test(arguments: [1e9, 16_777_216, 1e300])
    func aHugeFiniteSleepReturnsWithTheClockAtItsDeadline(_ delay: Double) throws {
        let d = try slept(delay)
        #expect(d >= delay && d <= delay * (1 + 1e-15) + 1e-6)
    }

    @Test func sleepsAfterTheClockPassed2To24StillAdvanceIt() throws {  // the stall of issue 12
        _ = try slept(16_777_216)
        for _ in 0..<3 { #expect(try slept(0.5) >= 0.5) }
    }

    @Test func anInfiniteSleepAloneIsADeadlock() throws {
        #expect(throws: SimulationError.deadlock) { try loop.runUntilComplete(loop.sleep(.infinity)) }
        #expect(!loop.hasWork)
    }

    @Test func anInfiniteTimerDoesNotHoldUpOtherWork() throws {
        loop.callLater(.infinity, "never") { h.say("never") }
        #expect(try slept(2) >= 2)
        #expect(!loop.hasWork && h.log.isEmpty)
    }

    @Test func sleepNaNRaisesWhenItRuns() throws {
        let c = loop.sleep(.nan)
        #expect(message { try loop.runUntilComplete(c) } == "ValueError: Invalid delay: NaN (not a number)")
    }

    @Test func aNaNDeadlineIsDueWhenSomethingIsReady() throws {
        loop.callAt(.nan, "nan") { h.say("nan timer") }
        loop.callSoon("soon") { h.say("soon") }
        try loop.runOnce()  // the nan timer is moved to the ready queue behind `soon`
        #expect(h.log == ["soon", "nan timer"])
    }

    @Test func aNaNDeadlineWithNothingReadyBreaksTheSelectLikeCPython() throws {
        loop.callAt(.nan, "nan") {}
        let f = loop.createFuture()
        #expect(message { try loop.runUntilComplete(f) } == "ValueError: cannot convert float NaN to integer")
    }

    @Test func fourEqualSleepsWakeInStartOrder() throws {  // issue 13
        let workers = (0..<4).map { i in
            loop.createTask(Script("w\(i)", [
                { _ in .await(loop.sleep(0.1)) },
                { _ in h.say("woke \(i)"); return .step(.yielded) },
                { _ in h.say("after sleep(0) \(i)"); return .step(.returned(.none)) },
            ]))
        }
        try loop.runUntilComplete(loop.gather(workers))
        // All four timers are due in one iteration (the selector rounds its wait up to a whole
        // millisecond), in deadline order.
        #expect(h.log == (0..<4).map { "woke \($0)" } + (0..<4).map { "after sleep(0) \($0)" })
    }

    @Test func callLaterZeroRunsInRegistrationOrder() throws {
        for i in 0..<12 { loop.callLater(0, "append") { h.say("\(i)") } }
        try loop.runUntilComplete(loop.sleep(0.01))
        #expect(h.log == (0..<12).map { "\($0)" })
    }

    @Test func theSelectWaitIsRoundedUpToWholeMilliseconds() throws {
        var woke = 0.0
        loop.callLater(0.0004, "first") { woke = loop.time }
        loop.callLater(0.0009, "second") { h.say("second at \(loop.time == woke ? "the same iteration" : "a later one")") }
        try loop.runUntilComplete(loop.sleep(0.002))
        #expect(woke >= 0.001 && h.log == ["second at the same iteration"])
    }

    @Test func timeSleepChecksItsArgumentLikeCPython() {
        #expect(message { try rt.timeSleep(.nan) } == "ValueError: Invalid value NaN (not a number)")
        #expect(message { try rt.timeSleep(.infinity) } == "OverflowError: timestamp out of range for platform time_t")
        #expect(message { try rt.timeSleep(-.infinity) } == "OverflowError: timestamp out of range for platform time_t")
        #expect(message { try rt.timeSleep(1e10) } == "OverflowError: timestamp out of range for platform time_t")
        #expect(message { try rt.timeSleep(-1) } == "ValueError: sleep length must be non-negative")
        #expect(message { try rt.timeSleep(2.5) } == nil && rt.clock == 2.5)
        rt.sleep(.infinity)  // the unchecked entry point leaves the clock alone
        #expect(rt.clock == 2.5)
    }
}
