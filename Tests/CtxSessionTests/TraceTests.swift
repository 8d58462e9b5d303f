import Testing
@testable import CtxSession

/// The events of an input (Trace/): what the core reports for each API, the account before the
/// tree, `:trace`, `:walk` and `:why`. Contexts are numbered (`--short-ids`): C2 is the session's.
@Suite struct TraceTests {
    /// Runs inputs in a fresh session (tree off, short ids) and returns what each printed.
    func run(_ inputs: [String], configure: (inout Session.Options) -> Void = { _ in }) -> [String] {
        var o = Transcript.checkOptions
        o.shortIds = true
        configure(&o)
        var current = ""
        let s = Session(options: o) { text, _ in current += text }
        return inputs.map { input in
            current = ""
            s.submit(input)
            return current
        }
    }

    /// The lines of `:trace` after `inputs`, without the REPL's own callbacks (every statement
    /// is one, and its future's done callback another).
    func trace(_ inputs: [String]) -> [String] {
        let out = run(inputs + [":trace"]).last!
        return out.split(separator: "\n").map { String($0).trimmingWhitespace }.filter {
            !$0.contains("<statement>") && !$0.contains("_run_until_complete_cb") && !$0.contains("_call_set_state")
                && !$0.hasPrefix("Every event")
        }
    }

    let v = "v = ContextVar('v', default=0)"

