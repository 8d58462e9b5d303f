/// The syntax tree of ctxlab's Python subset: closed, indirect enums (no visitors).
///
/// Every statement and expression carries its source position (1-based line and column), which
/// tracebacks and "unsupported" diagnostics print.

public struct SourcePos: Equatable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A module or an interactive input: a list of statements.
public struct Module: Equatable, Sendable {
    public var body: [Stmt]
    public init(body: [Stmt]) { self.body = body }
}

public struct Stmt: Equatable, Sendable {
    public var kind: StmtKind
    public var pos: SourcePos
    public init(_ kind: StmtKind, _ pos: SourcePos) {
        self.kind = kind
        self.pos = pos
    }
}

public indirect enum StmtKind: Equatable, Sendable {
    case expr(Expr)
    /// `a = b = value`: every target receives the value, left to right.
    case assign(targets: [Expr], value: Expr)
    /// `x += 1`: `op` is the binary operator.
    case augAssign(target: Expr, op: BinaryOp, value: Expr)
    /// `x: int = 1` (the annotation is parsed and ignored; `value` may be absent).
    case annAssign(target: Expr, annotation: Expr, value: Expr?)
    /// `import a.b as c, d`
    case importModules([ImportAlias])
    /// `from a.b import x as y, z` (`names == [("*", nil)]` for a star import).
    case importFrom(module: String, names: [ImportAlias], level: Int)
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case returnStmt(Expr?)
    case ifStmt(test: Expr, body: [Stmt], orelse: [Stmt])
    case whileStmt(test: Expr, body: [Stmt], orelse: [Stmt])
    /// `for` and `async for`.
    case forStmt(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool)
    case breakStmt
    case continueStmt
    case pass
    /// `try`/`except`/`else`/`finally`; `isStar` for `except*`.
    case tryStmt(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt], isStar: Bool)
    /// `raise`, `raise exc`, `raise exc from cause`.
    case raise(exc: Expr?, cause: Expr?)
    /// `with` and `async with`.
    case with(items: [WithItem], body: [Stmt], isAsync: Bool)
    case global([String])
    case nonlocal([String])
    case assert(test: Expr, msg: Expr?)
    case delete([Expr])
    /// `match subject: case pattern if guard: …` (PEP 634).
    case match(subject: Expr, cases: [MatchCase])
}

/// One `case` block of a match statement.
public struct MatchCase: Equatable, Sendable {
    public var pattern: Pattern
    public var guardExpr: Expr?
    public var body: [Stmt]
    public init(pattern: Pattern, guardExpr: Expr?, body: [Stmt]) {
        self.pattern = pattern
        self.guardExpr = guardExpr
        self.body = body
    }
}

/// A pattern of a `case` clause, with the position CPython's compiler errors point at.
public struct Pattern: Equatable, Sendable {
    public var kind: PatternKind
    public var pos: SourcePos
    public init(_ kind: PatternKind, _ pos: SourcePos) {
        self.kind = kind
        self.pos = pos
    }
}

/// CPython's `pattern` AST (Parser/Python.asdl): the same eight kinds.
public indirect enum PatternKind: Equatable, Sendable {
    /// A literal (`1`, `-1.5`, `"s"`) or a dotted name (`Color.RED`), compared with `==`.
    case value(Expr)
    /// `None`, `True`, `False`: compared with `is`.
    case singleton(Constant)
    /// `[a, *rest]`, `(a, b)`, `a, b`.
    case sequence([Pattern])
    /// `{"k": v, **rest}`: keys are literals or dotted names.
    case mapping(keys: [Expr], patterns: [Pattern], rest: String?)
    /// `Point(x, y=0)`.
    case classPattern(cls: Expr, patterns: [Pattern], kwdAttrs: [String], kwdPatterns: [Pattern])
    /// `*name` / `*_` inside a sequence pattern.
    case star(String?)
    /// `p as name`, a capture (`name`, no pattern), or the wildcard `_` (neither).
    case asPattern(Pattern?, String?)
    /// `p1 | p2 | …`
    case or([Pattern])
}

public struct ImportAlias: Equatable, Sendable {
    public var name: String
    public var asName: String?
    public init(name: String, asName: String?) {
        self.name = name
        self.asName = asName
    }
}

