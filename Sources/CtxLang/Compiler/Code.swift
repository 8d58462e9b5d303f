import CtxCore

/// One instruction of ctxlab's stack machine. Operands are indices into the code object's tables
/// or jump targets (instruction indices). Every payload is a plain value (no strings, no arrays):
/// fetching an instruction in the VM's loop then costs no reference counting.
public enum Instr {
    case nop
    case loadConst(Int)
    /// Literals that are heap objects (the compiler has no runtime to make them): the int whose
    /// decimal digits are str constant `i` (beyond 64 bits), the bytes whose values are the
    /// scalars of str constant `i`.
    case loadBigInt(Int), loadBytes(Int)
    /// Pushes the `Ellipsis` object (`...`).
    case loadEllipsis
    case loadName(Int), storeName(Int), deleteName(Int)
    case loadFast(Int), storeFast(Int), deleteFast(Int)
    case loadDeref(Int), storeDeref(Int), deleteDeref(Int)
    case loadGlobal(Int), storeGlobal(Int), deleteGlobal(Int)
    case loadAttr(Int), storeAttr(Int), deleteAttr(Int)
    case loadSubscript, storeSubscript, deleteSubscript
    case buildTuple(Int), buildList(Int), buildSet(Int), buildMap(Int), buildSlice(Int), buildString(Int)
    /// Comprehension/display helpers: the container is `depth` entries below the top.
    case listAppend(Int), setAdd(Int), mapAdd(Int)
    case listExtend, setUpdate, dictUpdate, listToTuple
    /// A call's `**mapping` (DICT_MERGE): the callable is `callableDepth` below the top after the
    /// mapping is popped, for the messages; 0 for a class statement's keywords.
    case dictMerge(callableDepth: Int)
    /// A call's lone `*iterable` (CALL_FUNCTION_EX's own check): made a tuple, the callable below it.
    case starArgs
    case binary(BinaryOp), inplace(BinaryOp), unary(UnaryOp), compare(CompareOp)
    case jump(Int), popJumpIfFalse(Int), popJumpIfTrue(Int), jumpIfFalseOrPop(Int), jumpIfTrueOrPop(Int)
    case getIter, forIter(Int)
    /// `async for`: `getAIter` turns the iterable into its async iterator; `getANext` pushes
    /// the awaitable of its next step (the iterator stays); `endAsyncFor` is the loop's
    /// handler: stack iterator, exception → () on StopAsyncIteration, else re-raises.
    case getAIter, getANext, endAsyncFor
    /// `yield from`: `getYieldFromIter` makes the subiterator; `yieldFromSend(end)` sends the
    /// value on top to the subiterator below it: a value it yields replaces the sent one (a
    /// `yieldValue` follows), its return value replaces both and jumps to `end`.
    case getYieldFromIter, yieldFromSend(Int)
    /// Call with `argc` arguments on the stack; the last ones are keyword arguments named by
    /// `kwnameLists[kwnames]`, or there are none when `kwnames` is -1.
    case call(Int, kwnames: Int)
    /// `obj.name(…)` without `*`/`**`: `loadMethod` leaves two entries where `loadAttr` leaves
    /// one (the receiver and the name's index for the methods the VM calls directly, or the
    /// attribute and a marker), and `callMethod` consumes both (CPython's LOAD_METHOD idea: no
    /// bound-method object per call).
    case loadMethod(Int)
    case callMethod(Int, kwnames: Int)
    /// Call with a tuple of positional arguments and (if the flag) a dict of keywords on the stack.
    case callEx(hasKwargs: Bool)
    case makeFunction(code: Int, defaults: Bool, kwDefaults: Bool, closure: Bool)
    /// Stack: function made from the class body code, bases tuple → class object.
    case buildClass(name: Int, hasKeywords: Bool)
    case returnValue
    case yieldValue
    case pop, dup, dup2, rot2, rot3, rot4
    /// CPython's COPY n (push the n-th entry from the top, 1 = the top) and SWAP n.
    case copy(Int), swap(Int)
    /// Pattern matching (CPython's ceval): `matchClass(n)`: subject, class, tuple of keyword
    /// names → tuple of the n positional and the keyword attributes, or None. `matchMapping` and
    /// `matchSequence` push whether the subject on top is one; `getLen` pushes its len();
    /// `matchKeys`: subject, keys → subject, keys, tuple of values or None.
    case matchClass(Int), matchMapping, matchSequence, matchKeys, getLen
    case unpackSequence(Int), unpackEx(before: Int, after: Int)
    /// Installs an exception handler at `target` for the current stack depth.
    case pushHandler(Int)
    case popHandler
    /// Stack: exception → (at handler entry) marks it as the one being handled.
    case beginExcept
    /// Leaves an `except` block: pops the handled-exception state.
    case endExcept
    case checkExcMatch
    /// `except*` (PEP 654; CPython's CHECK_EG_MATCH and `_PyExc_PrepReraiseStar`, see
    /// `VM/ExceptStar.swift`). starBegin: exception → state. starMatch: state, type → state,
    /// matched group or None. starRaised: state, exception → state (raised in a handler).
    /// starEnd: state → what to re-raise, or None.
    case starBegin, starMatch, starRaised, starEnd
    case raise(Int)
    case reraise
    case await
    /// `f"{x!r:spec}"`: the conversion character's code (`r`, `s`, `a`; 0 for none), whether a
    /// spec string is on the stack.
    case formatValue(UInt8, hasSpec: Bool)
    case importName(Int), importFrom(Int), importStar
    case beforeWith, beforeAsyncWith
    /// Stack: exit → calls exit(None, None, None) and drops the result (or leaves the awaitable).
    case callExitNone(isAsync: Bool)
    /// Stack: exit, exc → calls exit(type, exc, tb); pushes exc then the result (or awaitable).
    case callExitWithException(isAsync: Bool)
    /// Stack: exc, result → suppress (pop both) when result is true, else re-raise exc.
    case withExceptCheck
    case loadClosureCell(Int)
    case setupAnnotations
    /// Stack: annotation → (). `__annotations__[names[i]] = annotation` in the namespace.
    case storeAnnotation(Int)
    case assertFail(hasMessage: Bool)
    /// Interactive mode: echo a non-None expression value with `repr` and bind `_`.
    case displayHook
}

