/// Indentation, identifiers and operators.

extension Lexer {
    /// Measures the indentation of a new logical line and emits INDENT/DEDENT lexemes. Blank and
    /// comment-only lines are skipped (marked `blankLine` so that they emit no NEWLINE).
    mutating func handleIndentation() throws(LexFailure) {
        var col = 0
        var alt = 0
        while let c = peek() {
            if c == " " {
                col += 1
                alt += 1
            } else if c == "\t" {
                col = (col / 8 + 1) * 8
                alt += 1
            } else if c == "\u{0C}" {
                col = 0
                alt = 0
            } else {
                break
            }
            i += 1
        }
        guard let c = peek(), c != "#", c != "\n" else {
            blankLine = true
            return
        }
        try applyIndentation(col: col, alt: alt)
    }

    mutating func applyIndentation(col: Int, alt: Int) throws(LexFailure) {
        let here = pos
        let tabError = fail("inconsistent use of tabs and spaces in indentation", SourcePos(line: line, column: 1), .indentation)
        if col == (indents.last ?? 0) {
            if alt != (altIndents.last ?? 0) { throw tabError }
        } else if col > (indents.last ?? 0) {
            if alt <= (altIndents.last ?? 0) { throw tabError }
            if indents.count >= 100 {
                throw fail("too many levels of indentation", here, .indentation)
            }
            indents.append(col)
            altIndents.append(alt)
            emit(.indent, "", SourcePos(line: line, column: max(1, here.column - 1)), here)
        } else {
            while indents.count > 1 && col < (indents.last ?? 0) {
                indents.removeLast()
                altIndents.removeLast()
                emit(.dedent, "", here, here)
            }
            if col != (indents.last ?? 0) {
                throw fail("unindent does not match any outer indentation level", SourcePos(line: line, column: lineLength + 1), .indentation)
            }
            if alt != (altIndents.last ?? 0) { throw tabError }
        }
    }

    /// Length of the current physical line, in scalars.
    var lineLength: Int {
        var j = lineStart
        while j < end, src[j] != "\n" { j += 1 }
        return j - lineStart
    }

    func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        return c.properties.isXIDStart
    }

    func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isIdentifierStart(c) || ("0"..."9").contains(c) }
        return c.properties.isXIDContinue
    }

    /// An identifier or keyword, or the prefix of a string literal.
    mutating func scanName() throws(LexFailure) {
        let start = i
        let startPos = pos
        while let c = peek(), isIdentifierContinue(c) { i += 1 }
        let name = text(start, i)
        if let q = peek(), q == "\"" || q == "'", Lexer.stringPrefixes.contains(name.lowercased()) {
            return try scanString(prefix: name.lowercased(), start: start, startPos: startPos)
        }
        emit(pythonKeywords.contains(name) ? .keyword : .name, name, startPos, pos)
    }

    static let stringPrefixes: Set<String> = ["r", "u", "b", "br", "rb", "f", "fr", "rf"]

    /// An operator or delimiter; tracks bracket nesting.
    mutating func scanOperator() throws(LexFailure) {
        let startPos = pos
        guard let c = peek() else { return }
        if !c.isASCII {
            let hex = String(c.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            throw fail("invalid character '\(Character(c))' (U+\(code))", startPos)
        }
        let three = text(i, i + 3)
        let two = text(i, i + 2)
        let op: String
        if threeCharOps.contains(three) {
            op = three
        } else if twoCharOps.contains(two) {
            op = two
        } else {
            op = String(Character(c))
        }
        if op.count == 1 { try trackBracket(c, startPos) }
        let level = op.count == 1 && ")]}".unicodeScalars.contains(c) ? brackets.count + 1 + baseLevel : nil
        i += op.unicodeScalars.count
        emit(.op, op, startPos, pos)
        if let level { lexemes[lexemes.count - 1].level = level }
    }

    mutating func trackBracket(_ c: Unicode.Scalar, _ at: SourcePos) throws(LexFailure) {
        switch c {
        case "(", "[", "{":
            if brackets.count >= maxBracketNesting { throw fail("too many nested parentheses", at) }
            brackets.append((c, at))
        case ")", "]", "}":
            guard let open = brackets.popLast() else { throw fail("unmatched '\(c)'", at) }
            let expected: Unicode.Scalar = open.char == "(" ? ")" : open.char == "[" ? "]" : "}"
            if c != expected {
                var msg = "closing parenthesis '\(c)' does not match opening parenthesis '\(open.char)'"
                if open.pos.line != at.line { msg += " on line \(open.pos.line)" }
                throw fail(msg, at)
            }
        default:
            break
        }
    }
}
