import CtxCore

extension Compiler {
    mutating func compileBody(_ body: [Stmt]) throws {
        for s in body { try compile(s) }
    }

    mutating func compile(_ s: Stmt) throws {
        line = s.pos.line
        span = nil
        switch s.kind {
        case .expr(let e):
            try compile(e)
            emit(mode == .interactive && echo && unit.code.usesNamespace && unit.scope.kind == .module ? .displayHook : .pop)
        case .assign(let targets, let value):
            try compile(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { emit(.dup) }
                try assign(to: t)
            }
        case .augAssign(let target, let op, let value): try augAssign(target, op, value)
        case .annAssign(let target, let annotation, let value):
            if let value {
                try compile(value)
                try assign(to: target)
            }
            // Module and class bodies evaluate a simple name's annotation into __annotations__
            // (CPython 3.13's eager semantics); function bodies never evaluate annotations.
            // Under `from __future__ import annotations` the annotation is its source text
            // (`Unparse.swift`), never evaluated.
            if unit.scope.kind != .function, case .name(let name) = target.kind {
                if futureAnnotations {
                    emit(.loadConst(constant(.str(try Unparse.annotation(annotation)))))
                } else {
                    try compile(annotation)
                }
                emit(.storeAnnotation(nameIndex(name)))
            }
        case .importModules(let aliases): try compileImport(aliases)
        case .importFrom(let module, let names, let level):
            if level > 0 { throw Unsupported("relative imports are not supported by ctxlab", s.pos) }
            try compileFromImport(module, names, s.pos)
        case .functionDef(let f): try compileFunctionDef(f, s.pos)
        case .classDef(let c): try compileClassDef(c, s.pos)
        case .returnStmt(let value):
            // The carets cover the statement: `return` and its value.
            let end = value?.end ?? SourcePos(line: s.pos.line, column: s.pos.column + 6)
            guard unit.scope.kind == .function else {
                throw CompileSyntaxError(message: "'return' outside function", pos: s.pos, end: end)
            }
            if value != nil, unit.code.isAsync, unit.scope.hasYield {
                throw CompileSyntaxError(message: "'return' with value in async generator", pos: s.pos, end: end)
            }
            if let value { try compile(value) } else { emit(.loadConst(constant(.none))) }
            try unwindBlocks(forReturn: true, upToLoop: false, at: s.pos)
            emit(.returnValue)
        case .ifStmt(let test, let body, let orelse):
            try compile(test)
            let toElse = emit(.popJumpIfFalse(-1))
            try compileBody(body)
            if orelse.isEmpty {
                patch(toElse, to: here)
            } else {
                let toEnd = emit(.jump(-1))
                patch(toElse, to: here)
                try compileBody(orelse)
                patch(toEnd, to: here)
            }
        case .whileStmt(let test, let body, let orelse): try compileWhile(test, body, orelse)
        case .forStmt(let target, let iter, let body, let orelse, let isAsync):
            if isAsync {
                guard unit.code.isAsync || (unit.scope.kind == .module && mode == .interactive) else {
                    throw CompileSyntaxError(message: "'async for' outside async function", pos: s.pos)
                }
                try compileAsyncFor(target, iter, body, orelse)
            } else {
                try compileFor(target, iter, body, orelse)
            }
        case .breakStmt: try compileBreak(s.pos)
        case .continueStmt: try compileContinue(s.pos)
        case .pass: emit(.nop)
        case .tryStmt(let body, let handlers, let orelse, let finalbody, let isStar):
            try compileTry(body, handlers, orelse, finalbody, isStar: isStar)
        case .raise(let exc, let cause):
            var n = 0
            if let exc {
                try compile(exc)
                n = 1
                if let cause {
                    try compile(cause)
                    n = 2
                }
            }
            emit(.raise(n))
        case .with(let items, let body, let isAsync):
            if isAsync && !unit.code.isAsync && !(unit.scope.kind == .module && mode == .interactive) {
                throw CompileSyntaxError(message: "'async with' outside async function", pos: s.pos)
            }
            try compileWith(items[...], body, isAsync: isAsync)
        case .global, .nonlocal:
            if case .nonlocal = s.kind, unit.scope.kind == .module {
                throw CompileSyntaxError(message: "nonlocal declaration not allowed at module level", pos: s.pos)
            }
        case .assert(let test, let msg):
            try compile(test)
            let ok = emit(.popJumpIfTrue(-1))
            if let msg { try compile(msg) }
            span = spanOf(test)  // the AssertionError is raised at the test (its carets)
            emit(.assertFail(hasMessage: msg != nil))
            patch(ok, to: here)
        case .delete(let targets): for t in targets { try delete(t) }
        case .match(let subject, let cases): try compileMatch(subject, cases)
        }
    }

