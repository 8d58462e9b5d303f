/// The first pass: builds the tree of scopes in the same order the compiler visits them
/// (decorators, defaults and bases in the enclosing scope, then the body in the new scope).
struct SymbolCollector {
    private(set) var current: Scope
    /// Annotations are strings (`from __future__ import annotations`): no `__annotate__` scopes.
    let futureAnnotations: Bool

    init(module: Module, futureAnnotations: Bool) {
        current = Scope(kind: .module, parent: nil)
        self.futureAnnotations = futureAnnotations
        for s in module.body { visit(s) }
    }

    /// Collects a body into a new child scope of `current`.
    mutating func child(_ kind: Scope.Kind, params: [String], _ body: (inout SymbolCollector) -> Void) {
        let saved = current
        let scope = Scope(kind: kind, parent: saved)
        scope.params = params
        current = scope
        body(&self)
        current = saved
    }

    mutating func bind(_ name: String) { current.assigned.insert(name) }

    /// How many child scopes (functions, classes, lambdas, comprehensions) `body` makes directly.
    static func childScopeCount(_ body: [Stmt], futureAnnotations: Bool) -> Int {
        var collector = SymbolCollector(module: Module(body: []), futureAnnotations: futureAnnotations)
        for s in body { collector.visit(s) }
        return collector.current.children.count
    }

    mutating func visit(_ s: Stmt) {
        switch s.kind {
        case .expr(let e): visit(e)
        case .assign(let targets, let value):
            visit(value)
            for t in targets { visitTarget(t) }
        case .augAssign(let t, _, let v):
            visit(v)
            visit(t)
            visitTarget(t)
        case .annAssign(let t, let annotation, let v):
            if let v { visit(v) }
            visitTarget(t)
            // The compiler evaluates a simple name's annotation in a module or class body
            // (`z: lambda: 1` makes a scope there), unless annotations are strings.
            if current.kind != .function, !futureAnnotations, case .name = t.kind { visit(annotation) }
        case .importModules(let names):
            for a in names { bind(a.asName ?? String(a.name.split(separator: ".")[0])) }
        case .importFrom(_, let names, _):
            for a in names where a.name != "*" { bind(a.asName ?? a.name) }
        case .functionDef(let f):
            for d in f.decorators { visit(d) }
            visitDefaults(f.params)
            bind(f.name)
            child(.function, params: paramNames(f.params)) { c in
                for st in f.body { c.visit(st) }
            }
            // 3.14's `__annotate__` (PEP 649), compiled after the body (Compiler+Functions.swift).
            let annotations = Compiler.annotationItems(f)
            if !annotations.isEmpty && !futureAnnotations {
                child(.function, params: ["format"]) { c in
                    for (_, e) in annotations { c.visit(e) }
                }
            }
        case .classDef(let c):
            // The compiler's order (compileClassDef): decorators, the body's scope, then the
            // bases and keywords, so that a lambda among the bases gets its own scope.
            for d in c.decorators { visit(d) }
            bind(c.name)
            child(.classBody, params: []) { col in
                for st in c.body { col.visit(st) }
            }
            for b in c.bases { visit(b) }
            for k in c.keywords { visit(k.value) }
        case .returnStmt(let e): if let e { visit(e) }
        case .ifStmt(let t, let b, let o), .whileStmt(let t, let b, let o):
            visit(t)
            visitAll(b)
            visitAll(o)
        case .forStmt(let target, let iter, let body, let orelse, let isAsync):
            if isAsync { current.hasAwait = true }  // at the prompt: runs in the input's task
            visit(iter)
            visitTarget(target)
            visitAll(body)
            visitAll(orelse)
        case .breakStmt, .continueStmt, .pass: break
        case .tryStmt(let body, let handlers, let orelse, let fin, _):
            // In the compiler's order: the `else` block is emitted before the handlers (a lambda
            // in each took the other's scope: fuzz seed 40 case 10177).
            visitAll(body)
            visitAll(orelse)
            for h in handlers {
                if let t = h.type { visit(t) }
                if let n = h.name { bind(n) }
                visitAll(h.body)
            }
            visitAll(fin)
        case .raise(let e, let c):
            if let e { visit(e) }
            if let c { visit(c) }
        case .with(let items, let body, let isAsync):
            if isAsync { current.hasAwait = true }  // at the prompt: runs in the input's task
            for i in items {
                visit(i.context)
                if let t = i.target { visitTarget(t) }
            }
            visitAll(body)
        case .global(let names): current.declaredGlobal.formUnion(names)
        case .nonlocal(let names): current.declaredNonlocal.formUnion(names)
        case .assert(let t, let m):
            visit(t)
            if let m { visit(m) }
        case .delete(let targets): for t in targets { visitTarget(t) }
        case .match(let subject, let cases):
            // The compiler's order (Compiler+Match.swift): subject, then per case its pattern,
            // guard and body (a trailing `case _` is compiled last, as it comes last).
            visit(subject)
            for c in cases {
                visitPattern(c.pattern)
                if let g = c.guardExpr { visit(g) }
                visitAll(c.body)
            }
        }
    }

