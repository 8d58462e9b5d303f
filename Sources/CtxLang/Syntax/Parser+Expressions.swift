/// Expressions, from the loosest-binding (`lambda`, conditional) to primaries, with Python's
/// exact precedence. Binary operators use precedence climbing to keep recursion shallow.

extension Parser {
    /// `star_expressions`: `a`, `a, b`, `*a, b` (a tuple when there is a comma).
    mutating func starExpressions() throws(SyntaxError) -> Expr {
        let first = try starExpression()
        guard at(",") else { return first }
        var items = [first]
        while accept(",") {
            guard canStartExpression || at("*") else { break }
            items.append(try starExpression())
        }
        return Expr(.tuple(items), first.pos)
    }

    /// `*a` or an expression.
    mutating func starExpression() throws(SyntaxError) -> Expr {
        if at("*") {
            let star = advance()
            return Expr(.starred(try bitwiseOr()), star.pos)
        }
        return try expression()
    }

    /// `yield`, `yield from`, or `star_expressions` (right-hand sides of assignments).
    mutating func yieldOrStarExpressions() throws(SyntaxError) -> Expr {
        if atKeyword("yield") { return try yieldExpression() }
        return try starExpressions()
    }

    mutating func yieldExpression() throws(SyntaxError) -> Expr {
        let kw = advance()
        if acceptKeyword("from") { return Expr(.yieldFrom(try expression()), kw.pos) }
        guard canStartExpression || at("*") else { return Expr(.yield(nil), kw.pos) }
        return Expr(.yield(try starExpressions()), kw.pos)
    }

    /// `name := value` or an expression.
    mutating func namedExpression() throws(SyntaxError) -> Expr {
        let e = try expression()
        guard at(":=") else { return e }
        guard case .name(let target) = e.kind else {
            throw error("cannot use assignment expressions with \(describe(e))", e.pos)
        }
        advance()
        return Expr(.namedExpr(target: target, value: try expression()), e.pos)
    }

    /// `*a` or a named expression (list/set display elements).
    mutating func starNamedExpression() throws(SyntaxError) -> Expr {
        if at("*") {
            let star = advance()
            return Expr(.starred(try bitwiseOr()), star.pos)
        }
        return try namedExpression()
    }

    /// `lambda`, or a disjunction optionally followed by `if … else …`.
    mutating func expression() throws(SyntaxError) -> Expr {
        try enter()
        defer { leave() }
        if atKeyword("lambda") { return try lambda() }
        let body = try disjunction()
        guard atKeyword("if") else { return body }
        advance()
        let test = try disjunction()
        guard acceptKeyword("else") else {
            if tok.kind == .newline || at(")") || at("]") || at("}") || at(",") || tok.kind == .endMarker {
                throw error("expected 'else' after 'if' expression", body.pos)
            }
            throw invalidSyntax()
        }
        let orelse = try expression()
        return finished(Expr(.ifExp(test: test, body: body, orelse: orelse), body.pos))
    }

    mutating func lambda() throws(SyntaxError) -> Expr {
        let kw = advance()
        let params = try parameters(closing: ":", annotations: false)
        try expect(":")
        return Expr(.lambda(params, try expression()), kw.pos)
    }

    mutating func disjunction() throws(SyntaxError) -> Expr {
        let first = try conjunction()
        guard atKeyword("or") else { return first }
        var values = [first]
        while acceptKeyword("or") { values.append(try conjunction()) }
        return finished(Expr(.boolOp(.or, values), first.pos))
    }

    mutating func conjunction() throws(SyntaxError) -> Expr {
        let first = try inversion()
        guard atKeyword("and") else { return first }
        var values = [first]
        while acceptKeyword("and") { values.append(try inversion()) }
        return finished(Expr(.boolOp(.and, values), first.pos))
    }

    /// `not not x` is parsed iteratively so long chains cannot exhaust the stack.
    mutating func inversion() throws(SyntaxError) -> Expr {
        var nots: [SourcePos] = []
        while atKeyword("not") { nots.append(advance().pos) }
        var e = try comparison()
        for pos in nots.reversed() { e = finished(Expr(.unary(.not, e), pos)) }
        return e
    }

    mutating func comparison() throws(SyntaxError) -> Expr {
        let start = tok.pos
        let left = try bitwiseOr()
        var ops: [(CompareOp, Expr)] = []
        while let op = try compareOperator() {
            ops.append((op, try bitwiseOr()))
        }
        return ops.isEmpty ? left : finished(Expr(.compare(left, ops), start))
    }

    /// Consumes a comparison operator (`not in` and `is not` are two tokens).
    mutating func compareOperator() throws(SyntaxError) -> CompareOp? {
        if tok.kind == .op, let op = CompareOp(rawValue: tok.text) {
            advance()
            return op
        }
        if acceptKeyword("in") { return .in }
        if acceptKeyword("is") { return acceptKeyword("not") ? .isNot : .is }
        if atKeyword("not") && peekTok().isKeyword("in") {
            advance()
            advance()
            return .notIn
        }
        if atKeyword("not") {
            advance()
            throw invalidSyntax()
        }
        return nil
    }

