/// Compound statements: `if`, `while`, `for`, `try`, `with`, `def`, `class`, decorators and
/// their `async` forms, and indented blocks.

extension Parser {
    /// A compound statement, or nil when the line holds simple statements.
    mutating func compoundStatement() throws(SyntaxError) -> Stmt? {
        guard tok.kind == .keyword || at("@") else { return nil }
        switch tok.text {
        case "if": return try ifStatement()
        case "while": return try whileStatement()
        case "for": return try forStatement(start: tok.pos, isAsync: false)
        case "try": return try tryStatement()
        case "with": return try withStatement(start: tok.pos, isAsync: false)
        case "def": return try functionDef(decorators: [], start: tok.pos, isAsync: false)
        case "class": return try classDef(decorators: [])
        case "@": return try decorated()
        case "async": return try asyncStatement()
        default: return nil
        }
    }

    mutating func asyncStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        switch tok.kind == .keyword ? tok.text : "" {
        case "def": return try functionDef(decorators: [], start: kw.pos, isAsync: true)
        case "for": return try forStatement(start: kw.pos, isAsync: true)
        case "with": return try withStatement(start: kw.pos, isAsync: true)
        default: throw invalidSyntax()
        }
    }

    /// The block after a compound statement's `:`: an indented suite or simple statements on
    /// the same line. `what` names the statement in "expected an indented block after …".
    mutating func block(_ what: String, line: Int) throws(SyntaxError) -> [Stmt] {
        guard tok.kind == .newline else { return try simpleStatements() }
        advance()
        guard tok.kind == .indent else {
            throw error("expected an indented block after \(what) on line \(line)", endOfInputPos, .indentation)
        }
        advance()
        var body: [Stmt] = []
        while tok.kind != .dedent && tok.kind != .endMarker { body += try statement() }
        if tok.kind == .dedent { advance() }
        return body
    }

    /// A `:` ending a compound statement header. CPython says "expected ':'" when the line ends
    /// early, or always for headers with a forced colon (`def`, `try`, `else`, `finally`).
    mutating func expectColon(forced: Bool = false) throws(SyntaxError) {
        if accept(":") { return }
        if forced || tok.kind == .newline { throw error("expected ':'", tok.pos) }
        throw invalidSyntax()
    }

    /// A loop body: `break`/`continue` are allowed inside.
    mutating func loopBody(_ what: String, line: Int) throws(SyntaxError) -> [Stmt] {
        loopDepth += 1
        defer { loopDepth -= 1 }
        return try block(what, line: line)
    }

    mutating func elseBlock() throws(SyntaxError) -> [Stmt] {
        guard atKeyword("else") else { return [] }
        let kw = advance()
        try expectColon(forced: true)
        return try block("'else' statement", line: kw.pos.line)
    }

    /// `if`/`elif` chains: each `elif` becomes a nested `if` in `orelse`.
    mutating func ifStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        let test = try namedExpression()
        try expectColon()
        let body = try block("'\(kw.text)' statement", line: kw.pos.line)
        let orelse = atKeyword("elif") ? [try ifStatement()] : try elseBlock()
        return Stmt(.ifStmt(test: test, body: body, orelse: orelse), kw.pos)
    }

    mutating func whileStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        let test = try namedExpression()
        try expectColon()
        let body = try loopBody("'while' statement", line: kw.pos.line)
        return Stmt(.whileStmt(test: test, body: body, orelse: try elseBlock()), kw.pos)
    }

    mutating func forStatement(start: SourcePos, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let kw = advance()
        let target = try targetList()
        try validateTarget(target, verb: "assign to")
        checkStarredTargets(target)
        guard acceptKeyword("in") else { throw invalidSyntax() }
        let iter = try starExpressions()
        try expectColon()
        let body = try loopBody("'for' statement", line: kw.pos.line)
        let orelse = try elseBlock()
        return Stmt(.forStmt(target: target, iter: iter, body: body, orelse: orelse, isAsync: isAsync), start)
    }

    mutating func tryStatement() throws(SyntaxError) -> Stmt {
        let kw = advance()
        try expectColon(forced: true)
        let body = try block("'try' statement", line: kw.pos.line)
        var handlers: [ExceptHandler] = []
        var isStar = false
        while atKeyword("except") {
            let handler = try exceptHandler(&isStar, first: handlers.isEmpty)
            if let last = handlers.last, last.type == nil {
                throw error("default 'except:' must be last", last.pos)
            }
            handlers.append(handler)
        }
        let orelse = handlers.isEmpty ? [] : try elseBlock()
        var finalbody: [Stmt] = []
        var hasFinally = false
        if atKeyword("finally") {
            let fkw = advance()
            try expectColon(forced: true)
            finalbody = try block("'finally' statement", line: fkw.pos.line)
            hasFinally = true
        }
        if handlers.isEmpty && !hasFinally {
            throw error("expected 'except' or 'finally' block", endOfInputPos)
        }
        return Stmt(.tryStmt(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, isStar: isStar), kw.pos)
    }

    /// `except [*] [type [as name]]: block`
    mutating func exceptHandler(_ isStar: inout Bool, first: Bool) throws(SyntaxError) -> ExceptHandler {
        let kw = advance()
        let star = accept("*")
        if first { isStar = star } else if star != isStar {
            throw error("cannot have both 'except' and 'except*' on the same 'try'", kw.pos)
        }
        var type: Expr?
        var name: String?
        if !at(":") {
            let t = try expression()
            if at(",") { throw error("multiple exception types must be parenthesized", t.pos) }
            type = t
            if acceptKeyword("as") { name = try expectName() }
        } else if star {
            throw error("expected one or more exception types", tok.pos)
        }
        try expectColon()
        let body = try block(star ? "'except*' statement" : "'except' statement", line: kw.pos.line)
        return ExceptHandler(type: type, name: name, body: body, pos: kw.pos)
    }

    mutating func withStatement(start: SourcePos, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let kw = advance()
        let items = try withItems()
        try expectColon()
        let body = try block("'with' statement", line: kw.pos.line)
        return Stmt(.with(items: items, body: body, isAsync: isAsync), start)
    }

    /// The items of a `with`: parenthesized if that reading works, else plain expressions
    /// (`with (a, b) as c:`). When both fail, the error found further along is reported.
    mutating func withItems() throws(SyntaxError) -> [WithItem] {
        var parenError: SyntaxError?
        if at("(") {
            let saved = (p, deferred, depth)
            do throws(SyntaxError) {
                return try parenthesizedWithItems()
            } catch {
                parenError = error
                (p, deferred, depth) = saved
            }
        }
        do throws(SyntaxError) {
            var items = [try withItem()]
            while accept(",") { items.append(try withItem()) }
            return items
        } catch {
            if let parenError, (parenError.pos.line, parenError.pos.column) > (error.pos.line, error.pos.column) {
                throw parenError
            }
            throw error
        }
    }

    /// `with (a as b, c as d):` — only when the parenthesis is followed by `:`.
    mutating func parenthesizedWithItems() throws(SyntaxError) -> [WithItem] {
        advance()
        var items = [try withItem()]
        while accept(",") {
            if at(")") { break }
            items.append(try withItem())
        }
        try expect(")")
        guard at(":") else { throw invalidSyntax() }
        return items
    }

    mutating func withItem() throws(SyntaxError) -> WithItem {
        let context = try expression()
        guard acceptKeyword("as") else { return WithItem(context: context, target: nil) }
        let target = try targetElement()
        try validateTarget(target, verb: "assign to")
        return WithItem(context: context, target: target)
    }

    /// `@decorator` lines followed by a `def`, `async def` or `class`.
    mutating func decorated() throws(SyntaxError) -> Stmt {
        var decorators: [Expr] = []
        while accept("@") {
            decorators.append(try namedExpression())
            guard tok.kind == .newline else { throw invalidSyntax() }
            advance()
        }
        if atKeyword("def") { return try functionDef(decorators: decorators, start: tok.pos, isAsync: false) }
        if atKeyword("class") { return try classDef(decorators: decorators) }
        if atKeyword("async") && peekTok().isKeyword("def") {
            let start = advance().pos
            return try functionDef(decorators: decorators, start: start, isAsync: true)
        }
        throw invalidSyntax()
    }

    mutating func functionDef(decorators: [Expr], start: SourcePos, isAsync: Bool) throws(SyntaxError) -> Stmt {
        let kw = advance()
        let name = try expectName()
        let typeParams = at("[") ? try typeParams() : []
        guard accept("(") else { throw error("expected '('", tok.pos) }
        let params = try parameters(closing: ")", annotations: true)
        try expect(")")
        let returns = accept("->") ? try expression() : nil
        try expectColon(forced: true)
        let body = try definitionBody(.function, "function definition", line: kw.pos.line)
        var def = FunctionDef(name: name, params: params, body: body, decorators: decorators, isAsync: isAsync, returns: returns)
        def.typeParams = typeParams
        return Stmt(.functionDef(def), start)
    }

    mutating func classDef(decorators: [Expr]) throws(SyntaxError) -> Stmt {
        let kw = advance()
        let nameTok = tok
        let name = try expectName()
        let typeParams = at("[") ? try typeParams() : []
        var bases: [Expr] = []
        var keywords: [Keyword] = []
        if at("(") {
            let call = try call(Expr(.name(name), nameTok.pos))
            if case .call(_, let args, let kws) = call.kind {
                bases = args
                keywords = kws
            }
            if let gen = bases.first(where: { if case .generatorExp = $0.kind { true } else { false } }) {
                throw error("invalid syntax", gen.pos)
            }
        }
        try expectColon()
        let body = try definitionBody(.classBody, "class definition", line: kw.pos.line)
        var def = ClassDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators)
        def.typeParams = typeParams
        return Stmt(.classDef(def), kw.pos)
    }

    /// A function or class body: a new scope where enclosing loops do not count.
    mutating func definitionBody(_ kind: ParseScope, _ what: String, line: Int) throws(SyntaxError) -> [Stmt] {
        let saved = (scope, loopDepth)
        scope = kind
        loopDepth = 0
        defer { (scope, loopDepth) = saved }
        return try block(what, line: line)
    }
}
