/// `match` statements (PEP 634): the soft keywords `match` and `case`, and the patterns of
/// CPython's Grammar/python.gram (`match_stmt` … `class_pattern`), with the messages of its
/// `invalid_match_stmt`, `invalid_case_block`, `invalid_as_pattern` and `invalid_class_pattern`.

extension Parser {
    /// A line that starts with the name `match`: a match statement when it parses as
    /// `match subject_expr ':' NEWLINE …`, else simple statements (`match = 1`, `match(x)`,
    /// `match.x`); nil when the line does not start with `match` or is left to the caller.
    mutating func matchStatementOrLine() throws(SyntaxError) -> [Stmt]? {
        guard tok.kind == .name, tok.text == "match" else { return nil }
        let saved = (p, deferred, depth)
        let kw = advance()
        let subject = canStartExpression || at("*")
            ? attempt { (q: inout Parser) throws(SyntaxError) in try q.subjectExpression() } : nil
        if let subject, at(":"), peekTok().kind == .newline {
            advance()
            advance()
            return [Stmt(.match(subject: subject, cases: try matchBlock(kw)), kw.pos)]
        }
        // Not a match statement after all: the line must be simple statements. When it is not,
        // CPython reports where its match rule failed (its invalid_match_stmt, or the token
        // after a `:` that does not end the line).
        let afterSubject = subject == nil ? nil : tok
        let next = peekTok()
        // `match *x:`: a lone starred subject fails at the token after it.
        let loneStar = subject == nil && at("*")
            && attempt({ (q: inout Parser) throws(SyntaxError) in try q.starNamedExpression() }) != nil ? tok : nil
        (p, deferred, depth) = saved
        if let line = attempt({ (q: inout Parser) throws(SyntaxError) in try q.simpleStatements() }) { return line }
        if let loneStar, loneStar.isOp(":") { throw error("invalid syntax", loneStar.pos) }
        guard let afterSubject else { return nil }
        if afterSubject.kind == .newline { throw error("expected ':'", afterSubject.pos) }
        if afterSubject.isOp(":") { throw error("invalid syntax", next.pos) }
        return nil
    }

    /// `subject_expr`: `star_named_expression ',' star_named_expressions?` (a tuple) or a
    /// named expression.
    mutating func subjectExpression() throws(SyntaxError) -> Expr {
        let first = try starNamedExpression()
        guard accept(",") else {
            if case .starred = first.kind { throw invalidSyntax() }
            return first
        }
        var items = [first]
        while canStartExpression || at("*") {
            items.append(try starNamedExpression())
            guard accept(",") else { break }
        }
        return Expr(.tuple(items), first.pos)
    }

    /// The indented `case` blocks after `match subject:` and its NEWLINE.
    mutating func matchBlock(_ kw: Lexeme) throws(SyntaxError) -> [MatchCase] {
        guard tok.kind == .indent else {
            throw error("expected an indented block after 'match' statement on line \(kw.pos.line)", endOfInputPos, .indentation)
        }
        advance()
        var cases: [MatchCase] = []
        repeat {
            if tok.kind == .indent { throw error("unexpected indent", tok.pos, .indentation) }
            guard tok.kind == .name, tok.text == "case" else { throw invalidSyntax() }
            cases.append(try caseBlock())
        } while tok.kind != .dedent && tok.kind != .endMarker
        if tok.kind == .dedent { advance() }
        return cases
    }

    /// `"case" patterns guard? ':' block`.
    mutating func caseBlock() throws(SyntaxError) -> MatchCase {
        let kw = advance()
        let pattern = try patterns()
        let guardExpr = acceptKeyword("if") ? try namedExpression() : nil
        if tok.kind == .newline { throw error("expected ':'", tok.pos) }
        try expect(":")
        let body = try block("'case' statement", line: kw.pos.line)
        return MatchCase(pattern: pattern, guardExpr: guardExpr, body: body)
    }

