import Testing
@testable import CtxLang

/// Token-level tests of the lexer: line structure, numbers, strings and tokenizer errors.
struct LexerTests {
    func lex(_ source: String) -> LexResult {
        var lexer = Lexer(source: source)
        return lexer.tokenize()
    }

    /// A compact rendering: names/numbers/ops by text, NEWLINE/INDENT/DEDENT/END by name.
    func shape(_ source: String) -> String {
        lex(source).lexemes.map { t in
            switch t.kind {
            case .newline: "NL"
            case .indent: "IN"
            case .dedent: "DE"
            case .endMarker: "END"
            default: t.text
            }
        }.joined(separator: " ")
    }

    @Test func indentationProducesIndentAndDedent() {
        #expect(shape("if x:\n    y\nz\n") == "if x : NL IN y NL DE z NL END")
        #expect(shape("if a:\n  if b:\n    c\nd") == "if a : NL IN if b : NL IN c NL DE DE d NL END")
    }

    @Test func blankLinesAndCommentsAreIgnored() {
        #expect(shape("x  # c\n\n   \n  # indented comment\ny\n") == "x NL y NL END")
        #expect(shape("") == "END")
        #expect(shape("# only\n") == "END")
    }

    @Test func newlinesInsideBracketsAndContinuations() {
        #expect(shape("f(a,\n  b)\n") == "f ( a , b ) NL END")
        #expect(shape("x = 1 + \\\n    2\n") == "x = 1 + 2 NL END")
    }

    @Test func crlfLineEndings() {
        #expect(shape("if x:\r\n    y\r\n") == "if x : NL IN y NL DE END")
    }

    @Test func operatorsUseLongestMatch() {
        #expect(shape("a **= b // c ... d := e -> f != g") == "a **= b // c ... d := e -> f != g NL END")
    }

    @Test func keywordsAreMarked() {
        let kinds = lex("not x").lexemes.map(\.kind)
        #expect(kinds == [.keyword, .name, .newline, .endMarker])
    }

    @Test("numbers", arguments: [
        ("0", Constant.int(0)), ("1_000", .int(1000)), ("0x_fF", .int(255)), ("0o17", .int(15)),
        ("0B101", .int(5)), ("1.5", .float(1.5)), (".5", .float(0.5)), ("1.", .float(1)),
        ("1e3", .float(1000)), ("1_0.0_1e-1_0", .float(10.01e-10)), ("000", .int(0)),
        ("18446744073709551616", .bigInt("18446744073709551616")),
        ("0b1" + String(repeating: "0", count: 64), .bigInt("18446744073709551616")),
    ])
    func number(_ text: String, _ value: Constant) {
        let t = lex(text).lexemes[0]
        #expect(t.kind == .number)
        #expect(t.number == value)
    }

    @Test("number errors", arguments: [
        ("1_", "invalid decimal literal"), ("1__0", "invalid decimal literal"),
        ("0x", "invalid hexadecimal literal"), ("0b2", "invalid digit '2' in binary literal"),
        ("0o8", "invalid digit '8' in octal literal"), ("1e", "invalid decimal literal"),
        ("012", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
        ("1.real", "invalid decimal literal"), ("2j", "imaginary numbers are not supported by ctxlab"),
    ])
    func numberError(_ text: String, _ message: String) {
        #expect(lex(text).failure?.error.message == message)
    }

    @Test func numberFollowedByKeywordIsAllowed() {
        #expect(shape("1if x else 2") == "1 if x else 2 NL END")
    }

    @Test func stringPrefixesAndQuotes() {
        let lits = lex("'a' \"b\" '''c\nd''' rb'\\x' Br\"e\" f'{x}' RF'{y}' u'z'").lexemes.compactMap(\.string)
        #expect(lits.count == 8)
        #expect(lits.map(\.isRaw) == [false, false, false, true, true, false, true, false])
        #expect(lits.map(\.isBytes) == [false, false, false, true, true, false, false, false])
        #expect(lits.map(\.isFString) == [false, false, false, false, false, true, true, false])
        #expect(lits[2].body == "c\nd")
        #expect(lits[3].body == "\\x")
    }

    @Test func fStringPiecesWithNestedQuotesAndSpecs() {
        guard let s = lex("f'a{x[\"k\"]!r:>{w}}b{{c}}'").lexemes.first?.string else {
            Issue.record("no string")
            return
        }
        #expect(s.pieces.count == 3)
        guard case .field(let field) = s.pieces[1] else {
            Issue.record("expected a field")
            return
        }
        #expect(field.conversion == "r")
        #expect(field.spec?.count == 2)
    }

    @Test("tokenizer errors", arguments: [
        ("x = (1, 2", "'(' was never closed", 1, 5),
        ("x = 1)", "unmatched ')'", 1, 6),
        ("(\n1,\n2]", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 3, 2),
        ("s = 'abc", "unterminated string literal (detected at line 1)", 1, 5),
        ("s = '''abc\n\nd", "unterminated triple-quoted string literal (detected at line 3)", 1, 5),
        ("x = f'abc", "unterminated f-string literal (detected at line 1)", 1, 5),
        ("if x:\n    a\n  b", "unindent does not match any outer indentation level", 3, 4),
        ("if x:\n\tpass\n        pass", "inconsistent use of tabs and spaces in indentation", 3, 1),
        ("x = 1 \\ y", "unexpected character after line continuation character", 1, 8),
        ("x = a € b", "invalid character '€' (U+20AC)", 1, 7),
        ("f'{x!z}'", "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'", 1, 6),
        ("f'{x'", "f-string: expecting '}'", 1, 5),
        ("f'}'", "f-string: single '}' is not allowed", 1, 3),
        ("f'{}'", "f-string: valid expression required before '}'", 1, 4),
        ("f'{x:'", "f-string: expecting '}', or format specs", 1, 6),
    ])
    func tokenizerError(_ source: String, _ message: String, _ line: Int, _ column: Int) {
        let e = lex(source).failure?.error
        #expect(e?.message == message)
        #expect(e?.pos == SourcePos(line: line, column: column))
    }

    @Test func errorsAtEndOfInputAreIncomplete() {
        #expect(lex("x = (1,").failure?.error.kind == .incomplete)
        #expect(lex("x = '''abc").failure?.error.kind == .incomplete)
        #expect(lex("x = 1 + \\").failure?.error.kind == .incomplete)
        #expect(lex("x = 'abc").failure?.error.kind == .invalid)
    }

    @Test func lexemesAlwaysEndWithEndMarker() {
        for source in ["", "x", "x = (", "'abc", "if x:\n  y", "\u{20AC}"] {
            #expect(lex(source).lexemes.last?.kind == .endMarker)
        }
    }

    @Test func positionsAreOneBased() {
        let ts = lex("ab = 'é'\n  ").lexemes
        #expect(ts[0].pos == SourcePos(line: 1, column: 1))
        #expect(ts[1].pos == SourcePos(line: 1, column: 4))
        #expect(ts[2].pos == SourcePos(line: 1, column: 6))
        #expect(ts[2].end == SourcePos(line: 1, column: 9))
    }
}
