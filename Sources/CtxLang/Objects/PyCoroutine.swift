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

/// A generator object (a function containing `yield`, or a generator expression).
public final class PyGenerator: PyObject {
    let stack: FrameStack
    unowned let interpreter: Interpreter
    let qualname: String
    var finished = false
    var running = false

    init(interpreter: Interpreter, frame: Frame, qualname: String) {
        self.interpreter = interpreter
        self.stack = FrameStack(frame)
        self.qualname = qualname
        super.init(runtime: interpreter.rt)
    }

    override public var typeName: String { "generator" }
    override public func repr() throws -> String { "<generator object \(qualname) at \(hexAddress)>" }

    /// `next(gen)`: the next value, or nil when the generator is exhausted.
    func next() throws -> Value? {
        if finished { return nil }
        if running { throw interpreter.rt.error(.ValueError, "generator already executing") }
        running = true
        defer { running = false }
        do {
            switch try interpreter.execute(stack, resumeWith: nil) {
            case .yielded(let v): return v
            case .returned:
                finished = true
                return nil
            case .suspended:
                finished = true
                throw interpreter.rt.error(.RuntimeError, "await is not allowed inside a generator in ctxlab")
            }
        } catch {
            finished = true
            throw error
        }
    }
}
