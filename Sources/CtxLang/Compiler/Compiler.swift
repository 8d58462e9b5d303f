import CtxCore

/// A construct outside ctxlab's Python subset, found at compile time. Shown as
/// `line 3: relative imports are not supported by ctxlab`.
public struct Unsupported: Error, Equatable, Sendable {
    public var message: String
    public var pos: SourcePos
    public init(_ message: String, _ pos: SourcePos) {
        self.message = message
        self.pos = pos
    }
}

/// A compile-time error that CPython reports as a SyntaxError (`'return' outside function`…).
public struct CompileSyntaxError: Error, Equatable, Sendable {
    public var message: String
    public var pos: SourcePos
    /// Where the offending code ends (exclusive), for the carets under it (CPython's
    /// end_lineno/end_offset); nil gives one caret.
    public var end: SourcePos? = nil
}

/// Compiles a syntax tree to code objects (CPython: Python/compile.c, much simplified).
///
/// One `Unit` per code object being emitted; nested functions, lambdas, comprehensions and class
/// bodies push a unit, take their scope from the symbol tree in visiting order, and pop it.
public struct Compiler {
    public enum Mode { case file, interactive }

    /// A block whose exit must run code on `return`/`break`/`continue` (CPython: fblock).
    enum Block {
        case loop(continueTarget: Int, breaks: Int)  // `breaks` indexes `Unit.breakLists`
        case forLoop(continueTarget: Int, breaks: Int)
        case tryExcept
        case exceptBody(name: String?)
        /// The body of an `except*` clause: nothing may jump out of it.
        case exceptStarBody(name: String?)
        /// A finally body, and the index of its first child scope (it is compiled once per way
        /// out of the try, and every copy uses the same scopes).
        case finally([Stmt], firstChild: Int)
        case finallyBody
        /// `at`: the context expression, whose location the `__exit__` call has (3.12+).
        case with(isAsync: Bool, at: Expr)
    }

    final class Unit {
        let code: CodeObject
        let scope: Scope
        var nextChild = 0
        var blocks: [Block] = []
        var breakLists: [[Int]] = []
        /// A class body's `__static_attributes__`: the names its functions assign as `self.X`.
        var staticAttributes: Set<String> = []
        init(code: CodeObject, scope: Scope) {
            self.code = code
            self.scope = scope
        }
    }

    let filename: String
    let mode: Mode
    var unit: Unit
    /// The units enclosing `unit`, innermost last.
    var enclosingUnits: [Unit] = []
    var line = 1
    /// The span of the expression being compiled (nil in a statement's own instructions).
    var span: SourceSpan?
    /// Class names enclosing the current unit, for `__qualname__`.
    var qualPrefix: [String] = []
    /// Interactive mode: whether expression statements echo (only the last statement of an input).
    var echo = true
    /// `from __future__ import annotations` is in effect: annotations are stored as strings.
    var futureAnnotations = false

    /// Compiles a module. In interactive mode, expression statements echo their value and a
    /// top-level `await` makes the module code a coroutine.
    /// `futureAnnotations`: an earlier input of the same REPL session imported
    /// `from __future__ import annotations`.
    public static func compile(
        _ module: Module, filename: String, mode: Mode = .file, echo: Bool = true, futureAnnotations: Bool = false
    ) throws -> CodeObject {
        let stringAnnotations = try futureFeatures(module).contains("annotations") || futureAnnotations
        let symbols = SymbolCollector(module: module, futureAnnotations: stringAnnotations)
        symbols.current.resolve()
        let code = CodeObject(name: "<module>", qualname: "<module>", filename: filename, firstLine: 1, usesNamespace: true)
        code.futureAnnotations = stringAnnotations
        var c = Compiler(filename: filename, mode: mode, unit: Unit(code: code, scope: symbols.current))
        c.echo = echo
        c.futureAnnotations = stringAnnotations
        if mode == .interactive && symbols.current.isAsyncComprehension { code.isAsync = true }
        if mode == .file, symbols.current.hasAwait, let pos = firstAwait(module) {
            throw CompileSyntaxError(message: "'await' outside function", pos: pos)
        }
        try c.compileBody(module.body)
        c.emit(.loadConst(c.constant(.none)))
        c.emit(.returnValue)
        return code
    }

