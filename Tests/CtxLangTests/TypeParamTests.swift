import Testing
@testable import CtxLang

/// PEP 695 syntax (`def f[T]`, `class C[T]`, `type X = …`): the SyntaxErrors of CPython 3.13's
/// parser and symbol table, each row what `compile(source, "<s>", "exec")` raised (message,
/// lineno, offset); what ctxlab lacks says so; `type` stays a name. The run-time behaviour is
/// conformance program 433.
struct TypeParamTests {
    static let errors: [(String, String, Int, Int)] = [
        ("def f[](): pass", "Type parameter list cannot be empty", 1, 7),
        ("def f[T, T](): pass", "duplicate type parameter 'T'", 1, 10),
        ("def f[T=int, U](): pass", "non-default type parameter 'U' follows default type parameter", 1, 14),
        ("def f[*Ts: int](): pass", "cannot use bound with TypeVarTuple", 1, 8),
        ("def f[**P: int](): pass", "cannot use bound with ParamSpec", 1, 9),
        ("class C[]: pass", "Type parameter list cannot be empty", 1, 9),
        // ctxlab's gaps
        ("def f[*Ts](): pass", "TypeVarTuple (*Ts) type parameters are not supported by ctxlab", 1, 7),
        ("class C[**P]: pass", "ParamSpec (**P) type parameters are not supported by ctxlab", 1, 9),
    ]

    @Test("syntax errors", arguments: errors)
    func syntaxError(_ source: String, _ message: String, _ line: Int, _ column: Int) {
        #expect(throws: SyntaxError(.invalid, message, SourcePos(line: line, column: column))) {
            _ = try PythonParser.parseModule(source)
        }
    }

    /// `type` is a soft keyword: a statement only as `type NAME [` or `type NAME =`.
    @Test func typeIsStillAName() throws {
        for source in ["type = 1", "type(x)", "type.mro", "print(type)", "type[int]", "x = type"] {
            _ = try PythonParser.parseModule(source + "\n")
        }
        let alias = try PythonParser.parseModule("type X = int; y = 1\n")
        #expect(alias.body.count == 2)
    }
}