/// A PEP 695 type parameter: `T`, `T: bound`, `T: (c1, c2)`, `*Ts`, `**P`, with 3.13's `= default`.
public struct TypeParam: Equatable, Sendable {
    public enum Kind: Int, Sendable { case typeVar = 0, typeVarTuple = 1, paramSpec = 2 }
    public var name: String
    public var kind: Kind
    public var bound: Expr?
    public var defaultValue: Expr?
    public var pos: SourcePos
    public init(name: String, kind: Kind, bound: Expr?, defaultValue: Expr?, pos: SourcePos) {
        self.name = name
        self.kind = kind
        self.bound = bound
        self.defaultValue = defaultValue
        self.pos = pos
    }
}

public struct FunctionDef: Equatable, Sendable {
    public var name: String
    public var params: Parameters
    public var body: [Stmt]
    public var decorators: [Expr]
    public var isAsync: Bool
    public var returns: Expr?
    /// `def f[T](…)`: the parser turns it into a call of a function that makes the type
    /// parameters and the function (CPython's annotation scope `<generic parameters of f>`);
    /// that function is marked here, so that its code is named so and the names inside it are
    /// qualified as if it were not there.
    public var typeParamScope: String? = nil
    /// `def f[T, U: int]`: PEP 695's type parameters (expanded by the parser, see above).
    public var typeParams: [TypeParam] = []
    public init(name: String, params: Parameters, body: [Stmt], decorators: [Expr], isAsync: Bool, returns: Expr?) {
        self.name = name
        self.params = params
        self.body = body
        self.decorators = decorators
        self.isAsync = isAsync
        self.returns = returns
    }
}

public struct ClassDef: Equatable, Sendable {
    public var name: String
    public var bases: [Expr]
    /// Class keyword arguments (`metaclass=...`): parsed so the compiler can reject them by name.
    public var keywords: [Keyword]
    public var body: [Stmt]
    public var decorators: [Expr]
    /// `class C[T]`: PEP 695's type parameters (expanded by the parser, Parser+TypeParams.swift).
    public var typeParams: [TypeParam] = []
    public init(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decorators: [Expr]) {
        self.name = name
        self.bases = bases
        self.keywords = keywords
        self.body = body
        self.decorators = decorators
    }
}

/// A parameter list: `def f(a, b=1, /, c=2, *args, d, e=3, **kwargs)`.
public struct Parameters: Equatable, Sendable {
    public var posOnly: [Param]
    public var regular: [Param]
    public var varArgs: Param?
    public var kwOnly: [Param]
    public var kwArgs: Param?
    public init(posOnly: [Param] = [], regular: [Param] = [], varArgs: Param? = nil, kwOnly: [Param] = [], kwArgs: Param? = nil) {
        self.posOnly = posOnly
        self.regular = regular
        self.varArgs = varArgs
        self.kwOnly = kwOnly
        self.kwArgs = kwArgs
    }
}

public struct Param: Equatable, Sendable {
    public var name: String
    public var defaultValue: Expr?
    public var annotation: Expr?
    public init(name: String, defaultValue: Expr? = nil, annotation: Expr? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.annotation = annotation
    }
}

public struct ExceptHandler: Equatable, Sendable {
    /// nil for a bare `except:`.
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var pos: SourcePos
    public init(type: Expr?, name: String?, body: [Stmt], pos: SourcePos) {
        self.type = type
        self.name = name
        self.body = body
        self.pos = pos
    }
}

public struct WithItem: Equatable, Sendable {
    public var context: Expr
    public var target: Expr?
    public init(context: Expr, target: Expr?) {
        self.context = context
        self.target = target
    }
}

public struct Keyword: Equatable, Sendable {
    /// nil for `**mapping`.
    public var name: String?
    public var value: Expr
    public init(name: String?, value: Expr) {
        self.name = name
        self.value = value
    }
}

public struct Expr: Equatable, Sendable {
    public var kind: ExprKind
    public var pos: SourcePos
    /// Where the expression ends (exclusive; CPython's `end_lineno`/`end_col_offset`), for the
    /// carets of tracebacks. Not part of equality.
    public var end: SourcePos?
    public init(_ kind: ExprKind, _ pos: SourcePos) {
        self.kind = kind
        self.pos = pos
    }