/// A range of source text: 1-based line and column of its first character, and of the column
/// after its last (CPython's `lineno`, `col_offset`, `end_lineno`, `end_col_offset`, here in
/// code points, 1-based).
public struct SourceSpan: Equatable, Sendable {
    public var line: Int, column: Int, endLine: Int, endColumn: Int
}

/// A compiled function, class body or module: CPython's code object, simplified.
public final class CodeObject {
    public let name: String
    public internal(set) var qualname: String
    public let filename: String
    /// Compiled under `from __future__ import annotations` (CPython's CO_FUTURE_ANNOTATIONS):
    /// the REPL compiles its later inputs so too, as codeop's `Compile` remembers the flag.
    public internal(set) var futureAnnotations = false
    public internal(set) var instructions: [Instr] = []
    /// Source line of each instruction (for tracebacks and `running at file:line` in reprs).
    public internal(set) var lines: [Int] = []
    /// The source range of the expression each instruction belongs to, where it has one
    /// (CPython's `co_positions`): what a traceback's carets underline.
    public internal(set) var spans: [SourceSpan?] = []
    public internal(set) var constants: [Value] = []
    public internal(set) var codeConstants: [CodeObject] = []
    public internal(set) var names: [String] = []
    /// The keyword names of calls (`call`'s second operand).
    public internal(set) var kwnameLists: [[String]] = []
    /// Fast locals: parameters first, in order.
    public internal(set) var varnames: [String] = []
    /// Locals captured by inner functions, then names captured from outer functions.
    public internal(set) var cellvars: [String] = []
    public internal(set) var freevars: [String] = []
    public let firstLine: Int
    /// A PEP 695 annotation scope (`<generic parameters of f>`): what the code objects inside it
    /// put before their names in `__qualname__`, as if the scope were not there.
    var childQualPrefix: [String]?
    public var argCount = 0, posOnlyCount = 0, kwOnlyCount = 0
    public var hasVarArgs = false, hasVarKeywords = false
    public var isAsync = false, isGenerator = false
    /// Module and class bodies use a namespace dict instead of fast locals.
    public let usesNamespace: Bool
    public var docstring: Value = .none
    /// Which source this code was compiled from, for `SourcePosition` (the session numbers its
    /// inputs; 0: untagged). Set with `tag(source:linesKey:)`.
    public private(set) var source = 0
    /// Where `Interpreter.sources` files the lines this code was compiled from, when not under
    /// its filename: the REPL's `<stdin>` inputs share one filename, each has its own lines.
    public private(set) var linesKey: String?

    init(name: String, qualname: String, filename: String, firstLine: Int, usesNamespace: Bool) {
        self.name = name
        self.qualname = qualname
        self.filename = filename
        self.firstLine = firstLine
        self.usesNamespace = usesNamespace
    }

    /// Tags this code and every code object nested in it with `source` and `linesKey`.
    public func tag(source: Int, linesKey: String? = nil) {
        var pending = [self]
        while let code = pending.popLast() {
            code.source = source
            code.linesKey = linesKey
            pending.append(contentsOf: code.codeConstants)
        }
    }

    /// The index of a cell (cellvars first, then freevars) by name.
    func cellIndex(_ name: String) -> Int? {
        if let i = cellvars.firstIndex(of: name) { return i }
        return freevars.firstIndex(of: name).map { $0 + cellvars.count }
    }
}
