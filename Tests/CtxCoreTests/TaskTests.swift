import Testing
@testable import CtxCore

/// SEMANTICS.md §3.3–§3.4: futures, task naming, cancellation, shutdown order.
@Suite struct TaskTests {
    let h = Harness()
    var rt: Runtime { h.rt }
    var loop: EventLoop { h.loop }

    @Test func futureStatesAndMessages() throws {
        let f = loop.createFuture()
        #expect(message { _ = try f.result() } == "asyncio.exceptions.InvalidStateError: Result is not set.")
        #expect(message { _ = try f.exception() } == "asyncio.exceptions.InvalidStateError: Exception is not set.")
        #expect(try f.repr() == "<Future pending>")
        try f.setResult(.int(1))
        #expect(message { try f.setResult(.int(2)) } == "asyncio.exceptions.InvalidStateError: invalid state")
        #expect(try f.repr() == "<Future finished result=1>")
        let g = loop.createFuture()
        #expect(g.cancel(message: .str("why")) && !g.cancel())
        #expect(message { _ = try g.result() } == "asyncio.exceptions.CancelledError: why")
    }

    @Test func taskNamesAndRepr() throws {
        let t1 = loop.createTask(Script("main", [{ _ in .step(.returned(.none)) }]))
        let t2 = loop.createTask(Script("other", [{ _ in .step(.returned(.none)) }]), name: "named")
        let t3 = loop.createTask(Script("third", [{ _ in .step(.returned(.none)) }]))
        #expect([t1.name, t2.name, t3.name] == ["Task-1", "named", "Task-2"])
        #expect(try t1.repr() == "<Task pending name='Task-1' coro=<main() running>>")
        try loop.runUntilComplete(t3)
        #expect(try t1.repr() == "<Task finished name='Task-1' coro=<main() running> result=None>")
    }

    @Test func cancelWhileWaitingThrowsIntoTheCoroutine() throws {
        var cleanup = false
        let sleeper = loop.createTask(Script("sleeper", onThrow: { _, e in
            cleanup = true
            throw e
        }, [{ _ in .await(loop.sleep(5)) }, { _ in .step(.returned(.none)) }]))
        let main = Script("main", [
            { _ in .step(.yielded) },
            { _ in
                #expect(sleeper.cancel(message: .str("why")))
                #expect(sleeper.cancelRequests == 1)
                return .step(.awaiting(sleeper))
            },
            { _ in .step(.returned(.none)) },
        ])
        let t = loop.createTask(main)
        var caught: String?
        t.addDoneCallback("probe") { _ in caught = message { _ = try t.result() } }
        _ = try? loop.runUntilComplete(t)
        #expect(cleanup && sleeper.isCancelled)
        #expect(caught == "asyncio.exceptions.CancelledError: why")
        // The coroutine's own CancelledError is handed out once; later calls make a bare one.
        #expect(message { _ = try sleeper.result() } == "asyncio.exceptions.CancelledError")
        #expect(t.isCancelled)  // the CancelledError propagated out of main too
        #expect(loop.time < 1e-6)  // the sleep's timer was cancelled: only clock ticks passed
    }

    @Test func cancelBeforeFirstStepSetsMustCancel() throws {
        var ran = false
        let t = loop.createTask(Script("never", [{ _ in ran = true; return .step(.returned(.none)) }]))
        t.cancel()
        _ = try? loop.runUntilComplete(t)
        #expect(!ran && t.isCancelled)
        #expect(!t.cancel())
    }

    @Test func aTaskCannotAwaitItself() throws {
        var me: Task!
        me = loop.createTask(Script("selfish", [{ _ in .step(.awaiting(me)) }, { _ in .step(.returned(.none)) }]))
        _ = try? loop.runUntilComplete(me)
        #expect(normalised(try me.exception()!.summaryLine())
            == "RuntimeError: Task cannot await on itself: <Task pending name='Task-1' coro=<selfish() running> cb=[_run_until_complete_cb()]>")
    }

    @Test func taskRunningInItsOwnContextCannotRunIt() throws {
        var seen: String?
        var t: Task!
        t = loop.createTask(Script("main", [{ _ in
            seen = message { try t.context.run(rt) {} }
            return .step(.returned(.none))
        }]))
        try loop.runUntilComplete(t)
        #expect(seen == "RuntimeError: cannot enter context: <_contextvars.Context object at 0x…> is already entered")
    }

    @Test func r10AsyncioRunCancelsLeftoversAtShutdown() throws {
        let bg = {
            Script("bg", onThrow: { _, e in
                h.say("bg1 cancelled")
                h.say("bg1 finally")
                throw e
            }, [{ _ in h.say("bg1 start"); return .await(loop.sleep(10)) }])
        }
        // asyncio.run makes its own loop; the Script's loop.sleep must use the running loop.
        let main = Script("main", [{ _ in
            _ = rt.runningLoop!.createTask(Script("bg", onThrow: { _, e in
                h.say("bg1 cancelled")
                h.say("bg1 finally")
                throw e
            }, [{ _ in h.say("bg1 start"); return .await(rt.runningLoop!.sleep(10)) }]))
            h.say("main returns")
            return .step(.returned(.str("rv")))
        }])
        _ = bg
        let rv = try rt.asyncioRun(main)
        #expect(h.log == ["main returns", "bg1 start", "bg1 cancelled", "bg1 finally"])
        #expect(try rv.repr() == "'rv'")
    }
}
