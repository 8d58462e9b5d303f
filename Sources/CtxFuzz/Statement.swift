/// A generated statement: its lines (indented relative to where it goes) and whether it must
/// run inside a coroutine (it awaits, or makes objects that need a running loop).
struct Statement {
    var lines: [String]
    var isAsync: Bool

    init(_ lines: [String], isAsync: Bool = false) {
        self.lines = lines
        self.isAsync = isAsync
    }

    init(_ text: String, isAsync: Bool = false) {
        self.init(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), isAsync: isAsync)
    }

    /// `body`, guarded so that the statements after it still run.
    static func guarded(_ body: [String], isAsync: Bool, report: Bool) -> Statement {
        var lines = ["try:"] + body.map { "    " + $0 }
        lines += ["except Exception as _e:", report ? "    print(type(_e).__name__, str(_e)[:200])" : "    pass"]
        return Statement(lines, isAsync: isAsync)
    }

    func indented(_ prefix: String) -> [String] { lines.map { $0.isEmpty ? $0 : prefix + $0 } }
}

/// Puts statements together as a program (async ones in `async def _main()`, run by
/// `asyncio.run`) or as a session's inputs (async ones at the top level: the REPL awaits).
enum Assembler {
    static func program(_ statements: [Statement], prelude: Prelude, mode: FuzzCase.Mode) -> String {
        var out = prelude.text
        let needsAsyncio = statements.contains { $0.isAsync }
        if needsAsyncio && !prelude.modules.contains("asyncio") { out += "import asyncio\n" }
        if mode == .session {
            for s in statements {
                out += s.lines.joined(separator: "\n") + "\n"
                if s.lines.count > 1 { out += "\n" }
            }
            return out
        }
        for s in statements where !s.isAsync { out += s.lines.joined(separator: "\n") + "\n" }
        let async = statements.filter(\.isAsync)
        if !async.isEmpty {
            out += "async def _main():\n"
            for s in async { out += s.indented("    ").joined(separator: "\n") + "\n" }
            out += "asyncio.run(_main())\n"
        }
        return out
    }
}