    // MARK: assignment

    mutating func assign(to t: Expr) throws {
        let outer = span
        span = spanOf(t)  // a store raises at its target (`a[3] = 1` underlines `a[3]`)
        defer { span = outer }
        switch t.kind {
        case .name(let n): storeName(n)
        case .attribute(let obj, let attr):
            noteStaticAttribute(obj, attr)
            try compile(obj)
            emit(.storeAttr(nameIndex(attr)))
        case .subscript(let obj, let idx):
            try compile(obj)
            try compile(idx)
            emit(.storeSubscript)
        case .tuple(let items), .list(let items):
            if let star = items.firstIndex(where: { if case .starred = $0.kind { return true } else { return false } }) {
                emit(.unpackEx(before: star, after: items.count - star - 1))
            } else {
                emit(.unpackSequence(items.count))
            }
            for item in items {
                if case .starred(let inner) = item.kind { try assign(to: inner) } else { try assign(to: item) }
            }
        default:
            throw CompileSyntaxError(message: "cannot assign to \(describe(t))", pos: t.pos, end: t.end)
        }
    }

    func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: return "function call"
        case .constant: return "literal"
        default: return "expression"
        }
    }

    mutating func augAssign(_ target: Expr, _ op: BinaryOp, _ value: Expr) throws {
        // The target's loads and stores carry its span; the operation the statement's (none).
        let outer = span
        span = spanOf(target)
        defer { span = outer }
        switch target.kind {
        case .name(let n):
            loadName(n)
            try compile(value)
            span = nil
            emit(.inplace(op))
            span = spanOf(target)
            storeName(n)
        case .attribute(let obj, let attr):
            noteStaticAttribute(obj, attr)
            try compile(obj)
            emit(.dup)
            emit(.loadAttr(nameIndex(attr)))
            try compile(value)
            span = nil
            emit(.inplace(op))
            span = spanOf(target)
            emit(.rot2)
            emit(.storeAttr(nameIndex(attr)))
        case .subscript(let obj, let idx):
            try compile(obj)
            try compile(idx)
            emit(.dup2)
            emit(.loadSubscript)
            try compile(value)
            span = nil
            emit(.inplace(op))
            span = spanOf(target)
            emit(.rot3)
            emit(.storeSubscript)
        default:
            throw CompileSyntaxError(message: "'\(describe(target))' is an illegal expression for augmented assignment", pos: target.pos, end: target.end)
        }
    }

    mutating func delete(_ t: Expr) throws {
        let outer = span
        span = spanOf(t)
        defer { span = outer }
        switch t.kind {
        case .name(let n): deleteName(n)
        case .attribute(let obj, let attr):
            try compile(obj)
            emit(.deleteAttr(nameIndex(attr)))
        case .subscript(let obj, let idx):
            try compile(obj)
            try compile(idx)
            emit(.deleteSubscript)
        case .tuple(let items), .list(let items): for i in items { try delete(i) }
        default: throw CompileSyntaxError(message: "cannot delete \(describe(t))", pos: t.pos, end: t.end)
        }
    }

    // MARK: imports

    mutating func compileImport(_ aliases: [ImportAlias]) throws {
        for a in aliases {
            emit(.importName(nameIndex(a.name)))
            if let asName = a.asName {
                for part in a.name.split(separator: ".").dropFirst() { emit(.loadAttr(nameIndex(String(part)))) }
                storeName(asName)
            } else {
                storeName(String(a.name.split(separator: ".")[0]))
            }
        }
    }

    mutating func compileFromImport(_ module: String, _ names: [ImportAlias], _ pos: SourcePos) throws {
        emit(.importName(nameIndex(module)))
        for part in module.split(separator: ".").dropFirst() { emit(.loadAttr(nameIndex(String(part)))) }
        if names.count == 1 && names[0].name == "*" {
            guard unit.scope.kind == .module else {
                throw CompileSyntaxError(message: "import * only allowed at module level", pos: pos)
            }
            emit(.importStar)
            return
        }
        for a in names {
            emit(.importFrom(nameIndex(a.name)))
            storeName(a.asName ?? a.name)
        }
        emit(.pop)
    }

    // MARK: loops

    mutating func compileWhile(_ test: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let top = here
        try compile(test)
        let exit = emit(.popJumpIfFalse(-1))
        unit.breakLists.append([])
        let breaks = unit.breakLists.count - 1
        unit.blocks.append(.loop(continueTarget: top, breaks: breaks))
        try compileBody(body)
        unit.blocks.removeLast()
        emit(.jump(top))
        patch(exit, to: here)
        try compileBody(orelse)
        for b in unit.breakLists[breaks] { patch(b, to: here) }
    }

    mutating func compileFor(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        try compile(iter)
        emit(.getIter)
        let top = emit(.forIter(-1))
        try assign(to: target)
        unit.breakLists.append([])
        let breaks = unit.breakLists.count - 1
        unit.blocks.append(.forLoop(continueTarget: top, breaks: breaks))
        try compileBody(body)
        unit.blocks.removeLast()
        emit(.jump(top))
        patch(top, to: here)
        try compileBody(orelse)
        for b in unit.breakLists[breaks] { patch(b, to: here) }
    }

    /// CPython's `compiler_async_for`: the loop's handler ends it on StopAsyncIteration.
    mutating func compileAsyncFor(_ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) throws {
        let pos = line
        try compile(Self.foldedIterable(iter))
        emit(.getAIter)
        let top = here
        let handler = emitAsyncNext(pos)
        try assign(to: target)
        unit.breakLists.append([])
        let breaks = unit.breakLists.count - 1
        unit.blocks.append(.forLoop(continueTarget: top, breaks: breaks))
        try compileBody(body)
        unit.blocks.removeLast()
        line = pos
        emit(.jump(top))
        patch(handler, to: here)
        emit(.endAsyncFor)
        try compileBody(orelse)
        for b in unit.breakLists[breaks] { patch(b, to: here) }
    }

    /// CPython's AST optimiser (`fold_iter`): a list display iterated by a loop is built as a
    /// tuple (visible in `async for`'s TypeError: `got tuple`).
    static func foldedIterable(_ iter: Expr) -> Expr {
        guard case .list(let items) = iter.kind,
              !items.contains(where: { if case .starred = $0.kind { true } else { false } }) else { return iter }
        return Expr(.tuple(items), iter.pos)
    }

    /// The head of an async loop: the next value of the iterator on top, or a jump to the
    /// handler (returned, to patch at its `endAsyncFor`).
    mutating func emitAsyncNext(_ pos: Int) -> Int {
        line = pos
        let handler = emit(.pushHandler(-1))
        emit(.getANext)
        emit(.await)
        emit(.popHandler)
        return handler
    }

    mutating func compileBreak(_ pos: SourcePos) throws {
        guard let i = unit.blocks.lastIndex(where: { if case .loop = $0 { true } else if case .forLoop = $0 { true } else { false } }) else {
            throw CompileSyntaxError(message: "'break' outside loop", pos: pos, end: SourcePos(line: pos.line, column: pos.column + 5))
        }
        try unwindBlocks(forReturn: false, upToLoop: true, at: pos)
        let breaks: Int
        switch unit.blocks[i] {
        case .forLoop(_, let b):
            emit(.pop)  // the iterator
            breaks = b
        case .loop(_, let b): breaks = b
        default: preconditionFailure()
        }
        unit.breakLists[breaks].append(emit(.jump(-1)))
    }

    mutating func compileContinue(_ pos: SourcePos) throws {
        guard let i = unit.blocks.lastIndex(where: { if case .loop = $0 { true } else if case .forLoop = $0 { true } else { false } }) else {
            throw CompileSyntaxError(message: "'continue' not properly in loop", pos: pos, end: SourcePos(line: pos.line, column: pos.column + 8))
        }
        try unwindBlocks(forReturn: false, upToLoop: true, at: pos)
        switch unit.blocks[i] {
        case .forLoop(let top, _), .loop(let top, _): emit(.jump(top))
        default: preconditionFailure()
        }
    }

    /// Emits what leaving the enclosing blocks requires (CPython: `compiler_unwind_fblock_stack`):
    /// running `finally` bodies, calling `__exit__`, dropping handlers and handled exceptions.
    /// For `return`, the return value is on top of the stack and stays there.
    mutating func unwindBlocks(forReturn: Bool, upToLoop: Bool, at pos: SourcePos) throws {
        let saved = unit.blocks
        defer { unit.blocks = saved }
        while let b = unit.blocks.last {
            switch b {
            case .loop:
                if upToLoop { return }
            case .forLoop:
                if upToLoop { return }
                if forReturn {
                    emit(.rot2)
                    emit(.pop)
                }
            case .tryExcept: emit(.popHandler)
            case .exceptStarBody:
                throw CompileSyntaxError(message: "'break', 'continue' and 'return' cannot appear in an except* block", pos: pos)
            case .exceptBody(let name):
                emit(.popHandler)
                emit(.endExcept)
                if let name { clearName(name) }
            case .finallyBody:
                emit(.popHandler)
                emit(.endExcept)
                if forReturn { emit(.rot2) }
                emit(.pop)  // the exception being handled
            case .finally(let body, let firstChild):
                emit(.popHandler)
                unit.blocks.removeLast()
                try compileFinallyCopy(body, firstChild: firstChild) { c in
                    if forReturn { try c.compileBodyKeepingTop(body) } else { try c.compileBody(body) }
                }
                continue
            case .with(let isAsync, let context):
                let (saved, savedSpan) = (line, span)
                (line, span) = (context.pos.line, spanOf(context))
                emit(.popHandler)
                if forReturn { emit(.rot2) }
                emit(.callExitNone(isAsync: isAsync))
                if isAsync {
                    emit(.await)
                    emit(.pop)
                }
                (line, span) = (saved, savedSpan)
            }
            unit.blocks.removeLast()
        }
    }

    /// A second (or later) copy of a finally body: it uses the same child scopes as the first,
    /// and leaves the scope cursor where it was.
    mutating func compileFinallyCopy(_ body: [Stmt], firstChild: Int, _ compile: (inout Compiler) throws -> Void) throws {
        let saved = unit.nextChild
        unit.nextChild = firstChild
        defer { unit.nextChild = saved }
        try compile(&self)
    }

    /// A finally body compiled while a return value waits on the stack.
    mutating func compileBodyKeepingTop(_ body: [Stmt]) throws {
        try compileBody(body)
    }

    /// `except E as e:` deletes `e` at the end of the handler.
    mutating func clearName(_ name: String) {
        emit(.loadConst(constant(.none)))
        storeName(name)
        deleteName(name)
    }

    // MARK: try

    mutating func compileTry(
        _ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ finalbody: [Stmt], isStar: Bool = false
    ) throws {
        if finalbody.isEmpty {
            try isStar ? compileTryStar(body, handlers, orelse) : compileTryExcept(body, handlers, orelse)
            return
        }
        // The finally body's scopes come after those of the rest of the try statement.
        let firstChild = unit.nextChild + SymbolCollector.childScopeCount(
            [Stmt(.tryStmt(body: body, handlers: handlers, orelse: orelse, finalbody: [], isStar: false), SourcePos(line: 0, column: 0))],
            futureAnnotations: futureAnnotations)
        let handler = emit(.pushHandler(-1))
        unit.blocks.append(.finally(finalbody, firstChild: firstChild))
        if handlers.isEmpty {
            try compileBody(body)
            try compileBody(orelse)
        } else if isStar {
            try compileTryStar(body, handlers, orelse)
        } else {
            try compileTryExcept(body, handlers, orelse)
        }
        unit.blocks.removeLast()
        emit(.popHandler)
        try compileBody(finalbody)
        let toEnd = emit(.jump(-1))
        // The exceptional path: the exception is on the stack while the finally body runs.
        patch(handler, to: here)
        emit(.beginExcept)
        let cleanup = emit(.pushHandler(-1))
        unit.blocks.append(.finallyBody)
        try compileFinallyCopy(finalbody, firstChild: firstChild) { c in try c.compileBody(finalbody) }
        unit.blocks.removeLast()
        emit(.popHandler)
        emit(.endExcept)
        emit(.reraise)
        patch(cleanup, to: here)
        emit(.endExcept)
        emit(.reraise)
        patch(toEnd, to: here)
    }

    /// `try: … except* T as e: …` (PEP 654, CPython's `compiler_try_star_except`): the
    /// exception (wrapped in an ExceptionGroup when it is not one) is split by each clause in
    /// turn; a clause whose part is not empty runs with that part as the exception being handled;
    /// what the clauses raise and what none matched are re-raised together at the end.
    mutating func compileTryStar(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt]) throws {
        var toEnd = [try compileGuardedBody(body, orelse)]  // the whole exception is being handled while the clauses run
        let outer = emit(.pushHandler(-1))  // an error of a clause's type check ends the handling
        emit(.starBegin)
        for h in handlers {
            line = h.pos.line
            guard let type = h.type else { continue }  // the parser requires one
            try compile(type)
            emit(.starMatch)  // state, match-or-None
            emit(.dup)
            emit(.loadConst(constant(.none)))
            emit(.compare(.is))
            let noMatch = emit(.popJumpIfTrue(-1))
            emit(.beginExcept)  // the matched part is the exception being handled
            let (raised, next) = try compileClauseBody(h, as: .exceptStarBody(name: h.name))
            patch(raised, to: here)  // state, exception raised by the clause
            emit(.starRaised)
            emit(.endExcept)
            if let name = h.name { clearName(name) }
            let next2 = emit(.jump(-1))
            patch(noMatch, to: here)
            emit(.pop)  // the None
            patch(next, to: here)
            patch(next2, to: here)
        }
        emit(.starEnd)  // what to re-raise, or None
        emit(.popHandler)
        emit(.dup)
        emit(.loadConst(constant(.none)))
        emit(.compare(.is))
        let nothing = emit(.popJumpIfTrue(-1))
        emit(.endExcept)
        emit(.reraise)
        patch(nothing, to: here)
        emit(.pop)
        emit(.endExcept)
        toEnd.append(emit(.jump(-1)))
        patch(outer, to: here)
        emit(.endExcept)
        emit(.reraise)
        for j in toEnd { patch(j, to: here) }
    }

    /// The body under a handler, then the `else` block and a jump to the end (returned); the
    /// handler's code follows, with the exception being handled on the stack.
    mutating func compileGuardedBody(_ body: [Stmt], _ orelse: [Stmt]) throws -> Int {
        let handlerStart = emit(.pushHandler(-1))
        unit.blocks.append(.tryExcept)
        try compileBody(body)
        unit.blocks.removeLast()
        emit(.popHandler)
        try compileBody(orelse)
        let toEnd = emit(.jump(-1))
        patch(handlerStart, to: here)
        emit(.beginExcept)
        return toEnd
    }

    /// An except clause's body with the exception being handled bound to its name (or dropped),
    /// under a handler for what the body raises; on the normal way out the handling ends and the
    /// name is cleared. Returns that handler (to patch) and the jump past the cleanup.
    mutating func compileClauseBody(_ h: ExceptHandler, as block: Block) throws -> (handler: Int, jump: Int) {
        if let name = h.name { storeName(name) } else { emit(.pop) }
        let handler = emit(.pushHandler(-1))
        unit.blocks.append(block)
        try compileBody(h.body)
        unit.blocks.removeLast()
        emit(.popHandler)
        emit(.endExcept)
        if let name = h.name { clearName(name) }
        return (handler, emit(.jump(-1)))
    }

    mutating func compileTryExcept(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt]) throws {
        var toEnd = [try compileGuardedBody(body, orelse)]
        for h in handlers {
            line = h.pos.line
            var next: Int?
            if let type = h.type {
                try compile(type)
                emit(.checkExcMatch)
                next = emit(.popJumpIfFalse(-1))
            }
            let (cleanup, done) = try compileClauseBody(h, as: .exceptBody(name: h.name))
            toEnd.append(done)
            patch(cleanup, to: here)
            emit(.endExcept)
            if let name = h.name { clearName(name) }
            emit(.reraise)
            if let next { patch(next, to: here) }
        }
        emit(.endExcept)
        emit(.reraise)
        for j in toEnd { patch(j, to: here) }
    }

    // MARK: with

    mutating func compileWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], isAsync: Bool) throws {
        guard let item = items.first else {
            try compileBody(body)
            return
        }
        try compile(item.context)
        if isAsync {
            emit(.beforeAsyncWith)
            emit(.await)
        } else {
            emit(.beforeWith)
        }
        if let t = item.target { try assign(to: t) } else { emit(.pop) }
        let handler = emit(.pushHandler(-1))
        unit.blocks.append(.with(isAsync: isAsync, at: item.context))
        try compileWith(items.dropFirst(), body, isAsync: isAsync)
        unit.blocks.removeLast()
        // The __exit__ calls are at the context expression (`with CM():` with carets under
        // `CM()`), as CPython 3.12+ locates them, not at the body's last line.
        let (bodyLine, bodySpan) = (line, span)
        (line, span) = (item.context.pos.line, spanOf(item.context))
        emit(.popHandler)
        emit(.callExitNone(isAsync: isAsync))
        if isAsync {
            emit(.await)
            emit(.pop)
        }
        let toEnd = emit(.jump(-1))
        patch(handler, to: here)
        emit(.beginExcept)
        // An exception raised by __exit__ itself ends the handling of the body's exception
        // (CPython's cleanup handler: POP_EXCEPT, RERAISE), so it is no longer "being handled".
        let cleanup = emit(.pushHandler(-1))
        emit(.callExitWithException(isAsync: isAsync))
        if isAsync { emit(.await) }
        emit(.popHandler)
        emit(.withExceptCheck)
        let done = emit(.jump(-1))
        patch(cleanup, to: here)
        emit(.endExcept)
        emit(.reraise)
        patch(toEnd, to: here)
        patch(done, to: here)
        (line, span) = (bodyLine, bodySpan)
    }
}
