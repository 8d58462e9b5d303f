/// Assignment, deletion and loop targets, and parameter lists.

extension Parser {
    /// `star_targets` as in `for a, *b in …`: bitwise-or-level elements so that `in` and `=`
    /// end the list.
    mutating func targetList() throws(SyntaxError) -> Expr {
        let first = try targetElement()
        guard at(",") else { return first }
        var items = [first]
        while accept(",") {
            guard canStartExpression || at("*") else { break }
            items.append(try targetElement())
        }
        return Expr(.tuple(items), first.pos)
    }

    mutating func targetElement() throws(SyntaxError) -> Expr {
        guard at("*") else { return try bitwiseOr() }
        let star = advance()
        return Expr(.starred(try bitwiseOr()), star.pos)
    }

    /// Checks that `e` can be assigned to (`verb` "assign to") or deleted ("delete").
    func validateTarget(_ e: Expr, verb: String) throws(SyntaxError) {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let items), .list(let items):
            for item in items { try validateTarget(item, verb: verb) }
        case .starred(let inner) where verb != "delete":
            try validateTarget(inner, verb: verb)
        case .yield where verb != "delete", .yieldFrom where verb != "delete":
            throw errorSpanning("assignment to yield expression not possible", e)
        default:
            throw errorSpanning("cannot \(verb) \(describe(e))", e)
        }
    }

    /// Compiler-level checks on starred assignment targets.
    mutating func checkStarredTargets(_ e: Expr) {
        switch e.kind {
        case .starred:
            deferError("starred assignment target must be in a list or tuple", e.pos)
        case .tuple(let items), .list(let items):
            let starred = items.filter { if case .starred = $0.kind { return true } else { return false } }
            if starred.count > 1 { deferError("multiple starred expressions in assignment", e.pos) }
            for item in items {
                if case .starred(let inner) = item.kind { checkStarredTargets(inner) } else { checkStarredTargets(item) }
            }
        default:
            return
        }
    }

    /// A parameter list up to (not including) `closing`: `a, b=1, /, c, *args, d, **kw`.
    mutating func parameters(closing: String, annotations: Bool) throws(SyntaxError) -> Parameters {
        var state = ParsedParameterList()
        while !at(closing) {
            try parameter(&state, annotations: annotations)
            guard accept(",") else { break }
        }
        if let star = state.bareStar, state.params.kwOnly.isEmpty {
            throw error("named arguments must follow bare *", star)
        }
        return state.params
    }

    /// One entry of a parameter list.
    mutating func parameter(_ s: inout ParsedParameterList, annotations: Bool) throws(SyntaxError) {
        if s.params.kwArgs != nil { throw error("arguments cannot follow var-keyword argument", tok.pos) }
        let start = tok
        if accept("/") {
            if s.sawStar { throw error("/ must be ahead of *", start.pos) }
            if s.sawSlash { throw error("/ may appear only once", start.pos) }
            if s.params.regular.isEmpty { throw error("at least one argument must precede /", start.pos) }
            s.sawSlash = true
            s.params.posOnly = s.params.regular
            s.params.regular = []
        } else if accept("*") {
            if s.sawStar { throw error("* argument may appear only once", start.pos) }
            s.sawStar = true
            if at(",") || at(closingFor(annotations)) {
                s.bareStar = start.pos
                return
            }
            s.params.varArgs = try singleParam(&s, annotations: annotations, defaults: false, what: "var-positional")
        } else if accept("**") {
            s.params.kwArgs = try singleParam(&s, annotations: annotations, defaults: false, what: "var-keyword")
        } else {
            let param = try singleParam(&s, annotations: annotations, defaults: true, what: "")
            if s.sawStar {
                s.params.kwOnly.append(param)
            } else {
                if param.defaultValue == nil && s.sawDefault {
                    throw error("parameter without a default follows parameter with a default", start.pos)
                }
                s.sawDefault = s.sawDefault || param.defaultValue != nil
                s.params.regular.append(param)
            }
        }
    }

    func closingFor(_ annotations: Bool) -> String { annotations ? ")" : ":" }

    /// `name [: annotation] [= default]`.
    mutating func singleParam(_ s: inout ParsedParameterList, annotations: Bool, defaults: Bool, what: String) throws(SyntaxError) -> Param {
        let nameTok = tok
        let name = try expectName()
        if s.names.contains(name) {
            deferError("duplicate argument '\(name)' in function definition", nameTok.pos)
        }
        s.names.insert(name)
        var param = Param(name: name)
        if annotations && accept(":") { param.annotation = try expression() }
        if at("=") {
            if !defaults { throw error("\(what) argument cannot have default value", tok.pos) }
            advance()
            param.defaultValue = try expression()
        }
        return param
    }
}

/// Bookkeeping while parsing a parameter list.
struct ParsedParameterList {
    var params = Parameters()
    var names: Set<String> = []
    var sawDefault = false
    var sawSlash = false
    var sawStar = false
    var bareStar: SourcePos?
}
