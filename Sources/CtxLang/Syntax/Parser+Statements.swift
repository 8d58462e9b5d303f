/// Statement lines and simple statements (assignments, imports, `return`, `del`, …).

extension Parser {
    /// One logical line: a compound statement, or `;`-separated simple statements.
    mutating func statement() throws(SyntaxError) -> [Stmt] {
        if tok.kind == .indent { throw error("unexpected indent", tok.pos, .indentation) }
        if atTypeAlias { return try typeAliasStatement() }
        if let line = try matchStatementOrLine() { return line }
        if let compound = try compoundStatement() {
            switch compound.kind {
            case .functionDef(let f): return expandTypeParams(compound, f.typeParams)
            case .classDef(let c): return expandTypeParams(compound, c.typeParams)
            default: return [compound]
            }
        }
        return try simpleStatements()
    }

    /// `type X = …` / `type X[T] = …`: `type` is a soft keyword (PEP 695).
    var atTypeAlias: Bool {
        tok.kind == .name && tok.text == "type" && peekTok().kind == .name && (peekTok(2).isOp("=") || peekTok(2).isOp("["))
    }

    mutating func simpleStatements() throws(SyntaxError) -> [Stmt] {
        var out = [try smallStatement()]
        while accept(";") {
            if tok.kind == .newline { break }
            out.append(try smallStatement())
        }
        guard tok.kind == .newline else { throw statementEndError(out[out.count - 1]) }
        advance()
        return out
    }

    /// The error for a simple statement followed by more tokens.
    func statementEndError(_ stmt: Stmt) -> SyntaxError {
        if case .expr(let e) = stmt.kind, case .name(let n) = e.kind, n == "print" || n == "exec",
           canStartExpression {
            return error("Missing parentheses in call to '\(n)'. Did you mean \(n)(...)?", e.pos)
        }
        return invalidSyntax()
    }

    mutating func smallStatement() throws(SyntaxError) -> Stmt {
        let t = tok
        guard t.kind == .keyword else { return try expressionStatement() }
        switch t.text {
        case "pass":
            advance()
            return Stmt(.pass, t.pos)
        case "break", "continue":
            advance()
            if loopDepth == 0 {
                deferError(t.text == "break" ? "'break' outside loop" : "'continue' not properly in loop", t.pos,
                           end: SourcePos(line: t.pos.line, column: t.pos.column + t.text.count))
            }
            return Stmt(t.text == "break" ? .breakStmt : .continueStmt, t.pos)
        case "return": return try returnStatement()
        case "raise": return try raiseStatement()
        case "global", "nonlocal": return try scopeDeclaration()
        case "del": return try delStatement()
        case "assert":
            advance()
            let test = try expression()
            let msg = accept(",") ? try expression() : nil
            return Stmt(.assert(test: test, msg: msg), t.pos)
        case "import": return try importStatement()
        case "from": return try fromImportStatement()
        default: return try expressionStatement()
        }
    }

