import CtxSession
import Foundation
import Testing

/// The prompt as a person uses it, in a real terminal (tmux): the seed article's experiments
/// typed line by line with auto-indent and pasted whole (bracketed paste), nested blocks,
/// `exit()`, a resize, hints at 40 and 80 columns.
@Suite(.serialized, .enabled("tmux is required (skipped when missing outside CI)") { Tmux.shouldRun() })
struct PromptTerminalTests {
    static let fixtures = Tmux.packageRoot.appendingPathComponent("Tests/ReplTerminalTests/Fixtures")
    static let experiments = (1...5).map { "seed-experiment-\($0).py" }

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// What CPython prints for the five experiments run as REPL statements (UUIDs numbered):
    /// recorded from CPython 3.13 (see Fixtures/README.md), and checked against the local
    /// CPython by `expectedOutputIsWhatCPythonPrints` when one is installed.
    static func expectedOutput() throws -> [String] {
        try fixture("seed-experiments.expected").split(separator: "\n").map(String.init)
    }

    /// The experiments typed as a person types them: no blank lines inside a block (at a
    /// prompt an empty line ends it), body lines typed without their indentation where
    /// auto-indent offers it, Backspace to dedent, an empty line to finish a block.
    @Test func seedExperimentsTypedLineByLine() throws {
        try withRepl(columns: 80, arguments: ["--no-hints"]) { t in
            try t.waitForPrompt()
            for name in Self.experiments { try typeLikeAPerson(t, try Self.fixture(name)) }
            let screen = try t.capture(joined: true)
            #expect(printedLines(screen) == (try Self.expectedOutput()), "the pane shows:\n\(screen)")
            #expect(!screen.contains("Error"), "the pane shows:\n\(screen)")
            #expect(screen.contains("(REPL session context)"), "the tree is drawn after the inputs")
            // The banner fits the 80 columns (a wrapped line would show as two in the capture).
            let banner = screen.split(separator: "\n").prefix { !$0.hasPrefix(">>>") }
            #expect(banner.count == 4 && banner.allSatisfy { $0.count <= 80 }, "\(banner)")
            #expect(banner.joined().contains("subset of Python") && banner.joined().contains("virtual"))
        }
    }

    /// Each experiment pasted whole (tmux paste-buffer -p sends it bracketed): blank lines
    /// inside functions do not cut them, the pasted indentation is kept as it is, and the
    /// statements run one after another.
    @Test func seedExperimentsPastedWhole() throws {
        try withRepl(columns: 80, arguments: ["--no-hints"]) { t in
            for name in Self.experiments {
                let before = try t.waitForPrompt()
                try t.paste(try Self.fixture(name))
                try t.waitForPrompt(after: before.absoluteCursorLine)
            }
            let screen = try t.capture(joined: true)
            #expect(printedLines(screen) == (try Self.expectedOutput()), "the pane shows:\n\(screen)")
            #expect(!screen.contains("Error"), "the pane shows:\n\(screen)")
            // The paste is shown as it was copied: its own indentation, once.
            #expect(screen.contains("...     current_value = ctx.get()\n"))
            #expect(screen.contains("...         ctx.set(uuid4())\n"))
        }
    }

    /// The fixture's expected output is what the local CPython prints (when there is one).
    @Test func expectedOutputIsWhatCPythonPrints() throws {
        guard let python = CPython.path else {
            print("PromptTerminalTests: no CPython >= 3.13 found; the seed output is checked against the recorded fixture only")
            return
        }
        let paths = Self.experiments.map { Self.fixtures.appendingPathComponent($0).path }
        let r = try runCommand(python, [Self.fixtures.appendingPathComponent("repl_like.py").path] + paths)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").map(String.init) == (try Self.expectedOutput()))
    }

