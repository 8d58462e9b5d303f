import Testing
@testable import CtxLang

/// `match` statements (PEP 634): the SyntaxErrors of CPython 3.13's parser and compiler, each
/// row what `compile(source, "<s>", "exec")` raised (message, lineno, offset); `match` and
/// `case` as ordinary names; and the REPL's continuation lines, as `codeop.compile_command`
/// decides them. The run-time behaviour is conformance programs 416-418.
struct MatchStatementTests {
    static func header(_ cases: String) -> String { "match x:\n" + cases }

    /// Errors of the parser (python.gram's match rules and their invalid_ alternatives).
    static let parserErrors: [(String, SyntaxError.Kind, String, Int, Int)] = [
        ("match x\n    case 1: pass", .invalid, "expected ':'", 1, 8),
        ("match x:\ncase 1: pass", .indentation, "expected an indented block after 'match' statement on line 1", 2, 1),
        (header("    case 1\n        pass"), .invalid, "expected ':'", 2, 11),
        (header("    case 1:\n    pass"), .indentation, "expected an indented block after 'case' statement on line 2", 3, 5),
        (header("    y = 1"), .invalid, "invalid syntax", 2, 5),
        (header("    case 1: pass\n    y = 2"), .invalid, "invalid syntax", 3, 5),
        ("match x: pass", .invalid, "invalid syntax", 1, 10),
        (header("    pass"), .invalid, "invalid syntax", 2, 5),
        ("match *y:\n    case _: pass", .invalid, "invalid syntax", 1, 9),
        (header("    case 1 + 1: pass"), .invalid, "imaginary number required in complex literal", 2, 14),
        (header("    case 1 - 1: pass"), .invalid, "imaginary number required in complex literal", 2, 14),
        (header("    case Point(x=1, 2): pass"), .invalid, "positional patterns follow keyword patterns", 2, 21),
        (header("    case Point(1, x=1, y=2, 3, 4): pass"), .invalid, "positional patterns follow keyword patterns", 2, 29),
        (header("    case 1 as _: pass"), .invalid, "cannot use '_' as a target", 2, 15),
        (header("    case 1 as 2: pass"), .invalid, "invalid pattern target", 2, 15),
        (header("    case 1 as a.b: pass"), .invalid, "invalid syntax", 2, 16),
        (header("    case {**_}: pass"), .invalid, "invalid syntax", 2, 13),
        (header("    case -x: pass"), .invalid, "invalid syntax", 2, 11),
        (header("    case a.b(): pass\n    case {**r, 'a': 1}: pass"), .invalid, "invalid syntax", 3, 16),
        (header("    case {1: _, **rest, 'b': c}: pass"), .invalid, "invalid syntax", 2, 25),
        (header("    case C(1)(2): pass"), .invalid, "invalid syntax", 2, 14),
        (header("    case 1 if x:\n        pass\n    case"), .invalid, "invalid syntax", 4, 9),
        (header("    case 0x: pass"), .invalid, "invalid hexadecimal literal", 2, 11),
    ]