    /// The features a module's `from __future__ import …` statements name (`future_parse` in
    /// CPython's `Python/future.c`): they must come first (after the docstring), every name must
    /// be one of `__future__.all_feature_names`, and `braces` is not a chance.
    static func futureFeatures(_ module: Module) throws -> Set<String> {
        var features = Set<String>()
        var atStart = true
        func check(_ body: [Stmt], top: Bool) throws {
            for (i, s) in body.enumerated() {
                if top, i == 0, case .expr(let e) = s.kind, case .constant(.str) = e.kind { continue }  // the docstring
                if case .importFrom("__future__", let names, 0) = s.kind {
                    guard top && atStart else {
                        throw CompileSyntaxError(message: "from __future__ imports must occur at the beginning of the file", pos: s.pos)
                    }
                    for a in names {
                        if a.name == "braces" { throw CompileSyntaxError(message: "not a chance", pos: s.pos) }
                        guard futureFeatureNames.contains(a.name) else {
                            throw CompileSyntaxError(message: "future feature \(a.name) is not defined", pos: s.pos)
                        }
                        features.insert(a.name)
                    }
                    continue
                }
                if top { atStart = false }
                for inner in nestedBodies(s) { try check(inner, top: false) }
            }
        }
        try check(module.body, top: true)
        return features
    }

    /// `__future__.all_feature_names`: all but `annotations` are what the language already does.
    static let futureFeatureNames: Set<String> = [
        "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function",
        "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
    ]

    /// The statement lists directly inside a compound statement.
    static func nestedBodies(_ s: Stmt) -> [[Stmt]] {
        switch s.kind {
        case .functionDef(let f): return [f.body]
        case .classDef(let c): return [c.body]
        case .ifStmt(_, let b, let o), .whileStmt(_, let b, let o): return [b, o]
        case .forStmt(_, _, let b, let o, _): return [b, o]
        case .tryStmt(let b, let handlers, let o, let f, _): return [b, o, f] + handlers.map(\.body)
        case .with(_, let b, _): return [b]
        case .match(_, let cases): return cases.map(\.body)
        default: return []
        }
    }

    static func firstAwait(_ module: Module) -> SourcePos? {
        // The collector knows that the module scope awaits; point at the first statement that does.
        for s in module.body where "\(s.kind)".contains("await(") { return s.pos }
        return module.body.first?.pos
    }

    // MARK: emitting

    var here: Int { unit.code.instructions.count }

    @discardableResult
    mutating func emit(_ i: Instr) -> Int {
        unit.code.instructions.append(i)
        unit.code.lines.append(line)
        unit.code.spans.append(span)
        return unit.code.instructions.count - 1
    }

    /// Rewrites the jump target of instruction `at` to `target`.
    mutating func patch(_ at: Int, to target: Int) {
        let code = unit.code
        switch code.instructions[at] {
        case .jump: code.instructions[at] = .jump(target)
        case .popJumpIfFalse: code.instructions[at] = .popJumpIfFalse(target)
        case .popJumpIfTrue: code.instructions[at] = .popJumpIfTrue(target)
        case .jumpIfFalseOrPop: code.instructions[at] = .jumpIfFalseOrPop(target)
        case .jumpIfTrueOrPop: code.instructions[at] = .jumpIfTrueOrPop(target)
        case .forIter: code.instructions[at] = .forIter(target)
        case .pushHandler: code.instructions[at] = .pushHandler(target)
        case .yieldFromSend: code.instructions[at] = .yieldFromSend(target)
        default: preconditionFailure("patching a non-jump instruction")
        }
    }

    mutating func constant(_ v: Value) -> Int {
        let code = unit.code
        if let i = code.constants.firstIndex(where: { $0.isIdentical(v) && sameKind($0, v) }) { return i }
        code.constants.append(v)
        return code.constants.count - 1
    }

