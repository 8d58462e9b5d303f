import Testing
@testable import CtxSession

/// The REPL engine against the asyncio REPL's 3.14 behaviour (SEMANTICS.md §4).
@Suite struct SessionTests {
    /// Runs inputs in a fresh session (tree off) and returns everything printed, per input.
    func run(_ inputs: [String], configure: (inout Session.Options) -> Void = { _ in }) -> [String] {
        var o = Transcript.checkOptions
        configure(&o)
        var current = ""
        let s = Session(options: o) { text, kind in current += kind == .stderr ? Transcript.doctestForm(text) : text }
        return inputs.map { input in
            current = ""
            s.submit(input)
            return current
        }
    }

    @Test func statementsShareOneContext() {  // gh-124594, §4.2
        let out = run(["var = ContextVar('var', default='default')", "var.set('top')", "var.reset(_)", "var.get()",
                       "var.set('again')", "var.get()"])
        #expect(out[2] == "")  // the Token of the previous statement resets fine: same Context
        #expect(out[3] == "'default'\n")
        #expect(out[5] == "'again'\n")
    }

    @Test func topLevelAwaitRunsInATaskOfTheSessionContext() {
        let out = run([
            "v = ContextVar('v', default='d')",
            "async def f():\n    v.set('in f')\n    return asyncio.current_task().get_name()\n",
            "await f()", "v.get()", "asyncio.current_task()",
        ])
        #expect(out[2] == "'Task-1'\n")
        #expect(out[3] == "'in f'\n")
        #expect(out[4] == "")  // a statement without await runs in a plain callback
    }

    @Test func onlyTheLastStatementEchoesAndTheFirstFailureStops() {  // §4.3
        let out = run(["1; 2", "1/0; print('after')"])
        #expect(out[0] == "2\n")
        #expect(out[1] == "Traceback (most recent call last):\n  ...\nZeroDivisionError: division by zero\n")
    }

    @Test func readyTasksRunBeforeTheNextPrompt() {
        let out = run(["async def w():\n    print('step 1')\n    await asyncio.sleep(0)\n    print('step 2')\n", "t = asyncio.create_task(w())", "t.done()"])
        #expect(out[1] == "step 1\nstep 2\n")
        #expect(out[2] == "True\n")
    }

    @Test func manualModeWaitsForStep() {
        let out = run(["async def w():\n    print('ran')\n", "t = asyncio.create_task(w())", ":step"]) { $0.manualMode = true }
        #expect(out[1] == "")
        #expect(out[2].hasPrefix("ran\nran <Handle"))
    }

    @Test func awaitingSomethingThatNeverHappensDoesNotHang() {
        let out = run(["await asyncio.Event().wait()", "1 + 1"])
        #expect(out[0].contains("CPython would hang here"))
        #expect(out[1] == "2\n")
    }

    @Test func asyncioRunInsideTheReplFailsAsInCPython() {
        let out = run(["async def m(): pass\n", "asyncio.run(m())"])
        #expect(out[1].hasSuffix("RuntimeError: asyncio.run() cannot be called from a running event loop\n"))
    }

    @Test func undoRestoresTheStateBeforeTheLastInput() {
        let out = run(["x = ContextVar('x', default=0)", "x.set(5)", ":undo", "x.get()"])
        #expect(out[2].contains("undone"))
        #expect(out[3] == "0\n")
    }

    @Test func metaCommandsAreAbbreviable() {
        #expect(MetaCommand.resolve("he") == .success(.help))
        #expect(MetaCommand.resolve("t") == .failure(.ambiguous("t", [":tree", ":tasks", ":time"])))
        #expect(MetaCommand.resolve("zz") == .failure(.unknown("zz")))
    }

    @Test func syntaxErrorsKeepTheSessionGoing() {
        let out = run(["x = = 1", "x = 2", "x"])
        #expect(out[0].contains("SyntaxError: invalid syntax"))
        #expect(out[2] == "2\n")
    }

    @Test func hintsNameThePitfallWithoutChangingOutput() {
        var hints: [String] = []
        var o = Transcript.checkOptions
        o.hints = true
        let s = Session(options: o) { text, kind in if kind == .hint { hints.append(text) } }
        s.submit("async def f(): pass\n")
        s.submit("ctx = copy_context()")
        s.submit("c = ctx.run(f)")
        #expect(hints.count == 1 && hints[0].contains("only created the coroutine"))
        s.submit("def g():\n    return ContextVar('local')\n")
        s.submit("g()")
        #expect(hints.count == 2 && hints[1].contains("every call makes a new"))
    }

    /// `← changed` compares with the last drawing: a brand-new variable is marked only where it
    /// has a value of its own; a `set` is marked in the context it changed and nowhere else.
    @Test func changedMarksOnlyRealChanges() {
        let out = run(["v = ContextVar('v', default=0)", "w = ContextVar('w')", "w.set(1)", "x = ContextVar('x'); _ = x.set(2)"]) {
            $0.showTree = true
        }
        #expect(!out[1].contains("← changed"), "a new variable with no value:\n\(out[1])")
        let changed = out[2].split(separator: "\n").filter { $0.contains("← changed") }
        #expect(changed.count == 1 && changed[0].contains("w = 1"), "after w.set(1):\n\(out[2])")
        let marked = out[3].split(separator: "\n").filter { $0.contains("← changed") }
        #expect(marked.count == 1 && marked[0].contains("x = 2"), "a new variable set at once:\n\(out[3])")
    }

    /// A finished thread's context is drawn while a name holds the thread, then it is garbage.
    @Test func aFinishedThreadsContextLivesAsLongAsTheThreadObject() {
        let out = run([
            "import threading", "v = ContextVar('v', default=0)", "def job():\n    v.set(9)\n",
            "t = threading.Thread(target=job); t.start(); t.join()", "del t",
        ]) { $0.showTree = true }
        #expect(out[3].contains("(thread Thread-1 (job))"), "\(out[3])")
        #expect(!out[4].contains("(thread Thread-1 (job))"), "\(out[4])")
        #expect(out[4].contains("1 unreachable context"), "\(out[4])")
    }

    /// An exception that escapes a thread's target is reported as threading.excepthook does,
    /// and the session goes on.
    @Test func aThreadsExceptionIsReported() {
        let out = run(["import threading", "def boom():\n    raise ValueError('in thread')\n",
                       "t = threading.Thread(target=boom); t.start(); t.join(); print('joined')"])
        #expect(out[2].contains("Exception in thread Thread-1 (boom):"), "\(out[2])")
        #expect(out[2].contains("ValueError: in thread"), "\(out[2])")
        #expect(out[2].contains("joined\n"), "\(out[2])")
    }
}
