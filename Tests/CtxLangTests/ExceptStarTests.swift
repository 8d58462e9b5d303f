import Testing
import CtxCore
@testable import CtxLang

/// The compiler's rules for `except*` clauses (CPython 3.13's messages and positions from
/// `compile(source, "<stdin>", "exec")`); the run-time behaviour is conformance program 139.
struct ExceptStarTests {
    static let errors: [(String, Int, Int)] = [
        ("for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        break", 5, 9),
        ("for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        continue", 5, 9),
        ("def f():\n    try:\n        pass\n    except* ValueError:\n        return 1", 5, 9),
        ("def f():\n    try:\n        pass\n    except* ValueError:\n        try:\n            pass\n        finally:\n            return", 8, 13),
    ]

    @Test("no break, continue or return out of an except* clause", arguments: errors)
    func jumpsOutOfAClause(_ source: String, _ line: Int, _ column: Int) throws {
        let message = "'break', 'continue' and 'return' cannot appear in an except* block"
        #expect(throws: CompileSyntaxError(message: message, pos: SourcePos(line: line, column: column))) {
            try Compiler.compile(try PythonParser.parseModule(source), filename: "<stdin>")
        }
    }

    /// A loop inside the clause may use them; a function defined inside may return.
    @Test func jumpsInsideAClauseAreFine() throws {
        let source = "try:\n    pass\nexcept* ValueError:\n    for i in range(2):\n        if i: break\n        continue\n    def g():\n        return 1\n"
        _ = try Compiler.compile(try PythonParser.parseModule(source), filename: "<stdin>")
    }
}