    /// Three levels deep: each header indents the next line one level more, Backspace
    /// dedents, one empty line ends the whole block.
    @Test func threeDeepNestedBlockTyped() throws {
        try withRepl(arguments: ["--no-hints"]) { t in
            let start = try t.waitForPrompt()
            try t.type("def walk(items):")
            try t.press("Enter")
            var s = try t.waitForContinuation(after: start.absoluteCursorLine, column: 8)
            for (line, column) in [("for item in items:", 12), ("if item % 2:", 16), ("print('odd', item)", 16)] {
                try t.type(line)
                try t.press("Enter")
                s = try t.waitForContinuation(after: s.absoluteCursorLine, column: column)
            }
            try t.press("BSpace", "BSpace", "BSpace", "BSpace")
            try t.type("else:")
            try t.press("Enter")
            s = try t.waitForContinuation(after: s.absoluteCursorLine, column: 16)
            try t.type("print('even', item)")
            try t.press("Enter")
            s = try t.waitForContinuation(after: s.absoluteCursorLine, column: 16)
            try t.press("Enter")
            try t.waitForPrompt(after: s.absoluteCursorLine)
            let screen = try t.capture()
            #expect(screen.contains("...         if item % 2:\n...             print('odd', item)\n...         else:\n"), "\(screen)")
            let out = try t.submit("walk([1, 2])")
            #expect(out.hasPrefix("odd 1\neven 2\n"), "walk printed:\n\(out)")
        }
    }

    /// A function with blank lines inside, pasted: one definition, no IndentationError; a
    /// paste into the auto-indented body keeps the pasted indentation instead of adding to it.
    @Test func pastedFunctionWithBlankLines() throws {
        try withRepl(arguments: ["--no-hints"]) { t in
            let start = try t.waitForPrompt()
            try t.paste("def total(xs):\n    s = 0\n\n    for x in xs:\n\n        s += x\n\n    return s\n")
            try t.waitForPrompt(after: start.absoluteCursorLine)
            #expect(try t.submit("total([1, 2, 3])").hasPrefix("6\n"))
            let next = try t.waitForPrompt()
            try t.type("def double(x):")
            try t.press("Enter")
            let body = try t.waitForContinuation(after: next.absoluteCursorLine, column: 8)
            try t.paste("    return 2 * x\n")
            let s = try t.waitForPrompt(after: body.absoluteCursorLine)
            #expect(s.lines[body.absoluteCursorLine] == "...     return 2 * x")
            #expect(try t.submit("double(21)").hasPrefix("42\n"))
            let screen = try t.capture()
            #expect(!screen.contains("Error"), "\(screen)")
        }
    }

    /// Typed at the prompt as at CPython 3.13's `python3 -m asyncio` on a terminal (checked side
    /// by side under tmux): each input is `<python-input-N>`, a traceback shows the lines of the
    /// input that defined each frame, and a coroutine never awaited warns before the next echo and
    /// again at a later input.
    @Test func inputsAreNamedAsAtCPythonsPrompt() throws {
        try withRepl(arguments: ["--no-hints"]) { t in
            let start = try t.waitForPrompt()
            try t.type("def g():")
            try t.press("Enter")
            let body = try t.waitForContinuation(after: start.absoluteCursorLine, column: 8)
            try t.type("return 1/0")
            try t.press("Enter")
            let end = try t.waitForContinuation(after: body.absoluteCursorLine, column: 8)
            try t.press("Enter")
            try t.waitForPrompt(after: end.absoluteCursorLine)
            let out = try t.submit("g()")
            #expect(out.contains("  File \"<python-input-1>\", line 1, in <module>\n    g()\n    ~^^\n  File \"<python-input-0>\", line 2, in g\n    return 1/0\n           ~^~\n"), "\(out)")
            try t.paste("async def f(): pass\n\n")
            try t.submit("f()")
            let warned = try t.submit("1")
            #expect(warned.hasPrefix("<python-input-4>:1: RuntimeWarning: coroutine 'f' was never awaited\n  1\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n1\n"), "\(warned)")
            try t.submit("x = f()")
            #expect(try t.submit("del x").hasPrefix("<python-input-6>:1: RuntimeWarning: coroutine 'f' was never awaited\n  del x\n"))
        }
    }

    /// `exit()` and the bare word `quit` leave as CPython's REPL does; `exit(3)` gives its status.
    @Test func exitAndQuitLeave() throws {
        try withRepl { t in
            try t.submit("print(exit)")
            try t.type("exit()")
            try t.press("Enter")
            #expect(try t.waitForExit() == 0)
            #expect(try t.capture().contains("Use exit() or Ctrl-D (i.e. EOF) to exit"))
        }
        try withRepl { t in
            try t.waitForPrompt()
            try t.type("quit")
            try t.press("Enter")
            #expect(try t.waitForExit() == 0)
        }
        try withRepl { t in
            try t.waitForPrompt()
            try t.type("exit(3)")
            try t.press("Enter")
            #expect(try t.waitForExit() == 3)
        }
    }

