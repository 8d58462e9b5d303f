/// Bracketed forms: parenthesized expressions and tuples, list/set/dict displays,
/// comprehensions, calls and subscripts.

extension Parser {
    /// `( … )`: empty tuple, yield, parenthesized expression, tuple or generator expression.
    mutating func parenthesized() throws(SyntaxError) -> Expr {
        let open = advance()
        if accept(")") { return Expr(.tuple([]), open.pos) }
        if atKeyword("yield") {
            let y = try yieldExpression()
            try closeBracket(")", after: y)
            return y
        }
        let first = try starNamedExpression()
        if atComprehension {
            try rejectStarredInComprehension(first)
            let gen = Expr(.generatorExp(first, try comprehensionClauses()), open.pos)
            try closeBracket(")", after: gen)
            return gen
        }
        if accept(")") {
            if case .starred = first.kind { deferError("cannot use starred expression here", first.pos) }
            return first
        }
        let items = try elements(after: first, closing: ")") { (q: inout Parser) throws(SyntaxError) in try q.starNamedExpression() }
        return Expr(.tuple(items), open.pos)
    }

    /// `[ … ]`: list display or list comprehension.
    mutating func listDisplay() throws(SyntaxError) -> Expr {
        let open = advance()
        if accept("]") { return Expr(.list([]), open.pos) }
        let first = try starNamedExpression()
        if atComprehension {
            try rejectStarredInComprehension(first)
            let comp = Expr(.listComp(first, try comprehensionClauses()), open.pos)
            try closeBracket("]", after: comp)
            return comp
        }
        if accept("]") { return Expr(.list([first]), open.pos) }
        let items = try elements(after: first, closing: "]") { (q: inout Parser) throws(SyntaxError) in try q.starNamedExpression() }
        return Expr(.list(items), open.pos)
    }

    /// The rest of a comma-separated display after its first element, through the closer.
    mutating func elements(after first: Expr, closing: String, _ element: (inout Parser) throws(SyntaxError) -> Expr) throws(SyntaxError) -> [Expr] {
        var items = [first]
        while true {
            if accept(closing) { return items }
            if atComprehension && closing != ")" {
                throw error("did you forget parentheses around the comprehension target?", first.pos)
            }
            guard accept(",") else { throw unexpectedAfter(items[items.count - 1]) }
            if accept(closing) { return items }
            items.append(try element(&self))
        }
    }

    /// Consumes the closing bracket after a complete element, or explains why it is missing.
    mutating func closeBracket(_ closing: String, after e: Expr) throws(SyntaxError) {
        guard accept(closing) else { throw unexpectedAfter(e) }
    }

    /// The error for an unexpected token after an element inside brackets: CPython suggests a
    /// missing comma when another expression follows.
    mutating func unexpectedAfter(_ element: Expr) -> SyntaxError {
        let here = tok
        var isNameThenString = false
        if case .name = element.kind, here.kind == .string { isNameThenString = true }
        if here.level > 0 && canStartExpression && !isNameThenString && isDisjunction(element) {
            let saved = (p, deferred, depth)
            let follows = attempt({ (q: inout Parser) throws(SyntaxError) in try q.expression() }) != nil
            (p, deferred, depth) = saved
            if follows { return error("invalid syntax. Perhaps you forgot a comma?", element.pos) }
        }
        return invalidSyntax()
    }

    func isDisjunction(_ e: Expr) -> Bool {
        switch e.kind {
        case .lambda, .ifExp, .starred, .namedExpr, .yield, .yieldFrom: return false
        default: return true
        }
    }

    var atComprehension: Bool {
        atKeyword("for") || (atKeyword("async") && peekTok().isKeyword("for"))
    }

    mutating func rejectStarredInComprehension(_ e: Expr) throws(SyntaxError) {
        if case .starred = e.kind {
            throw error("iterable unpacking cannot be used in comprehension", e.pos)
        }
    }

