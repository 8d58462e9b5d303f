import Testing
@testable import CtxCore

/// SEMANTICS.md §2.1–§2.8: where asyncio takes its contexts, with the outputs CPython printed for
/// the edge cases of §5 (E21–E42, E58–E60).
@Suite struct AsyncioContextTests {
    let h = Harness()
    var rt: Runtime { h.rt }
    var loop: EventLoop { h.loop }

    func body(_ f: @escaping () throws -> Void) -> Coroutine {
        Script("child", [{ _ in try f(); return .step(.returned(.none)) }])
    }

    @Test func e21CreateTaskCopiesAtCreation() throws {
        let v = h.variable("V")
        v.set(rt, .str("main"))
        let child = loop.createTask(body { h.say(h.get(v)) })
        v.set(rt, .str("after create_task"))
        try loop.runUntilComplete(child)
        #expect(h.log == ["main"])
        #expect(child.context.origin === rt.currentContext())
    }

    @Test func e22GivenContextIsUsedAsIs() throws {
        let v = h.variable("V")
        v.set(rt, .str("main"))
        let ctx = rt.copyContext()
        let child = loop.createTask(body { v.set(rt, .str("child")) }, context: ctx)
        try loop.runUntilComplete(child)
        #expect(child.context === ctx)
        #expect(h.get(v) == "main")
        #expect(try ctx.item(rt, v).str() == "child")
    }

    @Test func e31TwoTasksShareOneContext() throws {
        let v = h.variable("V")
        let ctx = Context(runtime: rt)
        let a = Script("a", [
            { _ in v.set(rt, .str("a")); return .step(.yielded) },
            { _ in h.say("a sees \(h.get(v))"); return .step(.returned(.none)) },
        ])
        let b = Script("b", [
            { _ in h.say("b sees \(h.get(v))"); v.set(rt, .str("b")); return .step(.yielded) },
            { _ in h.say("b sees \(h.get(v))"); return .step(.returned(.none)) },
        ])
        let ta = loop.createTask(a, context: ctx), tb = loop.createTask(b, context: ctx)
        try loop.runUntilComplete(loop.gather([ta, tb]))
        #expect(h.log == ["b sees a", "a sees b", "b sees b"])
    }

    @Test func e23AwaitingACoroutineSharesTheTaskContext() throws {
        let v = h.variable("V")
        let main = Script("main", [
            { _ in v.set(rt, .str("main")); return .await(body { v.set(rt, .str("child")) }) },
            { _ in h.say(h.get(v)); return .step(.returned(.none)) },
        ])
        try loop.runUntilComplete(main)
        #expect(h.log == ["child"])
    }

    @Test func e24AwaitCtxRunOnlyCreatesTheCoroutineInCtx() throws {
        // `ctx.run(child)` enters ctx just to *call* the async function; the body runs when the
        // task awaits it, in the task's own context.
        let v = h.variable("V")
        var ctx: Context!
        let main = Script("main", [
            { _ in
                v.set(rt, .str("main"))
                ctx = rt.copyContext()
                let coro = try ctx.run(rt) {
                    Script("child", [{ _ in
                        let before = try v.get(rt)
                        v.set(rt, .str("child"))
                        return .step(.returned(before))
                    }])
                }
                return .await(coro)
            },
            { s in
                h.say("returned \(try s.last.str()), caller \(h.get(v)), ctx \(try ctx.item(rt, v).str())")
                return .step(.returned(.none))
            },
        ])
        try loop.runUntilComplete(main)
        #expect(h.log == ["returned main, caller child, ctx main"])
    }

    @Test func e30DoneCallbackSeesTheContextAtAddTime() throws {
        let v = h.variable("V")
        let fut = loop.createFuture()
        v.set(rt, .str("at add_done_callback"))
        fut.addDoneCallback("cb()") { _ in h.say(h.get(v)) }
        v.set(rt, .str("at set_result"))
        try fut.setResult(.none)
        try loop.runOnce()
        #expect(h.log == ["at add_done_callback"])
    }

    @Test func e40CallSoonCopiesAndE60GivenContextIsLive() throws {
        let v = h.variable("V")
        v.set(rt, .str("set in task"))
        loop.callSoon("cb") { h.say("copy: \(h.get(v))") }
        let ctx = rt.copyContext()
        loop.callSoon("cb", context: ctx) { h.say("as-is: \(h.get(v))") }
        v.set(rt, .str("changed later"))
        try ctx.run(rt) { v.set(rt, .str("ctx changed later")) }
        try loop.runOnce()
        #expect(h.log == ["copy: set in task", "as-is: ctx changed later"])
    }

    @Test func e58TaskCreatedInsideCtxRunCopiesCtx() throws {
        let v = h.variable("V")
        let ctx = rt.copyContext()
        try ctx.run(rt) { v.set(rt, .str("in ctx")) }
        let t = try ctx.run(rt) { loop.createTask(body { h.say(h.get(v)) }) }
        try loop.runUntilComplete(t)
        #expect(h.log == ["in ctx"] && t.context.origin === ctx)
    }

    @Test func e41AsyncioRunIsolatesAndE43TaskNamesContinue() throws {
        let v = h.variable("V")
        v.set(rt, .str("module"))
        var names: [String] = []
        let main = { Script("main", [{ _ in
            names.append(loop.currentTaskName(rt))
            v.set(rt, .str("set in main"))
            return .step(.returned(.none))
        }]) }
        _ = try rt.asyncioRun(main())
        _ = try rt.asyncioRun(main())
        #expect(h.get(v) == "module")
        #expect(names == ["Task-1", "Task-4"])  // each run burns two numbers in shutdown
    }

    @Test func e42RunnerReusesItsContext() throws {
        let v = h.variable("V", default: .str("dflt"))
        let runner = Runner(runtime: rt)
        _ = try runner.run(body { v.set(rt, .str("set in main")) })
        _ = try runner.run(body { h.say("2nd run: \(h.get(v))") })
        _ = try runner.run(body { h.say("fresh: \(h.get(v))") }, context: Context(runtime: rt))
        try runner.close()
        #expect(h.log == ["2nd run: set in main", "fresh: dflt"])
        #expect(message { _ = try runner.run(body {}) } == "RuntimeError: Runner is closed")
    }

    @Test func e37ResetOfAParentTokenInAChildTask() throws {
        let v = h.variable("V", default: .str("dflt"))
        let token = v.set(rt, .str("parent"))
        let child = loop.createTask(body { try v.reset(rt, token) })
        _ = try? loop.runUntilComplete(child)
        #expect(normalised(try child.exception()!.summaryLine())
            == "ValueError: <Token var=<ContextVar name='V' default='dflt' at 0x…> at 0x…> was created in a different Context")
        // E38: a child that runs in the parent's own context can reset it.
        let shared = loop.createTask(body { try v.reset(rt, token) }, context: rt.currentContext())
        try loop.runUntilComplete(shared)
        #expect(h.get(v) == "dflt")
    }

    @Test func asyncioRunFromARunningLoopFails() throws {
        let main = Script("main", [{ _ in
            h.say(message { _ = try rt.asyncioRun(body {}) } ?? "no error")
            return .step(.returned(.none))
        }])
        _ = try rt.asyncioRun(main)
        #expect(h.log == ["RuntimeError: asyncio.run() cannot be called from a running event loop"])
    }
}

extension EventLoop {
    func currentTaskName(_ rt: Runtime) -> String { rt.runningLoop?.currentTask?.name ?? "None" }
}
