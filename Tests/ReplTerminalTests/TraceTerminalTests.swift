import Foundation
import Testing

/// What happened during an input, at a real terminal (tmux): the seed's experiments 3 and 4
/// typed as a person types them, the account before the tree, and `:walk` stepped with the keys
/// a teacher presses (Enter, →, ←, b, End, g N Enter, q).
@Suite(.serialized, .enabled("tmux is required (skipped when missing outside CI)") { Tmux.shouldRun() })
struct TraceTerminalTests {
    /// Experiment 3 (a synchronous copy_context().run()): the copy got the new value and was
    /// dropped, which the tree drawn afterwards cannot show; the account before it does.
    @Test func experimentThreeTellsTheCopyAndItsDrop() throws {
        try withRepl(columns: 100, rows: 60, arguments: ["--no-hints", "--short-ids"]) { t in
            try t.waitForPrompt()
            try typeLikeAPerson(t, try PromptTerminalTests.fixture("seed-experiment-3.py"))
            try t.waitForPrompt()
            let screen = try t.capture(joined: true)
            let account = screen.components(separatedBy: "During this input").last ?? ""
            #expect(account.contains("line 5 in test_context: copy_context() made C"), "\(screen)")
            #expect(account.contains("line 7 in test_context: Context.run entered C"), "\(screen)")
            #expect(account.contains("line 3 in nested_context: ctx → test_context = UUID("), "\(screen)")
            #expect(account.contains("was dropped: nothing refers to it any more"), "\(screen)")
            // The copy is gone from the tree; the session context kept its own value.
            let tree = account.components(separatedBy: "(main thread)").last ?? ""
            #expect(!tree.contains("copy_context()"), "\(screen)")
        }
    }

    /// Experiment 4 walked: the coroutine is made inside the copy, and its set happens in the
    /// session context when it is awaited.
    @Test func walkingExperimentFourShowsWhereTheSetHappened() throws {
        try withRepl(columns: 110, rows: 60, arguments: ["--no-hints", "--short-ids"]) { t in
            try t.waitForPrompt()
            try typeLikeAPerson(t, "import contextvars\nfrom uuid import uuid4\nctx = contextvars.ContextVar('test_context')\nctx.set(uuid4())\n")
            try typeLikeAPerson(t, try PromptTerminalTests.fixture("seed-experiment-4.py"))
            let before = try t.waitForPrompt()
            try t.type(":walk")
            try t.press("Enter")
            try t.waitFor("the first step") { stepNumber(Self.screen($0)) == 1 }
            // Forward with Enter and →, until the step that makes the coroutine.
            var screen = try stepUntil(t, "made a coroutine in C")
            #expect(marked(screen).hasSuffix("│     await copy_ctx.run(nested_context)"), "\(screen)")
            #expect(screen.contains("copy_context())  current, entered"), "\(screen)")
            screen = try stepUntil(t, "await runs nested_context() in the session context, not in C")
            screen = try stepUntil(t, "→ ctx → test_context = UUID(")
            #expect(screen.contains("in the session context (had UUID("), "\(screen)")
            #expect(screen.contains("▶ C2 (REPL session context)  current, entered"), "\(screen)")
            #expect(marked(screen).hasSuffix("│     ctx.set(uuid4())"), "\(screen)")
            // Back with ← and b, to the end with End, to a step with g N Enter.
            let here = stepNumber(screen)
            try t.press("Left")
            try t.waitFor("one step back") { stepNumber(Self.screen($0)) == here - 1 }
            try t.type("b")
            try t.waitFor("another step back") { stepNumber(Self.screen($0)) == here - 2 }
            try t.press("End")
            try t.waitFor("the last step") { Self.screen($0).contains("Enter leaves") }
            try t.type("g2")
            try t.press("Enter")
            try t.waitFor("step 2") { stepNumber(Self.screen($0)) == 2 }
            try t.type("q")
            // The session's screen comes back, with the prompt after a line saying where the walk ended.
            let after = try t.waitForPrompt(after: before.absoluteCursorLine)
            let back = try t.capture(joined: true)
            #expect(back.contains("walked to step 2 of "), "\(back)")
            #expect(back.contains("Context value after copy:"), "the session's screen is restored:\n\(back)")
            // And the session goes on.
            _ = after
            #expect(try t.submit("ctx.get() is not None").contains("True"))
        }
    }

    static func screen(_ s: PaneState) -> String { s.lines.dropFirst(s.historySize).joined(separator: "\n") }

    /// What the pane shows now, without its scroll-back (the walk is on the alternate screen).
    private func visible(_ t: TmuxSession) throws -> String {
        let s = try t.state()
        return s.lines.dropFirst(s.historySize).joined(separator: "\n")
    }

    private func stepUntil(_ t: TmuxSession, _ caption: String) throws -> String {
        for i in 0..<40 {
            let screen = try visible(t)
            if screen.contains(caption) { return screen }
            let n = stepNumber(screen)
            try t.press(i % 2 == 0 ? "Enter" : "Right")
            try t.waitFor("the next step after \(n)") { stepNumber(Self.screen($0)) == n + 1 }
        }
        Issue.record("no step shows \(caption)")
        return try visible(t)
    }
}

/// The source line the walk marks with ▶.
private func marked(_ screen: String) -> String {
    String(screen.split(separator: "\n").first { $0.hasPrefix("  ▶ ") } ?? "")
}

/// The N of the `step N of M` heading on the screen (0 when none is shown).
private func stepNumber(_ screen: String) -> Int {
    for line in screen.split(separator: "\n") where line.hasPrefix("step ") {
        let words = line.split(separator: " ")
        if words.count > 3, words[2] == "of", let n = Int(words[1]) { return n }
    }
    return 0
}
