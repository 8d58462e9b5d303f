/// Splitting f-string bodies into literal runs and replacement fields (PEP 701 rules: fields
/// may contain strings with the same quotes, may span lines, and nest in format specs).
/// The field expressions are parsed later by the parser (`Parser+Strings.swift`).

/// The delimiters of the f-string being scanned.
struct FStringQuote {
    var quote: Unicode.Scalar
    var triple: Bool
    var raw: Bool
    var stringStart: SourcePos
}

extension Lexer {
    /// Scans literal text and fields up to the closing quote (left unconsumed) or, in a format
    /// spec, up to the `}` that closes the field (left unconsumed).
    mutating func scanFStringPieces(_ q: FStringQuote, inSpec: Bool, specDepth: Int = 0) throws(LexFailure) -> [RawFPiece] {
        var pieces: [RawFPiece] = []
        let specStart = i
        var litStart = i
        var litPos = pos
        while true {
            guard let c = peek() else { throw unterminated(triple: q.triple, startPos: q.stringStart, fString: true) }
            if atClosingQuote(q.quote, triple: q.triple) {
                if inSpec {
                    let msg = i == specStart ? "f-string: expecting '}', or format specs" : "f-string: expecting '}'"
                    throw fail(msg, pos)
                }
                break
            }
            if c == "\n" {
                if !q.triple {
                    throw inSpec ? fail("f-string: expecting '}'", pos) : unterminated(triple: false, startPos: q.stringStart, fString: true)
                }
                consumeNewline()
            } else if c == "\\" {
                skipFStringEscape(q)
            } else if c == "{" {
                if !inSpec && peek(1) == "{" {
                    i += 2
                    continue
                }
                if i > litStart { pieces.append(.literal(text(litStart, i), litPos)) }
                pieces.append(.field(try scanField(q, specDepth: specDepth)))
                litStart = i
                litPos = pos
            } else if c == "}" {
                if inSpec { break }
                guard peek(1) == "}" else { throw fail("f-string: single '}' is not allowed", pos) }
                i += 2
            } else {
                i += 1
            }
        }
        if i > litStart { pieces.append(.literal(text(litStart, i), litPos)) }
        return pieces
    }

    /// Skips a backslash escape in f-string literal text; `\{` leaves the brace to open a field.
    mutating func skipFStringEscape(_ q: FStringQuote) {
        i += 1
        guard let n = peek() else { return }
        if q.raw {
            if n == q.quote || n == "\\" { i += 1 }
            return
        }
        if n == "{" || n == "}" { return }
        if n == "N" && peek(1) == "{" {
            while let d = peek(), d != "}", d != "\n", d != q.quote { i += 1 }
            if peek() == "}" { i += 1 }
            return
        }
        if n == "\n" { consumeNewline() } else { i += 1 }
    }

    /// Scans `{expr=!r:spec}` starting at its `{`.
    mutating func scanField(_ q: FStringQuote, specDepth: Int) throws(LexFailure) -> RawField {
        let bracePos = pos
        i += 1
        let exprStart = i
        var field = RawField(exprStart: i, exprEnd: i, exprPos: pos, bracePos: bracePos)
        try skipFieldExpression(q)
        field.exprEnd = i
        if text(exprStart, i).allSatisfy({ $0.isWhitespace }) {
            let next = peek().map { String(Character($0)) } ?? "}"
            throw fail("f-string: valid expression required before '\(next)'", pos)
        }
        if peek() == "=" {
            i += 1
            while let c = peek(), c == " " || c == "\t" || c == "\n" {
                if c == "\n" { consumeNewline() } else { i += 1 }
            }
            field.selfDocumenting = text(exprStart, i)
        }
        if peek() == "!" {
            field.conversion = try scanConversion()
            if peek() != ":" && peek() != "}" && !atClosingQuote(q.quote, triple: q.triple) {
                throw fail("f-string: expecting ':' or '}'", pos)
            }
        }
        if peek() == ":" {
            if specDepth >= 2 { throw fail("f-string: expressions nested too deeply", pos) }
            i += 1
            field.spec = try scanFStringPieces(q, inSpec: true, specDepth: specDepth + 1)
        }
        guard peek() == "}" else { throw fail("f-string: expecting '}'", pos) }
        i += 1
        return field
    }

    /// Moves `i` to the `=`, `!`, `:` or `}` that ends a field's expression.
    mutating func skipFieldExpression(_ q: FStringQuote) throws(LexFailure) {
        var depth = 0
        while true {
            guard let c = peek() else {
                throw q.triple ? unterminated(triple: true, startPos: q.stringStart, fString: true) : fail("f-string: expecting '}'", pos)
            }
            if c == "\n" {
                consumeNewline()
                continue
            }
            if c == "\"" || c == "'" {
                try skipNestedString(prefix: "", q)
                continue
            }
            if isIdentifierStart(c) {
                try skipNameInField(q)
                continue
            }
            switch c {
            case "(", "[", "{": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            case "}":
                if depth == 0 { return }
                depth -= 1
            case "=" where depth == 0:
                let prev = i > 0 ? src[i - 1] : " "
                if peek(1) != "=" && !"=!<>".unicodeScalars.contains(prev) { return }
            case "!" where depth == 0:
                if peek(1) != "=" { return }
            case ":" where depth == 0:
                return
            default:
                break
            }
            i += 1
        }
    }

    /// An identifier inside a field, or the prefix of a nested string literal.
    mutating func skipNameInField(_ q: FStringQuote) throws(LexFailure) {
        let start = i
        while let c = peek(), isIdentifierContinue(c) { i += 1 }
        let name = text(start, i).lowercased()
        if let c = peek(), c == "\"" || c == "'", Lexer.stringPrefixes.contains(name) {
            try skipNestedString(prefix: name, q)
        }
    }

    /// Skips a string literal nested in a field; running off the line with the outer quote
    /// means the field was not closed.
    mutating func skipNestedString(prefix: String, _ outer: FStringQuote) throws(LexFailure) {
        let quotePos = pos
        guard let quote = peek() else { return }
        let triple = peek(1) == quote && peek(2) == quote
        i += triple ? 3 : 1
        do throws(LexFailure) {
            if prefix.contains("f") {
                let inner = FStringQuote(quote: quote, triple: triple, raw: prefix.contains("r"), stringStart: quotePos)
                _ = try scanFStringPieces(inner, inSpec: false)
            } else {
                try skipStringBody(quote: quote, triple: triple, raw: prefix.contains("r"), startPos: quotePos)
            }
        } catch {
            if error.error.message.hasPrefix("unterminated") && quote == outer.quote && !outer.triple {
                throw fail("f-string: expecting '}'", quotePos)
            }
            throw error
        }
        i += triple ? 3 : 1
    }

    /// `!r`, `!s` or `!a` after a field's expression.
    mutating func scanConversion() throws(LexFailure) -> Character {
        i += 1
        let convPos = pos
        guard let c = peek(), isIdentifierStart(c) else {
            throw fail("f-string: missing conversion character", pos)
        }
        let start = i
        while let d = peek(), isIdentifierContinue(d) { i += 1 }
        let name = text(start, i)
        guard name == "s" || name == "r" || name == "a" else {
            throw fail("f-string: invalid conversion character '\(name)': expected 's', 'r', or 'a'", convPos)
        }
        while peek() == " " { i += 1 }
        return Character(name)
    }
}
