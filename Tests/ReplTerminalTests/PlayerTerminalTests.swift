import Foundation
import Testing

/// The lesson player as a teacher drives it, with a keyboard or a clicker (PageDown/PageUp,
/// arrows): next, back three times to the earlier step, jump, restart, a resize, and Ctrl-C
/// restoring the terminal.
@Suite(.serialized, .enabled("tmux is required (skipped when missing outside CI)") { Tmux.shouldRun() })
struct PlayerTerminalTests {
    /// The progress mark `[k/N]` on screen.
    static func progress(_ s: PaneState) -> Int? {
        for line in s.lines.reversed() {
            guard let open = line.range(of: "["), let slash = line.range(of: "/", range: open.upperBound..<line.endIndex) else { continue }
            if let n = Int(line[open.upperBound..<slash.lowerBound]) { return n }
        }
        return nil
    }

    /// The input and output lines of the slide drawn last (after its header).
    static func lastSlide(_ screen: String) -> [String] {
        let lines = screen.split(separator: "\n").map(String.init)
        let header = lines.lastIndex { isHeader($0) } ?? 0
        return lines[header...].filter { !isHeader($0) && !$0.hasPrefix("(back") }
    }

    /// The player's header line: `Lesson 1: …  [3/30]  ←/b back …`.
    static func isHeader(_ line: String) -> Bool {
        line.hasPrefix("Lesson ") && line.contains("/") && line.contains("]  ")
    }

    func waitForStep(_ t: TmuxSession, _ n: Int) throws {
        try t.waitFor("step \(n) on screen") { Self.progress($0) == n }
    }

    @Test func clickerKeysGoForwardBackJumpAndRestart() throws {
        try withRepl(columns: 100, rows: 50, arguments: ["demo", "1", "--typing", "0"]) { t in
            try waitForStep(t, 0)
            try t.press("Right")
            try waitForStep(t, 1)
            try t.press("PageDown")
            try waitForStep(t, 2)
            try t.press("Down")
            try waitForStep(t, 3)
            let third = try t.capture()
            try t.press("Enter")
            try waitForStep(t, 4)
            for expected in [3, 2, 1] {
                try t.press(expected == 2 ? "PageUp" : expected == 1 ? "b" : "Left")
                try waitForStep(t, expected)
            }
            // Two keys at once move one step: keys never queue past a step.
            try t.press("Right", "Right")
            try waitForStep(t, 2)
            usleep(300_000)
            #expect(Self.progress(try t.state()) == 2)
            try t.press("Right")
            try waitForStep(t, 3)
            // Step 3 replayed after going back shows what it showed the first time.
            #expect(Self.lastSlide(try t.capture()) == Self.lastSlide(third))
            try t.type("g12")
            try t.press("Enter")
            try waitForStep(t, 12)
            try t.press("Home")
            try waitForStep(t, 0)
            try t.press("q")
            #expect(try t.waitForExit() == 0)
        }
    }

    @Test func narrationFollowsAResize() throws {
        try withRepl(columns: 100, rows: 50, arguments: ["demo", "1", "--typing", "0"]) { t in
            try waitForStep(t, 0)
            try t.command(["resize-window", "-t", "0", "-x", "50", "-y", "50"])
            try t.waitFor("the window to be 50 columns") { _ in
                (try? t.command(["display-message", "-p", "-t", "0", "#{pane_width}"]).stdout
                    .trimmingCharacters(in: .whitespacesAndNewlines)) == "50"
            }
            try t.press("Right")
            let s = try t.waitFor("step 1") { Self.progress($0) == 1 }
            let narration = s.lines.filter { $0.contains("ContextVar") || $0.contains("thread") }
            #expect(!narration.isEmpty)
            #expect(s.lines.allSatisfy { $0.count <= 50 }, "\(s.shown)")
        }
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let report = dir.path + "/stty.txt"
        let script = "trap 'true' INT; '\(Tmux.binary)' demo 1 --typing 0; stty -a > '\(report)'; echo done"
        try withRepl(arguments: ["-c", script], program: "/bin/sh") { t in
            try waitForStep(t, 0)
            try t.press("Right")
            try waitForStep(t, 1)
            try t.press("C-c")
            try t.waitFor("the shell to go on") { $0.text.contains("done") }
            let modes = try String(contentsOfFile: report, encoding: .utf8)
            #expect(modes.contains(" icanon") && modes.contains(" echo "), "\(modes)")
        }
    }
}
