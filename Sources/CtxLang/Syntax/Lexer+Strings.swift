/// String literals: prefixes, single/triple quotes and CPython's "unterminated" errors. Escapes
/// are decoded later (`StringDecoding.swift`); f-string bodies are split in `FString.swift`.

extension Lexer {
    /// Scans a string literal whose prefix (lowercased, possibly empty) started at `start`;
    /// `i` is at the opening quote.
    mutating func scanString(prefix: String, start: Int, startPos: SourcePos) throws(LexFailure) {
        guard let quote = peek() else { return }
        let triple = peek(1) == quote && peek(2) == quote
        i += triple ? 3 : 1
        let bodyPos = pos
        let bodyStart = i
        var literal = StringLiteral(
            isRaw: prefix.contains("r"), isBytes: prefix.contains("b"), isFString: prefix.contains("f"),
            body: "", bodyPos: bodyPos, pieces: [])
        if literal.isFString {
            literal.pieces = try scanFStringPieces(
                FStringQuote(quote: quote, triple: triple, raw: literal.isRaw, stringStart: startPos), inSpec: false)
        } else {
            try skipStringBody(quote: quote, triple: triple, raw: literal.isRaw, startPos: startPos)
            literal.body = text(bodyStart, i)
        }
        i += triple ? 3 : 1
        emit(.string, text(start, i), startPos, pos)
        lexemes[lexemes.count - 1].string = literal
    }

    /// Whether the closing quote(s) start at `i`.
    func atClosingQuote(_ quote: Unicode.Scalar, triple: Bool) -> Bool {
        guard peek() == quote else { return false }
        return !triple || (peek(1) == quote && peek(2) == quote)
    }

    /// The error for a string that runs into the end of its line or of the input.
    func unterminated(triple: Bool, startPos: SourcePos, fString: Bool = false) -> LexFailure {
        let what = fString ? "f-string" : "string"
        if triple {
            let detected = end > 0 && src[end - 1] == "\n" ? line - 1 : line
            return fail("unterminated triple-quoted \(what) literal (detected at line \(detected))", startPos, .incomplete)
        }
        return fail("unterminated \(what) literal (detected at line \(line))", startPos)
    }

    /// Moves `i` to the closing quote of a plain (non-f) string body.
    mutating func skipStringBody(quote: Unicode.Scalar, triple: Bool, raw: Bool, startPos: SourcePos) throws(LexFailure) {
        while true {
            guard let c = peek() else { throw unterminated(triple: triple, startPos: startPos) }
            if atClosingQuote(quote, triple: triple) { return }
            if c == "\\" {
                i += 1
                guard let next = peek() else { throw unterminated(triple: triple, startPos: startPos) }
                if next == "\n" { consumeNewline() } else { i += 1 }
                continue
            }
            if c == "\n" {
                if !triple { throw unterminated(triple: false, startPos: startPos) }
                consumeNewline()
                continue
            }
            i += 1
        }
    }
}