    /// After the window shrinks from 120 to 60 columns, the next tree fits in 60.
    @Test func treeFollowsAResize() throws {
        try withRepl(columns: 120, arguments: ["--no-hints"]) { t in
            try t.submit("request_id = ContextVar('request_id_with_a_rather_long_name_for_this_test', default='none')")
            try t.command(["resize-window", "-t", "0", "-x", "60", "-y", "40"])
            try t.waitFor("the window to be 60 columns wide") { _ in
                (try? t.command(["display-message", "-p", "-t", "0", "#{pane_width}"]).stdout
                    .trimmingCharacters(in: .whitespacesAndNewlines)) == "60"
            }
            let out = try t.submit("request_id.set('abc')")
            let tree = out.split(separator: "\n").filter { $0.contains("request_id") || $0.hasPrefix("Context") }
            #expect(!tree.isEmpty, "\(out)")
            #expect(tree.allSatisfy { $0.count <= 60 }, "the tree after the resize:\n\(out)")
        }
    }

    /// A hint is wrapped to the width, never cut: at 40 and at 80 columns the fix it suggests
    /// is on the screen.
    @Test(arguments: [40, 80])
    func hintIsWrappedToTheWidth(columns: Int) throws {
        try withRepl(columns: columns) { t in
            let start = try t.waitForPrompt()
            try t.paste("async def work():\n    pass\n")
            try t.waitForPrompt(after: start.absoluteCursorLine)
            let out = try t.submit("coro = copy_context().run(work)")
            let hintLines = out.split(separator: "\n").drop { !$0.hasPrefix("hint: ") }.prefix { $0.hasPrefix("hint: ") || $0.hasPrefix("      ") }
            #expect(!hintLines.isEmpty, "no hint after ctx.run(async_fn):\n\(out)")
            #expect(hintLines.allSatisfy { $0.count <= columns && !$0.hasSuffix("…") }, "\(out)")
            let text = hintLines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(text.contains("create_task"), "the hint's fix is missing:\n\(text)")
        }
    }

    /// Tab after `:load ` completes file names (directories end with `/`).
    @Test func tabCompletesFileNamesAfterLoad() throws {
        try withRepl { t in
            let prompt = try t.waitForPrompt()
            try t.type(":load \(Self.fixtures.path)/seed-experiment-")
            try t.press("Tab")
            try t.press("Tab")
            try t.waitFor("the candidates to be listed") { s in s.text.contains("seed-experiment-5.py") }
            try t.type("3")
            try t.press("Tab")
            try t.waitFor("Tab to complete the file name") { s in
                s.absoluteCursorLine > prompt.absoluteCursorLine && s.cursorLine.hasSuffix("seed-experiment-3.py")
            }
            try t.press("Enter")
            let after = try t.waitForPrompt(after: prompt.absoluteCursorLine)
            #expect(after.text.contains("Inside nested_context, after set:"), "\(after.shown)")
        }
    }

    /// The prompt is coloured, the typed text is not.
    @Test func promptColourEndsAtThePrompt() throws {
        try withRepl(arguments: ["--color", "always"]) { t in
            try t.waitForPrompt()
            try t.type("plain_text = 1")
            try t.waitFor("the typed text") { $0.cursorLine.hasSuffix("plain_text = 1") }
            let line = try t.capture(escapes: true).split(separator: "\n").last { $0.contains("plain_text = 1") } ?? ""
            // tmux re-encodes what it shows: after ">>>", a reset and no colour before the text.
            let afterPrompt = line.components(separatedBy: ">>>").last ?? ""
            #expect(afterPrompt.hasPrefix("\u{1B}[0m") && !afterPrompt.contains("\u{1B}[32m") && !afterPrompt.contains("\u{1B}[1m"),
                    "\(line.debugDescription)")
        }
    }
}

