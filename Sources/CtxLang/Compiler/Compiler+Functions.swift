import CtxCore

extension Compiler {
    mutating func compileFunctionDef(_ f: FunctionDef, _ pos: SourcePos) throws {
        for d in f.decorators { try compile(d) }
        let code = try compileFunction(name: f.typeParamScope ?? f.name, params: f.params, pos: pos, isAsync: f.isAsync) { c in
            if f.typeParamScope != nil {  // PEP 695: the names inside are qualified as outside it
                c.unit.code.childQualPrefix = c.unit.code.qualname.split(separator: ".").dropLast().map(String.init)
            }
            if case .expr(let e) = f.body.first?.kind, case .constant(.str(let doc)) = e.kind {
                c.unit.code.docstring = .str(doc)
            }
            try c.compileBody(f.body)
            c.emit(.loadConst(c.constant(.none)))
            c.emit(.returnValue)
        }
        try compileAnnotations(f, of: code, pos)
        line = pos.line
        for _ in f.decorators { emit(.call(1, kwnames: -1)) }
        storeName(f.name)
    }

    /// A function's annotations, on the function left on the stack (CPython 3.14's
    /// `compiler_visit_annotations`): under `from __future__ import annotations` a dict of their
    /// source texts as `__annotations__`; otherwise an `__annotate__(format)` function that
    /// evaluates them when `__annotations__` is first read (PEP 649, `Attributes.swift`), so that
    /// a name an annotation uses need not exist yet when the `def` runs.
    mutating func compileAnnotations(_ f: FunctionDef, of function: CodeObject, _ pos: SourcePos) throws {
        let items = Self.annotationItems(f)
        guard !items.isEmpty else { return }
        emit(.dup)
        if futureAnnotations {
            for (name, e) in items {
                emit(.loadConst(constant(.str(name))))
                emit(.loadConst(constant(.str(try Unparse.annotation(e)))))
            }
            emit(.buildMap(items.count))
            emit(.rot2)
            emit(.storeAttr(nameIndex("__annotations__")))
            return
        }
        let annotate = try compileFunction(
            name: "__annotate__", params: Parameters(posOnly: [Param(name: "format")]), pos: pos, isAsync: false
        ) { c in
            for (name, e) in items {
                c.emit(.loadConst(c.constant(.str(name))))
                try c.compile(e)
            }
            c.emit(.buildMap(items.count))
            c.emit(.returnValue)
        }
        annotate.qualname = function.qualname + ".__annotate__"
        emit(.rot2)
        emit(.storeAttr(nameIndex("__annotate__")))
    }

    /// The annotated parameters in CPython's order (positional, `*args`, keyword-only,
    /// `**kwargs`), then `return`.
    static func annotationItems(_ f: FunctionDef) -> [(String, Expr)] {
        let p = f.params
        var params = p.posOnly + p.regular
        if let v = p.varArgs { params.append(v) }
        params += p.kwOnly
        if let k = p.kwArgs { params.append(k) }
        var items = params.compactMap { param in param.annotation.map { (param.name, $0) } }
        if let r = f.returns { items.append(("return", r)) }
        return items
    }

    /// Emits the defaults, the nested code object and `makeFunction`; leaves the function on the stack.
    @discardableResult
    mutating func compileFunction(name: String, params: Parameters, pos: SourcePos, isAsync: Bool,
                                  _ body: (inout Compiler) throws -> Void) throws -> CodeObject {
        let positional = params.posOnly + params.regular
        let defaults = positional.compactMap(\.defaultValue)
        for d in defaults { try compile(d) }
        if !defaults.isEmpty { emit(.buildTuple(defaults.count)) }
        let kwDefaults = params.kwOnly.filter { $0.defaultValue != nil }
        for p in kwDefaults {
            emit(.loadConst(constant(.str(p.name))))
            try compile(p.defaultValue!)
        }
        if !kwDefaults.isEmpty { emit(.buildMap(kwDefaults.count)) }
        let (code, scope) = try nestedUnit(name: name, kind: .function, firstLine: pos.line) { c in
            c.line = pos.line
            c.unit.code.isAsync = isAsync
            try body(&c)
        }
        code.argCount = positional.count
        code.posOnlyCount = params.posOnly.count
        code.kwOnlyCount = params.kwOnly.count
        code.hasVarArgs = params.varArgs != nil
        code.hasVarKeywords = params.kwArgs != nil
        if scope.hasYield { code.isGenerator = true }
        if scope.hasAwait && !isAsync && name != "<genexpr>" && !name.hasSuffix("comp>") {
            throw CompileSyntaxError(message: "'await' outside async function", pos: pos)
        }
        let hasClosure = emitClosure(code)
        unit.code.codeConstants.append(code)
        emit(.makeFunction(code: unit.code.codeConstants.count - 1, defaults: !defaults.isEmpty,
                           kwDefaults: !kwDefaults.isEmpty, closure: hasClosure))
        return code
    }

