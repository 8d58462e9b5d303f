import CtxCore

/// A coroutine object (`async def` called): the body runs only when awaited or driven by a Task.
/// It implements CtxCore's `Coroutine`, so a Task steps it exactly like CPython's `coro.send()`.
public final class PyCoroutine: PyObject, Coroutine {
    let stack: FrameStack
    unowned let interpreter: Interpreter
    public let name: String
    let qualname: String
    public enum State { case created, running, suspended, closed }
    public internal(set) var state = State.created
    /// The frame stack is being run by an `await` of another frame (not by `send`).
    var isDelegated = false

    init(interpreter: Interpreter, frame: Frame, name: String, qualname: String) {
        self.interpreter = interpreter
        self.stack = FrameStack(frame)
        self.name = name
        self.qualname = qualname
        super.init(runtime: interpreter.rt)
        frame.coroutine = self
    }

    override public var typeName: String { "coroutine" }
    override public func repr() throws -> String { "<coroutine object \(qualname) at \(hexAddress)>" }

    public func send(_ rt: Runtime) throws -> CoroutineStep {
        try resume(nil)
    }

    public func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep {
        try resume(exc)
    }

    private func resume(_ exc: PyException?) throws -> CoroutineStep {
        switch state {
        case .closed: throw interpreter.rt.error(.RuntimeError, "cannot reuse already awaited coroutine")
        case .running: throw interpreter.rt.error(.ValueError, "coroutine already executing")
        case .created, .suspended: break
        }
        if state == .created, let exc {
            state = .closed
            throw exc
        }
        state = .running
        do {
            switch try interpreter.execute(stack, resumeWith: exc) {
            case .returned(let v):
                state = .closed
                return .returned(v)
            case .suspended(let step):
                state = .suspended
                return step
            case .yielded:
                preconditionFailure("a coroutine frame yielded a value")
            }
        } catch {
            state = .closed
            throw error
        }
    }

    /// `coro.close()` on a coroutine that never ran: nothing to finalise.
    public func close() { if state == .created { state = .closed } }

    /// For task reprs: `main() running at x.py:3` / `main() done, defined at x.py:1`.
    public var reprInfo: String {
        let base = stack.frames[0]
        switch state {
        case .closed: return "\(qualname)() done, defined at \(base.code.filename):\(base.code.firstLine)"
        default:
            let top = stack.frames.last { $0.coroutine === self } ?? base
            return "\(qualname)() running at \(top.code.filename):\(state == .created ? base.code.firstLine : top.line)"
        }
    }
}

/// A generator object (a function containing `yield`, or a generator expression), with the
/// protocol of CPython's Objects/genobject.c: `send`, `throw`, `close`, PEP 479.
public final class PyGenerator: PyObject {
    let stack: FrameStack
    unowned let interpreter: Interpreter
    let qualname: String
    var finished = false
    var running = false
    /// Whether the body has started (it then waits at a `yield`).
    var started = false
    /// What the body returned, once `finished`.
    var returnValue: Value = .none

    init(interpreter: Interpreter, frame: Frame, qualname: String) {
        self.interpreter = interpreter
        self.stack = FrameStack(frame)
        self.qualname = qualname
        super.init(runtime: interpreter.rt)
    }

    override public var typeName: String { "generator" }
    override public func repr() throws -> String { "<generator object \(qualname) at \(hexAddress)>" }

    /// `next(gen)`: the next value, or nil when the generator is exhausted.
    func next() throws -> Value? { try resume(sending: .none, throwing: nil) }

    /// One step of the body (CPython's `gen_send_ex2`): it resumes at its `yield`, which
    /// evaluates to `sent`, or raises `exc` there. The value it yields next, or nil when it
    /// returns (its value is then in `returnValue`).
    func resume(sending sent: Value, throwing exc: PyException?) throws -> Value? {
        let rt = interpreter.rt
        if running { throw rt.error(.ValueError, "generator already executing") }
        if finished {
            if let exc { throw exc }
            return nil
        }
        if !started {
            if let exc {
                finished = true
                throw exc
            }
            if !sent.isIdentical(.none) {
                throw rt.error(.TypeError, "can't send non-None value to a just-started generator")
            }
        } else if exc == nil {
            // `yield` left None on the stack as its value: the sent value replaces it.
            _ = stack.top.pop()
            stack.top.push(sent)
        }
        started = true
        running = true
        defer { running = false }
        do {
            switch try interpreter.execute(stack, resumeWith: exc) {
            case .yielded(let v): return v
            case .returned(let v):
                finished = true
                returnValue = v
                return nil
            case .suspended:
                finished = true
                throw rt.error(.RuntimeError, "await is not allowed inside a generator in ctxlab")
            }
        } catch let e as PyException {
            finished = true
            // PEP 479: a StopIteration escaping the body would end the caller's loop silently.
            if e.isInstance(of: .StopIteration) {
                let wrapped = rt.error(.RuntimeError, "generator raised StopIteration")
                wrapped.cause = e
                wrapped.context = e
                wrapped.suppressContext = true
                throw wrapped
            }
            throw e
        }
    }

    /// `StopIteration(value)` as a finished generator raises it (no argument for None).
    func stopIteration() -> PyException {
        let rt = interpreter.rt
        return PyException(runtime: rt, .StopIteration, args: returnValue.isIdentical(.none) ? [] : [returnValue])
    }

    /// `gen.close()`: GeneratorExit is raised at the paused `yield`; the generator may clean up
    /// but not yield again. Returns what the body returned (3.13+), else None.
    func close() throws -> Value {
        guard started, !finished else {
            finished = true
            return .none
        }
        let exit = PyException(runtime: interpreter.rt, .GeneratorExit, args: [])
        do {
            if try resume(sending: .none, throwing: exit) != nil {
                throw interpreter.rt.error(.RuntimeError, "generator ignored GeneratorExit")
            }
            return returnValue
        } catch let e as PyException where e === exit || e.isInstance(of: .GeneratorExit) {
            return .none
        }
    }
}

/// A traceback object (`exc.__traceback__`, the third argument of `__exit__`): the frames an
/// exception passed through, outermost first, as they were when it was taken; this object is
/// the entry at `index`, and `tb_next` the next one inwards. Assigning it back to
/// `__traceback__` restores the frames from it inwards (CPython's Python/traceback.c; no
/// `tb_frame`: ctxlab keeps no frame objects).
public final class PyTraceback: PyObject {
    let entries: [TracebackEntry]
    let index: Int
    init(runtime: Runtime, _ entries: [TracebackEntry], index: Int = 0) {
        self.entries = entries
        self.index = index
        super.init(runtime: runtime)
    }
    override public var typeName: String { "traceback" }
    /// The frames from this entry inwards.
    var chain: [TracebackEntry] { Array(entries[index...]) }
}