/// Types `source` at the prompt the way a person does (see `seedExperimentsTypedLineByLine`).
func typeLikeAPerson(_ t: TmuxSession, _ source: String) throws {
    for statement in topLevelStatements(source) {
        var prompt = try t.waitForPrompt()
        for (i, line) in statement.enumerated() {
            if i > 0 {
                // Wait for the indentation the prompt offers, not just for the prompt: libedit
                // draws "... " first and the offered indentation after it, and a loaded machine
                // can show the screen in between (the indentation would then be typed twice).
                let offered = 4 + PromptInput.nextIndent(after: statement[i - 1], indentUnit: nil).count
                prompt = try t.waitFor("a ... prompt offering \(offered - 4) spaces") { s in
                    !s.dead && s.absoluteCursorLine > prompt.absoluteCursorLine && s.cursorLine == "..." && s.cursorX == offered
                }
            }
            let offered = prompt.cursorX - 4
            let wanted = line.prefix { $0 == " " }.count
            if wanted < offered {
                try t.command(["send-keys", "-t", "0"] + Array(repeating: "BSpace", count: offered - wanted))
            } else if wanted > offered {
                try t.type(String(repeating: " ", count: wanted - offered))
            }
            let text = String(line.drop { $0 == " " })
            try t.type(text)
            try t.waitFor("\(text.debugDescription) to be echoed") { s in
                s.cursorLine.hasSuffix(lastFragment(of: text, upTo: s.cursorX))
            }
            try t.press("Enter")
        }
        if statement.count > 1 || statement[0].hasSuffix(":") {
            let last = try t.waitFor("the ... prompt after the block") { s in
                !s.dead && s.absoluteCursorLine > prompt.absoluteCursorLine && s.cursorLine == "..."
            }
            try t.press("Enter")
            try t.waitForPrompt(after: last.absoluteCursorLine, timeout: 30)
        } else {
            try t.waitForPrompt(after: prompt.absoluteCursorLine, timeout: 30)
        }
    }
}

/// A program's top-level statements, each as its non-blank lines.
func topLevelStatements(_ source: String) -> [[String]] {
    var statements: [[String]] = []
    for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
        var line = String(raw)
        while line.last == " " { line.removeLast() }
        if line.isEmpty { continue }
        let clause = ["else", "elif", "except", "finally"].contains { line.hasPrefix($0) }
        if line.first != " " && !clause { statements.append([line]) } else { statements[statements.count - 1].append(line) }
    }
    return statements
}

/// What the programs printed: the pane without the banner, prompts, trees and blank lines,
/// with UUIDs numbered in order of first appearance (as `repl_like.py` numbers them).
func printedLines(_ screen: String) -> [String] {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let afterBanner = lines.drop { !$0.hasPrefix(">>>") }
    let printed = afterBanner.filter { line in
        !(line.isEmpty || line.hasPrefix(">>>") || line.hasPrefix("...") || line.hasPrefix("Context 0x")
          || line.hasPrefix("During this input")
          || line.hasPrefix(" ") || line.hasPrefix("│") || line.hasPrefix("└") || line.hasPrefix("├"))
    }
    var numbers: [String: Int] = [:]
    let uuid = try! NSRegularExpression(pattern: "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
    return printed.map { line in
        var out = ""
        var last = line.startIndex
        for m in uuid.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
            guard let r = Range(m.range, in: line) else { continue }
            let n = numbers[String(line[r])] ?? (numbers.count + 1)
            numbers[String(line[r])] = n
            out += line[last..<r.lowerBound] + "<uuid-\(n)>"
            last = r.upperBound
        }
        return out + line[last...]
    }
}

/// The local CPython >= 3.13, found by the conformance corpus's own finder.
enum CPython {
    static let path: String? = {
        let finder = "import sys; sys.path.insert(0, sys.argv[1]); sys.dont_write_bytecode = True\n"
            + "from regenerate import find_interpreter\ntry:\n    print(find_interpreter(None)[1])\nexcept SystemExit:\n    pass"
        let dir = Tmux.packageRoot.appendingPathComponent("Tests/Conformance").path
        guard let r = try? runCommand("/usr/bin/env", ["python3", "-c", finder, dir]), r.status == 0 else { return nil }
        let path = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.isEmpty ? nil : path
    }()
}