    @Test("parser errors", arguments: parserErrors)
    func parserError(_ source: String, _ kind: SyntaxError.Kind, _ message: String, _ line: Int, _ column: Int) {
        #expect(throws: SyntaxError(kind, message, SourcePos(line: line, column: column))) {
            _ = try PythonParser.parseModule(source)
        }
    }

    /// Errors of the compiler (compile.c's pattern codegen), at the pattern they name.
    static let compilerErrors: [(String, String, Int, Int)] = [
        (header("    case _: pass\n    case 1: pass"), "wildcard makes remaining patterns unreachable", 2, 10),
        (header("    case y: pass\n    case 1: pass"), "name capture 'y' makes remaining patterns unreachable", 2, 10),
        (header("    case y: pass\n    case _: pass"), "name capture 'y' makes remaining patterns unreachable", 2, 10),
        (header("    case 1 | _ | 2: pass"), "wildcard makes remaining patterns unreachable", 2, 14),
        (header("    case (y | 1): pass\n    case 2: pass"), "name capture 'y' makes remaining patterns unreachable", 2, 11),
        (header("    case (1 | y): pass\n    case z: pass"), "name capture 'y' makes remaining patterns unreachable", 2, 15),
        (header("    case a | b: pass"), "name capture 'a' makes remaining patterns unreachable", 2, 10),
        (header("    case (_ | a) as b: pass"), "wildcard makes remaining patterns unreachable", 2, 11),
        (header("    case _:\n        pass\n    case _:\n        pass"), "wildcard makes remaining patterns unreachable", 2, 10),
        (header("    case [a] | b: pass"), "alternative patterns bind different names", 2, 10),
        (header("    case [a] | [b]: pass"), "alternative patterns bind different names", 2, 10),
        (header("    case [a, a]: pass"), "multiple assignments to name 'a' in pattern", 2, 14),
        (header("    case {'a': a, **a}: pass"), "multiple assignments to name 'a' in pattern", 2, 10),
        (header("    case {'a': 1, 'a': 2}: pass"), "mapping pattern checks duplicate key ('a')", 2, 10),
        (header("    case {1: _, 1.0: _}: pass"), "mapping pattern checks duplicate key (1.0)", 2, 10),
        (header("    case {True: _, 1: _}: pass"), "mapping pattern checks duplicate key (1)", 2, 10),
        (header("    case {'a': 1, 'a' 'b': 2, 'ab': 3}: pass"), "mapping pattern checks duplicate key ('ab')", 2, 10),
        (header("    case f'x': pass"), "patterns may only match literals and attribute lookups", 2, 10),
        (header("    case {f'x': 1}: pass"), "mapping pattern keys may only match literals and attribute lookups", 2, 10),
        (header("    case [*a, *b]: pass"), "multiple starred names in sequence pattern", 2, 10),
        (header("    case __debug__: pass"), "cannot assign to __debug__", 2, 10),
        (header("    case C(a=1, a=2): pass"), "attribute name repeated in class pattern: a", 2, 19),
        (header("    case (x as y) as y: pass"), "multiple assignments to name 'y' in pattern", 2, 10),
        (header("    case (1 | 2 as a) | 3: pass"), "alternative patterns bind different names", 2, 10),
        (header("    case [x] | [x, x]: pass"), "multiple assignments to name 'x' in pattern", 2, 20),
        (header("    case [1 as a, 2 as a]: pass"), "multiple assignments to name 'a' in pattern", 2, 19),
        (header("    case {0: _, False: _}: pass"), "mapping pattern checks duplicate key (False)", 2, 10),
    ]

    @Test("compiler errors", arguments: compilerErrors)
    func compilerError(_ source: String, _ message: String, _ line: Int, _ column: Int) {
        #expect(throws: CompileSyntaxError(message: message, pos: SourcePos(line: line, column: column))) {
            _ = try Compiler.compile(try PythonParser.parseModule(source), filename: "<s>")
        }
    }

    /// What CPython accepts: guards make a capture refutable, a trailing `case _`, tuple subjects.
    static let accepted = [
        header("    case (a, b) | (b, a): pass\n    case y if y: pass\n    case z: pass"),
        header("    case a if a:\n        pass\n    case 1 | _: pass"),
        "match x, *y:\n    case _: pass",
        header("    case 'a' 'b': pass\n    case b'x': pass\n    case -1.5: pass\n    case None | True | False: pass"),
        header("    case [y, *_] | y: pass"),
        header("    case a.b.c: pass\n    case a: pass"),
        header("    case [1, 2 as a, *rest] as whole: pass"),
        header("    case {'a': _, 'b': _}: pass"),
        header("    case {-1: _, None: _, True: _, a.b: _}: pass"),
    ]

    @Test("accepted", arguments: accepted)
    func acceptedSource(_ source: String) throws {
        _ = try Compiler.compile(try PythonParser.parseModule(source), filename: "<s>")
    }

    /// Soft keywords: a line is a match statement only when it parses as one.
    @Test func matchAndCaseStayNames() throws {
        let source = """
            match = 1
            match.x = 2
            match(x)
            case = 3
            match[1]
            match -x
            match * 2
            match, case = case, match
            match[x]: int = 3
            print(match, case)
            def case(match): return match
            class match: pass
            """
        let module = try PythonParser.parseModule(source)
        #expect(module.body.count == 12)
        for stmt in module.body {
            if case .match = stmt.kind { Issue.record("parsed as a match statement: \(stmt)") }
        }
        _ = try Compiler.compile(module, filename: "<s>")
    }

    @Test func matchOnANameCalledMatch() throws {
        let module = try PythonParser.parseModule("match match:\n    case case: pass\n")
        guard case .match(let subject, let cases) = module.body.first?.kind else {
            Issue.record("not a match statement")
            return
        }
        #expect(subject.kind == .name("match"))
        #expect(cases.first?.pattern.kind == .asPattern(nil, "case"))
    }

    /// `codeop.compile_command(source, "<stdin>", "single")` in CPython 3.13.
    static let interactive: [(String, InteractiveInputTests.Expected)] = [
        ("match x:", .incomplete),
        ("match x:\n", .incomplete),
        ("match x:\n    case 1:", .incomplete),
        ("match x:\n    case 1:\n        pass", .incomplete),
        ("match x:\n    case 1:\n        pass\n", .complete),
        ("match x:\n    case 1: pass\n    case _:", .incomplete),
        ("match x:\n    case 1: pass\n    case _: pass", .incomplete),
        ("match x:\n    case 1: pass\n    case _: pass\n", .complete),
        ("match = 1", .complete),
        ("match(x)", .complete),
        ("case = 3", .complete),
        ("match x", .invalid),
        ("match x:\n    y = 1", .invalid),
    ]

    @Test("REPL continuation", arguments: interactive)
    func continuation(_ source: String, _ expected: InteractiveInputTests.Expected) {
        switch (classifyInteractiveInput(source), expected) {
        case (.complete, .complete), (.incomplete, .incomplete), (.invalid, .invalid): break
        case (let got, _): Issue.record("\(source.debugDescription): got \(got), expected \(expected)")
        }
    }
}