    mutating func compileClassDef(_ c: ClassDef, _ pos: SourcePos) throws {
        for d in c.decorators { try compile(d) }
        let (code, _) = try nestedUnit(name: c.name, kind: .classBody, firstLine: pos.line) { cc in
            cc.line = pos.line
            cc.emit(.loadName(cc.nameIndex("__name__")))
            cc.emit(.storeName(cc.nameIndex("__module__")))
            cc.emit(.loadConst(cc.constant(.str(cc.unit.code.qualname))))
            cc.emit(.storeName(cc.nameIndex("__qualname__")))
            // 3.13's `__firstlineno__`: the first line of the definition, decorators included.
            cc.emit(.loadConst(cc.constant(.int(c.decorators.first?.pos.line ?? pos.line))))
            cc.emit(.storeName(cc.nameIndex("__firstlineno__")))
            if case .expr(let e) = c.body.first?.kind, case .constant(.str(let doc)) = e.kind {
                cc.emit(.loadConst(cc.constant(.str(doc))))
                cc.emit(.storeName(cc.nameIndex("__doc__")))
            }
            try cc.compileBody(c.body)
            // 3.13's `__static_attributes__`: sorted, as compiler_static_attributes_tuple makes it.
            for name in cc.unit.staticAttributes.sorted() { cc.emit(.loadConst(cc.constant(.str(name)))) }
            cc.emit(.buildTuple(cc.unit.staticAttributes.count))
            cc.emit(.storeName(cc.nameIndex("__static_attributes__")))
            cc.emit(.loadConst(cc.constant(.none)))
            cc.emit(.returnValue)
        }
        let hasClosure = emitClosure(code)
        unit.code.codeConstants.append(code)
        emit(.makeFunction(code: unit.code.codeConstants.count - 1, defaults: false, kwDefaults: false, closure: hasClosure))
        for b in c.bases { try compile(b) }
        emit(.buildTuple(c.bases.count))
        if !c.keywords.isEmpty { try compileKeywordDict(c.keywords) }  // `metaclass=M, **kw`
        line = pos.line
        emit(.buildClass(name: nameIndex(c.name), hasKeywords: !c.keywords.isEmpty))
        for _ in c.decorators { emit(.call(1, kwnames: -1)) }
        storeName(c.name)
    }

    mutating func compileLambda(_ params: Parameters, _ body: Expr, _ pos: SourcePos) throws {
        try compileFunction(name: "<lambda>", params: params, pos: pos, isAsync: false) { c in
            try c.compile(body)
            c.emit(.returnValue)
        }
    }

    /// Comprehensions are compiled as a function of the first iterator, called at once.
    mutating func compileComprehension(_ kind: String, _ gens: [Comprehension], pos: SourcePos,
                                       element: @escaping (inout Compiler) throws -> Void) throws {
        let name = "<\(kind)>"
        let scope = unit.scope.children[unit.nextChild]
        let isAsync = scope.isAsyncComprehension
        // CPython's compiler_comprehension: an asynchronous list, set or dict comprehension
        // runs only where its result can be awaited.
        let inComprehension = unit.code.name.hasSuffix("comp>") || unit.code.name == "<genexpr>"
        let topLevel = unit.scope.kind == .module && mode == .interactive
        if isAsync && kind != "genexpr" && !unit.code.isAsync && !inComprehension && !topLevel {
            throw CompileSyntaxError(message: "asynchronous comprehension outside of an asynchronous function", pos: pos,
                                     end: span.map { SourcePos(line: $0.endLine, column: $0.endColumn) })
        }
        try compile(gens[0].isAsync ? Self.foldedIterable(gens[0].iter) : gens[0].iter)
        emit(gens[0].isAsync ? .getAIter : .getIter)
        try compileFunction(name: name, params: Parameters(regular: [Param(name: ".0")]), pos: pos, isAsync: isAsync) { c in
            switch kind {
            case "listcomp": c.emit(.buildList(0))
            case "setcomp": c.emit(.buildSet(0))
            case "dictcomp": c.emit(.buildMap(0))
            default:
                c.unit.code.isGenerator = true  // a generator expression is a generator
                c.emit(.loadConst(c.constant(.none)))
            }
            try c.comprehensionLoop(gens, index: 0, depth: 1, kind: kind, element: element)
            if kind == "genexpr" {
                c.emit(.pop)
                c.emit(.loadConst(c.constant(.none)))
            }
            c.emit(.returnValue)
        }
        emit(.rot2)
        emit(.call(1, kwnames: -1))
        if isAsync && kind != "genexpr" { emit(.await) }
    }

    private mutating func comprehensionLoop(_ gens: [Comprehension], index: Int, depth: Int, kind: String,
                                            element: (inout Compiler) throws -> Void) throws {
        let g = gens[index]
        if index == 0 {
            emit(.loadFast(varIndex(".0")))
        } else {
            try compile(g.isAsync ? Self.foldedIterable(g.iter) : g.iter)
            emit(g.isAsync ? .getAIter : .getIter)
        }
        let loopLine = line
        let top = g.isAsync ? here : -1
        let exit = g.isAsync ? emitAsyncNext(loopLine) : emit(.forIter(-1))
        try assign(to: g.target)
        var skips: [Int] = []
        for cond in g.ifs {
            try compile(cond)
            skips.append(emit(.popJumpIfFalse(-1)))
        }
        if index + 1 < gens.count {
            try comprehensionLoop(gens, index: index + 1, depth: depth + 1, kind: kind, element: element)
        } else {
            try element(&self)
            switch kind {
            case "setcomp": emit(.setAdd(depth + 1))
            case "dictcomp": emit(.mapAdd(depth + 1))
            case "genexpr":
                emit(.yieldValue)
                emit(.pop)
            default: emit(.listAppend(depth + 1))
            }
        }
        for s in skips { patch(s, to: here) }
        line = loopLine
        emit(.jump(g.isAsync ? top : exit))
        patch(exit, to: here)
        if g.isAsync { emit(.endAsyncFor) }
    }
}
