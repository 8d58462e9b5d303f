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
            if i.cls.lookup("__await__") != nil {
                throw rt.error(.TypeError, "objects with __await__ are not supported by ctxlab")
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