    private func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.bool, .bool), (.int, .int), (.float, .float), (.str, .str), (.none, .none): return true
        default: return false
        }
    }

    mutating func nameIndex(_ n: String) -> Int {
        let code = unit.code
        if let i = code.names.firstIndex(of: n) { return i }
        code.names.append(n)
        return code.names.count - 1
    }

    /// The operand of `call` for these keyword names: -1 for none, else an index into
    /// `kwnameLists`.
    mutating func kwnamesIndex(_ names: [String]) -> Int {
        guard !names.isEmpty else { return -1 }
        let code = unit.code
        if let i = code.kwnameLists.firstIndex(of: names) { return i }
        code.kwnameLists.append(names)
        return code.kwnameLists.count - 1
    }

    mutating func varIndex(_ n: String) -> Int {
        let code = unit.code
        if let i = code.varnames.firstIndex(of: n) { return i }
        code.varnames.append(n)
        return code.varnames.count - 1
    }

    // MARK: names

    mutating func loadName(_ n: String) {
        switch unit.scope.access(n) {
        case .fast: emit(.loadFast(varIndex(n)))
        case .deref: emit(.loadDeref(unit.code.cellIndex(n)!))
        case .global: emit(.loadGlobal(nameIndex(n)))
        case .name: emit(.loadName(nameIndex(n)))
        }
    }

    mutating func storeName(_ n: String) {
        switch unit.scope.access(n) {
        case .fast: emit(.storeFast(varIndex(n)))
        case .deref: emit(.storeDeref(unit.code.cellIndex(n)!))
        case .global: emit(.storeGlobal(nameIndex(n)))
        case .name: emit(.storeName(nameIndex(n)))
        }
    }

    mutating func deleteName(_ n: String) {
        switch unit.scope.access(n) {
        case .fast: emit(.deleteFast(varIndex(n)))
        case .deref: emit(.deleteDeref(unit.code.cellIndex(n)!))
        case .global: emit(.deleteGlobal(nameIndex(n)))
        case .name: emit(.deleteName(nameIndex(n)))
        }
    }

    // MARK: nested code objects

    /// Compiles a nested function-like body into a new code object, with the next child scope.
    mutating func nestedUnit(name: String, kind: Scope.Kind, firstLine: Int, _ body: (inout Compiler) throws -> Void) throws -> (CodeObject, Scope) {
        let scope = unit.scope.children[unit.nextChild]
        unit.nextChild += 1
        let qual: String
        switch kind {
        case .classBody, .function:
            let enclosing = unit.code.childQualPrefix
                ?? (unit.code.usesNamespace && unit.scope.kind != .classBody ? [] : [unit.code.qualname + (unit.scope.kind == .function ? ".<locals>" : "")])
            qual = (enclosing + [name]).joined(separator: ".")
        case .module: qual = name
        }
        let code = CodeObject(name: name, qualname: qual, filename: filename, firstLine: firstLine, usesNamespace: kind == .classBody)
        code.varnames = kind == .classBody ? [] : scope.params
        code.cellvars = scope.cells.sorted()
        code.freevars = scope.frees.subtracting(scope.cells).sorted()
        let saved = unit
        enclosingUnits.append(saved)
        unit = Unit(code: code, scope: scope)
        defer {
            unit = saved
            enclosingUnits.removeLast()
        }
        try body(&self)
        return (code, scope)
    }

    /// codegen.c's `compiler_maybe_add_static_attribute_to_class`: `self.X = …` in any unit
    /// inside a class body adds X to the nearest enclosing class's `__static_attributes__`.
    func noteStaticAttribute(_ obj: Expr, _ attr: String) {
        guard case .name("self") = obj.kind else { return }
        enclosingUnits.last(where: { $0.scope.kind == .classBody })?.staticAttributes.insert(attr)
    }

    /// Emits the closure tuple (cells of the enclosing unit) for a nested code object.
    mutating func emitClosure(_ code: CodeObject) -> Bool {
        guard !code.freevars.isEmpty else { return false }
        for n in code.freevars {
            guard let i = unit.code.cellIndex(n) else { preconditionFailure("free variable \(n) not found") }
            emit(.loadClosureCell(i))
        }
        emit(.buildTuple(code.freevars.count))
        return true
    }
}
