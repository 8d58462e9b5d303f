import Foundation
import Testing

/// The REPL as a user sees it: the real `.build/debug/ctxlab` in a private tmux server
/// (see TmuxHarness.swift). Serialized: each test owns one short-lived tmux server.
@Suite(.serialized, .enabled("tmux is required (skipped when missing outside CI)") { Tmux.shouldRun() })
struct ReplTerminalTests {
    @Test func tmuxIsAvailable() throws {
        guard Tmux.path != nil else {
            Issue.record(Comment(rawValue: Tmux.missingMessage))
            return
        }
    }

    /// A statement runs and the tree is drawn after it; `set` marks the variable changed.
    @Test func statementShowsTreeWithChangedMark() throws {
        try withRepl { t in
            let banner = try t.waitForPrompt()
            #expect(banner.text.contains("ctxlab 0.1"))
            let defined = try t.submit("var = ContextVar('var', default=0)")
            #expect(defined.contains("(REPL session context)"))
            #expect(defined.contains("var = 0 (default)"))
            #expect(!defined.contains("← changed"))
            let set = try t.submit("var.set(5)")
            #expect(set.contains("<Token var=<ContextVar name='var' default=0"))
            #expect(set.contains("var = 5  ← changed"), "the tree after set() shows:\n\(set)")
            #expect(set.contains("└── ▶ Context"))
            let got = try t.submit("var.get()")
            #expect(got.hasPrefix("5\n"))
            #expect(!got.contains("← changed"))
        }
    }

    /// Tab completes attributes and :commands in place.
    @Test func tabCompletion() throws {
        try withRepl { t in
            try t.submit("var = ContextVar('var')")
            let prompt = try t.waitForPrompt()
            try t.type("var.se")
            try t.waitFor("var.se to be echoed") { $0.cursorLine == ">>> var.se" }
            try t.press("Tab")
            try t.waitFor("Tab to complete var.se to var.set") { s in
                s.cursorLine.hasPrefix(">>> var.set") && s.absoluteCursorLine == prompt.absoluteCursorLine
            }
            try t.press("C-u")
            try t.waitFor("C-u to clear the line") { $0.cursorLine == ">>>" && $0.cursorX == 4 }
            try t.type(":he")
            try t.waitFor(":he to be echoed") { $0.cursorLine == ">>> :he" }
            try t.press("Tab")
            try t.waitFor("Tab to complete :he to :help") { $0.cursorLine.hasPrefix(">>> :help") }
            try t.press("Enter")
            let after = try t.waitForPrompt(after: prompt.absoluteCursorLine)
            #expect(after.text.contains("Commands:"))
            #expect(after.text.contains(":quit"))
        }
    }

    /// `async def` continues with `... `, indents automatically after ':' and keeps the
    /// indentation; an empty line ends the block; then top-level `await` runs it.
    @Test func multiLineAsyncDefThenAwait() throws {
        try withRepl { t in
            try t.submit("var = ContextVar('var', default=0)")
            let start = try t.waitForPrompt()
            try t.type("async def f():")
            try t.press("Enter")
            // Auto-indent: the cursor is after "... " plus four spaces.
            let body1 = try t.waitForContinuation(after: start.absoluteCursorLine, column: 8)
            try t.type("var.set(7)")
            try t.press("Enter")
            let body2 = try t.waitForContinuation(after: body1.absoluteCursorLine, column: 8)
            try t.type("return var.get() * 6")
            try t.press("Enter")
            let end = try t.waitForContinuation(after: body2.absoluteCursorLine, column: 8)
            #expect(end.lines[body1.absoluteCursorLine] == "...     var.set(7)")
            #expect(end.lines[body2.absoluteCursorLine] == "...     return var.get() * 6")
            try t.press("Enter")  // the pre-filled indentation only: ends the block
            try t.waitForPrompt(after: end.absoluteCursorLine)
            let out = try t.submit("await f()")
            #expect(out.hasPrefix("42\n"), "await f() printed:\n\(out)")
            #expect(out.contains("var = 7  ← changed"))
        }
    }

    /// What was typed before Ctrl-D is recalled with Up after a restart.
    @Test func historySurvivesRestart() throws {
        let state = try TempDir()
        defer { state.remove() }
        try withRepl(stateHome: state.path) { t in
            try t.submit("hist_probe = 12345")
            try t.submit("hist_probe + 1")
            try t.pressCtrlDUntilExit()
            #expect(try t.waitForExit() == 0)
        }
        try withRepl(stateHome: state.path) { t in
            try t.waitForPrompt()
            try t.press("Up")
            try t.waitFor("Up to recall the last entry") { $0.cursorLine == ">>> hist_probe + 1" }
            try t.press("Up")
            try t.waitFor("Up to recall the entry before it") { $0.cursorLine == ">>> hist_probe = 12345" }
            try t.press("Enter")
            try t.waitForPrompt()
            let out = try t.submit("hist_probe")
            #expect(out.hasPrefix("12345"))
        }
    }

    /// Ctrl-C stops code that never ends; the session, and what was defined before, survive.
    @Test func ctrlCInterruptsEndlessLoop() throws {
        try withRepl { t in
            try t.submit("survivor = 'still here'")
            let start = try t.waitForPrompt()
            try t.type("while True: await asyncio.sleep(1)")
            try t.press("Enter")
            let cont = try t.waitForContinuation(after: start.absoluteCursorLine, column: 4)
            try t.press("Enter")
            // The line was accepted (cursor below it, no prompt): the loop is running.
            try t.waitFor("the loop to start") { s in
                s.absoluteCursorLine > cont.absoluteCursorLine && !s.cursorLine.hasPrefix(">>>")
            }
            try waitUntilBusy(t)
            try t.press("C-c")
            let back = try t.waitForPrompt(after: cont.absoluteCursorLine, timeout: 10)
            let output = back.lines[cont.absoluteCursorLine...].joined(separator: "\n")
            #expect(output.contains("KeyboardInterrupt"))
            let out = try t.submit("survivor")
            #expect(out.hasPrefix("'still here'"))
            let more = try t.submit("await asyncio.sleep(0.5); print('loop ok')")
            #expect(more.hasPrefix("loop ok"), "the loop after Ctrl-C:\n\(more)")
        }
    }

