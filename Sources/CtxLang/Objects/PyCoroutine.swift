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
    /// For the never-awaited warning at release, when the interpreter may be gone.
    weak var host: Interpreter?

    init(interpreter: Interpreter, frame: Frame, name: String, qualname: String) {
        self.interpreter = interpreter
        self.stack = FrameStack(frame)
        self.name = name
        self.qualname = qualname
        super.init(runtime: interpreter.rt)
        host = interpreter
        frame.coroutine = self
    }

    /// CPython: `_PyGen_Finalize` warns of a coroutine destroyed before it started (see
    /// NeverAwaited.swift). An interactive input's top-level `await` code is not a coroutine the
    /// user made. The warning's `source` is a closed stand-in with the same name: this object
    /// is already gone when the warning is issued.
    deinit {
        guard state == .created, name != "<module>", let host else { return }
        let site = host.warningSite()
        let standIn = PyCoroutine(interpreter: host, frame: stack.frames[0], name: name, qualname: qualname)
        standIn.state = .closed
        host.warnNeverAwaited("coroutine '\(qualname)' was never awaited", at: site, source: .object(standIn),
                              owner: "<coroutine object \(qualname) at \(hexAddress)>")
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
                stack.frames[0].release()
                interpreter.runFinalizers()
                return .returned(v)
            case .suspended(let step):
                state = .suspended
                return step
            case .yielded:
                preconditionFailure("a coroutine frame yielded a value")
            }
        } catch {
            state = .closed
            stack.frames[0].release()
            interpreter.runFinalizers()
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
    let body: GeneratorBody

    init(interpreter: Interpreter, frame: Frame, qualname: String) {
        body = GeneratorBody(interpreter: interpreter, frame: frame, qualname: qualname)
        super.init(runtime: interpreter.rt)
        body.address = hexAddress
    }

    /// CPython: `_PyGen_Finalize`: a generator dropped while suspended at a `yield` is closed,
    /// so its `finally` blocks run (here at the next instruction boundary, see `addFinalizer`).
    deinit {
        // `host` is weak: a generator that outlives its interpreter (a session's globals freed
        // with it) has no one left to run its `finally` (fuzz seed 40 case 14960 read a
        // destroyed interpreter here).
        guard body.started, !body.finished, let host = body.host else { return }
        let body = body
        host.addFinalizer { body.finalize() }
    }

    override public var typeName: String { "generator" }
    override public func repr() throws -> String { body.repr }

    var stack: FrameStack { body.stack }
    var qualname: String { body.qualname }
    var finished: Bool { body.finished }
    var running: Bool { body.running }
    var started: Bool { body.started }
    var returnValue: Value { body.returnValue }
    func next() throws -> Value? { try body.next() }
    func resume(sending sent: Value, throwing exc: PyException?) throws -> Value? {
        try body.resume(sending: sent, throwing: exc)
    }
    func stopIteration() -> PyException { body.stopIteration() }
    func close() throws -> Value { try body.close() }
}

/// The state and protocol of a generator, apart from its Python object so that a generator
/// dropped while suspended can still be closed.
final class GeneratorBody {
    let stack: FrameStack
    unowned let interpreter: Interpreter
    let qualname: String
    var address = ""
    var finished = false
    var running = false
    /// Whether the body has started (it then waits at a `yield`).
    var started = false
    /// What the body returned, once `finished`.
    var returnValue: Value = .none

    /// The interpreter for finalisation, which may be gone by then (unlike `interpreter`,
    /// which is there whenever the body runs).
    weak var host: Interpreter?

    init(interpreter: Interpreter, frame: Frame, qualname: String) {
        self.interpreter = interpreter
        self.host = interpreter
        self.stack = FrameStack(frame)
        self.qualname = qualname
    }

    var repr: String { "<generator object \(qualname) at \(address)>" }

    /// The finaliser: `close()`, whose exception is reported as unraisable (CPython:
    /// `PyErr_WriteUnraisable`).
    func finalize() {
        do {
            _ = try close()
        } catch let e as PyException {
            interpreter.writeUnraisable(e, "Exception ignored in: \(repr)")
        } catch {
            // A host condition (the loop's deadlock) has nothing to report here.
        }
    }

