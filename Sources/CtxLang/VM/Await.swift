import CtxCore

extension Interpreter {
    /// `await x` (CPython: GET_AWAITABLE + YIELD_FROM). A coroutine object runs inline: its frame
    /// is pushed on this stack, in the awaiting task's context. A pending future suspends the whole
    /// stack; a done one does not suspend at all. The core's own coroutines (asyncio.sleep…) are
    /// driven step by step.
    func beginAwait(_ stack: FrameStack, _ f: Frame) throws -> RunOutcome? {
        let awaitable = f.pop()
        switch awaitable.asObject {
        case let c as PyCoroutine:
            switch c.state {
            case .created:
                c.state = .running
                c.isDelegated = true
                rt.emit(.coroutineAwaited(name: c.qualname, address: c.address, in: rt.currentContext()))
                try pushFrame(stack, c.stack.frames[0])
                return nil
            case .running, .suspended: throw rt.error(.RuntimeError, "coroutine is being awaited already")
            case .closed: throw rt.error(.RuntimeError, "cannot reuse already awaited coroutine")
            }
        case let fut as Future:
            if fut.isDone {
                f.push(try fut.result())
                return nil
            }
            f.waitingFuture = fut
            return .suspended(.awaiting(fut))
        case let n as NativeAwaitable:
            f.waitingNative = n.coroutine
            return try driveNative(f, n.coroutine, nil)
        case let a as AsyncGenAwaitable:
            f.waitingNative = a
            return try driveNative(f, a, nil)
        case let a as AnextAwaitable:
            f.waitingNative = a
            return try driveNative(f, a, nil)
        case let i as PyInstance:
            if let m = slotMethod(i.cls.lookup("__await__")) {
                let c = try awaitIterator(of: awaitable, try bind(m, to: awaitable, cls: i.cls))
                f.waitingNative = c
                return try driveNative(f, c, nil)
            }
        default: break
        }
        throw rt.error(.TypeError, "'\(typeName(awaitable))' object can't be awaited")
    }

    /// Resumes the frame that suspended inside `await`: with the future's outcome, or by throwing
    /// `exc` (a Task's cancellation) into it.
    func resumeAwait(_ f: Frame, _ exc: PyException?) throws -> RunOutcome? {
        if let native = f.waitingNative { return try driveNative(f, native, exc) }
        let fut = f.waitingFuture!
        f.waitingFuture = nil
        if let exc { throw exc }
        guard fut.isDone else { throw rt.error(.RuntimeError, "await wasn't used with future") }
        f.push(try fut.result())
        return nil
    }

    private func driveNative(_ f: Frame, _ c: Coroutine, _ exc: PyException?) throws -> RunOutcome? {
        let step: CoroutineStep
        do {
            step = try exc.map { try c.throwInto(rt, $0) } ?? c.send(rt)
        } catch {
            f.waitingNative = nil
            throw error
        }
        switch step {
        case .returned(let v):
            f.waitingNative = nil
            f.push(v)
            return nil
        case .yielded, .awaiting: return .suspended(step)
        }
    }
}

/// A coroutine implemented in Swift (the result of `asyncio.sleep(1)`, `event.wait()`…), as a
/// Python object that can be awaited or given to `create_task`.
public final class NativeAwaitable: PyObject {
    let coroutine: Coroutine
    let qualname: String
    init(runtime: Runtime, _ coroutine: Coroutine, qualname: String) {
        self.coroutine = coroutine
        self.qualname = qualname
        super.init(runtime: runtime)
    }
    override public var typeName: String { "coroutine" }
    override public func repr() throws -> String { "<coroutine object \(qualname) at \(hexAddress)>" }
}

