import CtxCore

extension Compiler {
    /// The source range of `e` (CPython's instruction positions come from the node compiled).
    func spanOf(_ e: Expr) -> SourceSpan? {
        e.end.map { SourceSpan(line: e.pos.line, column: e.pos.column, endLine: $0.line, endColumn: $0.column) }
    }

    mutating func compile(_ e: Expr) throws {
        line = e.pos.line
        // The expression's instructions carry its span; its operands' carry theirs.
        let outer = span
        span = spanOf(e)
        defer { span = outer }
        switch e.kind {
        case .name(let n): loadName(n)
        case .constant(let c): try compileConstant(c, e.pos)
        case .joinedStr(let parts): try compileFString(parts)
        case .list(let items): try compileDisplay(items, build: { .buildList($0) }, extend: .listExtend, empty: .buildList(0))
        case .tuple(let items):
            if items.contains(where: isStarred) {
                try compileDisplay(items, build: { .buildList($0) }, extend: .listExtend, empty: .buildList(0))
                emit(.listToTuple)
            } else {
                for i in items { try compile(i) }
                emit(.buildTuple(items.count))
            }
        case .set(let items): try compileDisplay(items, build: { .buildSet($0) }, extend: .setUpdate, empty: .buildSet(0))
        case .dict(let pairs): try compileDict(pairs)
        case .starred: throw CompileSyntaxError(message: "can't use starred expression here", pos: e.pos, end: e.end)
        case .attribute(let obj, let attr):
            try compile(obj)
            line = e.pos.line
            emit(.loadAttr(nameIndex(attr)))
        case .subscript(let obj, let idx):
            try compile(obj)
            try compile(idx)
            line = e.pos.line
            emit(.loadSubscript)
        case .slice(let lower, let upper, let step):
            for part in [lower, upper] {
                if let part { try compile(part) } else { emit(.loadConst(constant(.none))) }
            }
            if let step {
                try compile(step)
                emit(.buildSlice(3))
            } else {
                emit(.buildSlice(2))
            }
        case .call(let fn, let args, let keywords): try compileCall(fn, args, keywords, e.pos)
        case .binary(let a, let op, let b):
            try compile(a)
            try compile(b)
            line = e.pos.line
            emit(.binary(op))
        case .unary(let op, let a):
            try compile(a)
            emit(.unary(op))
        case .boolOp(let op, let values):
            var jumps: [Int] = []
            for (i, v) in values.enumerated() {
                try compile(v)
                if i < values.count - 1 { jumps.append(emit(op == .and ? .jumpIfFalseOrPop(-1) : .jumpIfTrueOrPop(-1))) }
            }
            for j in jumps { patch(j, to: here) }
        case .compare(let first, let rest): try compileCompare(first, rest)
        case .ifExp(let test, let body, let orelse):
            try compile(test)
            let toElse = emit(.popJumpIfFalse(-1))
            try compile(body)
            let toEnd = emit(.jump(-1))
            patch(toElse, to: here)
            try compile(orelse)
            patch(toEnd, to: here)
        case .lambda(let params, let body): try compileLambda(params, body, e.pos)
        case .await(let x):
            let topLevel = unit.scope.kind == .module && mode == .interactive
            guard unit.code.isAsync || topLevel || unit.code.name.hasSuffix("comp>") || unit.code.name == "<genexpr>" else {
                throw CompileSyntaxError(message: "'await' outside async function", pos: e.pos, end: e.end)
            }
            try compile(x)
            line = e.pos.line
            emit(.await)
        case .yield(let x):
            guard unit.scope.kind == .function else {
                throw CompileSyntaxError(message: "'yield' outside function", pos: e.pos, end: e.end)
            }
            if let x { try compile(x) } else { emit(.loadConst(constant(.none))) }
            emit(.yieldValue)
        case .yieldFrom(let x):
            guard unit.scope.kind == .function else {
                throw CompileSyntaxError(message: "'yield from' outside function", pos: e.pos, end: e.end)
            }
            if unit.code.isAsync {
                throw CompileSyntaxError(message: "'yield from' inside async function", pos: e.pos, end: e.end)
            }
            try compile(x)
            line = e.pos.line
            emit(.getYieldFromIter)
            emit(.loadConst(constant(.none)))
            let send = emit(.yieldFromSend(-1))
            emit(.yieldValue)
            emit(.jump(send))
            patch(send, to: here)
        case .namedExpr(let target, let value):
            try compile(value)
            emit(.dup)
            storeName(target)
        case .listComp(let elt, let gens):
            try compileComprehension("listcomp", gens, pos: e.pos) { c in try c.compile(elt) }
        case .setComp(let elt, let gens):
            try compileComprehension("setcomp", gens, pos: e.pos) { c in try c.compile(elt) }
        case .generatorExp(let elt, let gens):
            try compileComprehension("genexpr", gens, pos: e.pos) { c in try c.compile(elt) }
        case .dictComp(let k, let v, let gens):
            try compileComprehension("dictcomp", gens, pos: e.pos) { c in
                try c.compile(k)
                try c.compile(v)
            }
        }
    }

    func isStarred(_ e: Expr) -> Bool {
        if case .starred = e.kind { return true }
        return false
    }

