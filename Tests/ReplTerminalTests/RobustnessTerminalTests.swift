import Foundation
import Testing

/// Inputs that once ended a session (issue 12): each gets CPython's exception (or ctxlab's own
/// clear message) and the session goes on, with what was defined before intact.
@Suite(.serialized, .enabled("tmux is required (skipped when missing outside CI)") { Tmux.shouldRun() })
struct RobustnessTerminalTests {
    /// (input, what its output must contain)
    static let inputs: [(String, String)] = [
        ("'a' * 10**18", "MemoryError"),
        ("[0] * 10**10", "MemoryError"),
        ("[0] * 2**62", "MemoryError"),
        ("[0] * 2**63", "OverflowError: cannot fit 'int' into an index-sized integer"),
        ("chr(-1)", "ValueError: chr() arg not in range(0x110000)"),
        ("int('0x10', 0)", "16"),
        ("int('1', 99)", "ValueError: int() base must be >= 2 and <= 36, or 0"),
        ("hash(-2**63)", "-4"),
        ("round(1, -2**63)", "0"),
        ("'abc'.ljust(-2**63)", "'abc'"),
        ("f'{1:{2**63-1}}'", "MemoryError"),
        ("len(range(-2**63, 2**63 - 1))", "OverflowError: Python int too large to convert to C ssize_t"),
        ("'%5' % 3", "ValueError: incomplete format"),
        ("str(2**(2**22))", "ValueError: Exceeds the limit (4300 digits) for integer string conversion"),
        ("g = []\nfor i in range(20000):\n    g = [g]\n", ""),
        ("repr(g)", "RecursionError: maximum recursion depth exceeded while getting the repr of an object"),
        ("e = ValueError('x')\nfor i in range(1000):\n    e = ExceptionGroup('g', [e])\n", ""),
        ("raise e", "... (max_group_depth is 10)"),
    ]

    @Test func theSessionSurvivesEveryBadInput() throws {
        try withRepl(rows: 60, arguments: ["--no-hints"]) { t in
            try t.submit("survivor = 'still here'")
            for (input, expected) in Self.inputs {
                let out: String
                if input.contains("\n") {
                    let before = try t.waitForPrompt()
                    try t.paste(input)
                    let after = try t.waitForPrompt(after: before.absoluteCursorLine, timeout: 60)
                    out = after.lines[(before.absoluteCursorLine + 1)..<after.absoluteCursorLine].joined(separator: "\n")
                } else {
                    out = try t.submit(input, timeout: 60)
                }
                if !expected.isEmpty { #expect(out.contains(expected), "\(input) printed:\n\(out)") }
                #expect(try t.submit("1 + 1").hasPrefix("2\n"), "after \(input)")
            }
            #expect(try t.submit("survivor").hasPrefix("'still here'"))
        }
    }

    /// Ctrl-C ends long native work: a sum over ten billion numbers.
    @Test func ctrlCEndsANativeLoop() throws {
        try withRepl(arguments: ["--no-hints"]) { t in
            let start = try t.waitForPrompt()
            try t.type("sum(range(10**10))")
            try t.press("Enter")
            try t.waitFor("the sum to start") { s in s.absoluteCursorLine > start.absoluteCursorLine }
            usleep(300_000)
            try t.press("C-c")
            let back = try t.waitForPrompt(after: start.absoluteCursorLine, timeout: 20)
            #expect(back.text.contains("KeyboardInterrupt"))
            #expect(try t.submit("1 + 1").hasPrefix("2\n"))
        }
    }

    /// Piped input (a stranger's lesson) cannot read or write files.
    @Test func pipedInputCannotTouchFiles() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let target = dir.path + "/secret.txt"
        try "keep me".write(toFile: target, atomically: true, encoding: .utf8)
        let lesson = ":save \(target)\n:load \(target)\n:record \(target)\nprint('done')\n"
        let input = dir.path + "/lesson.py"
        try lesson.write(toFile: input, atomically: true, encoding: .utf8)
        let r = try runCommand("/bin/sh", ["-c", "'\(Tmux.binary)' --no-hints < '\(input)'"])
        #expect(r.stdout.contains("done"))
        #expect(r.stdout.components(separatedBy: "files are not available here").count == 4, "\(r.stdout)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    }

    /// A loop that allocates without end gets MemoryError once the process passes the limit,
    /// and the session goes on (before, the machine's memory ran out first).
    @Test func runawayAllocationIsAMemoryError() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let input = dir.path + "/grow.py"
        try "x = []\nwhile True: x.append(' ' * 100000)\n\nlen(x) > 100\ndel x\n1 + 1\n".write(toFile: input, atomically: true, encoding: .utf8)
        var env = ProcessInfo.processInfo.environment
        env["CTXLAB_MEMORY_LIMIT"] = "300M"
        let r = try runCommand("/bin/sh", ["-c", "'\(Tmux.binary)' --no-hints < '\(input)'"], environment: env, timeout: 60)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(">>> len(x) > 100\nTrue\n"), "\(r.stdout)")
        #expect(r.stdout.contains(">>> 1 + 1\n2\n"), "\(r.stdout)")
        #expect((r.stdout + r.stderr).contains("\nMemoryError\n"), "\(r.stdout)\n\(r.stderr)")
    }
}