    mutating func returnStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        let value = canStartExpression || at("*") ? try starExpressions() : nil
        if scope != .function {
            deferError("'return' outside function", kw.pos, end: value?.end ?? SourcePos(line: kw.pos.line, column: kw.pos.column + 6))
        }
        return Stmt(.returnStmt(value), kw.pos)
    }

    mutating func raiseStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        guard canStartExpression else { return Stmt(.raise(exc: nil, cause: nil), kw.pos) }
        let exc = try expression()
        let cause = acceptKeyword("from") ? try expression() : nil
        return Stmt(.raise(exc: exc, cause: cause), kw.pos)
    }

    mutating func scopeDeclaration() throws(SyntaxError) -> Stmt {
        let kw = advance()
        var names = [try expectName()]
        while accept(",") { names.append(try expectName()) }
        if kw.text == "global" { return Stmt(.global(names), kw.pos) }
        if scope == .module { deferError("nonlocal declaration not allowed at module level", kw.pos) }
        return Stmt(.nonlocal(names), kw.pos)
    }

    mutating func delStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        var targets = [try targetElement()]
        while accept(",") {
            guard canStartExpression || at("*") else { break }
            targets.append(try targetElement())
        }
        for target in targets { try validateTarget(target, verb: "delete") }
        return Stmt(.delete(targets), kw.pos)
    }

    /// Expression statements and all forms of assignment.
    mutating func expressionStatement() throws(SyntaxError) -> Stmt {
        let start = tok.pos
        let first = try yieldOrStarExpressions()
        if at(":") { return try annotatedAssignment(first, start) }
        if tok.kind == .op, tok.text.count >= 2, tok.text.hasSuffix("="),
           let op = BinaryOp(rawValue: String(tok.text.dropLast())) {
            try validateAugTarget(first)
            advance()
            return Stmt(.augAssign(target: first, op: op, value: try yieldOrStarExpressions()), start)
        }
        guard at("=") else {
            if case .starred = first.kind { deferError("can't use starred expression here", first.pos, end: first.end) }
            return Stmt(.expr(first), start)
        }
        var targets = [first]
        while accept("=") { targets.append(try yieldOrStarExpressions()) }
        let value = targets.removeLast()
        try validateAssignTargets(targets)
        for target in targets { checkStarredTargets(target) }
        if case .starred = value.kind { deferError("can't use starred expression here", value.pos, end: value.end) }
        return Stmt(.assign(targets: targets, value: value), start)
    }

    func validateAssignTargets(_ targets: [Expr]) throws(SyntaxError) {
        if targets.count == 1, suggestsComparison(targets[0]) {
            throw errorSpanning("cannot assign to \(describe(targets[0])) here. Maybe you meant '==' instead of '='?", targets[0])
        }
        for target in targets { try validateTarget(target, verb: "assign to") }
    }

    /// `f() = 1`: CPython suggests `==` for a single, simple, invalid target.
    func suggestsComparison(_ e: Expr) -> Bool {
        switch e.kind {
        case .name, .attribute, .subscript, .tuple, .list, .generatorExp, .starred, .compare, .boolOp,
             .unary(.not, _), .ifExp, .lambda, .namedExpr, .yield, .yieldFrom,
             .constant(.none), .constant(.bool):
            return false
        default:
            return true
        }
    }

    mutating func annotatedAssignment(_ target: Expr, _ start: SourcePos) throws(SyntaxError) -> Stmt {
        switch target.kind {
        case .name, .attribute, .subscript: break
        case .tuple: throw error("only single target (not tuple) can be annotated", target.pos)
        case .list: throw error("only single target (not list) can be annotated", target.pos)
        default: throw error("illegal target for annotation", target.pos)
        }
        advance()
        let annotation = try expression()
        let value = accept("=") ? try yieldOrStarExpressions() : nil
        return Stmt(.annAssign(target: target, annotation: annotation, value: value), start)
    }

    func validateAugTarget(_ e: Expr) throws(SyntaxError) {
        switch e.kind {
        case .name, .attribute, .subscript: return
        default: throw errorSpanning("'\(describe(e))' is an illegal expression for augmented assignment", e)
        }
    }

    /// `import a.b as c, d`
    mutating func importStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        guard tok.kind == .name else { throw error("Expected one or more names after 'import'", tok.pos) }
        var names: [ImportAlias] = []
        repeat {
            let name = try dottedName()
            names.append(ImportAlias(name: name, asName: acceptKeyword("as") ? try expectName() : nil))
        } while accept(",")
        return Stmt(.importModules(names), kw.pos)
    }

    mutating func dottedName() throws(SyntaxError) -> String {
        var name = try expectName()
        while accept(".") { name += "." + (try expectName()) }
        return name
    }

    /// `from ..a.b import (x as y, z)` / `from a import *`
    mutating func fromImportStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        var level = 0
        while at(".") || at("...") { level += advance().text.count }
        let module = level == 0 || tok.kind == .name ? try dottedName() : ""
        guard acceptKeyword("import") else { throw invalidSyntax() }
        if accept("*") {
            return Stmt(.importFrom(module: module, names: [ImportAlias(name: "*", asName: nil)], level: level), kw.pos)
        }
        let parenthesized = accept("(")
        guard tok.kind == .name else {
            throw parenthesized ? invalidSyntax() : error("Expected one or more names after 'import'", tok.pos)
        }
        var names: [ImportAlias] = []
        while tok.kind == .name {
            let name = advance().text
            names.append(ImportAlias(name: name, asName: acceptKeyword("as") ? try expectName() : nil))
            guard accept(",") else { break }
            if !parenthesized && tok.kind == .newline {
                throw error("trailing comma not allowed without surrounding parentheses", previous.pos)
            }
        }
        if parenthesized { try expect(")") }
        return Stmt(.importFrom(module: module, names: names, level: level), kw.pos)
    }
}
