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
        #expect(MetaCommand.resolve("t") == .failure(.ambiguous("t", [":tree", ":trace", ":tasks", ":time"])))
        #expect(MetaCommand.resolve("tre") == .success(.tree))
        #expect(MetaCommand.resolve("tra") == .success(.trace))
        #expect(MetaCommand.resolve("wa") == .success(.walk))
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

    /// A list held by a variable is one object in every context that shares it: appending to it
    /// marks the value changed in all of them (the leak a learner needs to see); a `set` in one
    /// copy marks only that copy.
    @Test func mutatingASharedValueMarksEveryContextThatHoldsIt() {
        let out = run(["v = ContextVar('v')", "lst = []; _ = v.set(lst)", "c = copy_context()", "lst.append(1)",
                       "_ = c.run(v.set, 5)"]) { $0.showTree = true }
        let appended = out[3].split(separator: "\n").filter { $0.contains("← changed") }
        #expect(appended.count == 2 && appended.allSatisfy { $0.contains("v = [1]") }, "\(out[3])")
        let set = out[4].split(separator: "\n").filter { $0.contains("← changed") }
        #expect(set.count == 1 && set[0].contains("v = 5"), "\(out[4])")
    }

    /// Thousands of live tasks, or of new copies, fold into a screenful: the first few and the
    /// last are drawn, the rest is counted on one line; a task bound to a name is always drawn.
    @Test func thousandsOfTasksOrCopiesFoldIntoAScreenful() {
        let out = run([
            "v = ContextVar('v', default=0)",
            "async def w(i):\n    v.set(i)\n    await asyncio.sleep(100)\n",
            "ts = [asyncio.create_task(w(i)) for i in range(2000)]",
            "many = [copy_context() for i in range(3000)]",
            "held = ts[1000]",
        ]) { $0.showTree = true }
        let tasks = out[2].split(separator: "\n")
        #expect(tasks.count < 40, "\(out[2])")
        #expect(tasks.contains { $0.contains("[Task-2000 waiting on sleep(100.0)]") })
        #expect(tasks.contains { $0.contains("… 3990 more contexts, 3990 new, 1995 tasks waiting") }, "\(out[2])")
        let copies = out[3].split(separator: "\n")
        #expect(copies.count < 40, "\(out[3])")
        // Tasks and copies are siblings (children of the session context): one run, one line.
        #expect(copies.contains { $0.contains("… 6991 more contexts, 2999 new, 1996 tasks waiting") }, "\(out[3])")
        #expect(copies.last?.contains("v = 0 (default)") == true && copies.dropLast().last?.contains("(copy_context())  new") == true)
        // A task bound to a name stays in view, labelled with the name.
        #expect(out[4].contains("[Task-1001 (held) waiting on sleep(100.0)]"), "\(out[4])")
    }

    /// The lazily built tree agrees with the full snapshot: each node's outline is the one the
    /// layout folded with.
    @Test func lazyNodesMatchTheirOutlines() {
        var o = Transcript.checkOptions
        o.showTree = false
        let s = Session(options: o) { _, _ in }
        for input in ["v = ContextVar('v', default=0)", "async def w(i):\n    v.set(i)\n    await asyncio.sleep(1)\n",
                      "ts = [asyncio.create_task(w(i)) for i in range(60)]", "c = copy_context()", "v.set(3)"] {
            s.submit(input)
        }
        let tree = s.tree()
        for i in tree.outlines.indices { #expect(tree.node(i).outline == tree.outlines[i]) }
    }

    /// A name that CPython's module has and ctxlab's lacks is reported as ctxlab's gap; a typo
    /// gets CPython's message and suggestion (from CPython's names, as CPython would print it).
    @Test func namesCPythonHasButCtxlabLacksSaySo() {
        let out = run(["import threading, sys", "threading.settrace", "from asyncio import Barrier", "sys.flags",
                       "threading.Evnt"])
        #expect(out[1].hasSuffix("AttributeError: module 'threading' has no attribute 'settrace' (threading.settrace exists in CPython but is not supported by ctxlab)\n"), "\(out[1])")
        #expect(out[2].hasSuffix("ImportError: cannot import name 'Barrier' from 'asyncio' (asyncio.Barrier exists in CPython but is not supported by ctxlab)\n"), "\(out[2])")
        #expect(out[3].contains("(sys.flags exists in CPython but is not supported by ctxlab)"), "\(out[3])")
        #expect(out[4].hasSuffix("AttributeError: module 'threading' has no attribute 'Evnt'. Did you mean: 'Event'?\n"), "\(out[4])")
    }

    /// A statement that would wait for ever on a lock is cancelled with the threads that wait;
    /// the session goes on, and the lock's queue no longer holds the cancelled waiter.
    @Test func aDeadlockedLockAcquireCancelsTheStatementOnly() {
        let out = run(["import threading", "l = threading.Lock()", "l.acquire()", "l.acquire()",
                       "l.locked(), l.acquire(False)", "l.release()", "l.acquire(timeout=1), l.locked()"])
        #expect(out[3].contains("CPython would hang here. It was cancelled. Waiting for ever:\n  MainThread, line 1 in <module>, waits for ever to acquire <locked _thread.lock object at 0x"), "\(out[3])")
        #expect(out[4].hasPrefix("(True, False)\n"), "\(out[4])")
        #expect(out[6].hasPrefix("(True, True)\n"), "\(out[6])")
    }

    /// SEMANTICS.md §5 case 55: the REPL's tracebacks carry 3.12+'s suggestions, drawn from the
    /// session's names; `str(e)` does not.
    @Test func replTracebacksSuggestNames() {
        let out = run(["request_id = ContextVar('request_id')", "request_idd.get()", "asyncio.slep(1)",
                       "try:\n    prnt\nexcept NameError as e:\n    print(str(e))\n"])
        #expect(out[1].hasSuffix("NameError: name 'request_idd' is not defined. Did you mean: 'request_id'?\n"), "\(out[1])")
        #expect(out[2].hasSuffix("AttributeError: module 'asyncio' has no attribute 'slep'. Did you mean: 'sleep'?\n"), "\(out[2])")
        #expect(out[3] == "name 'prnt' is not defined\n", "\(out[3])")
    }

    /// Drawing the tree runs the program's `__repr__`s; one that creates contexts (here one per
    /// call, then thousands more, past the tracker's pruning point) must not disturb the drawing
    /// or the session. The context made during a drawing shows up in the next one.
    @Test func aReprThatCreatesContextsDuringADrawingIsHarmless() {
        let out = run([
            "class R:\n    def __repr__(self):\n        global c\n        c = copy_context()\n        return 'R()'\n",
            "v = ContextVar('v'); _ = v.set(R())", "1", "n = len([copy_context() for i in range(5000)])", "n",
        ]) { $0.showTree = true }
        #expect(out[2].hasPrefix("1\n") && out[2].contains("v = R()"), "\(out[2])")
        #expect(out[2].contains("(c)"), "\(out[2])")
        #expect(out[4].hasPrefix("5000\n"), "\(out[4])")
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
    /// A session whose globals hold suspended generators (plain and async) is torn down
    /// without reading its destroyed interpreter (fuzz seed 40 case 14960: SIGABRT in
    /// `PyGenerator.deinit` when the session went away).
    @Test func suspendedGeneratorsOutliveTheirSession() {
        for _ in 0..<3 {
            let out = run([
                "def gen():\n    try:\n        y = yield 1\n    finally:\n        print('closed')\n",
                "g = gen()", "next(g)",
                "async def agen():\n    yield 1\n    yield 2\n",
                "a = agen()", "await anext(a)",
                "g2 = gen(); next(g2); g2 = None",
            ])
            #expect(out[2] == "1\n")
            #expect(out[6] == "closed\n")  // a generator dropped while the session lives is closed
        }
}

/// File-name completion after `:load`, `:save`, `:record`, on a listing given by the test.
struct FileCompletionTests {
    static func listing(_ directory: String) -> [Completion.DirectoryEntry] {
        switch directory {
        case ".": return [.init(name: "lesson.py", isDirectory: false), .init(name: "lessons", isDirectory: true),
                          .init(name: ".hidden", isDirectory: false), .init(name: "notes.txt", isDirectory: false)]
        case "lessons/": return [.init(name: "one.pycon", isDirectory: false)]
        default: return []
        }
    }

    @Test func completesFileNamesAfterFileCommands() {
        let s = Session(write: { _, _ in })
        #expect(Completion.candidates(for: ":load les", in: s, listDirectory: Self.listing) == ["lesson.py", "lessons/"])
        #expect(Completion.candidates(for: ":sa lessons/o", in: s, listDirectory: Self.listing) == ["lessons/one.pycon"])
        #expect(Completion.candidates(for: ":record ", in: s, listDirectory: Self.listing) == ["lesson.py", "lessons/", "notes.txt"])
        #expect(Completion.candidates(for: ":load .h", in: s, listDirectory: Self.listing) == [".hidden"])
        #expect(Completion.candidates(for: ":tree o", in: s, listDirectory: Self.listing) != ["lesson.py"])
    }
}

/// Inputs that once made the tree drawing hang or exhaust memory (issue 12).
struct HugeTreeTests {
    /// A task that starts a task that starts a task… runs until Ctrl-C. The tree drawn after it
    /// folds the chain past `TreeLayout.busyBudget` nodes (it used to draw every level, with
    /// memory quadratic in the depth), and the session goes on.
    @Test func anEndlessChainOfTasksIsInterruptedAndTheTreeStaysBounded() {
        var o = Transcript.checkOptions
        o.showTree = true
        final class Output: @unchecked Sendable { var text = "" }
        let out = Output()
        let s = Session(options: o) { text, _ in out.text += text }
        var polls = 0
        // The loop polls between handles (two per task here), so that is a chain of about 4,000
        // tasks: past the busy budget, and folded.
        s.interruptFlag = {
            polls += 1
            return polls == 8_000
        }
        s.submit("async def g(n):\n    asyncio.create_task(g(n + 1))\n    await asyncio.sleep(100)\n")
        out.text = ""
        s.submit("t = asyncio.create_task(g(0))")
        #expect(out.text.contains("KeyboardInterrupt"))
        #expect(out.text.contains("more contexts"))
        #expect(out.text.split(separator: "\n").count < 1000)
        out.text = ""
        s.submit("1 + 1")
        #expect(out.text.hasPrefix("2\n"))
    }

    /// 300 contexts with mappings of their own, all seeing a 10**7-character value: the tree cuts
    /// the repr, but choosing its quote reads the whole string, once per mapping. That read is a
    /// `memchr` now (it was a byte loop: over a minute in a debug build).
    @Test func manyMappingsSharingALongValueDrawQuickly() {
        var o = Transcript.checkOptions
        o.showTree = true
        final class Output: @unchecked Sendable { var text = "" }
        let out = Output()
        let s = Session(options: o) { text, _ in out.text += text }
        s.submit("w = ContextVar('w')\nw.set('y' * 10**7)\nv = ContextVar('v')\n")
        s.submit("async def f(n):\n    v.set(n)\n    if n:\n        await asyncio.create_task(f(n - 1))\n")
        out.text = ""
        let clock = ContinuousClock()
        let elapsed = clock.measure { s.submit("await f(300)") }
        #expect(elapsed < .seconds(30))
        #expect(out.text.contains("w = 'yyy"))
    }

    /// Past `maxTreeContexts` reachable contexts the tree is one line: drawing a million tasks
    /// after every input took seconds that Ctrl-C could not end.
    @Test func aTreeWithTooManyContextsIsReportedInOneLine() {
        var o = Transcript.checkOptions
        o.showTree = true
        o.maxTreeContexts = 50
        final class Output: @unchecked Sendable { var text = "" }
        let out = Output()
        let s = Session(options: o) { text, _ in out.text += text }
        s.submit("async def f():\n    await asyncio.sleep(10)\n")
        out.text = ""
        s.submit("ts = [asyncio.create_task(f()) for _ in range(100)]")
        #expect(out.text == "(tree not drawn: 202 contexts, 100 live tasks; it draws up to 50)\n")
        s.submit("ts = None")
        out.text = ""
        s.submit("1 + 1")
        #expect(out.text.hasPrefix("2\n"))
    }

    /// The tree shows at most `RenderOptions.longestField` characters of a str value, and builds
    /// no more of its repr than that (the whole repr of a 10**7-character value was built, and
    /// cleaned and measured, at every drawing).
    @Test func aHugeStrValueIsCutBeforeItsReprIsBuilt() {
        let s = Session(options: Transcript.checkOptions) { _, _ in }
        let big = String(repeating: "é", count: 10_000_000)
        let shown = s.shownRepr(.str(big + "'"))
        #expect(shown == "\"" + String(repeating: "é", count: 1_000) + "…")
        #expect(s.shownRepr(.str("it's")) == "\"it's\"")
        s.submit("v = ContextVar('v')")
        s.submit("v.set('é' * 10**7)")
        #expect(s.treeSnapshot().nodes.contains { $0.variables.first?.value.hasSuffix("é…") == true })
    }
}

/// `:undo` lands exactly in the state it promises (UndoLog.swift).
struct UndoTests {
    final class Output: @unchecked Sendable { var text = "" }

    func session(interruptAfterPolls: Int? = nil, tree: Bool = true) -> (Session, Output) {
        var o = Transcript.checkOptions
        o.showTree = tree
        let out = Output()
        let s = Session(options: o) { text, _ in out.text += text }
        if let n = interruptAfterPolls {
            var polls = 0
            s.interruptFlag = {
                polls += 1
                return polls == n
            }
        }
        return (s, out)
    }

    func said(_ s: Session, _ out: Output, _ input: String) -> String {
        out.text = ""
        s.submit(input)
        return out.text
    }

    /// A runaway loop stopped by Ctrl-C replays at once to the same point: the interrupt lands
    /// at the same poll, not never.
    @Test func undoAfterAnInterruptedInputReplaysItToTheSamePoint() {
        let (s, out) = session(interruptAfterPolls: 25)
        s.submit("i = 0")
        #expect(said(s, out, "while True:\n    i += 1\n").contains("KeyboardInterrupt"))
        let reached = said(s, out, "i")
        #expect(reached != "0\n")
        s.interruptFlag = { false }  // a replay that ran the loop for real would never end
        s.submit("j = 1")
        #expect(said(s, out, ":undo").contains("undone"))
        #expect(said(s, out, "i") == reached)
        #expect(said(s, out, "j").contains("NameError"))
    }

    /// Objects keep their addresses across :undo, although the trees and views drawn the
    /// first time allocated objects that the silent replay does not.
    @Test func objectsKeepTheirAddressesAcrossUndo() {
        let (s, out) = session()
        s.submit("v = ContextVar('v', default=0)")
        s.submit(":vars")
        s.submit("ctx = copy_context()\nv.set(1)\nother = copy_context()\n", treeAfterEachStatement: true)
        s.submit(":tasks")
        let before = said(s, out, "print(ctx, other, v)")
        s.submit("v.set(2)")
        s.submit(":undo")
        #expect(said(s, out, "print(ctx, other, v)") == before)
        s.submit(":undo")
        #expect(said(s, out, "print(ctx, other, v)") == before)
    }

    /// `:step` is an undo step of its own.
    @Test func undoAfterStepUndoesTheStep() {
        let (s, out) = session(tree: false)
        s.submit(":mode manual")
        s.submit("log = []")
        s.submit("async def f():\n    log.append(1)\n")
        s.submit("t = asyncio.create_task(f())")
        #expect(said(s, out, ":step").contains("ran"))
        #expect(said(s, out, ":undo").contains("before the last :step"))
        #expect(said(s, out, "log") == "[]\n")
        #expect(said(s, out, "t.done()") == "False\n")
    }
}

/// `:load` shows the hints that typing the same lines shows.
struct LoadHintTests {
    final class MemoryFiles: SessionFiles {
        var files: [String: String]
        init(_ files: [String: String]) { self.files = files }
        func read(_ path: String) throws -> String { files[path] ?? "" }
        func write(_ path: String, _ text: String) throws { files[path] = text }
    }

    @Test func loadShowsTheHintsTypingShows() {
        let program = "async def work():\n    pass\n\ncoro = copy_context().run(work)\n"
        var typed: [OutputKind] = [], loaded: [OutputKind] = []
        var o = Transcript.checkOptions
        o.hints = true
        let a = Session(options: o) { _, kind in typed.append(kind) }
        for input in InputSplitter.split(program) { a.submit(input) }
        let files = MemoryFiles(["p.py": program])
        let b = Session(options: o) { _, kind in loaded.append(kind) }
        b.files = files
        b.submit(":load p.py")
        #expect(typed.contains(.hint))
        #expect(loaded.filter { $0 == .hint }.count == typed.filter { $0 == .hint }.count)
    }

    }
}

/// How inputs are named and where their lines come from: `<stdin>` (piped input, transcripts)
/// and PyREPL's `<python-input-N>` (the prompt at a terminal), checked against CPython 3.13's
/// `python3 -m asyncio` under tmux.
struct InputNameTests {
    /// Everything each input printed, standard error as it is (no doctest form).
    func run(_ inputs: [String], names: Session.InputNames) -> [String] {
        var o = Transcript.checkOptions
        o.inputNames = names
        var current = ""
        let s = Session(options: o) { text, _ in current += text }
        return inputs.map { input in
            current = ""
            s.submit(input)
            return current
        }
    }

    static let definitionThenCalls = ["def g():\n    return 1/0\n", "g()", "try:\n    g()\nexcept Exception:\n    import traceback; traceback.print_exc()\n"]

    /// Before, the lines of the input running were shown for every `<stdin>` frame: `g`'s frame
    /// showed the second input's `g()` instead of `return 1/0`.
    @Test func aFrameShowsTheLineOfTheInputThatDefinedIt() {
        let out = run(Self.definitionThenCalls, names: .stdin)
        for text in out[1...] {
            #expect(text.contains("  File \"<stdin>\", line 2, in g\n    return 1/0\n           ~^~\nZeroDivisionError"), "\(text)")
        }
        #expect(out[2].contains("  File \"<stdin>\", line 2, in <module>\n    g()\n"))
    }

    @Test func theTerminalNamesEachInputAsPyREPLDoes() {
        let out = run(Self.definitionThenCalls + ["import linecache; linecache.getline('<python-input-0>', 2)", "g.__code__.co_filename"],
                      names: .numbered)
        #expect(out[1].contains("  File \"<python-input-1>\", line 1, in <module>\n    g()\n    ~^^\n  File \"<python-input-0>\", line 2, in g\n    return 1/0\n"), "\(out[1])")
        #expect(out[2].contains("  File \"<python-input-2>\", line 2, in <module>\n    g()\n"))
        #expect(out[3] == "'    return 1/0\\n'\n")
        #expect(out[4] == "'<python-input-0>'\n")
    }

    /// `:undo` replays the inputs it keeps under their own names; the next input takes a new one.
    @Test func undoKeepsTheNames() {
        let out = run(["def g():\n    return 1/0\n", "x = 1", ":undo", "g()"], names: .numbered)
        #expect(out[3].contains("  File \"<python-input-2>\", line 1, in <module>\n    g()\n    ~^^\n  File \"<python-input-0>\", line 2, in g\n"), "\(out[3])")
    }

    /// CPython's sys.displayhook clears `_` before it writes the repr, and codeop's completeness
    /// check resets the warnings registries at every input: the warning of a coroutine released
    /// by `_` comes before the echo, and the same warning at a later input is shown again.
    @Test func neverAwaitedWarningsAtThePrompt() {
        let out = run(["async def f(): pass\n", "f()", "1", "x = f()", "del x"], names: .numbered)
        #expect(out[2] == "<python-input-2>:1: RuntimeWarning: coroutine 'f' was never awaited\n  1\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n1\n", "\(out[2])")
        #expect(out[4] == "<python-input-4>:1: RuntimeWarning: coroutine 'f' was never awaited\n  del x\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n", "\(out[4])")
        // `<stdin>` is every input's name and linecache does not know it (code.InteractiveConsole).
        let piped = run(["async def f(): pass\n", "f()", "1"], names: .stdin)
        #expect(piped[2] == "<stdin>:1: RuntimeWarning: coroutine 'f' was never awaited\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n1\n", "\(piped[2])")
    }
}

/// Piped text split into the inputs a person would type, each ending where the prompt would run
/// it: a block (and `if x: pass`) at an empty line, a bracketed statement at its last line.
struct InputSplitterTests {
    @Test func eachInputEndsWhereThePromptWouldRunIt() {
        let text = "x = (1,\n 2)\nif x: print(1)\ndef f():\n    return 1\n\nf()\nclass A: pass\nd = {\n    'k': [\n        1,\n    ],\n}\n"
        #expect(InputSplitter.split(text) == [
            "x = (1,\n 2)", "if x: print(1)\n", "def f():\n    return 1\n", "f()", "class A: pass\n",
            "d = {\n    'k': [\n        1,\n    ],\n}",
        ])
    }
}

/// Found by the crash fuzzer (seed 404, case 2564): replacing the last input's trace released a
/// Context that it alone held, whose end was recorded into the trace being written (a Swift
/// exclusivity trap that ended the session).
struct TraceReleaseTests {
    @Test func aContextReleasedWithTheLastTraceIsRecordedSafely() {
        var o = Transcript.checkOptions
        o.showTree = true
        var output = ""
        let s = Session(options: o) { text, _ in output += text }
        let program = "v = ContextVar('v')\nv.set([v, copy_context(), asyncio.current_task()])\nasync def f(n):\n    v.set(n)\n\nawait f(5)\nhelp\n1 + 1\n"
        for input in InputSplitter.split(program) { s.submit(input) }
        #expect(output.contains("2\n"))
    }
}