/// `await obj` where obj's class defines `__await__`: the iterator it returns, driven as
/// Task.__step drives a coroutine (Lib/asyncio/tasks.py): each value it yields is a Future to
/// wait for, or None to let the other tasks run; StopIteration's value is the result.
final class IteratorAwait: Coroutine {
    unowned let interpreter: Interpreter
    let iterator: Value
    let name: String
    init(_ interpreter: Interpreter, _ iterator: Value, name: String) {
        self.interpreter = interpreter
        self.iterator = iterator
        self.name = name
    }
    var reprInfo: String { name }
    func send(_ rt: Runtime) throws -> CoroutineStep { try interpreter.stepAwaitIterator(iterator, nil) }
    func throwInto(_ rt: Runtime, _ exc: PyException) throws -> CoroutineStep { try interpreter.stepAwaitIterator(iterator, exc) }
}

extension Interpreter {
    /// One step of an `__await__` iterator: `send(None)` (or `__next__`), `throw(exc)`.
    func stepAwaitIterator(_ it: Value, _ exc: PyException?) throws -> CoroutineStep {
        let yielded: Value
        do {
            if let exc {
                guard let t = try findAttribute(it, "throw") else { throw exc }
                yielded = try call(t, [.object(exc)])
            } else if let send = try findAttribute(it, "send") {
                yielded = try call(send, [.none])
            } else {
                guard let v = try nextValue(it) else { return .returned(.none) }
                yielded = v
            }
        } catch let e as PyException where e.isInstance(of: .StopIteration) {
            return .returned(e.args.first ?? .none)
        }
        switch yielded.asObject {
        case let fut as Future: return .awaiting(fut)
        case nil where yielded.isIdentical(.none): return .yielded
        default: throw rt.error(.RuntimeError, "Task got bad yield: \(try repr(yielded))")
        }
    }

    /// `await obj` for a class with `__await__`: CPython's checks on what it returns.
    func awaitIterator(of obj: Value, _ method: Value, name: String? = nil) throws -> Coroutine {
        let it = try call(method, [])
        if it.asObject is PyCoroutine || it.asObject is NativeAwaitable {
            throw rt.error(.TypeError, "__await__() returned a coroutine")
        }
        guard try findAttribute(it, "__next__") != nil || it.asObject is PyIterator || it.asObject is PyGenerator else {
            throw rt.error(.TypeError, "__await__() returned non-iterator of type '\(typeName(it))'")
        }
        return IteratorAwait(self, it, name: name ?? "\(typeName(obj)).__await__")
    }

    /// `coro.__await__()` of a coroutine ctxlab runs (`coroutine_wrapper`) and `fut.__await__()`
    /// (`_asyncio.FutureIter`): iterators a user `__await__` delegates to with `yield from`.
    func awaitWrapper(_ c: Coroutine, typeName: String) -> Value {
        let w = NativeObject(runtime: rt, cls: classes.named(typeName))
        let step = { [unowned self] (exc: PyException?) throws -> Value in
            switch try exc.map { try c.throwInto(self.rt, $0) } ?? c.send(self.rt) {
            case .awaiting(let fut): return .object(fut)
            case .yielded: return .none
            case .returned(let v): throw PyException(runtime: self.rt, .StopIteration, args: [v])
            }
        }
        w.attributes["__next__"] = function("__next__") { _ in try step(nil) }
        w.attributes["send"] = function("send") { a in try a.exactly(1); return try step(nil) }
        w.attributes["throw"] = function("throw") { [unowned self] a in
            guard let e = a.args.first?.asObject as? PyException else { throw self.rt.error(.TypeError, "throw() argument must be an exception") }
            return try step(e)
        }
        w.attributes["__iter__"] = function("__iter__") { _ in .object(w) }
        return .object(w)
    }

    /// Future.__await__ (Lib/asyncio/futures.py): yields the future while it is pending, then
    /// returns its result.
    func futureAwait(_ f: Future) -> Value {
        var yielded = false
        let c = StateMachineCoroutine(name: "Future.__await__") { [unowned self] _, resume in
            if case .failure(let e) = resume { throw e }
            if !f.isDone && !yielded {
                yielded = true
                return .awaiting(f)
            }
            guard f.isDone else { throw self.rt.error(.RuntimeError, "await wasn't used with future") }
            return .returned(try f.result())
        }
        return awaitWrapper(c, typeName: "FutureIter")
    }
}