    mutating func compileConstant(_ c: Constant, _ pos: SourcePos) throws {
        let v: Value
        switch c {
        case .none: v = .none
        case .bool(let b): v = .bool(b)
        case .int(let i): v = .int(i)
        case .float(let d): v = .float(d)
        case .str(let s): v = .str(s)
        case .bigInt(let digits):
            emit(.loadBigInt(constant(.str(digits))))
            return
        case .bytes(let bytes):
            emit(.loadBytes(constant(.str(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))))))
            return
        case .ellipsis:
            emit(.loadEllipsis)
            return
        }
        emit(.loadConst(constant(v)))
    }

    /// A list/set display, with `*x` unpacking through extend/update.
    mutating func compileDisplay(_ items: [Expr], build: (Int) -> Instr, extend: Instr, empty: Instr) throws {
        guard items.contains(where: isStarred) else {
            for i in items { try compile(i) }
            emit(build(items.count))
            return
        }
        emit(empty)
        for i in items {
            if case .starred(let inner) = i.kind {
                try compile(inner)
                emit(extend)
            } else {
                try compile(i)
                emit(build(1))
                emit(extend)
            }
        }
    }

    mutating func compileDict(_ pairs: [(key: Expr?, value: Expr)]) throws {
        guard pairs.contains(where: { $0.key == nil }) else {
            for p in pairs {
                try compile(p.key!)
                try compile(p.value)
            }
            emit(.buildMap(pairs.count))
            return
        }
        emit(.buildMap(0))
        for p in pairs {
            if let k = p.key {
                try compile(k)
                try compile(p.value)
                emit(.buildMap(1))
            } else {
                try compile(p.value)
            }
            emit(.dictUpdate)
        }
    }

    mutating func compileCall(_ fn: Expr, _ args: [Expr], _ keywords: [Keyword], _ pos: SourcePos) throws {
        let needsEx = args.contains(where: isStarred) || keywords.contains { $0.name == nil }
        if !needsEx, case .attribute(let obj, let attr) = fn.kind {
            try compile(obj)
            line = fn.pos.line
            let callSpan = span
            span = spanOf(fn)
            emit(.loadMethod(nameIndex(attr)))
            span = callSpan
            for a in args { try compile(a) }
            for k in keywords { try compile(k.value) }
            line = pos.line
            emit(.callMethod(args.count + keywords.count, kwnames: kwnamesIndex(keywords.map { $0.name! })))
            return
        }
        try compile(fn)
        if !needsEx {
            for a in args { try compile(a) }
            for k in keywords { try compile(k.value) }
            line = pos.line
            emit(.call(args.count + keywords.count, kwnames: kwnamesIndex(keywords.map { $0.name! })))
            return
        }
        if args.count == 1, case .starred(let inner) = args[0].kind {
            try compile(inner)
            emit(.starArgs)
        } else {
            try compileDisplay(args, build: { .buildList($0) }, extend: .listExtend, empty: .buildList(0))
            emit(.listToTuple)
        }
        if keywords.isEmpty {
            line = pos.line
            emit(.callEx(hasKwargs: false))
            return
        }
        try compileKeywordDict(keywords, callableDepth: 3)
        line = pos.line
        emit(.callEx(hasKwargs: true))
    }

    /// Keywords (`k=v` and `**mapping`, in order) as one dict on the stack: a call's with `*`/`**`
    /// and a class statement's (`metaclass=M, **kw`).
    mutating func compileKeywordDict(_ keywords: [Keyword], callableDepth: Int = 0) throws {
        emit(.buildMap(0))
        for k in keywords {
            if let name = k.name {
                emit(.loadConst(constant(.str(name))))
                try compile(k.value)
                emit(.buildMap(1))
            } else {
                try compile(k.value)
            }
            emit(.dictMerge(callableDepth: callableDepth))
        }
    }

    /// `a < b < c` evaluates `b` once and stops at the first false comparison.
    mutating func compileCompare(_ first: Expr, _ rest: [(CompareOp, Expr)]) throws {
        try compile(first)
        if rest.count == 1 {
            try compile(rest[0].1)
            emit(.compare(rest[0].0))
            return
        }
        var cleanups: [Int] = []
        for (i, (op, operand)) in rest.enumerated() {
            try compile(operand)
            if i < rest.count - 1 {
                emit(.dup)
                emit(.rot3)
                emit(.compare(op))
                cleanups.append(emit(.jumpIfFalseOrPop(-1)))
            } else {
                emit(.compare(op))
            }
        }
        let toEnd = emit(.jump(-1))
        for c in cleanups { patch(c, to: here) }
        // A false intermediate result: drop the saved operand under it.
        emit(.rot2)
        emit(.pop)
        patch(toEnd, to: here)
    }

    mutating func compileFString(_ parts: [FStringPart]) throws {
        var count = 0
        for p in parts {
            switch p {
            case .literal(let s):
                emit(.loadConst(constant(.str(s))))
            case .field(let e, let conv, let spec, let selfDoc):
                if let selfDoc {
                    emit(.loadConst(constant(.str(selfDoc))))
                    count += 1
                }
                try compile(e)
                if !spec.isEmpty { try compileFString(spec) }
                // `{x=}` defaults to repr when there is no conversion and no spec.
                let conversion = conv ?? (selfDoc != nil && spec.isEmpty ? "r" : nil)
                emit(.formatValue(conversion?.asciiValue ?? 0, hasSpec: !spec.isEmpty))
            }
            count += 1
        }
        if count != 1 { emit(.buildString(count)) }
    }
}
