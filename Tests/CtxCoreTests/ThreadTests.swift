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
        #expect(h.log == ["dflt"])  // a short target runs inside start()
        try rt.join(t)
        #expect(t.name == "Thread-1" && t.state == .finished)
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

    // MARK: when threads run (PyThread.swift), issue 13

    /// `loop.run_in_executor(ex, job)` from a task's step, then `await` on what it returns.
    func submitting(_ ex: ThreadPoolExecutor, _ jobs: [(String, (Runtime) throws -> Value)],
                    after: @escaping () -> Void = {}) -> Script {
        var futures: [Future] = []
        return Script("main", [
            { _ in
                for (label, job) in jobs {
                    futures.append(try loop.runInExecutor(ex, label: label, job))
                    h.say("submitted \(label)")
                }
                after()
                return .step(.awaiting(loop.gather(futures)))
            },
            { _ in .step(.returned(.none)) },
        ])
    }

    func job(_ tag: String, sleeping s: Double = 0) -> (String, (Runtime) throws -> Value) {
        (tag, { rt in
            if s > 0 { rt.sleep(s) }
            h.say("\(tag) on \(rt.currentThread.name)")
            return .str(tag)
        })
    }

    @Test func aNewWorkerRunsItsJobInsideSubmit() throws {
        let ex = ThreadPoolExecutor(runtime: rt, maxWorkers: 1, namePrefix: "pool")
        try loop.runUntilComplete(submitting(ex, [job("j1"), job("j2")]))
        // j1: a new worker, at once; j2: the worker is idle now, so it waits for the next GIL release.
        #expect(h.log == ["j1 on pool_0", "submitted j1", "submitted j2", "j2 on pool_0"])
    }

    @Test func aWokenIdleWorkerGetsTheGILBeforeANewThread() throws {
        // CPython 3.13, 19 runs of 20: j2 is queued for the idle pool_0; starting pool_1 for j3
        // releases the GIL, pool_0 takes it first and runs j2 and j3; pool_1 finds nothing.
        let ex = ThreadPoolExecutor(runtime: rt, maxWorkers: 2, namePrefix: "pool")
        try loop.runUntilComplete(submitting(ex, [job("j1"), job("j2"), job("j3"), job("j4")]))
        #expect(h.log == ["j1 on pool_0", "submitted j1", "submitted j2", "j2 on pool_0", "j3 on pool_0",
                          "submitted j3", "submitted j4", "j4 on pool_0"])
        #expect(ex.workers.map(\.name) == ["pool_0", "pool_1"])
    }

    @Test func aJobThatSleepsDeliversItsResultAtItsOwnTime() throws {
        // A 0.05 s asyncio timer fires before the result of a job that sleeps 0.1 s in a thread.
        let ex = ThreadPoolExecutor(runtime: rt, maxWorkers: 1, namePrefix: "pool")
        var start = 0.0
        let ticker = loop.createTask(Script("ticker", [
            { _ in .await(loop.sleep(0.05)) },
            { _ in h.say("tick at \(((loop.time - start) * 100).rounded() / 100)"); return .step(.returned(.none)) },
        ]))
        start = loop.time
        try loop.runUntilComplete(submitting(ex, [job("slow", sleeping: 0.1)]))
        h.say("result at \(((loop.time - start) * 100).rounded() / 100)")
        #expect(ticker.isDone)
        #expect(h.log == ["slow on pool_0", "submitted slow", "tick at 0.05", "result at 0.1"])
    }

    @Test func aSleepingThreadKeepsItsOwnClockAndJoinWaitsForIt() throws {
        let t = rt.makeThread(name: nil) { rt in rt.sleep(0.5) }
        try rt.start(t)
        #expect(rt.clock == 0 && rt.isAlive(t))
        try rt.join(t)
        #expect(rt.clock == 0.5 && !rt.isAlive(t))
    }

    @Test func runInExecutorWithTheTasksOwnContextFailsOnANewWorkerOnly() throws {
        var outcomes: [String] = []
        let ex = ThreadPoolExecutor(runtime: rt, maxWorkers: 1, namePrefix: "pool")
        var t: Task!
        let attempt = { () throws -> Future in
            try loop.runInExecutor(ex, label: "ctx.run") { rt in try t.context.run(rt) { .str("ran") } }
        }
        t = loop.createTask(Script("main", onThrow: { _, e in
            outcomes.append(normalised(e.summaryLine()))
            return .step(.awaiting(try attempt()))  // the worker is idle now: it runs after the step
        }, [
            { _ in .step(.awaiting(try attempt())) },  // a new worker: inside the step, context entered
            { _ in outcomes.append("ok"); return .step(.returned(.none)) },
        ]))
        try loop.runUntilComplete(t)
        #expect(outcomes == ["RuntimeError: cannot enter context: <_contextvars.Context object at 0x…> is already entered", "ok"])
    }

    @Test func aThreadThatWaitsForEverIsADeadlockWhenJoinedOrAtTheEnd() throws {
        // Its target ran an event loop that can never finish (asyncio.run in the thread).
        let t = rt.makeThread(name: nil) { _ in throw SimulationError.deadlock }
        try rt.start(t)
        #expect(rt.isAlive(t))
        #expect(throws: SimulationError.deadlock) { try rt.join(t) }
        #expect(throws: SimulationError.deadlock) { try rt.finishThreads() }
        t.daemon = true  // CPython does not wait for daemon threads at exit
        try rt.finishThreads()
    }

    @Test func aJobThatWaitsForEverLeavesItsFutureWaiting() throws {
        let ex = ThreadPoolExecutor(runtime: rt, maxWorkers: 1, namePrefix: "pool")
        let main = Script("main", [
            { _ in .step(.awaiting(try loop.runInExecutor(ex, label: "stuck") { _ in throw SimulationError.deadlock })) },
        ])
        #expect(throws: SimulationError.deadlock) { try loop.runUntilComplete(main) }
        #expect(throws: SimulationError.deadlock) { try ex.shutdown() }  // joining the worker
    }
}
