import Testing
@testable import CtxCore

/// Cancellation along chains of waiters (issue 12): a task gathering itself, two tasks awaiting
/// each other, very deep chains. CPython recurses and raises RecursionError; ctxlab walks the chain
/// with its own stack, raises the same error, and never overflows the Swift stack.
@Suite struct CancellationTests {
    let h = Harness()
    var rt: Runtime { h.rt }
    var loop: EventLoop { h.loop }

    /// A task that awaits whatever `target()` returns when its first step runs.
    func awaiting(_ name: String, _ target: @escaping () -> Future) -> Coroutine {
        Script(name, [{ _ in .step(.awaiting(target())) }, { _ in .step(.returned(.none)) }])
    }

    @Test func aTaskGatheringItselfIsADeadlockNotACrash() throws {
        // `asyncio.run(main())` with `await asyncio.gather(asyncio.current_task())`: CPython hangs.
        // The deadlock is reported; the shutdown's cancel of main hits the cycle and is dropped.
        let main = Script("main", [{ _ in
            let running = rt.runningLoop!
            return .step(.awaiting(running.gather([running.currentTask!])))
        }])
        #expect(throws: SimulationError.deadlock) { try rt.asyncioRun(main) }
        #expect(rt.runningLoop == nil)
    }

    @Test func twoTasksAwaitingEachOtherAreADeadlockNotACrash() throws {
        var ta: Task!, tb: Task!
        var runLoop: EventLoop?  // keeps asyncio.run's loop alive for the reprs below
        let main = Script("main", [
            { _ in
                let loop = rt.runningLoop!
                runLoop = loop
                ta = loop.createTask(awaiting("a") { tb })
                tb = loop.createTask(awaiting("b") { ta })
                return .step(.awaiting(ta))
            },
        ])
        #expect(throws: SimulationError.deadlock) { try rt.asyncioRun(main) }
        #expect(runLoop?.isClosed == true)
        // reprlib.recursive_repr: the inner repr of the task already being shown is `...`. The
        // shutdown's cancel counted requests on both before it hit the cycle. `ta` wakes both `tb`
        // and `main`.
        let r = try ta.repr()
        #expect(r == "<Task cancelling name='Task-2' coro=<a() running> wait_for=<Task cancelling name='Task-3' coro=<b() running> wait_for=... cb=[Task.task_wakeup()]> cb=[Task.task_wakeup(), Task.task_wakeup()]>")
    }

    @Test func cancellingAGatherCycleRaisesRecursionErrorLikeCPython() throws {
        var me: Task!, g: Future!
        me = loop.createTask(awaiting("main") { g = loop.gather([me]); return g })
        try loop.runOnce()
        #expect(message { _ = try me.cancelChecked() } == "RecursionError: maximum recursion depth exceeded")
        // Each task on the way counted the request before the error; nothing was cancelled.
        #expect(me.cancelRequests == Future.pythonRecursionLimit && !me.isDone && !g.isDone)
        // The host's cancel (the REPL abandoning a statement) gets false instead of an exception.
        #expect(!me.cancel())
    }

    @Test func cancellingATaskCycleRaisesTheCRecursionError() throws {
        var ta: Task!, tb: Task!
        ta = loop.createTask(awaiting("a") { tb })
        tb = loop.createTask(awaiting("b") { ta })
        try loop.runOnce()
        #expect(message { _ = try ta.cancelChecked() }
            == "RecursionError: maximum recursion depth exceeded while calling a Python object")
        #expect(ta.cancelRequests + tb.cancelRequests == Future.cRecursionLimit)
    }

    /// `t[i]` awaits `t[i + 1]`; the last one sleeps.
    func chain(_ n: Int) throws -> [Task] {
        var tasks: [Task] = []
        for i in 0..<n {
            tasks.append(loop.createTask(awaiting("t\(i)") { i + 1 < n ? tasks[i + 1] : loop.createFuture() }))
        }
        try loop.runOnce()
        return tasks
    }

    @Test func aDeepChainIsCancelledWithoutRecursingInSwift() throws {
        let tasks = try chain(5_000)
        let cancelled = try tasks[0].cancelChecked()
        #expect(cancelled)
        #expect(tasks.allSatisfy { $0.cancelRequests == 1 })
        _ = try? loop.runUntilComplete(tasks[0])
        #expect(tasks.allSatisfy { $0.isCancelled })
    }

    @Test func aChainDeeperThanCPythonsCLimitRaises() throws {
        let tasks = try chain(20_000)
        #expect(message { _ = try tasks[0].cancelChecked() }
            == "RecursionError: maximum recursion depth exceeded while calling a Python object")
        #expect(tasks[Future.cRecursionLimit - 1].cancelRequests == 1 && tasks[Future.cRecursionLimit].cancelRequests == 0)
    }

    @Test func gatherCancelsEveryChildInOrderAndAnswersWhetherAnyWas() throws {
        var order: [String] = []
        let kids = (0..<3).map { i in
            loop.createTask(Script("k\(i)", onThrow: { _, e in order.append("k\(i)"); throw e },
                                   [{ _ in .await(loop.sleep(1)) }]))
        }
        let g = loop.gather(kids + [kids[1]])  // a child given twice is asked twice, as in CPython
        try loop.runOnce()
        let cancelled = try g.cancelChecked()
        #expect(cancelled)
        #expect(kids.map(\.cancelRequests) == [1, 2, 1])
        _ = try? loop.runUntilComplete(g)
        // The outer future is not cancelled: it holds the first child's CancelledError.
        #expect(order == ["k0", "k1", "k2"] && g.isDone && !g.isCancelled)
        #expect(message { _ = try g.result() } == "asyncio.exceptions.CancelledError")
        let again = try g.cancelChecked()
        #expect(!again)
    }
}
