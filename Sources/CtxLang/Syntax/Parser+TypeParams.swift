/// PEP 695 (`def f[T]`, `class C[T]`, `type X = …`) and PEP 696's defaults, as CPython 3.13
/// runs them: the type parameters live in an annotation scope, a function
/// (`<generic parameters of f>`) that makes them, then the function, class or alias that uses
/// them. The parser writes that function out in the AST, so the rest of the front-end (the
/// symbol pass, the compiler) sees ordinary nested functions:
///
///     def f():                       # typeParamScope "<generic parameters of f>"
///         T = .type_param("T", 0, lambda: bound, False, lambda: default)
///         def f(x: T) -> T: …        # the decorators stay on it
///         f.__type_params__ = (T,)
///         return f
///     f = f()
///
/// A class gets `Generic[T]` as its last base and `__type_params__` in its namespace; `type X =
/// v` becomes `X = .type_alias("X", type_params, lambda: v)`. The bounds, constraints, defaults
/// and alias values are lambdas, evaluated on first use as CPython evaluates them lazily.
/// `.type_param` and friends are built-ins no program can name (Builtins/TypeParams.swift).
extension Parser {
    /// `[T, U: int, V: (str, bytes), W = int]` after a def or class name.
    mutating func typeParams() throws(SyntaxError) -> [TypeParam] {
        _ = advance()  // "["
        if at("]") { throw error("Type parameter list cannot be empty", tok.pos) }
        var out: [TypeParam] = []
        var firstDefault = false
        while !at("]") {
            let start = tok.pos
            var kind = TypeParam.Kind.typeVar
            if accept("*") { kind = .typeVarTuple } else if accept("**") { kind = .paramSpec }
            let namePos = tok.pos
            let name = try expectName()
            var bound: Expr?
            if accept(":") {
                if kind == .typeVarTuple { throw error("cannot use bound with TypeVarTuple", namePos) }
                if kind == .paramSpec { throw error("cannot use bound with ParamSpec", namePos) }
                bound = try expression()
            }
            var defaultValue: Expr?
            if accept("=") { defaultValue = try expression() }
            if kind != .typeVar {
                throw error("\(kind == .typeVarTuple ? "TypeVarTuple (*\(name))" : "ParamSpec (**\(name))") type parameters are not supported by ctxlab", start)
            }
            if out.contains(where: { $0.name == name }) { throw error("duplicate type parameter '\(name)'", namePos) }
            if defaultValue != nil { firstDefault = true } else if firstDefault {
                throw error("non-default type parameter '\(name)' follows default type parameter", namePos)
            }
            out.append(TypeParam(name: name, kind: kind, bound: bound, defaultValue: defaultValue, pos: start))
            if !accept(",") { break }
        }
        try expect("]")
        return out
    }

    /// `type X[T] = value` (the caller saw `type NAME [ or =`).
    mutating func typeAliasStatement() throws(SyntaxError) -> [Stmt] {
        let start = advance().pos  // "type"
        let namePos = tok.pos
        let name = try expectName()
        let params = at("[") ? try typeParams() : []
        try expect("=")
        let value = try expression()
        let p = start
        func n(_ s: String) -> Expr { Expr(.name(s), p) }
        let alias = Expr(.call(func: n(".type_alias"), args: [
            Expr(.constant(.str(name)), namePos),
            params.isEmpty ? Expr(.constant(.none), p) : Expr(.tuple(params.map { n($0.name) }), p),
            Expr(.lambda(Parameters(), value), value.pos),
        ], keywords: []), p)
        let out = params.isEmpty ? [Stmt(.assign(targets: [n(name)], value: alias), p)]
            : typeParamScope(name, params, p, [Stmt(.returnStmt(alias), p)])
        if accept(";") && tok.kind != .newline { return out + (try simpleStatements()) }
        guard tok.kind == .newline else { throw invalidSyntax() }
        _ = advance()
        return out
    }

    /// The statements a generic `def` or `class` stands for (itself when it has no type parameters).
    func expandTypeParams(_ s: Stmt, _ params: [TypeParam]) -> [Stmt] {
        guard !params.isEmpty else { return [s] }
        let p = s.pos
        func n(_ s: String) -> Expr { Expr(.name(s), p) }
        let tuple = Expr(.tuple(params.map { n($0.name) }), p)
        switch s.kind {
        case .functionDef(let f):
            return typeParamScope(f.name, params, p, [
                s,
                Stmt(.assign(targets: [Expr(.attribute(n(f.name), "__type_params__"), p)], value: tuple), p),
                Stmt(.returnStmt(n(f.name)), p),
            ])
        case .classDef(var c):
            c.bases.append(Expr(.call(func: n(".generic_base"), args: params.map { n($0.name) }, keywords: []), p))
            var body = c.body
            let hasDoc: Bool
            if case .expr(let e)? = body.first?.kind, case .constant(.str) = e.kind { hasDoc = true } else { hasDoc = false }
            body.insert(Stmt(.assign(targets: [n("__type_params__")], value: tuple), p), at: hasDoc ? 1 : 0)
            c.body = body
            return typeParamScope(c.name, params, p, [Stmt(.classDef(c), p), Stmt(.returnStmt(n(c.name)), p)])
        default:
            return [s]
        }
    }

    /// `def name(): <make the type parameters>; <body>` then `name = name()`.
    private func typeParamScope(_ name: String, _ params: [TypeParam], _ p: SourcePos, _ body: [Stmt]) -> [Stmt] {
        func n(_ s: String) -> Expr { Expr(.name(s), p) }
        func thunk(_ e: Expr?) -> Expr { e.map { Expr(.lambda(Parameters(), $0), $0.pos) } ?? Expr(.constant(.none), p) }
        var made: [Stmt] = []
        for t in params {
            var isConstraints = false
            if case .tuple? = t.bound?.kind { isConstraints = true }
            let call = Expr(.call(func: n(".type_param"), args: [
                Expr(.constant(.str(t.name)), t.pos), Expr(.constant(.int(t.kind.rawValue)), t.pos), thunk(t.bound),
                Expr(.constant(.bool(isConstraints)), t.pos), thunk(t.defaultValue),
            ], keywords: []), t.pos)
            made.append(Stmt(.assign(targets: [Expr(.name(t.name), t.pos)], value: call), t.pos))
        }
        var scope = FunctionDef(name: name, params: Parameters(), body: made + body, decorators: [], isAsync: false, returns: nil)
        scope.typeParamScope = "<generic parameters of \(name)>"
        return [
            Stmt(.functionDef(scope), p),
            Stmt(.assign(targets: [n(name)], value: Expr(.call(func: n(name), args: [], keywords: []), p)), p),
        ]
    }
}