    /// `next(gen)`: the next value, or nil when the generator is exhausted.
    func next() throws -> Value? { try resume(sending: .none, throwing: nil) }

    /// One step of the body (CPython's `gen_send_ex2`): it resumes at its `yield`, which
    /// evaluates to `sent`, or raises `exc` there. The value it yields next, or nil when it
    /// returns (its value is then in `returnValue`). Suspended in a `yield from`, `exc` goes to
    /// the subiterator first.
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
                stack.frames[0].release()
                throw exc
            }
            if !sent.isIdentical(.none) {
                throw rt.error(.TypeError, "can't send non-None value to a just-started generator")
            }
        } else if let exc, let yf = stack.top.delegate {
            return try throwDelegated(yf, exc)
        } else if exc == nil {
            // `yield` left None on the stack as its value: the sent value replaces it.
            _ = stack.top.pop()
            stack.top.push(sent)
        }
        started = true
        return try run(throwing: exc)
    }

    /// CPython: `_gen_throw` while the frame is in a `yield from`: GeneratorExit closes the
    /// subiterator and is raised here; anything else is thrown into the subiterator, whose
    /// yield is ours, whose return value ends the `yield from`, and whose exception is raised
    /// here.
    private func throwDelegated(_ yf: Value, _ exc: PyException) throws -> Value? {
        let f = stack.top
        let step: SubiteratorStep
        running = true
        do {
            if exc.isInstance(of: .GeneratorExit) {
                try interpreter.closeSubiterator(yf)
                running = false
                f.delegate = nil
                return try run(throwing: exc)
            }
            step = try interpreter.throwToSubiterator(yf, exc)
            running = false
        } catch let e as PyException {
            running = false
            f.delegate = nil
            return try run(throwing: e)
        }
        switch step {
        case .yielded(let y): return y
        case .returned(let r):
            f.delegate = nil
            // The `yield from` evaluates to `r`: drop the yield's value and the subiterator,
            // continue after the SEND loop.
            guard f.pc < f.code.instructions.count, case .jump(let send) = f.code.instructions[f.pc],
                  case .yieldFromSend(let end) = f.code.instructions[send] else {
                preconditionFailure("a delegating frame is not at its yield from")
            }
            _ = f.pop()
            _ = f.pop()
            f.push(r)
            f.pc = end
            return try run(throwing: nil)
        }
    }

    /// Runs the body from where it stopped until it yields, returns or raises.
    private func run(throwing exc: PyException?) throws -> Value? {
        let rt = interpreter.rt
        running = true
        defer { running = false }
        do {
            switch try interpreter.execute(stack, resumeWith: exc) {
            case .yielded(let v): return v
            case .returned(let v):
                finished = true
                returnValue = v
                stack.frames[0].release()
                return nil
            case .suspended:
                finished = true
                stack.frames[0].release()
                throw rt.error(.RuntimeError, "await is not allowed inside a generator in ctxlab")
            }
        } catch let e as PyException {
            finished = true
            stack.frames[0].release()
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

    /// `gen.close()` (CPython: `gen_close`): GeneratorExit is raised at the paused `yield`
    /// (after closing the subiterator of a `yield from`, whose own error is raised instead);
    /// the generator may clean up but not yield again. Returns what the body returned
    /// (3.13+), else None.
    func close() throws -> Value {
        guard started, !finished else {
            finished = true
            return .none
        }
        if running { throw interpreter.rt.error(.ValueError, "generator already executing") }
        var exit = PyException(runtime: interpreter.rt, .GeneratorExit, args: [])
        if let yf = stack.top.delegate {
            running = true
            do { try interpreter.closeSubiterator(yf) } catch let e as PyException { exit = e }
            running = false
            stack.top.delegate = nil
        }
        do {
            if try resume(sending: .none, throwing: exit) != nil {
                throw interpreter.rt.error(.RuntimeError, "generator ignored GeneratorExit")
            }
            return returnValue
        } catch let e as PyException where e.isInstance(of: .GeneratorExit) {
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
