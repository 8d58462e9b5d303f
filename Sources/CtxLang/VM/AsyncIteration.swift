import CtxCore

/// `async for`, async comprehensions, `aiter()` and `anext()` (CPython: GET_AITER, GET_ANEXT,
/// END_ASYNC_FOR in Python/bytecodes.c; `builtin_aiter`/`builtin_anext` in Python/bltinmodule.c).
///
/// An `async for` loop compiles to: GET_AITER; loop: (handler) GET_ANEXT; AWAIT; store; body;
/// jump loop; handler: END_ASYNC_FOR, which ends the loop on StopAsyncIteration and re-raises
/// anything else.
extension Interpreter {
    /// GET_AITER: `type(x).__aiter__(x)`, which must have `__anext__`.
    func asyncIterator(_ v: Value, forStatement: Bool) throws -> Value {
        let it: Value
        if v.asObject is PyAsyncGenerator {
            it = v
        } else if let i = v.asObject as? PyInstance, let m = slotMethod(i.cls.lookup("__aiter__")) {
            it = try call(m, [v])
        } else {
            throw rt.error(.TypeError, forStatement
                ? "'async for' requires an object with __aiter__ method, got \(typeName(v))"
                : "'\(typeName(v))' object is not an async iterable")
        }
        guard hasANext(it) else {
            throw rt.error(.TypeError, forStatement
                ? "'async for' received an object from __aiter__ that does not implement __anext__: \(typeName(it))"
                : "aiter() returned not an async iterator of type '\(typeName(it))'")
        }
        return it
    }

    func hasANext(_ v: Value) -> Bool {
        switch v.asObject {
        case is PyAsyncGenerator: return true
        case let i as PyInstance: return i.cls.lookup("__anext__") != nil
        default: return false
        }
    }

    /// `type(it).__anext__(it)`: the awaitable of the next step.
    func callANext(_ it: Value) throws -> Value {
        switch it.asObject {
        case let g as PyAsyncGenerator: return .object(AsyncGenASend(core: g.core, owner: g, value: .none))
        case let i as PyInstance:
            if let m = slotMethod(i.cls.lookup("__anext__")) { return try call(m, [it]) }
        default: break
        }
        throw rt.error(.TypeError, "'\(typeName(it))' object is not an async iterator")
    }

    /// GET_ANEXT: the awaitable `__anext__` returned, which must be awaitable.
    func loopANext(_ it: Value) throws -> Value {
        let a = try callANext(it)
        guard isAwaitable(a) else {
            throw rt.error(.TypeError, "'async for' received an invalid object from __anext__: \(typeName(a))")
        }
        return a
    }

    func isAwaitable(_ v: Value) -> Bool {
        switch v.asObject {
        case is PyCoroutine, is Future, is NativeAwaitable, is AsyncGenAwaitable, is AnextAwaitable: return true
        case let i as PyInstance: return i.cls.lookup("__await__") != nil
        default: return false
        }
    }

    /// END_ASYNC_FOR. Stack: iterator, exception → (): StopAsyncIteration ends the loop.
    func endAsyncFor(_ f: Frame) throws {
        let e = f.pop().asObject as! PyException
        guard e.isInstance(of: .StopAsyncIteration) else {
            reraising = true
            throw e
        }
        _ = f.pop()
    }

    /// An awaitable as a coroutine a Swift awaitable can drive (anext's default wrapper).
    func awaitableCoroutine(of v: Value) throws -> Coroutine {
        switch v.asObject {
        case let c as PyCoroutine: return c
        case let c as AsyncGenAwaitable: return c
        case let c as AnextAwaitable: return c
        case let n as NativeAwaitable: return n.coroutine
        case let fut as Future:
            return StateMachineCoroutine(name: "Future.__await__") { _, resume in
                switch resume {
                case .start: return fut.isDone ? .returned(try fut.result()) : .awaiting(fut)
                case .value: return .returned(try fut.result())
                case .failure(let e): throw e
                }
            }
        default: throw rt.error(.TypeError, "'\(typeName(v))' object can't be awaited")
        }
    }

    func installAsyncIterationFunctions() {
        let b = builtins
        b["aiter"] = function("aiter") { [unowned self] a in
            try a.check(maxPositional: 1, minPositional: 1)
            return try self.asyncIterator(a.args[0], forStatement: false)
        }
        b["anext"] = function("anext") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1)
            let it = a.args[0]
            guard self.hasANext(it) else {
                throw self.rt.error(.TypeError, "'\(self.typeName(it))' object is not an async iterator")
            }
            if a.args.count == 1 { return try self.callANext(it) }
            // CPython's builtin_anext calls `__anext__()` now; the awaitable wraps its result.
            return .object(AnextAwaitable(interpreter: self, wrapped: try self.callANext(it), defaultValue: a.args[1]))
        }
    }

    /// The async generator's methods and attributes (CPython's `async_gen_methods`,
    /// `async_gen_getsetlist`).
    func asyncGeneratorAttribute(_ g: PyAsyncGenerator, _ obj: Value, _ name: String) throws -> Value? {
        let core = g.core
        switch name {
        case "__aiter__": return method(name, of: obj) { a in try a.exactly(0); return obj }
        case "__anext__":
            return method(name, of: obj) { a in
                try a.exactly(0)
                return .object(AsyncGenASend(core: core, owner: g, value: .none))
            }
        case "asend":
            return method(name, of: obj) { a in
                try a.exactly(1)
                return .object(AsyncGenASend(core: core, owner: g, value: a.args[0]))
            }
        case "athrow":
            return method(name, of: obj) { [unowned self] a in
                guard a.kwargs.isEmpty, (1...3).contains(a.args.count) else {
                    throw self.rt.error(.TypeError, "athrow expected at least 1 argument, got \(a.args.count)")
                }
                return .object(AsyncGenAThrow(core: core, owner: g, exception: try self.exceptionToThrow(a.args)))
            }
        case "aclose":
            return method(name, of: obj) { a in
                try a.exactly(0)
                return .object(AsyncGenAThrow(core: core, owner: g, exception: nil))
            }
        case "ag_running": return .bool(core.runningAsync)
        case "ag_suspended": return .bool(core.started && !core.finished && !core.running)
        case "ag_await": return Value.none
        case "__name__": return .str(core.name)
        case "__qualname__": return .str(core.qualname)
        default: return nil
        }
    }
}
