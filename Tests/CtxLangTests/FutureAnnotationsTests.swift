import Testing
import CtxCore
@testable import CtxLang

/// `from __future__ import annotations`: the feature checks of `Python/future.c`, the
/// annotation-only SyntaxErrors, and the unparser (`Unparse.swift`, after
/// `Python/ast_unparse.c`) against what CPython 3.13 made of each annotation.
struct FutureAnnotationsTests {
    /// (annotation as written, CPython 3.13's `__annotations__['x']` under the future import),
    /// recorded by running `from __future__ import annotations` / `x: <annotation>`.
    static let unparsed: [(String, String)] = [
        ("Optional[ str ]", "Optional[str]"),
        ("(int)", "int"),
        ("a.b.c[d]", "a.b.c[d]"),
        ("1 .real", "1 .real"),
        ("1.5 .real", "1.5.real"),
        ("-1", "-1"),
        ("- x", "-x"),
        ("not x", "not x"),
        ("~x", "~x"),
        ("+x", "+x"),
        ("a ** b ** c", "a ** b ** c"),
        ("(a ** b) ** c", "(a ** b) ** c"),
        ("-a ** b", "-a ** b"),
        ("(-a) ** b", "(-a) ** b"),
        ("a - (b - c)", "a - (b - c)"),
        ("(a - b) - c", "a - b - c"),
        ("a * (b + c)", "a * (b + c)"),
        ("a | b & c ^ d", "a | b & c ^ d"),
        ("(a | b) & c", "(a | b) & c"),
        ("a << b >> c", "a << b >> c"),
        ("a @ b", "a @ b"),
        ("a // b % c", "a // b % c"),
        ("a / (b * c)", "a / (b * c)"),
        ("a if b else c", "a if b else c"),
        ("(a if b else c) if d else e", "(a if b else c) if d else e"),
        ("a if (b if c else d) else e", "a if (b if c else d) else e"),
        ("lambda: 0", "lambda: 0"),
        ("lambda a, /, b=2, *c, d, e=3, **f: a", "lambda a, /, b=2, *c, d, e=3, **f: a"),
        ("lambda *, k: k", "lambda*, k: k"),
        ("(lambda: 1)()", "(lambda: 1)()"),
        ("f(*a, **b)", "f(*a, **b)"),
        ("f(a)(b)[c].d", "f(a)(b)[c].d"),
        ("f(x for x in y)", "f(x for x in y)"),
        ("f(a, (x for x in y))", "f(a, (x for x in y))"),
        ("f(k=(x for x in y))", "f(k=(x for x in y))"),
        ("[a, *b]", "[a, *b]"),
        ("{a, b}", "{a, b}"),
        ("{}", "{}"),
        ("{1: 2, **c}", "{1: 2, **c}"),
        ("()", "()"),
        ("(a,)", "(a,)"),
        ("(a, b)", "(a, b)"),
        ("a[b, c]", "a[b, c]"),
        ("a[b,]", "a[b,]"),
        ("a[()]", "a[()]"),
        ("a[(b, c),]", "a[(b, c),]"),
        ("a[1:2]", "a[1:2]"),
        ("a[:]", "a[:]"),
        ("a[::]", "a[:]"),
        ("a[1:2, 3]", "a[1:2, 3]"),
        ("a[b:c:d]", "a[b:c:d]"),
        ("'s'", "'s'"),
        ("\"it's\"", "\"it's\""),
        ("'a\\nb'", "'a\\nb'"),
        ("b'x\\x00'", "b'x\\x00'"),
        ("1e400", "1e309"),
        ("-1e400", "-1e309"),
        ("1.0", "1.0"),
        ("1e-7", "1e-07"),
        ("10**20", "10 ** 20"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("None", "None"),
        ("True", "True"),
        ("...", "..."),
        ("x is not None", "x is not None"),
        ("a < b < c", "a < b < c"),
        ("a not in b", "a not in b"),
        ("a in (b, c)", "a in (b, c)"),
        ("(a < b) < c", "(a < b) < c"),
        ("a and b or c", "a and b or c"),
        ("a and (b or c)", "a and (b or c)"),
        ("not (a and b)", "not (a and b)"),
        ("(not a) == b", "(not a) == b"),
        ("[x for x in y]", "[x for x in y]"),
        ("{x: y for x, y in z}", "{x: y for x, y in z}"),
        ("{x for x in y if x if y}", "{x for x in y if x if y}"),
        ("[(a, b) for a, b in c]", "[(a, b) for a, b in c]"),
        ("[x for x in (y if z else w)]", "[x for x in (y if z else w)]"),
        ("f'{x}'", "f'{x}'"),
        ("f'{x!r}'", "f'{x!r}'"),
        ("f'{x:>10}'", "f'{x:>10}'"),
        ("f'{x:{y}}'", "f'{x:{y}}'"),
        ("f'a{{b}}c'", "f'a{{b}}c'"),
        ("f'{ {1: 2}[1] }'", "f'{ {1: 2}[1]}'"),
        ("f\"{'q'}\"", "f\"{'q'}\""),
        ("tuple[int, ...]", "tuple[int, ...]"),
        ("Callable[[int, str], None]", "Callable[[int, str], None]"),
        ("dict[str, list[int]] | None", "dict[str, list[int]] | None"),
        ("Literal['a', 'b']", "Literal['a', 'b']"),
        ("a.b(c)[d:e]", "a.b(c)[d:e]"),
        ("x[-1]", "x[-1]"),
        ("(a, b)[0]", "(a, b)[0]"),
        ("(1).real", "1 .real"),
        ("1.5.real", "1.5.real"),
        ("(1,)[0]", "(1,)[0]"),
        ("'a' 'b'", "'ab'"),
        ("r'\\d'", "'\\\\d'"),
        ("a.__class__", "a.__class__"),
        ("f(a, b=1, *c, d=2, **e)", "f(a, *c, b=1, d=2, **e)"),
        ("f(*a, b)", "f(*a, b)"),
        ("f(a, *b, c, **d)", "f(a, *b, c, **d)"),
        ("[*a, *b]", "[*a, *b]"),
        ("{**a}", "{**a}"),
        ("(a for b in c)", "(a for b in c)"),
        ("f(a)(x for x in y)", "f(a)(x for x in y)"),
        ("x if y else lambda: z", "x if y else lambda: z"),
        ("lambda: (yield_)", "lambda: yield_"),
        ("a[lambda: 1]", "a[lambda: 1]"),
        ("a[b if c else d]", "a[b if c else d]"),
        ("not not a", "not not a"),
        ("- -a", "--a"),
        ("-(-a)", "--a"),
        ("a + -b", "a + -b"),
        ("a ** -b", "a ** (-b)"),
        ("(a, *b)", "(a, *b)"),
    ]

    @Test("annotation text as CPython's compiler unparses it", arguments: unparsed)
    func unparse(_ written: String, _ expected: String) throws {
        let module = try PythonParser.parseModule("x: " + written)
        guard case .annAssign(_, let annotation, _) = module.body.first?.kind else {
            Issue.record("not an annotated assignment: \(written)")
            return
        }
        #expect(try Unparse.annotation(annotation) == expected, "\(written)")
    }

    /// (source, CPython's message, line, column) from `compile(source, "<stdin>", "exec")`.
    static let errors: [(String, String, Int, Int)] = [
        ("from __future__ import braces", "not a chance", 1, 1),
        ("from __future__ import spam", "future feature spam is not defined", 1, 1),
        ("x = 1\nfrom __future__ import annotations", "from __future__ imports must occur at the beginning of the file", 2, 1),
        ("from __future__ import *", "future feature * is not defined", 1, 1),
        ("def f():\n    from __future__ import annotations", "from __future__ imports must occur at the beginning of the file", 2, 5),
        ("from __future__ import annotations\nx: (yield)", "yield expression cannot be used within an annotation", 2, 5),
        ("from __future__ import annotations\ndef f(a: (b := 1)): pass", "named expression cannot be used within an annotation", 2, 11),
        ("from __future__ import annotations\nasync def f():\n    def g() -> (await z): pass", "await expression cannot be used within an annotation", 3, 17),
    ]

    @Test("CPython's SyntaxErrors for future imports and annotations", arguments: errors)
    func futureError(_ source: String, _ message: String, _ line: Int, _ column: Int) throws {
        let module = try PythonParser.parseModule(source)
        #expect(throws: CompileSyntaxError(message: message, pos: SourcePos(line: line, column: column))) {
            try Compiler.compile(module, filename: "<stdin>")
        }
    }

    /// A docstring, then several future imports, then code: all accepted; the flag is on the
    /// code object (what the REPL carries to its later inputs).
    @Test func futureImportsAfterTheDocstring() throws {
        let source = "\"doc\"\nfrom __future__ import annotations, division\nfrom __future__ import generator_stop\nx: int = 1\n"
        let code = try Compiler.compile(try PythonParser.parseModule(source), filename: "<stdin>")
        #expect(code.futureAnnotations)
        let plain = try Compiler.compile(try PythonParser.parseModule("from __future__ import division\n"), filename: "<stdin>")
        #expect(!plain.futureAnnotations)
    }
}