    static let binaryOperators: [String: (BinaryOp, Int)] = [
        "|": (.bitOr, 1), "^": (.bitXor, 2), "&": (.bitAnd, 3), "<<": (.lshift, 4), ">>": (.rshift, 4),
        "+": (.add, 5), "-": (.sub, 5), "*": (.mul, 6), "/": (.div, 6), "//": (.floorDiv, 6),
        "%": (.mod, 6), "@": (.matMul, 6),
    ]

    mutating func bitwiseOr() throws(SyntaxError) -> Expr { try binary(minPrecedence: 1) }

    /// `e` with its end: the end of the last token consumed, unless it has one already (a
    /// parenthesized expression ends before its `)`, as in CPython's AST).
    /// (Swift reads `self` for a call before its arguments: what is parsed goes into a local
    /// first, so that `previous` is read after it.)
    func finished(_ e: Expr) -> Expr {
        guard e.end == nil else { return e }
        var e = e
        e.end = previous.end
        return e
    }

    /// Left-associative binary operators from `|` (1) to `* / // % @` (6).
    mutating func binary(minPrecedence: Int) throws(SyntaxError) -> Expr {
        let start = tok.pos  // a parenthesized left operand: the operation starts at its `(`
        var left = try factor()
        while tok.kind == .op, let (op, prec) = Parser.binaryOperators[tok.text], prec >= minPrecedence {
            advance()
            let right = try binary(minPrecedence: prec + 1)
            left = finished(Expr(.binary(left, op, right), start))
        }
        return left
    }

    /// Unary `- + ~` (iterative), then `**`.
    mutating func factor() throws(SyntaxError) -> Expr {
        var ops: [(UnaryOp, SourcePos)] = []
        while tok.kind == .op, let op = ["-": UnaryOp.neg, "+": .pos, "~": .invert][tok.text] {
            ops.append((op, advance().pos))
        }
        var e = try power()
        for (op, pos) in ops.reversed() { e = finished(Expr(.unary(op, e), pos)) }
        return e
    }

    /// `await_primary ['**' factor]`: right-associative, tighter than unary on its left.
    mutating func power() throws(SyntaxError) -> Expr {
        let base = try awaitPrimary()
        guard accept("**") else { return base }
        try enter()
        defer { leave() }
        let exponent = try factor()
        return finished(Expr(.binary(base, .pow, exponent), base.pos))
    }

    mutating func awaitPrimary() throws(SyntaxError) -> Expr {
        guard atKeyword("await") else { return try primary() }
        let kw = advance()
        let operand = try primary()
        return finished(Expr(.await(operand), kw.pos))
    }

    /// An atom followed by calls, attributes and subscripts.
    mutating func primary() throws(SyntaxError) -> Expr {
        let start = tok.pos  // `(f)(x)`, `(a)[0]`: the call or subscript starts at the `(`
        var e = try atom()
        while true {
            if at(".") {
                advance()
                guard tok.kind == .name else { throw invalidSyntax() }
                let attr = advance().text
                e = finished(Expr(.attribute(e, attr), start))
            } else if at("(") {
                var called = try call(e)
                called.pos = start
                e = finished(called)
            } else if at("[") {
                var subscripted = try subscription(e)
                subscripted.pos = start
                e = finished(subscripted)
            } else {
                return e
            }
        }
    }

    /// Whether the current token can begin an expression.
    var canStartExpression: Bool {
        switch tok.kind {
        case .name, .number, .string: return true
        case .keyword: return ["None", "True", "False", "not", "lambda", "await"].contains(tok.text)
        case .op: return ["(", "[", "{", "-", "+", "~", "..."].contains(tok.text)
        default: return false
        }
    }

    mutating func atom() throws(SyntaxError) -> Expr {
        let e = try atomBody()
        return finished(e)
    }

    private mutating func atomBody() throws(SyntaxError) -> Expr {
        let t = tok
        switch t.kind {
        case .name:
            advance()
            return Expr(.name(t.text), t.pos)
        case .number:
            advance()
            return Expr(.constant(t.number ?? .int(0)), t.pos)
        case .string:
            return try strings()
        case .keyword:
            let constants: [String: Constant] = ["None": .none, "True": .bool(true), "False": .bool(false)]
            guard let c = constants[t.text] else { throw invalidSyntax() }
            advance()
            return Expr(.constant(c), t.pos)
        case .op:
            switch t.text {
            case "(": return try parenthesized()
            case "[": return try listDisplay()
            case "{": return try braceDisplay()
            case "...":
                advance()
                return Expr(.constant(.ellipsis), t.pos)
            default: throw invalidSyntax()
            }
        default:
            throw invalidSyntax()
        }
    }

    /// The name CPython uses for an expression in "cannot assign to …" messages.
    func describe(_ e: Expr) -> String {
        switch e.kind {
        case .name: return "name"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .list: return "list"
        case .tuple: return "tuple"
        case .call: return "function call"
        case .constant(.none): return "None"
        case .constant(.bool(let b)): return b ? "True" : "False"
        case .constant(.ellipsis): return "ellipsis"
        case .constant: return "literal"
        case .joinedStr: return "f-string expression"
        case .binary, .unary(.neg, _), .unary(.pos, _), .unary(.invert, _), .boolOp: return "expression"
        case .unary(.not, _): return "expression"
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .lambda: return "lambda"
        case .await: return "await expression"
        case .yield, .yieldFrom: return "yield expression"
        case .namedExpr: return "named expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .generatorExp: return "generator expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .slice: return "slice"
        }
    }
}
