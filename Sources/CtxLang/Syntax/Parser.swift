import CtxCore

/// A recursive-descent parser for ctxlab's Python subset, producing the tree in `AST.swift` and
/// CPython's syntax-error messages.

/// The parser's entry point.
public enum PythonParser {
    /// Parses a whole file (mode 'exec').
    ///
    /// - Throws: `SyntaxError` with CPython's message and 1-based position; its kind is
    ///   `.indentation` where CPython raises IndentationError (or TabError), `.invalid` otherwise
    ///   (never `.incomplete`: use `classifyInteractiveInput` for REPL input).
    /// `maxStrDigits` is the int/str digit limit for decimal literals (the runtime's
    /// `sys.set_int_max_str_digits` when a session compiles an input).
    public static func parseModule(
        _ source: String, maxStrDigits: Int = Runtime.defaultIntMaxStrDigits
    ) throws(SyntaxError) -> Module {
        do throws(SyntaxError) {
            return try parseReportingEndOfInput(source, maxStrDigits: maxStrDigits)
        } catch {
            var e = error
            if e.kind == .incomplete {
                e.kind = e.message.hasPrefix("expected an indented block") ? .indentation : .invalid
            }
            throw e
        }
    }

    /// Like `parseModule`, but errors caused by reaching the end of the input have kind
    /// `.incomplete` (what the REPL needs to ask for more lines).
    static func parseReportingEndOfInput(
        _ source: String, maxStrDigits: Int = Runtime.defaultIntMaxStrDigits
    ) throws(SyntaxError) -> Module {
        var lexer = Lexer(source: source)
        lexer.maxStrDigits = maxStrDigits
        let result = lexer.tokenize()
        var parser = Parser(lexemes: result.lexemes, failure: result.failure, src: lexer.src)
        parser.maxStrDigits = maxStrDigits
        return try parser.parseFile()
    }

    /// Like `parseReportingEndOfInput`, also giving where each top-level logical statement
    /// starts (a compound statement, or a line of `;`-separated simple statements), including
    /// the one the parse failed in.
    static func parseCountingStatements(_ source: String) -> (Result<Module, SyntaxError>, [SourcePos]) {
        var lexer = Lexer(source: source)
        let result = lexer.tokenize()
        var parser = Parser(lexemes: result.lexemes, failure: result.failure, src: lexer.src)
        do throws(SyntaxError) {
            let module = try parser.parseFile()
            return (.success(module), parser.statementStarts)
        } catch {
            return (.failure(error), parser.statementStarts)
        }
    }
}

/// The innermost enclosing definition, for `return`/`nonlocal` checks.
enum ParseScope {
    case module, function, classBody
}

/// Deepest expression nesting accepted before "too many nested parentheses".
let maxExpressionNesting = 300

struct Parser {
    var toks: [Lexeme]
    var p = 0
    /// The tokenizer error that ended the lexemes, if any.
    let failure: LexFailure?
    let src: [Unicode.Scalar]
    var depth = 0
    /// The digit limit for the lexers of f-string fields (see `Lexer.maxStrDigits`).
    var maxStrDigits = Runtime.defaultIntMaxStrDigits
    var scope = ParseScope.module
    var loopDepth = 0
    /// The first error CPython would report from its compiler rather than its parser
    /// (`'return' outside function`); thrown only when the whole input parses.
    var deferred: SyntaxError?
    /// Where each top-level logical statement started, in order (for codeop's 'single' mode).
    var statementStarts: [SourcePos] = []

    init(lexemes: [Lexeme], failure: LexFailure?, src: [Unicode.Scalar]) {
        self.toks = lexemes.isEmpty ? [Lexeme(kind: .endMarker, text: "", pos: SourcePos(line: 1, column: 1), end: SourcePos(line: 1, column: 1))] : lexemes
        self.failure = failure
        self.src = src
    }

    /// Parses statements up to the end marker.
    mutating func parseFile() throws(SyntaxError) -> Module {
        var body: [Stmt] = []
        while tok.kind != .endMarker {
            if tok.kind == .newline {
                advance()
                continue
            }
            statementStarts.append(tok.pos)
            body += try statement()
        }
        if let failure { throw failure.error }
        if let deferred { throw deferred }
        return Module(body: body)
    }