    @Test func copyContextRunSetsInTheCopyWhichIsDropped() {  // the seed's experiment 3
        let out = run([v, "def f(x):\n    v.set(x)\n    return v.get()\n", "copy_context().run(f, 5)", "v.get()"])
        #expect(out[2] == """
            5
            During this input (:walk steps through it, :trace lists every event):
              line 1: copy_context() made C6, a copy of the session context
              line 1: Context.run entered C6
              line 2 in f: v = 5 in C6 (had no value)
              line 1: Context.run returned: back out of C6
              C6 was dropped: nothing refers to it any more

            """)
        #expect(out[3] == "0\n")
    }

    @Test func awaitOfContextRunRunsTheBodyInTheAwaitersContext() {  // experiment 4
        let out = run([v, "async def g():\n    v.set(2)\n", "ctx = copy_context()", "await ctx.run(g)"])
        #expect(out[3] == """
            During this input (:walk steps through it, :trace lists every event):
              line 1: Context.run entered C6
              line 1: g() made a coroutine in C6; its body has not run yet
              line 1: Context.run returned: back out of C6
              line 1: await runs g() in the session context, not in C6 where it was made
              line 2 in g: v = 2 in the session context (had no value)

            """)
    }

    @Test func nothingToTellNothingTold() {
        let out = run([v, "v.set(1)", "ctx = copy_context()", "ctx.run(v.set, 2)"])
        #expect(out[1].hasPrefix("<Token var="))
        #expect(!out[1].contains("During this input"))
        #expect(!out[3].contains("During this input"))  // ctx is named: the tree shows it
    }

    @Test func createTaskWithAContextRunsTheStepsThere() {
        let lines = trace([v, "async def g():\n    v.set(3)\n    await asyncio.sleep(0.1)\n",
                           "await asyncio.create_task(g(), context=copy_context())"])
        #expect(lines.contains("line 1: copy_context() made C7, a copy of the session context"))
        #expect(lines.contains("line 1: Task-2 was created, to run in C7"))
        #expect(lines.contains("Task-1 (this input's await)'s step ended: waiting on Task-2"))
        #expect(lines.contains("Task-2 runs a step in C7"))
        #expect(lines.contains("line 2 in g: v = 3 in C7 (had no value)"))
        #expect(lines.contains("line 3 in g: C8 was copied for a callback, a copy of C7"))  // call_later's copy
        #expect(lines.contains("Task-2's step ended: waiting on sleep(0.1)"))
        #expect(lines.contains("Task-2's step ended: done → None"))
    }

    @Test func gatherGivesEachCoroutineATaskWithACopy() {
        let lines = trace([v, "async def g(x):\n    v.set(x)\n    return x\n", "await asyncio.gather(g(1), g(2))"])
        #expect(lines.contains("line 1: C7 was made for Task-2, a copy of the session context"))
        #expect(lines.contains("line 1: C8 was made for Task-3, a copy of the session context"))
        #expect(lines.contains("line 2 in g: v = 1 in C7 (had no value)"))
        #expect(lines.contains("line 2 in g: v = 2 in C8 (had no value)"))
        #expect(lines.contains("Task-1 (this input's await)'s step ended: waiting on gather"))
    }

    @Test func callSoonCopiesTheContextForItsCallback() {
        let out = run([v, "def cb():\n    v.set(9)\n", "h = asyncio.get_running_loop().call_soon(cb)", "v.get()"])
        // The handle keeps its context alive, but nothing draws it: the set is told.
        #expect(out[2] == """
            During this input (:walk steps through it, :trace lists every event):
              line 1: C6 was copied for a callback, a copy of the session context
              line 2 in cb: v = 9 in C6 (had no value)

            """)
        #expect(out[3] == "0\n")
    }

    @Test func toThreadRunsInACopyInsideTheWorkersOwnContext() {
        let lines = trace([v, "def work():\n    v.set(7)\n", "await asyncio.to_thread(work)"])
        #expect(lines.contains("line 1: copy_context() made C7, a copy of the session context"))
        #expect(lines.contains("line 1: C8 was made for asyncio_0, empty"))
        #expect(lines.contains("line 1: asyncio_0 entered C8 to run its target"))
        #expect(lines.contains("line 1: Context.run entered C7"))
        #expect(lines.contains("line 2 in work: v = 7 in C7 (had no value)"))  // not in C8
    }

    @Test func runInExecutorRunsInTheWorkersOwnContext() {
        let lines = trace([v, "def work():\n    v.set(8)\n", "await asyncio.get_running_loop().run_in_executor(None, work)"])
        #expect(lines.contains("line 1: C7 was made for asyncio_0, empty"))
        #expect(lines.contains("line 2 in work: v = 8 in C7 (had no value)"))
        #expect(!lines.contains { $0.contains("Context.run") })  // no copy_context().run: that is to_thread
    }

    @Test func aThreadRunsInAnEmptyContextOfItsOwn() {  // 3.14 without thread_inherit_context
        let lines = trace([v, "import threading", "def work():\n    v.set(6)\n",
                           "t = threading.Thread(target=work)", "t.start(); t.join()"])
        #expect(lines.contains("line 1: C8 was made for Thread-1 (work), empty"))
        #expect(lines.contains("line 1: Thread-1 (work) entered C8 to run its target"))
        #expect(lines.contains("line 2 in work: v = 6 in C8 (had no value)"))
        #expect(lines.contains("line 1: Thread-1 (work) left C8"))
    }

    @Test func traceModes() {
        let inputs = [v, "copy_context().run(v.set, 1)", "v.set(2)"]
        let auto = run(inputs)
        #expect(auto[1].contains("During this input"))
        #expect(!auto[2].contains("During this input"))
        let on = run(inputs) { $0.traceMode = .on }
        #expect(on[2].contains("line 1: v = 2 in the session context (had no value)"))
        let off = run(inputs) { $0.traceMode = .off }
        #expect(!off[1].contains("During this input"))
        let switched = run([":trace off", v, "copy_context().run(v.set, 1)", ":trace auto"])
        #expect(!switched[2].contains("During"))
        #expect(switched[3].hasPrefix("trace auto"))
    }

    @Test func aLongInputRecordsItsFirstEventsAndCountsTheRest() {
        let out = run([v, "for i in range(6000):\n    _ = v.set(i)\n", ":trace"])
        #expect(out[2].contains(" more events, not recorded (the first 5000 are)"))
    }

    @Test func walkShowsTheTreeAtEachMomentWithContextsGoneByTheEnd() {
        let out = run([v, "def f():\n    ctx = copy_context()\n    ctx.run(v.set, 5)\n", "f()", ":walk"])
        let walk = out[3]
        #expect(walk.contains("step 1 of 5 · line 2 in f"))
        #expect(walk.contains("  ▶ 2 │     ctx = copy_context()"))
        #expect(walk.contains("→ copy_context() made C6, a copy of the session context"))
        #expect(walk.contains("    └── C6 (copy_context())  new\n            v = 0 (default)"))
        #expect(walk.contains("step 2 of 5 · line 3 in f\n    2 │     ctx = copy_context()\n  ▶ 3 │     ctx.run(v.set, 5)"))
        #expect(walk.contains("→ v = 5 in C6 (had no value)\n"))
        #expect(walk.contains("    └── ▶ C6 (copy_context())  current, entered\n            v = 5  ← changed"))
        #expect(walk.contains("step 5 of 5 · line 1\n  ▶ 1 │ f()\n→ C6 was dropped: nothing refers to it any more"))
        let one = run([v, "def f():\n    ctx = copy_context()\n    ctx.run(v.set, 5)\n", "f()", ":walk 3", ":walk 9"])
        #expect(one[3].hasPrefix("step 3 of 5 · line 3 in f"))
        #expect(one[4] == "usage: :walk [N] with N from 1 to 5\n")
    }

    /// A full trace (5,000 events: 2,500 contexts, each with a task): every frame is built when it
    /// is shown, each in one pass over the contexts and tasks (fuzz seed 42 case 98810: `:walk 9`
    /// built all 5,000 frames at 2,500 × 2,500 each — minutes Ctrl-C could not end).
    @Test func aWalkOfAFullTraceBuildsOnlyTheFramesItShows() {
        let big = "tasks = [asyncio.create_task(asyncio.sleep(0), context=copy_context()) for _ in range(2500)]"
        let out = run([big, ":walk 9", ":walk"])
        #expect(out[1].hasPrefix("step 9 of 4998 · line 1 in <listcomp>\n"))
        #expect(out[1].contains("[Task-4 pending]"))
        #expect(out[2].components(separatedBy: "\nstep ").count == Session.printedWalkLimit)
        #expect(out[2].hasSuffix("steps 201 to 4998 not shown: :walk N shows step N\n"))

        var o = Transcript.checkOptions
        o.shortIds = true
        let s = Session(options: o) { _, _ in }
        s.submit(big)
        let walk = try! #require(s.walk())
        let fresh = try! #require(s.walk())
        _ = walk.frame(4000)
        #expect(walk.frame(5) == fresh.frame(5))  // back: replayed from the start
        #expect(walk.frame(4997) == fresh.frame(4997))
    }

    @Test func ctrlCStopsAPrintedWalkBetweenFrames() {
        var o = Transcript.checkOptions
        o.shortIds = true
        var out = ""
        let s = Session(options: o) { text, _ in out += text }
        s.submit("tasks = [asyncio.create_task(asyncio.sleep(0), context=copy_context()) for _ in range(50)]")
        var polls = 0
        s.interruptFlag = {
            polls += 1
            return polls == 4
        }
        out = ""
        s.submit(":walk")
        #expect(out.components(separatedBy: "\nstep ").count == 3)
        #expect(out.hasSuffix("walk interrupted at step 4 of 300\n"))
    }

    @Test func walkOfExperimentFourShowsTheSetInTheSessionContext() {
        let out = run([v, "async def g():\n    v.set(2)\n", "async def main():\n    ctx = copy_context()\n    await ctx.run(g)\n",
                       "await main()", ":walk"])
        let frames = out[4].components(separatedBy: "\n\n")
        let made = frames.firstIndex { $0.contains("→ g() made a coroutine in C8; its body has not run yet") }
        let awaited = frames.firstIndex { $0.contains("→ await runs g() in the session context, not in C8 where it was made") }
        let set = frames.firstIndex { $0.contains("→ v = 2 in the session context (had no value)") }
        #expect(made != nil && awaited != nil && set != nil)
        if let made, let awaited, let set {
            #expect(made < awaited && awaited < set)
            #expect(frames[made].contains("▶ C8 (copy_context())  current, entered"))
            #expect(frames[set].contains("C2 (REPL session context)  current, entered"))
            #expect(frames[set].contains("v = 2  ← changed"))
            #expect(frames[set].contains("  ▶ 2 │     v.set(2)"))
        }
    }

    @Test func whySaysWhereAValueCameFrom() {
        let out = run([
            v, "v.set('top')", "async def g():\n    return v.get()\n", "t = asyncio.create_task(g())",
            ":why v in t", ":why v", "w = ContextVar('w')", ":why w", "tok = v.set(1)", "v.reset(tok)", ":why v",
            "z = ContextVar('z')", "zt = z.set(1)", "z.reset(zt)", ":why z", ":why nothing", ":why v in nothing",
        ])
        #expect(out[4] == """
            v in C7 = 'top'
              C7 was copied from the session context by create_task (Task-1) at input 4 (t = asyncio.create_task(g()))
              the session context got the value at input 2 (v.set('top'))

            """)
        #expect(out[5] == "v in the session context = 'top'\n  the session context got the value at input 2 (v.set('top'))\n")
        #expect(out[7] == """
            w has no value in the session context: no set() reached it
              and the variable has no default: get() without an argument raises LookupError

            """)
        #expect(out[10] == "v in the session context = 'top'\n  the session context got the value back by reset() at input 7 (v.reset(tok))\n")
        #expect(out[14] == """
            z has no value in the session context: reset() at input 10 (z.reset(zt)) removed it
              and the variable has no default: get() without an argument raises LookupError

            """)
        #expect(out[15].hasPrefix("no ContextVar named nothing"))
        #expect(out[16].hasPrefix("no context nothing"))
    }

    @Test func whyFollowsASetInsideAFunction() {
        let out = run([v, "def f():\n    v.set('in f')\n", "f()", ":why v"])
        #expect(out[3] == "v in the session context = 'in f'\n  the session context got the value at input 3 (f()), line 2 in f:  v.set('in f')\n")
    }

    @Test func variablesShowTheirPythonName() {
        let out = run(["ctx = ContextVar('test_context')", "ctx.set(1)", "ctx = ContextVar('test_context')",
                       "ContextVar('same').set(1)", "ContextVar('same').set(2)", ":vars"])
        // The article's rebinding: the old variable keeps its value in the session context.
        #expect(out[5].hasPrefix("test_context = 1\nctx → test_context = <unset>"))
        #expect(out[5].contains("\nsame (0x7f"))
        #expect(out[5].components(separatedBy: "same (0x").count == 3)  // both told apart
    }

    @Test func theInputsOwnTaskIsLabelled() {
        let out = run(["await asyncio.sleep(0)", ":tree"])
        #expect(out[1].contains("[Task-1 (this input's await) done → None]"))
    }
}