    /// A pattern's value expressions are loads; its captures bind (CPython: symtable.c
    /// `symtable_visit_pattern`).
    mutating func visitPattern(_ p: Pattern) {
        switch p.kind {
        case .value(let e): visit(e)
        case .singleton: break
        case .sequence(let items): for i in items { visitPattern(i) }
        case .mapping(let keys, let patterns, let rest):
            for (k, v) in zip(keys, patterns) {
                visit(k)
                visitPattern(v)
            }
            if let rest { bind(rest) }
        case .classPattern(let cls, let patterns, _, let kwdPatterns):
            visit(cls)
            for i in patterns + kwdPatterns { visitPattern(i) }
        case .star(let name): if let name { bind(name) }
        case .asPattern(let inner, let name):
            if let inner { visitPattern(inner) }
            if let name { bind(name) }
        case .or(let alternatives): for a in alternatives { visitPattern(a) }
        }
    }

    mutating func visitAll(_ body: [Stmt]) { for s in body { visit(s) } }

    mutating func visitDefaults(_ p: Parameters) {
        for param in p.posOnly + p.regular + p.kwOnly { if let d = param.defaultValue { visit(d) } }
    }

    func paramNames(_ p: Parameters) -> [String] {
        var names = (p.posOnly + p.regular).map(\.name)
        names += p.kwOnly.map(\.name)
        if let v = p.varArgs { names.append(v.name) }
        if let k = p.kwArgs { names.append(k.name) }
        return names
    }

    mutating func visitTarget(_ t: Expr) {
        switch t.kind {
        case .name(let n): bind(n)
        case .tuple(let items), .list(let items): for i in items { visitTarget(i) }
        case .starred(let inner): visitTarget(inner)
        case .attribute(let obj, _): visit(obj)
        case .subscript(let obj, let idx):
            visit(obj)
            visit(idx)
        default: visit(t)
        }
    }

    mutating func visit(_ e: Expr) {
        switch e.kind {
        case .name(let n): current.used.insert(n)
        case .constant: break
        case .joinedStr(let parts): visitParts(parts)
        case .list(let xs), .tuple(let xs), .set(let xs): for x in xs { visit(x) }
        case .dict(let pairs):
            for p in pairs {
                if let k = p.key { visit(k) }
                visit(p.value)
            }
        case .starred(let x), .await(let x):
            if case .await = e.kind { current.hasAwait = true }
            visit(x)
        case .attribute(let x, _): visit(x)
        case .subscript(let a, let b):
            visit(a)
            visit(b)
        case .slice(let l, let u, let s): for x in [l, u, s] { if let x { visit(x) } }
        case .call(let f, let args, let kws):
            visit(f)
            for a in args { visit(a) }
            for k in kws { visit(k.value) }
        case .binary(let a, _, let b):
            visit(a)
            visit(b)
        case .unary(_, let a): visit(a)
        case .boolOp(_, let xs): for x in xs { visit(x) }
        case .compare(let a, let rest):
            visit(a)
            for (_, x) in rest { visit(x) }
        case .ifExp(let t, let b, let o):
            visit(t)
            visit(b)
            visit(o)
        case .lambda(let params, let body):
            visitDefaults(params)
            child(.function, params: paramNames(params)) { c in c.visit(body) }
        case .yield(let x):
            current.hasYield = true
            if let x { visit(x) }
        case .yieldFrom(let x):
            current.hasYield = true
            visit(x)
        case .namedExpr(let target, let value):
            visit(value)
            // PEP 572: the target binds in the nearest enclosing non-comprehension scope; ctxlab
            // compiles comprehensions as functions, so bind here (documented limitation).
            bind(target)
        case .listComp(let elt, let gens), .setComp(let elt, let gens), .generatorExp(let elt, let gens):
            visitComprehension(gens, isGenexp: { if case .generatorExp = e.kind { true } else { false } }()) { c in c.visit(elt) }
        case .dictComp(let k, let v, let gens):
            visitComprehension(gens, isGenexp: false) { c in
                c.visit(k)
                c.visit(v)
            }
        }
    }

    mutating func visitParts(_ parts: [FStringPart]) {
        for p in parts {
            if case .field(let x, _, let spec, _) = p {
                visit(x)
                visitParts(spec)
            }
        }
    }

    /// The first iterable is evaluated outside; everything else inside the comprehension scope.
    /// A comprehension's scope is asynchronous when it awaits, has an `async for`, or contains
    /// an asynchronous list, set or dict comprehension (whose result it awaits); CPython:
    /// symtable.c `ste_coroutine`.
    mutating func visitComprehension(_ gens: [Comprehension], isGenexp: Bool, _ elt: (inout SymbolCollector) -> Void) {
        visit(gens[0].iter)
        var isAsync = false
        child(.function, params: [".0"]) { c in
            for (i, g) in gens.enumerated() {
                if i > 0 { c.visit(g.iter) }
                c.visitTarget(g.target)
                for cond in g.ifs { c.visit(cond) }
            }
            elt(&c)
            if gens.contains(where: \.isAsync) { c.current.hasAwait = true }
            isAsync = c.current.isAsyncComprehension
        }
        if isAsync && !isGenexp { current.hasAsyncComprehension = true }
    }
}
