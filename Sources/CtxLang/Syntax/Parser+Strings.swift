import CtxCore

/// String atoms: implicit concatenation, escape decoding, and f-string fields (whose
/// expressions are parsed by a nested parser over the same source).

extension Parser {
    /// One or more adjacent string literals.
    mutating func strings() throws(SyntaxError) -> Expr {
        let first = tok
        var literals: [Lexeme] = []
        while tok.kind == .string { literals.append(advance()) }
        let bytesCount = literals.filter { $0.string?.isBytes == true }.count
        if bytesCount > 0 && bytesCount < literals.count {
            throw error("cannot mix bytes and nonbytes literals", first.pos)
        }
        if bytesCount > 0 {
            var bytes: [UInt8] = []
            for lit in literals { bytes += try decodeBytes(lit) }
            return Expr(.constant(.bytes(bytes)), first.pos)
        }
        if !literals.contains(where: { $0.string?.isFString == true }) {
            var text = ""
            for lit in literals { text += try decodeStr(lit) }
            return Expr(.constant(.str(text)), first.pos)
        }
        var parts: [FStringPart] = []
        for lit in literals {
            guard let s = lit.string else { continue }
            if s.isFString {
                append(try fstringParts(s.pieces, raw: s.isRaw, collapse: true, at: lit.pos), to: &parts)
            } else {
                append([.literal(try decodeStr(lit))], to: &parts)
            }
        }
        return Expr(.joinedStr(parts), first.pos)
    }

    /// Appends parts, merging adjacent literals and dropping empty ones.
    func append(_ new: [FStringPart], to parts: inout [FStringPart]) {
        for part in new {
            if case .literal(let text) = part {
                if text.isEmpty { continue }
                if case .literal(let previous)? = parts.last {
                    parts[parts.count - 1] = .literal(previous + text)
                    continue
                }
            }
            parts.append(part)
        }
    }

    func decodeStr(_ lit: Lexeme) throws(SyntaxError) -> String {
        guard let s = lit.string else { return "" }
        do throws(EscapeDecodeError) {
            return try StringDecoding.decodeStr(s.body, raw: s.isRaw)
        } catch {
            throw self.error(error.message, lit.pos)
        }
    }

    func decodeBytes(_ lit: Lexeme) throws(SyntaxError) -> [UInt8] {
        guard let s = lit.string else { return [] }
        do throws(EscapeDecodeError) {
            return try StringDecoding.decodeBytes(s.body, raw: s.isRaw)
        } catch {
            throw self.error(error.message, lit.pos)
        }
    }

    /// Converts scanned f-string pieces: decodes literal text and parses field expressions.
    mutating func fstringParts(_ pieces: [RawFPiece], raw: Bool, collapse: Bool, at pos: SourcePos) throws(SyntaxError) -> [FStringPart] {
        var parts: [FStringPart] = []
        for piece in pieces {
            switch piece {
            case .literal(let text, _):
                do throws(EscapeDecodeError) {
                    append([.literal(try StringDecoding.decodeStr(text, raw: raw, collapseBraces: collapse))], to: &parts)
                } catch {
                    throw self.error(error.message, pos)
                }
            case .field(let field):
                parts.append(try fieldPart(field, raw: raw, at: pos))
            }
        }
        return parts
    }

    /// `{expr=!r:spec}` → `.field`. `{expr=}` without conversion or spec implies `!r`.
    mutating func fieldPart(_ field: RawField, raw: Bool, at pos: SourcePos) throws(SyntaxError) -> FStringPart {
        let expr = try fieldExpression(field)
        let spec = try field.spec.map { (pieces) throws(SyntaxError) in
            try fstringParts(pieces, raw: raw, collapse: false, at: pos)
        } ?? []
        var conversion = field.conversion
        if conversion == nil && field.selfDocumenting != nil && field.spec == nil { conversion = "r" }
        return .field(expr, conversion: conversion, spec: spec, selfDocumenting: field.selfDocumenting)
    }

    /// Parses the expression text of a field with a nested lexer and parser.
    mutating func fieldExpression(_ field: RawField) throws(SyntaxError) -> Expr {
        var lexer = Lexer(scalars: src, start: field.exprStart, end: field.exprEnd, pos: field.exprPos, fieldMode: true)
        lexer.maxStrDigits = maxStrDigits
        let result = lexer.tokenize()
        var sub = Parser(lexemes: result.lexemes, failure: nil, src: src)
        sub.maxStrDigits = maxStrDigits
        sub.depth = depth + 1
        sub.scope = scope
        do throws(SyntaxError) {
            if let failure = result.failure { throw failure.error }
            if sub.atKeyword("lambda") {
                throw SyntaxError(.invalid, "f-string: lambda expressions are not allowed without parentheses", sub.tok.pos)
            }
            let e = sub.atKeyword("yield") ? try sub.yieldExpression() : try sub.starExpressions()
            guard sub.tok.kind == .endMarker else {
                let e2 = sub.unexpectedAfter(e)
                if e2.message != "invalid syntax" { throw e2 }
                throw SyntaxError(.invalid, "f-string: expecting '=', or '!', or ':', or '}'", sub.tok.pos)
            }
            if deferred == nil { deferred = sub.deferred }
            return e
        } catch {
            var e = error
            e.kind = .invalid
            throw e
        }
    }
}
