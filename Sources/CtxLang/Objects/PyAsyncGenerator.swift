import CtxCore

/// An async generator object (`async def` with `yield`), as CPython's Objects/genobject.c
/// models it: the body runs only inside the awaitables its methods return (`__anext__`/`asend`
/// → `async_generator_asend`, `athrow`/`aclose` → `async_generator_athrow`), so each step runs
/// in the context of the task that awaits it.
///
/// The state lives in `AsyncGenCore`, which outlives this object when an unfinished generator
/// is dropped: the loop's finaliser hook then runs `aclose()` on the core (CPython finalises
/// the object by resurrecting it; here its Python identity is gone, its state is not).
public final class PyAsyncGenerator: PyObject, AsyncGeneratorHooks {
    let core: AsyncGenCore

    init(interpreter: Interpreter, frame: Frame, name: String, qualname: String) {
        core = AsyncGenCore(interpreter: interpreter, frame: frame, name: name, qualname: qualname)
        super.init(runtime: interpreter.rt)
        core.address = hexAddress
    }

    deinit {
        // CPython: `_PyGen_Finalize`: a generator that took the loop's hooks and is neither
        // exhausted nor closed gets the finaliser; a finished one needs nothing.
        guard let loop = core.finalizer, !core.closed, !core.finished, let host = core.host else { return }
        core.finalizer = nil
        let core = core
        host.addFinalizer { loop.asyncgenFinalize(core) }
    }

    override public var typeName: String { "async_generator" }
    override public func repr() throws -> String { core.agenRepr() }
    public func agenRepr() -> String { core.agenRepr() }
    public func acloseCoroutine() -> Coroutine { AsyncGenAThrow(core: core, owner: self, exception: nil) }
}

/// The state of an async generator: its frame stack and CPython's `ag_running_async`,
/// `ag_closed`, `ag_hooks_inited` flags. The loop's weak registry holds the generator object;
/// the finaliser hook gets this core.
final class AsyncGenCore: AsyncGeneratorHooks {
    let stack: FrameStack
    unowned let interpreter: Interpreter
    /// For the finaliser, which may find the interpreter gone (see `GeneratorBody.host`).
    weak var host: Interpreter?
    let name: String
    let qualname: String
    var address = ""
    /// `ag_running_async`: an `asend`/`athrow` awaitable is driving the body.
    var runningAsync = false
    /// The body is executing right now (CPython's frame state EXECUTING).
    var running = false
    /// `ag_closed`: exhausted, or `aclose()` was started.
    var closed = false
    var started = false
    var finished = false
    /// The body stopped at a `yield` (not inside an `await`): a send replaces the yield's value.
    var atYield = false
    var hooksInited = false
    /// The loop whose hooks the generator took on its first iteration.
    var finalizer: EventLoop?

    init(interpreter: Interpreter, frame: Frame, name: String, qualname: String) {
        self.interpreter = interpreter
        self.host = interpreter
        stack = FrameStack(frame)
        self.name = name
        self.qualname = qualname
    }

    func agenRepr() -> String { "<async_generator object \(qualname) at \(address)>" }

    func acloseCoroutine() -> Coroutine { AsyncGenAThrow(core: self, owner: nil, exception: nil) }

    /// CPython: `async_gen_init_hooks`, called whenever one of the awaitables is made (the
    /// generator object is there then: only the finaliser's `aclose()` is made without it, and
    /// the hooks were taken before).
    func initHooks(_ owner: PyAsyncGenerator?) {
        guard !hooksInited, let owner else { return }
        hooksInited = true
        if let loop = interpreter.rt.runningLoop {
            finalizer = loop
            loop.asyncgenFirstIter(owner)
        }
    }

    /// What one step of the body came to.
    enum Step {
        /// `yield v` in the body (CPython: an `_PyAsyncGenWrappedValue`).
        case yielded(Value)
        /// An `await` in the body suspended it: the step goes to the Task.
        case suspended(CoroutineStep)
        /// The body returned.
        case finished
    }