    // MARK: - Token access

    var tok: Lexeme { toks[min(p, toks.count - 1)] }

    func peekTok(_ n: Int = 1) -> Lexeme { toks[min(p + n, toks.count - 1)] }

    var previous: Lexeme { toks[max(0, min(p, toks.count) - 1)] }

    @discardableResult
    mutating func advance() -> Lexeme {
        let t = tok
        if p < toks.count - 1 { p += 1 }
        return t
    }

    func at(_ op: String) -> Bool { tok.isOp(op) }

    func atKeyword(_ kw: String) -> Bool { tok.isKeyword(kw) }

    mutating func accept(_ op: String) -> Bool {
        guard at(op) else { return false }
        advance()
        return true
    }

    mutating func acceptKeyword(_ kw: String) -> Bool {
        guard atKeyword(kw) else { return false }
        advance()
        return true
    }

    /// Consumes `op` or throws `invalid syntax` at the current token.
    mutating func expect(_ op: String) throws(SyntaxError) {
        guard accept(op) else { throw invalidSyntax() }
    }

    mutating func expectName() throws(SyntaxError) -> String {
        guard tok.kind == .name else { throw invalidSyntax() }
        return advance().text
    }

    // MARK: - Errors

    /// A parser error, unless the tokenizer found an error that CPython reports first.
    func error(_ message: String, _ pos: SourcePos, _ kind: SyntaxError.Kind = .invalid) -> SyntaxError {
        if let failure {
            guard let bracket = failure.unclosedBracket else { return failure.error }
            if (tok.pos.line, tok.pos.column) > (bracket.line, bracket.column) && parserReachesEndInBracket {
                var e = failure.error
                e.kind = tok.kind == .endMarker ? .incomplete : .invalid
                return e
            }
        }
        return SyntaxError(atEndOfInput ? .incomplete : kind, message, pos)
    }

    /// Whether nothing but the ends of blocks and of the input remain: an error here would go
    /// away with more lines (`def f():` then `    if x:` stops before the `if`'s body).
    var atEndOfInput: Bool {
        toks[min(p, toks.count - 1)...].allSatisfy { $0.kind == .endMarker || $0.kind == .dedent }
    }

    /// CPython reports an unclosed bracket when its parser reads on to the end of the input:
    /// the failing token or the one after it is the end, or an `=` follows (keyword-argument
    /// and named-expression rules look further ahead).
    var parserReachesEndInBracket: Bool {
        if tok.kind == .endMarker || peekTok().kind == .endMarker { return true }
        return toks[min(p, toks.count - 1)...].contains { $0.isOp("=") }
    }

    func invalidSyntax() -> SyntaxError { error("invalid syntax", tok.pos) }

    /// Where CPython points for errors found at the end of input: the last NEWLINE.
    var endOfInputPos: SourcePos {
        guard tok.kind == .endMarker else { return tok.pos }
        var k = min(p, toks.count - 1)
        while k > 0 && (toks[k].kind == .endMarker || toks[k].kind == .dedent) { k -= 1 }
        return toks[k].pos
    }

    /// Records a compiler-level error (only the first one is kept).
    /// `error(message, e.pos)` with carets under all of `e` (when it is this error that is raised).
    func errorSpanning(_ message: String, _ e: Expr) -> SyntaxError {
        var err = error(message, e.pos)
        if err.message == message && err.pos == e.pos { err.end = e.end }
        return err
    }

    mutating func deferError(_ message: String, _ pos: SourcePos, end: SourcePos? = nil) {
        if deferred == nil { deferred = SyntaxError(.invalid, message, pos, end: end) }
    }

    /// Guards recursion: deeply nested expressions throw instead of overflowing the stack.
    mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > maxExpressionNesting {
            throw SyntaxError(.invalid, "too many nested parentheses", tok.pos)
        }
    }

    mutating func leave() { depth -= 1 }

    /// Runs `body` speculatively: on failure, restores the position and returns nil.
    mutating func attempt<T>(_ body: (inout Parser) throws(SyntaxError) -> T) -> T? {
        let saved = (p, deferred, depth)
        do {
            return try body(&self)
        } catch {
            (p, deferred, depth) = saved
            return nil
        }
    }
}