    /// Ctrl-C on a half-typed line throws it away and gives a fresh prompt.
    @Test func ctrlCClearsHalfTypedLine() throws {
        try withRepl { t in
            let start = try t.waitForPrompt()
            try t.type("half_typed = 1")
            try t.waitFor("the half line") { $0.cursorLine == ">>> half_typed = 1" }
            try t.press("C-c")
            let back = try t.waitForPrompt(after: start.absoluteCursorLine)
            #expect(back.text.contains("KeyboardInterrupt"))
            let out = try t.submit("half_typed")
            #expect(out.contains("NameError: name 'half_typed' is not defined"), "the line was run:\n\(out)")
        }
    }

    /// Ctrl-D on an empty line ends the process (status 0) and writes the history file.
    @Test func ctrlDExitsAndWritesHistory() throws {
        let state = try TempDir()
        defer { state.remove() }
        let historyFile = state.path + "/ctxlab/history"
        try withRepl(stateHome: state.path) { t in
            try t.submit("exit_probe = 1")
            let pid = try t.panePID()
            try t.pressCtrlDUntilExit()
            #expect(try t.waitForExit() == 0)
            if let pid { #expect(TmuxSession.hasEnded(pid), "ctxlab (pid \(pid)) is still running") }
        }
        let history = try String(contentsOfFile: historyFile, encoding: .utf8)
        #expect(history.contains("exit_probe = 1"))
    }

    @Test func colorAlwaysUsesEscapes() throws {
        let screen = try colouredScreen(arguments: ["--color", "always"])
        #expect(screen.contains("\u{1B}["), "no escape sequence with --color always")
    }

    @Test func colorNeverHasNoEscapes() throws {
        let screen = try colouredScreen(arguments: ["--color", "never"])
        #expect(!screen.contains("\u{1B}"), "escape sequence with --color never")
        #expect(screen.contains("← changed"))
    }

    @Test func noColorEnvironmentHasNoEscapes() throws {
        let screen = try colouredScreen(env: ["NO_COLOR": "1"])
        #expect(!screen.contains("\u{1B}"), "escape sequence with NO_COLOR=1")
        #expect(screen.contains("← changed"))
    }

    /// 40 columns: every line ctxlab prints (joined back where the terminal wrapped it) fits,
    /// and the tree still shows its structure, the current context and the values.
    @Test func narrowTerminal() throws {
        try withRepl(columns: 40, rows: 60) { t in
            // The banner is prose (it wraps like any long text): only what follows is checked.
            try t.waitForPrompt()
            try t.submit("request_id = ContextVar('request_id', default='none')")
            try t.submit("token = request_id.set('main-request')")
            let s1 = try t.waitForPrompt()
            for line in ["async def handler(n):", "request_id.set(f'req-{n}-abcdefghijklmnopqrstuvwxyz')", "await asyncio.sleep(0)"] {
                try t.type(line)
                try t.press("Enter")
                try t.waitFor("a ... prompt") { $0.cursorLine.hasPrefix("...") && $0.cursorX >= 8 }
            }
            try t.press("Enter")
            try t.waitForPrompt(after: s1.absoluteCursorLine)
            let out = try t.submit("t = asyncio.create_task(handler(1))")
            try t.submit(":tasks")
            try t.submit(":vars")

            let joined = try t.capture(joined: true).split(separator: "\n", omittingEmptySubsequences: false)
            // Skip the banner (everything before the first prompt) and the echoed input lines.
            let firstPrompt = joined.firstIndex { $0.hasPrefix(">>>") } ?? 0
            let printed = joined[firstPrompt...].filter { !$0.hasPrefix(">>>") && !$0.hasPrefix("...") }
            let wide = printed.filter { $0.count > 40 }
            #expect(wide.isEmpty, "lines wider than 40 columns:\n\(wide.joined(separator: "\n"))")
            // Readable: the structure, the current marker and both values are there.
            #expect(out.contains("Context 0x"))
            #expect(out.contains("└── ▶ Context"))
            #expect(out.contains("current"))
            #expect(out.contains("request_id = 'main-request'"))
            #expect(out.contains("request_id = 'req-1-"))
        }
    }

    // MARK: helpers

    /// A screen after defining and setting a variable, with colour escapes kept.
    func colouredScreen(arguments: [String] = [], env: [String: String] = [:]) throws -> String {
        try withRepl(arguments: arguments, env: env) { t in
            try t.submit("var = ContextVar('var')")
            try t.submit("var.set(1)")
            return try t.capture(escapes: true)
        }
    }

    /// Ctrl-C is only turned into SIGINT once ctxlab has handed the terminal back from line
    /// editing: wait until the process is on the CPU running the loop (Linux /proc), or 300 ms.
    func waitUntilBusy(_ t: TmuxSession) throws {
        let deadline = Date().addingTimeInterval(0.3)
        guard let pid = try t.panePID() else { return }
        var busy = 0
        while Date() < deadline {
            if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            {
                let state = stat[stat.index(close, offsetBy: 2)]
                busy = state == "R" ? busy + 1 : 0
                if busy >= 3 { return }
            }
            usleep(20_000)
        }
    }
}
