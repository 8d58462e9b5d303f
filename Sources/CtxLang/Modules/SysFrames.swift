import CtxCore

/// `sys.exc_info()`, `sys.exception()` and `sys._getframe()`: what logging's `exception()` and
/// `findCaller` (funcName, lineno, pathname) need.
///
/// Frames are snapshots (CPython's Objects/frameobject.c, simplified): `f_code` (`co_filename`,
/// `co_name`, `co_qualname`), `f_lineno` (the line the frame is at now), `f_back`,
/// `f_globals`. The chain is the Python frames ctxlab is running, innermost first; a task's
/// coroutine has no event-loop frames behind it (ctxlab's loop is not Python code).
extension Interpreter {
    func addFrameFunctions(to m: PyModule) {
        m.namespace["exc_info"] = function("exc_info") { [unowned self] a in
            try a.exactly(0)
            guard let e = self.handledException() else { return self.tuple([.none, .none, .none]) }
            let tb: Value = e.traceback.isEmpty ? .none : .object(PyTraceback(runtime: self.rt, e.traceback))
            return self.tuple([.object(self.classOf(exception: e)), .object(e), tb])
        }
        m.namespace["exception"] = function("exception") { [unowned self] a in
            try a.exactly(0)
            return self.handledException().map { .object($0) } ?? .none
        }
        m.namespace["_getframe"] = function("_getframe") { [unowned self] a in
            try a.check(maxPositional: 1)
            let depth = try a.args.first.map { try self.expectInt($0, "depth") } ?? 0
            let frames = self.visibleFrames()
            guard depth >= 0, depth < frames.count else { throw self.rt.error(.ValueError, "call stack is not deep enough") }
            return self.frameObject(frames, depth)
        }
    }

    /// The exception being handled now (an `except` block or a `finally` that runs for one).
    func handledException() -> PyException? {
        for stack in activeStacks.reversed() {
            if let e = stack.frames.reversed().lazy.compactMap({ $0.handled.last }).first { return e }
        }
        return nil
    }

    /// The `__name__` of the innermost Python frame's globals (type()'s default `__module__`).
    func frameGlobalsName() -> String? {
        if case .str(let n)? = pythonFrames().first?.globals["__name__"] { return n }
        return nil
    }

    /// The running Python frames, innermost first.
    func pythonFrames() -> [Frame] {
        activeStacks.reversed().flatMap { $0.frames.reversed() }
    }

    /// The frames as CPython 3.12+ has them, innermost first: a list, set or dict comprehension
    /// runs inline in the frame around it (PEP 709), so its frame is folded into that one, which
    /// is at the comprehension's line meanwhile (`line`). Generator expressions keep their frames.
    func visibleFrames() -> [(frame: Frame, line: Frame)] {
        var out: [(frame: Frame, line: Frame)] = []
        var comprehension: Frame?
        for f in pythonFrames() {
            if Interpreter.isInlinedComprehension(f.code) {
                if comprehension == nil { comprehension = f }
                continue
            }
            out.append((f, comprehension ?? f))
            comprehension = nil
        }
        return out
    }

    private func frameObject(_ frames: [(frame: Frame, line: Frame)], _ index: Int) -> Value {
        let (f, at) = frames[index]
        let frame = NativeObject(runtime: rt, cls: classes.named("frame"))
        let code = NativeObject(runtime: rt, cls: classes.named("code"))
        code.attributes["co_filename"] = .str(f.code.filename)
        code.attributes["co_name"] = .str(f.code.name)
        code.attributes["co_qualname"] = .str(f.code.qualname)
        code.attributes["co_firstlineno"] = .int(f.code.firstLine)
        code.reprBody = { [unowned code] in
            "<code object \(f.code.name) at \(code.hexAddress), file \"\(f.code.filename)\", line \(f.code.firstLine)>"
        }
        frame.attributes["f_code"] = .object(code)
        frame.attributes["f_globals"] = .object(namespaceDict(f.globals))
        frame.reprBody = { [unowned frame] in
            "<frame at \(frame.hexAddress), file '\(f.code.filename)', line \(at.line), code \(f.code.name)>"
        }
        frame.getAttr = { [unowned self] name in
            switch name {
            case "f_lineno": return .int(at.line)  // live, as CPython's: the line running now
            case "f_back": return index + 1 < frames.count ? self.frameObject(frames, index + 1) : Value.none
            default: return nil
            }
        }
        return .object(frame)
    }
}
