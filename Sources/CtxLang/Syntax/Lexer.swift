import CtxCore

/// A hand-written tokenizer for ctxlab's Python subset, modelled on CPython's: it produces
/// NEWLINE/INDENT/DEDENT lexemes, ignores newlines inside brackets, joins backslash-continued
/// lines and reports CPython's tokenizer errors (unterminated strings, unmatched brackets, bad
/// indentation, malformed numbers).

/// Why tokenizing stopped early.
struct LexFailure: Error, Sendable {
    var error: SyntaxError
    /// For "'(' was never closed": where the unclosed bracket is (the parser may prefer this
    /// error to its own when it fails inside that bracket).
    var unclosedBracket: SourcePos?
}

/// The result of tokenizing: the lexemes up to the first error (always ending with an
/// end marker) and that error, if any.
struct LexResult: Sendable {
    var lexemes: [Lexeme]
    var failure: LexFailure?
}

/// Deepest bracket nesting accepted, like CPython's tokenizer (MAXLEVEL).
let maxBracketNesting = 200

struct Lexer {
    let src: [Unicode.Scalar]
    let end: Int
    var i: Int
    var line: Int
    /// Scalar index of the current line's first character (for columns).
    var lineStart: Int
    /// In field mode (an f-string replacement field) newlines are insignificant and there is no
    /// NEWLINE/INDENT/DEDENT or end-of-file checking.
    let fieldMode: Bool
    var lexemes: [Lexeme] = []
    var brackets: [(char: Unicode.Scalar, pos: SourcePos)] = []
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var atLineStart = true
    var blankLine = false
    /// The int/str digit limit a decimal literal is checked against (the runtime's, when the
    /// session compiles; see `Runtime.intMaxStrDigits`).
    var maxStrDigits = Runtime.defaultIntMaxStrDigits

    /// A lexer over a whole source file.
    init(source: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(source.unicodeScalars.count)
        var previousCR = false
        for s in source.unicodeScalars {
            if s == "\r" {
                scalars.append("\n")
                previousCR = true
                continue
            }
            if s == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            scalars.append(s)
        }
        self.init(scalars: scalars, start: 0, end: scalars.count, pos: SourcePos(line: 1, column: 1), fieldMode: false)
    }

    /// A lexer over `src[start..<end]`, which starts at `pos` in the file.
    init(scalars: [Unicode.Scalar], start: Int, end: Int, pos: SourcePos, fieldMode: Bool) {
        self.src = scalars
        self.i = start
        self.end = end
        self.line = pos.line
        self.lineStart = start - (pos.column - 1)
        self.fieldMode = fieldMode
        self.atLineStart = !fieldMode
    }

    /// Field expressions sit inside the f-string's braces.
    var baseLevel: Int { fieldMode ? 1 : 0 }

    var pos: SourcePos { SourcePos(line: line, column: i - lineStart + 1) }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let j = i + offset
        return j < end && j >= 0 ? src[j] : nil
    }

    func text(_ from: Int, _ to: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: src[from..<min(to, end)])
        return String(s)
    }

    /// Consumes a newline character, moving to the next line.
    mutating func consumeNewline() {
        i += 1
        line += 1
        lineStart = i
    }

    /// Tokenizes everything; never throws, the first error is returned in the result.
    mutating func tokenize() -> LexResult {
        do throws(LexFailure) {
            try run()
            return LexResult(lexemes: lexemes, failure: nil)
        } catch let failure {
            var f = failure
            if case .incomplete = f.error.kind, !reachedEnd { f.error.kind = .invalid }
            emit(.endMarker, "", pos, pos)
            return LexResult(lexemes: lexemes, failure: f)
        }
    }

    /// Whether only whitespace remains (errors found at the very end of input are "incomplete").
    var reachedEnd: Bool {
        var j = i
        while j < end, src[j] == " " || src[j] == "\t" || src[j] == "\n" { j += 1 }
        return j >= end
    }

    mutating func emit(_ kind: LexemeKind, _ text: String, _ start: SourcePos, _ stop: SourcePos) {
        lexemes.append(Lexeme(kind: kind, text: text, pos: start, end: stop, level: brackets.count + baseLevel))
    }

    func fail(_ message: String, _ at: SourcePos, _ kind: SyntaxError.Kind = .invalid) -> LexFailure {
        LexFailure(error: SyntaxError(kind, message, at), unclosedBracket: nil)
    }

    mutating func run() throws(LexFailure) {
        while true {
            if atLineStart && brackets.isEmpty {
                try handleIndentation()
                atLineStart = false
            }
            skipSpaces()
            guard let c = peek() else { return try finish() }
            try scanOne(c)
        }
    }

    mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" { i += 1 }
    }

    /// Scans the lexeme (or comment, newline, continuation) starting with `c`.
    mutating func scanOne(_ c: Unicode.Scalar) throws(LexFailure) {
        switch c {
        case "#":
            while let d = peek(), d != "\n" { i += 1 }
        case "\n":
            if brackets.isEmpty && !fieldMode && !blankLine {
                emit(.newline, "", pos, SourcePos(line: line, column: pos.column + 1))
            }
            blankLine = false
            consumeNewline()
            // A newline inside brackets continues the logical line: no indentation there.
            atLineStart = !fieldMode && brackets.isEmpty
        case "\\":
            try scanContinuation()
        case "0"..."9":
            try scanNumber()
        case ".":
            if let d = peek(1), ("0"..."9").contains(d) { try scanNumber() } else { try scanOperator() }
        case "\"", "'":
            try scanString(prefix: "", start: i, startPos: pos)
        default:
            if isIdentifierStart(c) { try scanName() } else { try scanOperator() }
        }
    }

    mutating func scanContinuation() throws(LexFailure) {
        let at = pos
        guard let next = peek(1) else {
            i += 1
            throw fail("unexpected EOF while parsing", SourcePos(line: at.line, column: at.column + 1), .incomplete)
        }
        guard next == "\n" else {
            throw fail("unexpected character after line continuation character", SourcePos(line: at.line, column: at.column + 1))
        }
        i += 1
        consumeNewline()
        if peek() == nil && !fieldMode {
            // CPython: an empty line after the backslash can never complete the statement.
            throw fail("unexpected EOF while parsing", pos, .invalid)
        }
    }

    /// At end of input: close brackets (error), the last line, and open blocks.
    mutating func finish() throws(LexFailure) {
        if fieldMode {
            emit(.endMarker, "", pos, pos)
            return
        }
        if let open = brackets.last {
            throw LexFailure(
                error: SyntaxError(.incomplete, "'\(open.char)' was never closed", open.pos),
                unclosedBracket: open.pos)
        }
        if let last = lexemes.last, last.kind != .newline, last.kind != .dedent {
            emit(.newline, "", pos, pos)
        }
        for _ in indents.dropFirst() { emit(.dedent, "", pos, pos) }
        indents = [0]
        emit(.endMarker, "", pos, pos)
    }
}
