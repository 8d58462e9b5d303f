import Testing
@testable import CtxCore

/// SEMANTICS.md §3.2 and the timing rules R1–R10 of §3.5, checked against the traces CPython
/// printed (`[itN]` = loop iteration).
@Suite struct LoopOrderTests {
    let h = Harness()
    var loop: EventLoop { h.loop }

    func say(_ s: String) -> Piece {
        h.say("[it\(loop.iteration)] \(s)")
        return .step(.returned(.none))
    }
    func mark(_ s: String) { h.say("[it\(loop.iteration)] \(s)") }

    /// A task body: print, `await asyncio.sleep(0)`, print.
    func twoSteps(_ a: String, _ b: String) -> Script {
        Script("w", [
            { _ in mark(a); return .step(.yielded) },
            { _ in mark(b); return .step(.returned(.none)) },
        ])
    }

    @Test func s01CreateTaskAndAwaitDoneTask() throws {  // R2, R3, R4
        var t1: Task!, t2: Task!
        let main = Script("main", [
            { _ in
                t1 = loop.createTask(twoSteps("a1", "a2"))
                t2 = loop.createTask(twoSteps("b1", "b2"))
                mark("main after create")
                return .step(.awaiting(t1))
            },
            { _ in
                mark("main after await t1")
                #expect(t2.isDone)  // R4: awaiting a done task does not suspend
                mark("main after await t2")
                return .step(.returned(.none))
            },
        ])
        try loop.runUntilComplete(main)
        #expect(h.log == [
            "[it1] main after create", "[it2] a1", "[it2] b1", "[it3] a2", "[it3] b2",
            "[it4] main after await t1", "[it4] main after await t2",
        ])
    }

    @Test func r1AwaitingACoroutineStaysInTheIteration() throws {
        let c = Script("c", [{ _ in mark("c"); return .step(.returned(.str("r c"))) }])
        let b = Script("b", [{ _ in mark("b"); return .await(c) }, { s in .step(.returned(s.last)) }])
        let a = Script("a", [
            { _ in mark("a"); return .await(b) },
            { s in mark(try s.last.str()); return .step(.returned(.none)) },
        ])
        try loop.runUntilComplete(a)
        #expect(h.log == ["[it1] a", "[it1] b", "[it1] c", "[it1] r c"])
    }

    @Test func s07CallSoonVersusTaskSteps() throws {  // R2, R5
        let main = Script("main", [
            { _ in
                loop.callSoon("cb1") { mark("cb1") }
                _ = loop.createTask(twoSteps("task step1", "task step2"))
                loop.callSoon("cb2") { mark("cb2") }
                return .step(.yielded)
            },
            { _ in mark("main after sleep0 #1"); return .step(.yielded) },
            { _ in mark("main after sleep0 #2"); return .step(.returned(.none)) },
        ])
        try loop.runUntilComplete(main)
        #expect(h.log == [
            "[it2] cb1", "[it2] task step1", "[it2] cb2", "[it2] main after sleep0 #1",
            "[it3] task step2", "[it3] main after sleep0 #2",
        ])
    }

    /// `w(n, k)`: k times `await sleep(0)`, then return n.
    func worker(_ n: Int, sleeps k: Int) -> Script {
        var pieces: [(Script) throws -> Piece] = []
        for i in 0..<k { pieces.append { _ in mark("w\(n) step\(i)"); return .step(.yielded) } }
        pieces.append { _ in mark("w\(n) done"); return .step(.returned(.int(n))) }
        return Script("w", pieces)
    }

    @Test func s04GatherResumesTwoIterationsAfterTheLastChild() throws {  // R7, R8
        var outer: Future!
        let main = Script("main", [
            { _ in
                let kids = [worker(1, sleeps: 2), worker(2, sleeps: 0), worker(3, sleeps: 1)]
                    .map { loop.createTask($0) as Future }
                outer = loop.gather(kids)
                return .step(.awaiting(outer))
            },
            { _ in mark("gather result \(try outer.result().repr())"); return .step(.returned(.none)) },
        ])
        try loop.runUntilComplete(main)
        #expect(h.log == [
            "[it2] w1 step0", "[it2] w2 done", "[it2] w3 step0",
            "[it3] w1 step1", "[it3] w3 done",
            "[it4] w1 done",
            "[it6] gather result [1, 2, 3]",
        ])
    }

    @Test func r6SleepResumesTheIterationAfterItsTimer() throws {
        var start = 0.0
        let main = Script("main", [
            { _ in start = loop.time; mark("start"); return .await(loop.sleep(1.5)) },
            { _ in mark("woke after \(((loop.time - start) * 1e3).rounded() / 1e3)"); return .step(.returned(.none)) },
        ])
        try loop.runUntilComplete(main)
        // it2: the timer is due (virtual time jumped to 1.5 s, plus a few 1 ns ticks) and resolves
        // the future; it3: wake-up.
        #expect(h.log == ["[it1] start", "[it3] woke after 1.5"])
    }

    @Test func e46EqualDeadlinesPopInHeapqOrder() throws {
        var out: [String] = []
        for i in 0..<12 { loop.callAt(10, "append") { out.append("\(i)") } }
        loop.callAt(5, "append") { out.append("earlier") }
        try loop.runUntilComplete(loop.sleep(20))
        #expect(out == ["earlier", "0", "6", "2", "11", "5", "10", "9", "8", "7", "1", "3", "4"])
    }

    @Test func cancelledHandlesAreSkippedAndTimersPurged() throws {
        var out: [Int] = []
        let hs = (0..<150).map { i in loop.callLater(Double(i), "t") { out.append(i) } }
        for (i, t) in hs.enumerated() where i % 3 != 0 { t.cancel() }
        let soon = loop.callSoon("x") { out.append(-1) }
        soon.cancel()
        try loop.runUntilComplete(loop.sleep(200))
        #expect(out == stride(from: 0, to: 150, by: 3).map { $0 })
        #expect(loop.scheduledTimers.isEmpty)
    }

    @Test func runUntilCompleteStopsTheIterationAfterCompletion() throws {
        // R10 shape: a task created in main's last step still gets its first step.
        let main = Script("main", [
            { _ in
                _ = loop.createTask(Script("bg", [{ _ in mark("bg first step"); return .step(.yielded) },
                                                    { _ in mark("bg second step"); return .step(.returned(.none)) }]))
                mark("main returns")
                return .step(.returned(.str("rv")))
            },
        ])
        #expect(try loop.runUntilComplete(main).isIdentical(.str("rv")))
        #expect(h.log == ["[it1] main returns", "[it2] bg first step"])
    }

    @Test func singleSteppingRunsOneHandleAtATime() throws {
        loop.callSoon("a") { mark("a") }
        loop.callSoon("b") { mark("b") }
        try loop.beginIteration()
        #expect(loop.remainingInIteration == 2)
        let first = try loop.runNextHandle()
        #expect(first?.label == "a" && h.log == ["[it1] a"])
        loop.callSoon("c") { mark("c") }  // queued during the iteration: waits for the next one
        try loop.runOnce()
        try loop.runOnce()
        #expect(h.log == ["[it1] a", "[it1] b", "[it2] c"])
    }

    @Test func aLoopWithNothingToDoReportsDeadlockInsteadOfHanging() throws {
        let never = loop.createFuture()
        #expect(throws: SimulationError.deadlock) { try loop.runUntilComplete(never) }
        #expect(!loop.isRunning && h.rt.runningLoop == nil)
    }

    @Test func callbackErrorsGoToTheExceptionHandlerAndTheLoopGoesOn() throws {
        loop.callSoon("boom()") { throw h.rt.error(.ValueError, "bad") }
        loop.callSoon("after()") { mark("after") }
        try loop.runOnce()
        #expect(h.log == ["Exception in callback boom()\nhandle: <Handle boom()>\nValueError: bad\n", "[it1] after"])
    }
}
