import CtxCore

/// An activation of a code object: its own value stack, locals, handlers and position.
/// Frames live on the heap, so a coroutine suspends by simply keeping its frames.
final class Frame {
    let code: CodeObject
    var pc = 0
    var stack: [Value] = []
    var locals: [Value?]
    var cells: [PyCell]
    /// Module and class bodies: their names live here (`LOAD_NAME`).
    let namespace: Namespace?
    /// A class body whose metaclass's `__prepare__` gave a mapping other than a dict (enum's
    /// `_EnumDict`): its names go through the mapping's `__getitem__`/`__setitem__`, as LOAD_NAME
    /// and STORE_NAME do with a non-dict `f_locals`.
    var mapping: Value?
    let globals: Namespace
    /// Installed exception handlers: where to jump and the stack depth to restore.
    var handlers: [(target: Int, depth: Int)] = []
    /// Exceptions being handled by `except`/`finally` blocks (for `raise` and `__context__`).
    var handled: [PyException] = []
    /// What the frame is suspended on inside an `await`.
    var waitingFuture: Future?
    var waitingNative: Coroutine?
    /// The subiterator of the `yield from` the frame is suspended in (CPython's `_PyGen_yf`).
    var delegate: Value?
    /// The coroutine whose body this frame runs (finished when the frame returns).
    weak var coroutine: PyCoroutine?
    /// For `__init__` frames: the instance to produce instead of the return value.
    var replacesReturn: Value?

    init(code: CodeObject, globals: Namespace, namespace: Namespace?, locals: [Value?], cells: [PyCell]) {
        self.code = code
        self.globals = globals
        self.namespace = namespace
        self.locals = locals
        self.cells = cells
    }

    /// The line being executed (the last instruction started).
    var line: Int { code.lines.isEmpty ? code.firstLine : code.lines[min(max(pc - 1, 0), code.lines.count - 1)] }
    /// The span of the instruction running (the one `line` is of).
    var span: SourceSpan? { code.spans.isEmpty ? nil : code.spans[min(max(pc - 1, 0), code.spans.count - 1)] }

    /// The traceback entry of this frame where it is now.
    var tracebackEntry: TracebackEntry {
        var entry = TracebackEntry(filename: code.filename, line: line, function: code.name)
        entry.linesKey = code.linesKey
        if let span, span.line == line {
            entry.column = span.column
            entry.endLine = span.endLine
            entry.endColumn = span.endColumn
        }
        return entry
    }

    /// The frame of a finished generator or coroutine drops its values, as CPython clears a
    /// finished frame (an async generator in a local is then finalised when its owner ends).
    func release() {
        locals = []
        cells = []
        stack = []
    }

    func push(_ v: Value) { stack.append(v) }
    func pop() -> Value { stack.removeLast() }
    var top: Value { stack[stack.count - 1] }
}

/// The frames of one execution: a call stack that a coroutine or generator can keep while it is
/// suspended and resume later.
final class FrameStack {
    var frames: [Frame]
    init(_ base: Frame) { frames = [base] }
    var top: Frame { frames[frames.count - 1] }
}