    /// One step of the body (CPython: `gen_send_ex2` on the generator's frame).
    func resume(sending sent: Value, throwing exc: PyException?) throws -> Step {
        let rt = interpreter.rt
        if running { throw rt.error(.ValueError, "async generator already executing") }
        if finished {
            if let exc { throw exc }
            return .finished
        }
        if !started {
            if let exc {
                finish()
                throw exc
            }
            if !sent.isIdentical(.none) {
                throw rt.error(.TypeError, "can't send non-None value to a just-started async generator")
            }
        } else if atYield && exc == nil {
            _ = stack.top.pop()
            stack.top.push(sent)
        }
        started = true
        atYield = false
        running = true
        defer { running = false }
        do {
            switch try interpreter.execute(stack, resumeWith: exc) {
            case .yielded(let v):
                atYield = true
                return .yielded(v)
            case .suspended(let step): return .suspended(step)
            case .returned:
                finish()
                return .finished
            }
        } catch let e as PyException {
            finish()
            // CPython: `_PyGen_SetStopIterationValue`'s async twin of PEP 479.
            for t in [ExceptionType.StopAsyncIteration, .StopIteration] where e.isInstance(of: t) {
                let wrapped = rt.error(.RuntimeError, "async generator raised \(t.name)")
                wrapped.cause = e
                wrapped.context = e
                wrapped.suppressContext = true
                throw wrapped
            }
            throw e
        }
    }

    private func finish() {
        finished = true
        atYield = false
        stack.frames[0].release()
    }

    /// CPython: `async_gen_unwrap_value`: a yield ends the awaitable with that value, the end
    /// of the body raises StopAsyncIteration, a step inside an `await` goes to the Task.
    func unwrap(_ body: () throws -> Step) throws -> CoroutineStep {
        let step: Step
        do {
            step = try body()
        } catch let e as PyException {
            if e.isInstance(of: .StopAsyncIteration) || e.isInstance(of: .GeneratorExit) { closed = true }
            runningAsync = false
            throw e
        }
        switch step {
        case .yielded(let v):
            runningAsync = false
            return .returned(v)
        case .suspended(let s): return s
        case .finished:
            closed = true
            runningAsync = false
            throw PyException(runtime: interpreter.rt, .StopAsyncIteration, args: [])
        }
    }
}

/// The awaitables of an async generator: Swift coroutines a frame awaits step by step.
class AsyncGenAwaitable: PyObject, Coroutine {
    enum State { case initial, iterating, closed }
    var state = State.initial
    let core: AsyncGenCore
    /// Keeps the generator object alive while the awaitable exists (as CPython's reference does).
    let owner: PyAsyncGenerator?

    init(core: AsyncGenCore, owner: PyAsyncGenerator?) {
        self.core = core
        self.owner = owner
        super.init(runtime: core.interpreter.rt)
        core.initHooks(owner)
    }

    /// CPython: `async_gen_asend_finalize`/`async_gen_athrow_finalize` warn of an awaitable
    /// destroyed before its first step (NeverAwaited.swift).
    deinit {
        guard state == .initial, let host = core.host else { return }
        let site = host.warningSite()
        let agen: Value = owner.map { .object($0) } ?? .none
        host.warnNeverAwaited("coroutine method '\(methodName)' of '\(core.qualname)' was never awaited", at: site,
                              source: agen, owner: core.agenRepr())
    }

    /// The method that made the awaitable, as the warning names it.
    var methodName: String { "asend" }
    var name: String { core.name }
    var reprInfo: String { "<\(typeName) without __name__>()" }
    func send(_ rt: Runtime) throws -> CoroutineStep { preconditionFailure("abstract") }
    func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep { preconditionFailure("abstract") }
}

/// `agen.__anext__()` and `agen.asend(value)` (CPython: `async_gen_asend_send`/`_throw`).
final class AsyncGenASend: AsyncGenAwaitable {
    let value: Value

    init(core: AsyncGenCore, owner: PyAsyncGenerator?, value: Value) {
        self.value = value
        super.init(core: core, owner: owner)
    }

    override var typeName: String { "async_generator_asend" }

    override func send(_ rt: Runtime) throws -> CoroutineStep {
        try begin(rt)
        let sent = state == .initial ? value : Value.none
        state = .iterating
        return try finishing { try core.unwrap { try core.resume(sending: sent, throwing: nil) } }
    }

    override func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep {
        try begin(rt)
        state = .iterating
        return try finishing { try core.unwrap { try core.resume(sending: .none, throwing: exc) } }
    }

    private func begin(_ rt: Runtime) throws {
        if state == .closed { throw rt.error(.RuntimeError, "cannot reuse already awaited __anext__()/asend()") }
        if state == .initial {
            if core.runningAsync {
                state = .closed
                throw rt.error(.RuntimeError, "anext(): asynchronous generator is already running")
            }
            core.runningAsync = true
        }
    }

    /// The awaitable is spent once it returns or raises.
    private func finishing(_ body: () throws -> CoroutineStep) throws -> CoroutineStep {
        do {
            let step = try body()
            if case .returned = step { state = .closed }
            return step
        } catch {
            state = .closed
            throw error
        }
    }
}