    public static func == (a: Expr, b: Expr) -> Bool { a.kind == b.kind && a.pos == b.pos }
}

public indirect enum ExprKind: Equatable, Sendable {
    case name(String)
    case constant(Constant)
    /// An f-string: literal pieces and formatted values, in order.
    case joinedStr([FStringPart])
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    /// `{k: v, **m}`: a nil key is a `**m` unpacking of `value`.
    case dict([(key: Expr?, value: Expr)])
    /// `*x` inside a list/tuple/set display, a call's arguments or an assignment target.
    case starred(Expr)
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    /// `a:b:c` inside a subscript.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    case call(func: Expr, args: [Expr], keywords: [Keyword])
    case binary(Expr, BinaryOp, Expr)
    case unary(UnaryOp, Expr)
    /// `a and b and c` / `a or b`.
    case boolOp(BoolOp, [Expr])
    /// `a < b <= c`: chained comparisons.
    case compare(Expr, [(CompareOp, Expr)])
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    case lambda(Parameters, Expr)
    case await(Expr)
    /// `yield` / `yield x` (parsed so the compiler can name it when unsupported).
    case yield(Expr?)
    case yieldFrom(Expr)
    /// `x := value`.
    case namedExpr(target: String, value: Expr)
    case listComp(Expr, [Comprehension])
    case setComp(Expr, [Comprehension])
    case dictComp(key: Expr, value: Expr, [Comprehension])
    case generatorExp(Expr, [Comprehension])

    public static func == (a: ExprKind, b: ExprKind) -> Bool {
        String(describing: a) == String(describing: b)
    }
}

public enum Constant: Equatable, Sendable {
    case none
    case bool(Bool)
    case int(Int)
    /// An integer literal too large for 64 bits, kept as its decimal digits.
    case bigInt(String)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case ellipsis
}

public enum FStringPart: Equatable, Sendable {
    case literal(String)
    /// `{expr!r:spec}`: conversion is "r", "s", "a" or nil; the spec may itself hold fields.
    /// `selfDocumenting` is the `expr=` text for `{expr=}` (printed before the value).
    case field(Expr, conversion: Character?, spec: [FStringPart], selfDocumenting: String?)
}

public struct Comprehension: Equatable, Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.isAsync = isAsync
    }
}

public enum BinaryOp: String, Equatable, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**"
    case lshift = "<<", rshift = ">>", bitOr = "|", bitXor = "^", bitAnd = "&", matMul = "@"
}

public enum UnaryOp: String, Equatable, Sendable {
    case not = "not", neg = "-", pos = "+", invert = "~"
}

public enum BoolOp: String, Equatable, Sendable {
    case and, or
}

public enum CompareOp: String, Equatable, Sendable {
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}

/// A syntax error with CPython's message where one exists (`invalid syntax`,
/// `expected ':'`, `unterminated string literal (detected at line 1)`, …).
public struct SyntaxError: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The input is valid so far but unfinished: a REPL asks for a continuation line.
        case incomplete
        /// `SyntaxError`
        case invalid
        /// `IndentationError` (a subclass of SyntaxError in CPython)
        case indentation
    }
    public var kind: Kind
    public var message: String
    public var pos: SourcePos
    /// Where the offending code ends (exclusive), for the carets under it; nil gives one caret.
    /// Not part of equality. Kept in a box: the parser's every frame passes a SyntaxError
    /// (typed throws), and its size is what deep nesting spends of the stack.
    public var end: SourcePos? {
        get { endBox?.pos }
        set { endBox = newValue.map(EndBox.init) }
    }
    private var endBox: EndBox?
    private final class EndBox: Sendable {
        let pos: SourcePos
        init(_ pos: SourcePos) { self.pos = pos }
    }
    public init(_ kind: Kind, _ message: String, _ pos: SourcePos, end: SourcePos? = nil) {
        self.kind = kind
        self.message = message
        self.pos = pos
        self.end = end
    }

    public static func == (a: SyntaxError, b: SyntaxError) -> Bool {
        a.kind == b.kind && a.message == b.message && a.pos == b.pos
    }
}
