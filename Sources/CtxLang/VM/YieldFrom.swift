import CtxCore

/// `yield from` (PEP 380; CPython: GET_YIELD_FROM_ITER and SEND in Python/bytecodes.c, the
/// delegation of `throw` and `close` in Objects/genobject.c `_gen_throw` and `gen_close`).
///
/// The frame keeps the subiterator on its stack under the value it sends. While the
/// subiterator yields, the generator yields the same values; `send` reaches it through the
/// frame (the `yieldValue` is followed by a jump back to `yieldFromSend`), and `throw`/`close`
/// are forwarded by `PyGenerator` to `Frame.delegate`. The subiterator's return value
/// (`StopIteration.value`) is the value of the expression.
/// What one step of a subiterator came to.
enum SubiteratorStep {
    case yielded(Value)
    /// It finished: its return value (`StopIteration.value`).
    case returned(Value)
}

extension Interpreter {
    /// GET_YIELD_FROM_ITER: a generator is its own iterator, a coroutine is refused.
    func yieldFromIterator(_ v: Value) throws -> Value {
        switch v.asObject {
        case is PyGenerator: return v
        case is PyCoroutine, is NativeAwaitable:
            throw rt.error(.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator")
        default: return try getIterator(v)
        }
    }

    /// SEND: `next(it)` for None, else `it.send(value)`.
    func yieldFromSend(_ f: Frame, end: Int) throws {
        let sent = f.pop()
        let it = f.top
        switch try sendToSubiterator(it, sent) {
        case .yielded(let y):
            f.delegate = it
            f.push(y)
        case .returned(let r):
            f.delegate = nil
            _ = f.pop()
            f.push(r)
            f.pc = end
        }
    }

    /// One step of a subiterator, sending it `sent`.
    func sendToSubiterator(_ it: Value, _ sent: Value) throws -> SubiteratorStep {
        do {
            if let g = it.asObject as? PyGenerator {
                if let y = try g.resume(sending: sent, throwing: nil) { return .yielded(y) }
                return .returned(g.returnValue)
            }
            if sent.isIdentical(.none) { return .yielded(try nextOrStop(it)) }
            return .yielded(try call(try getAttribute(it, "send"), [sent]))
        } catch let e as PyException where e.isInstance(of: .StopIteration) {
            return .returned(e.args.first ?? .none)
        }
    }

    /// `type(it).__next__(it)`, letting its StopIteration (with its value) through.
    func nextOrStop(_ it: Value) throws -> Value {
        switch it.asObject {
        case let g as PyGenerator:
            guard let v = try g.next() else { throw g.stopIteration() }
            return v
        case let i as PyInstance:
            guard let m = slotMethod(i.cls.lookup("__next__")) else { break }
            return try call(m, [it])
        case let n as NativeObject:
            guard let m = n.attributes["__next__"] else { break }
            return try call(m, [])
        default:
            if let v = try nextValue(it) { return v }
            throw PyException(runtime: rt, .StopIteration, args: [])
        }
        throw rt.error(.TypeError, "'\(typeName(it))' object is not an iterator")
    }

    /// `gen.throw(exc)` forwarded to the subiterator (CPython: `_gen_throw` with `yf`). Throws
    /// what it raised, or `exc` itself when it has no `throw` method.
    func throwToSubiterator(_ it: Value, _ exc: PyException) throws -> SubiteratorStep {
        do {
            if let g = it.asObject as? PyGenerator {
                if let y = try g.resume(sending: .none, throwing: exc) { return .yielded(y) }
                return .returned(g.returnValue)
            }
            guard let method = try findAttribute(it, "throw") else { throw exc }
            return .yielded(try call(method, [.object(exc)]))
        } catch let e as PyException where e.isInstance(of: .StopIteration) && e !== exc {
            return .returned(e.args.first ?? .none)
        }
    }

    /// CPython: `gen_close_iter`: `close()` of the subiterator, if it has one.
    func closeSubiterator(_ it: Value) throws {
        if let g = it.asObject as? PyGenerator {
            _ = try g.close()
            return
        }
        if let method = try findAttribute(it, "close") { _ = try call(method, []) }
    }
}