/// `agen.athrow(exc)` and `agen.aclose()` (`exception` nil) (CPython: `async_gen_athrow_send`
/// and `async_gen_athrow_throw`).
final class AsyncGenAThrow: AsyncGenAwaitable {
    let exception: PyException?

    init(core: AsyncGenCore, owner: PyAsyncGenerator?, exception: PyException?) {
        self.exception = exception
        super.init(core: core, owner: owner)
    }

    override var typeName: String { "async_generator_athrow" }
    override var methodName: String { isClose ? "aclose" : "athrow" }
    private var isClose: Bool { exception == nil }

    override func send(_ rt: Runtime) throws -> CoroutineStep {
        if state == .closed { throw rt.error(.RuntimeError, "cannot reuse already awaited aclose()/athrow()") }
        if state == .initial {
            if core.runningAsync {
                state = .closed
                throw rt.error(.RuntimeError, isClose ? "aclose(): asynchronous generator is already running"
                    : "athrow(): asynchronous generator is already running")
            }
            // Closed or finished: both methods end at once with None (CPython 3.13).
            if core.closed || core.finished {
                state = .closed
                return .returned(.none)
            }
            state = .iterating
            core.runningAsync = true
            if let exception { return try checked { try core.unwrap { try core.resume(sending: .none, throwing: exception) } } }
            core.closed = true
            return try closing { try core.resume(sending: .none, throwing: PyException(runtime: rt, .GeneratorExit, args: [])) }
        }
        if isClose { return try closing { try core.resume(sending: .none, throwing: nil) } }
        return try checked { try core.unwrap { try core.resume(sending: .none, throwing: nil) } }
    }

    override func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep {
        if state == .closed { throw rt.error(.RuntimeError, "cannot reuse already awaited aclose()/athrow()") }
        if state == .initial {
            if core.runningAsync {
                state = .closed
                throw rt.error(.RuntimeError, isClose ? "aclose(): asynchronous generator is already running"
                    : "athrow(): asynchronous generator is already running")
            }
            state = .iterating
            core.runningAsync = true
        }
        if isClose { return try closing { try core.resume(sending: .none, throwing: exc) } }
        return try checked { try core.unwrap { try core.resume(sending: .none, throwing: exc) } }
    }

    /// aclose() mode: a yield is `async generator ignored GeneratorExit`; the generator ending
    /// by StopAsyncIteration or GeneratorExit ends the awaitable with None.
    private func closing(_ body: () throws -> AsyncGenCore.Step) throws -> CoroutineStep {
        let rt = core.interpreter.rt
        do {
            switch try body() {
            case .yielded:
                core.runningAsync = false
                state = .closed
                throw rt.error(.RuntimeError, "async generator ignored GeneratorExit")
            case .suspended(let s): return s
            case .finished:
                core.runningAsync = false
                state = .closed
                return .returned(.none)
            }
        } catch let e as PyException {
            core.runningAsync = false
            state = .closed
            if e.isInstance(of: .StopAsyncIteration) || e.isInstance(of: .GeneratorExit) { return .returned(.none) }
            throw e
        }
    }

    private func checked(_ body: () throws -> CoroutineStep) throws -> CoroutineStep {
        do {
            let step = try body()
            if case .returned = step { state = .closed }
            return step
        } catch {
            core.runningAsync = false
            state = .closed
            throw error
        }
    }
}

/// `anext(aiterator, default)`: awaits what `__anext__()` returned (called by `anext` itself)
/// and gives `default` for StopAsyncIteration (CPython: Objects/iterobject.c `anextawaitable`).
final class AnextAwaitable: PyObject, Coroutine {
    unowned let interpreter: Interpreter
    let wrapped: Value
    let defaultValue: Value
    /// The awaitable being driven, once the first step asked `wrapped` for it.
    private var inner: Coroutine?

    init(interpreter: Interpreter, wrapped: Value, defaultValue: Value) {
        self.interpreter = interpreter
        self.wrapped = wrapped
        self.defaultValue = defaultValue
        super.init(runtime: interpreter.rt)
    }

    override var typeName: String { "anext_awaitable" }
    var name: String { "anext_awaitable" }
    var reprInfo: String { "<anext_awaitable without __name__>()" }

    func send(_ rt: Runtime) throws -> CoroutineStep { try step(nil) }
    func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep { try step(exc) }

    private func step(_ exc: PyException?) throws -> CoroutineStep {
        do {
            let c = try inner ?? interpreter.awaitableCoroutine(of: wrapped)
            inner = c
            return try exc.map { try c.throwInto(interpreter.rt, $0) } ?? c.send(interpreter.rt)
        } catch let e as PyException where e.isInstance(of: .StopAsyncIteration) {
            return .returned(defaultValue)
        }
    }
}
