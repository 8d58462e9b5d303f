import Testing
@testable import CtxCore

/// SEMANTICS.md §2.9 (3.14, default build): threads, executors and `to_thread`.
@Suite struct ThreadTests {
    let h = Harness()
    var rt: Runtime { h.rt }
    var loop: EventLoop { h.loop }

    @Test func e29ANewThreadStartsInAnEmptyContext() throws {
        let v = h.variable("V", default: .str("dflt"))
        v.set(rt, .str("main"))
        let t = rt.makeThread(name: nil) { _ in h.say(h.get(v)) }
        try rt.start(t)
        #expect(h.log.isEmpty)  // runs at the next GIL release point
        try rt.join(t)
        #expect(h.log == ["dflt"] && t.name == "Thread-1" && t.state == .finished)
        #expect(h.get(v) == "main")
    }

    @Test func threadGivenAContextRunsInIt() throws {  // 3.14 Thread(context=copy_context())
        let v = h.variable("V", default: .str("dflt"))
        v.set(rt, .str("main"))
        let t = rt.makeThread(name: "worker", context: rt.copyContext()) { _ in h.say(h.get(v)) }
        try rt.start(t)
        try rt.join(t)
        #expect(h.log == ["main"])
    }

    @Test func e27ExecutorWorkerKeepsItsContextAcrossJobs() throws {
        let v = h.variable("V", default: .str("dflt"))
        let main = Script("main", [
            { _ in
                let f = try loop.runInExecutor(nil, label: "job") { rt in
                    let seen = try v.get(rt)
                    v.set(rt, .str("set in worker"))
                    return seen
                }
                return .step(.awaiting(f))
            },
            { _ in
                let f = try loop.runInExecutor(nil, label: "job") { rt in try v.get(rt) }
                return .step(.awaiting(f))
            },
            { _ in .step(.returned(.none)) },
        ])
        try loop.runUntilComplete(main)
        let ex = loop.defaultExecutor!
        #expect(ex.workers.map(\.name) == ["asyncio_0"])
        #expect(try ex.workers[0].runContext!.item(rt, v).str() == "set in worker")
        #expect(h.get(v) == "dflt")
    }

    @Test func e28ToThreadRunsInACopy() throws {
        let v = h.variable("V", default: .str("dflt"))
        var seen = ""
        let main = Script("main", [
            { _ in
                v.set(rt, .str("main"))
                let copy = rt.copyContext()  // asyncio.to_thread: ctx = copy_context(); ctx.run(fn)
                let f = try loop.runInExecutor(nil, label: "to_thread") { rt in
                    try copy.run(rt) {
                        seen = h.get(v)
                        v.set(rt, .str("in thread"))
                        return .none
                    }
                }
                return .step(.awaiting(f))
            },
            { _ in h.say("\(seen) \(h.get(v))"); return .step(.returned(.none)) },
        ])
        try loop.runUntilComplete(main)
        #expect(h.log == ["main main"])
    }

    @Test func threadLocalStorageIsPerThread() throws {
        let key = 42
        rt.currentThread.localStorage[key] = PyList(runtime: rt, [.str("main")])
        let t = rt.makeThread(name: nil) { rt in h.say("\(rt.currentThread.localStorage[key] == nil)") }
        try rt.start(t)
        try rt.join(t)
        #expect(h.log == ["true"])
    }

    @Test func threadExceptionsGoToTheHook() throws {
        var reported: String?
        rt.onThreadException = { t, e in reported = "\(t.name): \(e.summaryLine())" }
        let t = rt.makeThread(name: nil) { rt in throw rt.error(.ValueError, "in thread") }
        try rt.start(t)
        try rt.join(t)
        #expect(reported == "Thread-1: ValueError: in thread")
        #expect(message { try rt.start(t) } == "RuntimeError: threads can only be started once")
    }
}
