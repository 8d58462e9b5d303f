import Testing
@testable import CtxLang

/// Error messages and positions compared with CPython 3.13: each row is what
/// `compile(source, "<stdin>", "exec")` raised (class, message, lineno, offset). A nil column
/// means ctxlab's caret differs from CPython's (the line and message still match).
struct ParserErrorTests {
    static let cpythonErrors: [(String, SyntaxError.Kind, String, Int, Int?)] = [
        ("x = (1, 2", .invalid, "'(' was never closed", 1, 5),
        ("x = 1)", .invalid, "unmatched ')'", 1, 6),
        ("x = (1, 2]", .invalid, "closing parenthesis ']' does not match opening parenthesis '('", 1, 10),
        ("(\n1,\n2]", .invalid, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 3, 2),
        ("foo(a b)", .invalid, "invalid syntax. Perhaps you forgot a comma?", 1, 5),
        ("[1 2]", .invalid, "invalid syntax. Perhaps you forgot a comma?", 1, 2),
        ("x = a b", .invalid, "invalid syntax", 1, 7),
        ("if x\n  pass", .invalid, "expected ':'", 1, 5),
        ("def f()\n  pass", .invalid, "expected ':'", 1, 8),
        ("class A\n  pass", .invalid, "expected ':'", 1, 8),
        ("while x\n pass", .invalid, "expected ':'", 1, 8),
        ("for x in y\n pass", .invalid, "expected ':'", 1, 11),
        ("x = '\\N{DASH}'", .invalid, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name", 1, 5),
        ("x = '\\N{EM DASH}' + '\\N'", .invalid, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape", 1, 21),
        ("s = 'abc", .invalid, "unterminated string literal (detected at line 1)", 1, 5),
        ("s = '''abc\n\nd", .invalid, "unterminated triple-quoted string literal (detected at line 3)", 1, 5),
        ("  x = 1", .indentation, "unexpected indent", 1, 2),
        ("if x:\npass", .indentation, "expected an indented block after 'if' statement on line 1", 2, 1),
        ("def f():\nreturn 1", .indentation, "expected an indented block after function definition on line 1", 2, 1),
        ("for x in y:\npass", .indentation, "expected an indented block after 'for' statement on line 1", 2, 1),
        ("while 1:\npass", .indentation, "expected an indented block after 'while' statement on line 1", 2, 1),
        ("try:\npass", .indentation, "expected an indented block after 'try' statement on line 1", 2, 1),
        ("with a:\npass", .indentation, "expected an indented block after 'with' statement on line 1", 2, 1),
        ("class A:\npass", .indentation, "expected an indented block after class definition on line 1", 2, 1),
        ("if x:\n  pass\nelif y:\npass", .indentation, "expected an indented block after 'elif' statement on line 3", 4, 1),
        ("if x:\n  pass\nelse:\npass", .indentation, "expected an indented block after 'else' statement on line 3", 4, 1),
        ("try:\n  pass\nexcept E:\npass", .indentation, "expected an indented block after 'except' statement on line 3", 4, 1),
        ("try:\n  pass\nfinally:\npass", .indentation, "expected an indented block after 'finally' statement on line 3", 4, 1),
        ("if x:\n    a\n  b", .indentation, "unindent does not match any outer indentation level", 3, 4),
        ("f() = 1", .invalid, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
        ("1 = x", .invalid, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
        ("return 1", .invalid, "'return' outside function", 1, 1),
        ("x = f'{a'", .invalid, "f-string: expecting '}'", 1, 9),
        ("x = f'{a!z}'", .invalid, "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'", 1, 10),
        ("x = 1 +", .invalid, "invalid syntax", 1, 8),
        ("def f(:\n pass", .invalid, "invalid syntax", 1, 7),
        ("a.b = = 2", .invalid, "invalid syntax", 1, 7),
        ("x = [1, 2,,]", .invalid, "invalid syntax", 1, 11),
        ("del 1", .invalid, "cannot delete literal", 1, 5),
        ("del f()", .invalid, "cannot delete function call", 1, 5),
        ("for 1 in x: pass", .invalid, "cannot assign to literal", 1, 5),
        ("f() += 1", .invalid, "'function call' is an illegal expression for augmented assignment", 1, 1),
        ("(a, 1) = x", .invalid, "cannot assign to literal", 1, 5),
        ("x = 1_", .invalid, "invalid decimal literal", 1, 6),
        ("x = 0x", .invalid, "invalid hexadecimal literal", 1, 6),
        ("x = 09", .invalid, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
        ("a = b = f() = 1", .invalid, "cannot assign to function call", 1, 9),
        ("import", .invalid, "Expected one or more names after 'import'", 1, 7),
        ("from x import", .invalid, "Expected one or more names after 'import'", 1, 14),
        ("from . import (a, b", .invalid, "'(' was never closed", 1, 15),
        ("x = $", .invalid, "invalid syntax", 1, 5),
        ("x = 'a' 'b", .invalid, "unterminated string literal (detected at line 1)", 1, 9),
        ("async x", .invalid, "invalid syntax", 1, 7),
        ("def f(a, a): pass", .invalid, "duplicate argument 'a' in function definition", 1, 10),
        ("def f(a=1, b): pass", .invalid, "parameter without a default follows parameter with a default", 1, 12),
        ("f(a=1, b)", .invalid, "positional argument follows keyword argument", 1, nil),
        ("f(**k, *a)", .invalid, "iterable argument unpacking follows keyword argument unpacking", 1, nil),
        ("x += 1, 2 = 3", .invalid, "invalid syntax", 1, 11),
        ("break", .invalid, "'break' outside loop", 1, 1),
        ("continue", .invalid, "'continue' not properly in loop", 1, 1),
        ("nonlocal x", .invalid, "nonlocal declaration not allowed at module level", 1, 1),
        ("if x:\n\tpass\n        pass", .indentation, "inconsistent use of tabs and spaces in indentation", 3, 1),
        ("x = (", .invalid, "'(' was never closed", 1, 5),
        ("x = \\", .invalid, "unexpected EOF while parsing", 1, 6),
        ("print 'hi'", .invalid, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
        ("True = 1", .invalid, "cannot assign to True", 1, 1),
        ("None = 1", .invalid, "cannot assign to None", 1, 1),
        ("x.None", .invalid, "invalid syntax", 1, 3),
        ("f(x for x in y, 1)", .invalid, "Generator expression must be parenthesized", 1, 3),
        ("[x for x in]", .invalid, "invalid syntax", 1, 12),
        ("a if b", .invalid, "expected 'else' after 'if' expression", 1, 1),
        ("x = yield = 1", .invalid, "assignment to yield expression not possible", 1, 5),
        ("else: pass", .invalid, "invalid syntax", 1, 1),
        ("elif x: pass", .invalid, "invalid syntax", 1, 1),
        ("except: pass", .invalid, "invalid syntax", 1, 1),
        ("pass pass", .invalid, "invalid syntax", 1, 6),
        ("a: int, b = 1", .invalid, "invalid syntax", 1, 7),
        ("*a = 1", .invalid, "starred assignment target must be in a list or tuple", 1, 1),
        ("a, *b, *c = x", .invalid, "multiple starred expressions in assignment", 1, 1),
        ("f'{}'", .invalid, "f-string: valid expression required before '}'", 1, 4),
        ("f'{x}}'", .invalid, "f-string: single '}' is not allowed", 1, 6),
        ("f'}'", .invalid, "f-string: single '}' is not allowed", 1, 3),
        ("x = \"\"\"", .invalid, "unterminated triple-quoted string literal (detected at line 1)", 1, 5),
        ("b'é'", .invalid, "bytes can only contain ASCII literal characters", 1, 1),
        ("def f(*): pass", .invalid, "named arguments must follow bare *", 1, 7),
        ("def f(**k, a): pass", .invalid, "arguments cannot follow var-keyword argument", 1, 12),
        ("x = 1 if 2", .invalid, "expected 'else' after 'if' expression", 1, 5),
        ("with (a as b, c as d: pass", .invalid, "invalid syntax", 1, nil),
        ("assert", .invalid, "invalid syntax", 1, 7),
        ("raise from x", .invalid, "invalid syntax", 1, 7),
        ("x = {1: 2, 3}", .invalid, "':' expected after dictionary key", 1, 12),
        ("x = {**a: 1}", .invalid, "invalid syntax", 1, 9),
        ("a := 1", .invalid, "invalid syntax", 1, 3),
        ("(a.b := 1)", .invalid, "cannot use assignment expressions with attribute", 1, 2),
        ("x = (1 if 2 else)", .invalid, "invalid syntax", 1, 17),
        ("x = not", .invalid, "invalid syntax", 1, 8),
        ("x = ~", .invalid, "invalid syntax", 1, 6),
        ("x = 1 not 2", .invalid, "invalid syntax", 1, 11),
        ("x = a is not not b", .invalid, "invalid syntax", 1, 14),
        ("@\ndef f(): pass", .invalid, "invalid syntax", 1, 2),
        ("@d\nx = 1", .invalid, "invalid syntax", 2, 1),
        ("if True:\n  x = 1\n y = 2", .indentation, "unindent does not match any outer indentation level", 3, 7),
        ("x = [\n1,\n2\n", .invalid, "'[' was never closed", 1, 5),
        ("x = '''\n", .invalid, "unterminated triple-quoted string literal (detected at line 1)", 1, 5),
        ("x = (1 2", .invalid, "'(' was never closed", 1, 5),
        ("x = a b\ns = 'abc", .invalid, "unterminated string literal (detected at line 2)", 2, 5),
        ("x = a b\ny = (", .invalid, "invalid syntax", 1, 7),
        ("x = a b\ny = )", .invalid, "unmatched ')'", 2, 5),
        ("x = (a b\n", .invalid, "'(' was never closed", 1, 5),
        ("f(a, b\nx = 1\n", .invalid, "'(' was never closed", 1, 2),
        ("x = 1 +\ns='''", .invalid, "unterminated triple-quoted string literal (detected at line 2)", 2, 3),
        ("if x:\n  a b\n  c = (", .invalid, "invalid syntax", 2, 5),
        ("return 1\nx = (", .invalid, "'(' was never closed", 2, 5),
        ("x = 1\n)", .invalid, "unmatched ')'", 2, 1),
        ("x = [1,\n  2", .invalid, "'[' was never closed", 1, 5),
        ("x = 1 $ 2 (", .invalid, "invalid syntax", 1, 7),
        ("for x in y:\n    pass\n  else: pass", .indentation, "unindent does not match any outer indentation level", 3, 13),
        ("if x:\n  pass\n else: pass", .indentation, "unindent does not match any outer indentation level", 3, 12),
        ("x = (1,\n 2\n", .invalid, "'(' was never closed", 1, 5),
        ("\"abc\n", .invalid, "unterminated string literal (detected at line 1)", 1, 1),
        ("x = 'abc\\\ndef", .invalid, "unterminated string literal (detected at line 2)", 1, 5),
        ("if x:\n    pass\n  elif y: pass", .indentation, "unindent does not match any outer indentation level", 3, 15),
        ("x = 1\n  y = 2", .indentation, "unexpected indent", 2, 2),
        ("def f():\n    return\n\n  x = 1", .indentation, "unindent does not match any outer indentation level", 4, 8),
        ("a = 1;;", .invalid, "invalid syntax", 1, 7),
        ("if x: if y: pass", .invalid, "invalid syntax", 1, 7),
        ("0777", .invalid, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1),
        ("1__0", .invalid, "invalid decimal literal", 1, 2),
        ("0b102", .invalid, "invalid digit '2' in binary literal", 1, 5),
        ("0o8", .invalid, "invalid digit '8' in octal literal", 1, 3),
        ("1e", .invalid, "invalid decimal literal", 1, 1),
        ("x = 1.real", .invalid, "invalid decimal literal", 1, 6),
        ("f'{x!}'", .invalid, "f-string: missing conversion character", 1, 6),
        ("f'{lambda x: 1}'", .invalid, "f-string: lambda expressions are not allowed without parentheses", 1, 4),
        ("f'{x'", .invalid, "f-string: expecting '}'", 1, 5),
        ("f'{'", .invalid, "f-string: expecting '}'", 1, 4),
        ("f'{x:'", .invalid, "f-string: expecting '}', or format specs", 1, 6),
        ("f'{x!r'", .invalid, "f-string: expecting '}'", 1, nil),
        ("f'{x:{y'", .invalid, "f-string: expecting '}'", 1, 8),
        ("uR'a'", .invalid, "invalid syntax", 1, 3),
        ("fb'a'", .invalid, "invalid syntax", 1, 3),
        ("x = 'a' b'c'", .invalid, "cannot mix bytes and nonbytes literals", 1, nil),
        ("    x = 1", .indentation, "unexpected indent", 1, 4),
        ("if x:\n        a\n            b", .indentation, "unexpected indent", 3, 12),
        ("try:\n  pass\nx = 1", .invalid, "expected 'except' or 'finally' block", 3, 1),
        ("try:\n  pass\n", .invalid, "expected 'except' or 'finally' block", 2, 7),
        ("x = 1 \\ y", .invalid, "unexpected character after line continuation character", 1, 8),
        ("x = a € b", .invalid, "invalid character '€' (U+20AC)", 1, 7),
        ("f(**k, a)", .invalid, "positional argument follows keyword argument unpacking", 1, nil),
        ("f(1=2)", .invalid, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
        ("f(a.b=1)", .invalid, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
        ("def f(a, *, **k): pass", .invalid, "named arguments must follow bare *", 1, 10),
        ("def f(*a, *b): pass", .invalid, "* argument may appear only once", 1, 11),
        ("def f(a=1, /, b): pass", .invalid, "parameter without a default follows parameter with a default", 1, 15),
        ("class A(x for x in y): pass", .invalid, "invalid syntax", 1, nil),
        ("from a import *, b", .invalid, "invalid syntax", 1, 16),
        ("from a import (*)", .invalid, "invalid syntax", 1, 16),
        ("a, b: int", .invalid, "only single target (not tuple) can be annotated", 1, 1),
        ("x = *a", .invalid, "can't use starred expression here", 1, 5),
        ("return", .invalid, "'return' outside function", 1, 1),
        ("try: pass\nexcept* E: pass\nexcept F: pass", .invalid, "cannot have both 'except' and 'except*' on the same 'try'", 3, 1),
        ("try: pass\nexcept E, F: pass", .invalid, "multiple exception types must be parenthesized", 2, 8),
        ("try: pass\nexcept: pass\nexcept E: pass", .invalid, "default 'except:' must be last", 2, 1),
        ("x = a if b", .invalid, "expected 'else' after 'if' expression", 1, 5),
        ("x = 1 if else 2", .invalid, "invalid syntax", 1, 10),
        ("x := 1", .invalid, "invalid syntax", 1, 3),
        ("f(x=1, y)", .invalid, "positional argument follows keyword argument", 1, nil),
        ("f(**a, *b)", .invalid, "iterable argument unpacking follows keyword argument unpacking", 1, nil),
        ("x = (a, b for a in b)", .invalid, "invalid syntax", 1, 11),
        ("x = [a, b for a in b]", .invalid, "did you forget parentheses around the comprehension target?", 1, 6),
        ("x = (1 2 3", .invalid, "invalid syntax. Perhaps you forgot a comma?", 1, 6),
        ("x = (a b c d", .invalid, "invalid syntax. Perhaps you forgot a comma?", 1, 6),
        ("foo(a b", .invalid, "'(' was never closed", 1, 4),
        ("x = [1, 2 3, 4", .invalid, "invalid syntax. Perhaps you forgot a comma?", 1, 9),
        ("(a as b", .invalid, "invalid syntax", 1, 4),
        ("x = (1 +", .invalid, "'(' was never closed", 1, 5),
        ("x = (1 if", .invalid, "'(' was never closed", 1, 5),
        ("x = (1 $ 2", .invalid, "invalid syntax", 1, 8),
        ("x = (1 2)", .invalid, "invalid syntax. Perhaps you forgot a comma?", 1, 6),
        ("x = (1 = 2", .invalid, "'(' was never closed", 1, 5),
        ("with (a as b: pass", .invalid, "invalid syntax", 1, nil),
        ("x = [a for", .invalid, "'[' was never closed", 1, 5),
        ("x = (a b\n\ny = 2", .invalid, "'(' was never closed", 1, 5),
        ("f(a b,\n c d", .invalid, "invalid syntax. Perhaps you forgot a comma?", 1, 3),
        ("if x y: pass", .invalid, "invalid syntax", 1, 6),
        ("def f() pass", .invalid, "expected ':'", 1, 9),
        ("class A pass", .invalid, "invalid syntax", 1, 9),
        ("for x in y pass", .invalid, "invalid syntax", 1, 12),
        ("def f:\n pass", .invalid, "expected '('", 1, 6),
        ("x = f'abc", .invalid, "unterminated f-string literal (detected at line 1)", 1, 5),
        ("x = rb'abc", .invalid, "unterminated string literal (detected at line 1)", 1, 5),
        ("x = f'{a b}'", .invalid, "invalid syntax. Perhaps you forgot a comma?", 1, 8),
        ("x = f'{a $}'", .invalid, "f-string: expecting '=', or '!', or ':', or '}'", 1, 10),
        ("x = f'{}'", .invalid, "f-string: valid expression required before '}'", 1, 8),
        ("try:\n  pass\nexcept:", .indentation, "expected an indented block after 'except' statement on line 3", 3, 8),
        ("def f(a, *a): pass", .invalid, "duplicate argument 'a' in function definition", 1, 11),
        ("def f():\n  class A:\n    return 1", .invalid, "'return' outside function", 3, 5),
        ("while x:\n  def f():\n    break", .invalid, "'break' outside loop", 3, 5),
        ("for x in y:\n  pass\nelse:\n  break", .invalid, "'break' outside loop", 4, 3),
        ("x = (*a)", .invalid, "cannot use starred expression here", 1, 6),
        ("x = [*a for a in b]", .invalid, "iterable unpacking cannot be used in comprehension", 1, 6),
    ]

    @Test("same message and line as CPython 3.13", arguments: cpythonErrors)
    func cpythonError(_ source: String, _ kind: SyntaxError.Kind, _ message: String, _ line: Int, _ column: Int?) {
        do {
            _ = try PythonParser.parseModule(source)
            Issue.record("no error for \(source)")
        } catch {
            #expect(error.message == message, "\(source)")
            #expect(error.kind == kind, "\(source)")
            #expect(error.pos.line == line, "\(source)")
            if let column { #expect(error.pos.column == column, "\(source)") }
        }
    }

    /// Constructs outside ctxlab's subset, rejected with a clear message at their line.
    static let unsupported: [(String, String, Int)] = [
        ("x = 3j", "imaginary numbers are not supported by ctxlab", 1),
        ("x = 1\ny = 1.5e3J", "imaginary numbers are not supported by ctxlab", 2),
        ("type X[*Ts] = tuple[*Ts]", "TypeVarTuple (*Ts) type parameters are not supported by ctxlab", 1),
        ("x = 1\ndef f[**P](): pass", "ParamSpec (**P) type parameters are not supported by ctxlab", 2),
    ]

    @Test("unsupported constructs", arguments: unsupported)
    func unsupportedConstruct(_ source: String, _ message: String, _ line: Int) {
        do {
            _ = try PythonParser.parseModule(source)
            Issue.record("no error for \(source)")
        } catch {
            #expect(error.message == message)
            #expect(error.pos.line == line)
            #expect(error.kind == .invalid)
        }
    }

    /// `match` and `type` stay ordinary names elsewhere.
    @Test func softKeywordsAsNames() throws {
        let m = try PythonParser.parseModule("match = 1\nmatch(x)\ntype(x)\ntype = 2\nmatch.x = 3\n")
        #expect(m.body.count == 5)
    }

    /// Top-level `await` and `async with` are left to the compiler (the REPL allows them).
    @Test func topLevelAwaitParses() throws {
        _ = try PythonParser.parseModule("await x\nasync with a: pass\nasync for i in y: pass\n")
    }

    @Test func parseModuleNeverReportsIncomplete() {
        for source in ["x = (1,", "if x:", "s = '''abc", "x = 1 + \\", "@d", "try:\n  pass\n"] {
            do {
                _ = try PythonParser.parseModule(source)
                Issue.record("no error for \(source)")
            } catch {
                #expect(error.kind != .incomplete, "\(source)")
            }
        }
    }
}