    /// `patterns`: an open sequence pattern (`case a, *b:`) or one pattern.
    mutating func patterns() throws(SyntaxError) -> Pattern {
        let start = tok.pos  // a rule's node starts at its first token, a group's `(` included
        let first = try maybeStarPattern()
        guard at(",") else {
            if case .star = first.kind { throw invalidSyntax() }
            return first
        }
        var items = [first]
        while accept(",") {
            guard canStartPattern else { break }
            items.append(try maybeStarPattern())
        }
        return Pattern(.sequence(items), start)
    }

    var canStartPattern: Bool {
        switch tok.kind {
        case .name, .number, .string: return true
        case .keyword: return ["None", "True", "False"].contains(tok.text)
        case .op: return ["(", "[", "{", "-", "*"].contains(tok.text)
        default: return false
        }
    }

    /// `as_pattern | or_pattern`.
    mutating func pattern() throws(SyntaxError) -> Pattern {
        let start = tok.pos
        let alternatives = try orPattern()
        guard acceptKeyword("as") else { return alternatives }
        if tok.kind == .name, tok.text == "_" { throw error("cannot use '_' as a target", tok.pos) }
        guard tok.kind == .name else {
            let t = tok
            if canStartExpression, attempt({ (q: inout Parser) throws(SyntaxError) in try q.expression() }) != nil {
                throw error("invalid pattern target", t.pos)
            }
            throw invalidSyntax()
        }
        return Pattern(.asPattern(alternatives, try captureTarget()), start)
    }

    /// `'|'.closed_pattern+`
    mutating func orPattern() throws(SyntaxError) -> Pattern {
        let start = tok.pos
        let first = try closedPattern()
        guard at("|") else { return first }
        var alternatives = [first]
        while accept("|") { alternatives.append(try closedPattern()) }
        return Pattern(.or(alternatives), start)
    }

    /// `pattern_capture_target`: a name other than `_`, not followed by `.`, `(` or `=`.
    mutating func captureTarget() throws(SyntaxError) -> String {
        guard tok.kind == .name, tok.text != "_" else { throw invalidSyntax() }
        let name = advance().text
        if at(".") || at("(") || at("=") { throw invalidSyntax() }
        return name
    }

    /// `star_pattern | pattern` (the elements of sequence patterns).
    mutating func maybeStarPattern() throws(SyntaxError) -> Pattern {
        guard at("*") else { return try pattern() }
        let star = advance()
        if tok.kind == .name, tok.text == "_" {
            advance()
            return Pattern(.star(nil), star.pos)
        }
        return Pattern(.star(try captureTarget()), star.pos)
    }

    /// Literal, capture, wildcard, value, group, sequence, mapping and class patterns.
    mutating func closedPattern() throws(SyntaxError) -> Pattern {
        try enter()
        defer { leave() }
        let t = tok
        switch t.kind {
        case .number: return Pattern(.value(try numberLiteral()), t.pos)
        case .string: return Pattern(.value(try strings()), t.pos)
        case .name: return try namePattern()
        case .keyword:
            guard let c = Self.singletons[t.text] else { throw invalidSyntax() }
            advance()
            return Pattern(.singleton(c), t.pos)
        case .op:
            switch t.text {
            case "-": return Pattern(.value(try numberLiteral()), t.pos)
            case "(": return try parenthesizedPattern()
            case "[": return try bracketPattern()
            case "{": return try mappingPattern()
            default: throw invalidSyntax()
            }
        default: throw invalidSyntax()
        }
    }

    static let singletons: [String: Constant] = ["None": .none, "True": .bool(true), "False": .bool(false)]

    /// `signed_number !('+' | '-')`, or `complex_number`: ctxlab has no complex numbers (the
    /// lexer rejects imaginary literals), so a real part followed by `+`/`-` and a number gets
    /// CPython's `_PyPegen_ensure_imaginary` error.
    mutating func numberLiteral() throws(SyntaxError) -> Expr {
        let start = tok.pos
        let negative = accept("-")
        guard tok.kind == .number else { throw invalidSyntax() }
        let number = advance().number ?? .int(0)
        var value = Expr(.constant(number), start)
        if negative {
            switch number {
            case .int(let n): value = Expr(.constant(.int(-n)), start)
            case .float(let d): value = Expr(.constant(.float(-d)), start)
            default: value = Expr(.unary(.neg, value), start)
            }
        }
        if at("+") || at("-") {
            advance()
            guard tok.kind == .number else { throw invalidSyntax() }
            throw error("imaginary number required in complex literal", tok.pos)
        }
        return value
    }