    /// One or more `[async] for targets in iter [if cond]…` clauses.
    mutating func comprehensionClauses() throws(SyntaxError) -> [Comprehension] {
        var clauses: [Comprehension] = []
        while atComprehension {
            let isAsync = acceptKeyword("async")
            advance()
            let target = try targetList()
            try validateTarget(target, verb: "assign to")
            guard acceptKeyword("in") else { throw invalidSyntax() }
            let iter = try disjunction()
            var ifs: [Expr] = []
            while acceptKeyword("if") { ifs.append(try disjunction()) }
            clauses.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return clauses
    }

    /// `{ … }`: dict or set display or comprehension.
    mutating func braceDisplay() throws(SyntaxError) -> Expr {
        let open = advance()
        if accept("}") { return Expr(.dict([]), open.pos) }
        if at("**") { return try dictDisplay(open: open.pos, firstKey: nil) }
        let first = try starNamedExpression()
        if at(":") {
            if case .starred = first.kind { throw invalidSyntax() }
            return try dictDisplay(open: open.pos, firstKey: first)
        }
        if atComprehension {
            try rejectStarredInComprehension(first)
            let comp = Expr(.setComp(first, try comprehensionClauses()), open.pos)
            try closeBracket("}", after: comp)
            return comp
        }
        let items = try elements(after: first, closing: "}") { (q: inout Parser) throws(SyntaxError) in try q.starNamedExpression() }
        return Expr(.set(items), open.pos)
    }

    /// A dict display whose first key (nil for `**m`) has been parsed.
    mutating func dictDisplay(open: SourcePos, firstKey: Expr?) throws(SyntaxError) -> Expr {
        var entries: [(key: Expr?, value: Expr)] = []
        var key = firstKey
        while true {
            if let k = key {
                try expect(":")
                let value = try expression()
                if entries.isEmpty && atComprehension {
                    let comp = Expr(.dictComp(key: k, value: value, try comprehensionClauses()), open)
                    try closeBracket("}", after: comp)
                    return comp
                }
                entries.append((k, value))
            } else {
                try expect("**")
                entries.append((nil, try bitwiseOr()))
            }
            if accept("}") { return Expr(.dict(entries), open) }
            guard accept(",") else { throw unexpectedAfter(entries[entries.count - 1].value) }
            if accept("}") { return Expr(.dict(entries), open) }
            key = try dictKey()
        }
    }

    /// The next key of a dict display (nil for `**`), with CPython's message for `{1: 2, 3}`.
    mutating func dictKey() throws(SyntaxError) -> Expr? {
        if at("**") { return nil }
        let k = try expression()
        if !at(":") && (at(",") || at("}")) {
            throw error("':' expected after dictionary key", k.pos)
        }
        return k
    }

    /// `f(args)`: positional, `*iterable`, `name=value`, `**mapping`, or a sole generator.
    mutating func call(_ function: Expr) throws(SyntaxError) -> Expr {
        let open = advance()
        var args = ParsedCallArguments(open: open.pos)
        while !at(")") {
            try argument(&args)
            if at(")") { break }
            guard accept(",") else { throw unexpectedAfter(args.last ?? function) }
        }
        advance()
        return Expr(.call(func: function, args: args.positional, keywords: args.keywords), function.pos)
    }

    /// One argument, checked against CPython's ordering rules.
    mutating func argument(_ args: inout ParsedCallArguments) throws(SyntaxError) {
        let start = tok
        let hasKwUnpack = args.keywords.contains { $0.name == nil }
        if accept("*") {
            if hasKwUnpack { throw error("iterable argument unpacking follows keyword argument unpacking", start.pos) }
            args.append(Expr(.starred(try expression()), start.pos))
        } else if accept("**") {
            args.append(Keyword(name: nil, value: try expression()))
        } else if tok.kind == .name && peekTok().isOp("=") {
            let name = advance().text
            advance()
            args.append(Keyword(name: name, value: try expression()))
        } else {
            let e = try namedExpression()
            if atComprehension {
                let gen = Expr(.generatorExp(e, try comprehensionClauses()), args.open)
                if args.count > 0 || at(",") { throw error("Generator expression must be parenthesized", e.pos) }
                return args.append(gen)
            }
            if at("=") {
                throw error("expression cannot contain assignment, perhaps you meant \"==\"?", e.pos)
            }
            if hasKwUnpack { throw error("positional argument follows keyword argument unpacking", e.pos) }
            if !args.keywords.isEmpty { throw error("positional argument follows keyword argument", e.pos) }
            args.append(e)
        }
    }

    /// `a[i]`, `a[i:j:k]`, `a[i, j:k]`.
    mutating func subscription(_ value: Expr) throws(SyntaxError) -> Expr {
        let open = advance()
        let first = try sliceItem()
        var index = first
        if case .starred = first.kind, !at(",") { index = Expr(.tuple([first]), first.pos) }
        if at(",") {
            var items = [first]
            while accept(",") {
                if at("]") { break }
                items.append(try sliceItem())
            }
            index = Expr(.tuple(items), first.pos)
        }
        guard accept("]") else { throw unexpectedAfter(index) }
        _ = open
        return Expr(.subscript(value, index), value.pos)
    }

    /// A subscript element: a slice, `*a`, or a named expression.
    mutating func sliceItem() throws(SyntaxError) -> Expr {
        let start = tok.pos
        if at("*") { return try starNamedExpression() }
        var lower: Expr?
        if !at(":") {
            let e = try namedExpression()
            guard at(":") else { return e }
            lower = e
        }
        advance()
        let upper = at(":") || at("]") || at(",") ? nil : try expression()
        var step: Expr?
        if accept(":") && !at("]") && !at(",") { step = try expression() }
        return Expr(.slice(lower: lower, upper: upper, step: step), lower?.pos ?? start)
    }
}

/// The arguments of a call being parsed.
struct ParsedCallArguments {
    var open: SourcePos
    var positional: [Expr] = []
    var keywords: [Keyword] = []

    var count: Int { positional.count + keywords.count }
    /// The most recently parsed argument value.
    var last: Expr? { lastWasKeyword ? keywords.last?.value : positional.last }
    private var lastWasKeyword = false

    init(open: SourcePos) { self.open = open }

    mutating func append(_ e: Expr) {
        positional.append(e)
        lastWasKeyword = false
    }

    mutating func append(_ k: Keyword) {
        keywords.append(k)
        lastWasKeyword = true
    }
}