    /// A name or dotted name: a capture, the wildcard, a value pattern or a class pattern.
    mutating func namePattern() throws(SyntaxError) -> Pattern {
        let t = advance()
        var e = Expr(.name(t.text), t.pos)
        while accept(".") { e = Expr(.attribute(e, try expectName()), t.pos) }
        if at("(") { return try classPattern(e) }
        if case .attribute = e.kind { return Pattern(.value(e), t.pos) }
        return Pattern(.asPattern(nil, t.text == "_" ? nil : t.text), t.pos)
    }

    /// `name_or_attr '(' [positional_patterns] [keyword_patterns] ')'`.
    mutating func classPattern(_ cls: Expr) throws(SyntaxError) -> Pattern {
        advance()
        var positional: [Pattern] = [], names: [String] = [], keywords: [Pattern] = []
        var misplaced: Pattern?
        while !at(")") {
            if tok.kind == .name, peekTok().isOp("=") {
                names.append(advance().text)
                advance()
                keywords.append(try pattern())
            } else {
                let p = try pattern()
                if names.isEmpty { positional.append(p) } else if misplaced == nil { misplaced = p }
            }
            guard accept(",") else { break }
        }
        guard at(")") else { throw invalidSyntax() }
        if let misplaced { throw error("positional patterns follow keyword patterns", misplaced.pos) }
        advance()
        return Pattern(.classPattern(cls: cls, patterns: positional, kwdAttrs: names, kwdPatterns: keywords), cls.pos)
    }

    /// `(p)` is a group pattern; `()`, `(p,)`, `(p, q)` are sequence patterns.
    mutating func parenthesizedPattern() throws(SyntaxError) -> Pattern {
        let open = advance()
        if accept(")") { return Pattern(.sequence([]), open.pos) }
        let first = try maybeStarPattern()
        if at(")") {
            if case .star = first.kind { throw invalidSyntax() }
            advance()
            return first
        }
        guard at(",") else { throw invalidSyntax() }
        var items = [first]
        while accept(",") {
            if at(")") { break }
            items.append(try maybeStarPattern())
        }
        try expect(")")
        return Pattern(.sequence(items), open.pos)
    }

    mutating func bracketPattern() throws(SyntaxError) -> Pattern {
        let open = advance()
        var items: [Pattern] = []
        while !at("]") {
            items.append(try maybeStarPattern())
            guard accept(",") else { break }
        }
        try expect("]")
        return Pattern(.sequence(items), open.pos)
    }

    /// `{key: pattern, …, **rest}`.
    mutating func mappingPattern() throws(SyntaxError) -> Pattern {
        let open = advance()
        var keys: [Expr] = [], patterns: [Pattern] = []
        var rest: String?
        while !at("}") {
            if accept("**") {
                rest = try captureTarget()
                _ = accept(",")
                break
            }
            keys.append(try mappingKey())
            try expect(":")
            patterns.append(try pattern())
            guard accept(",") else { break }
        }
        try expect("}")
        return Pattern(.mapping(keys: keys, patterns: patterns, rest: rest), open.pos)
    }

    /// `literal_expr | attr`: a number, string, `None`/`True`/`False` or a dotted name.
    mutating func mappingKey() throws(SyntaxError) -> Expr {
        let t = tok
        switch t.kind {
        case .number: return try numberLiteral()
        case .string: return try strings()
        case .keyword:
            guard let c = Self.singletons[t.text] else { throw invalidSyntax() }
            advance()
            return Expr(.constant(c), t.pos)
        case .name:
            advance()
            var e = Expr(.name(t.text), t.pos)
            guard at(".") else { throw invalidSyntax() }
            while accept(".") { e = Expr(.attribute(e, try expectName()), t.pos) }
            return e
        default:
            if t.isOp("-") { return try numberLiteral() }
            throw invalidSyntax()
        }
    }
}
