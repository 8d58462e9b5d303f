import BigInt
import CtxCore

extension Interpreter {
    /// Attributes and methods of built-in and library objects.
    func nativeAttribute(_ obj: Value, _ name: String) throws -> Value? {
        if let p = payload(of: obj) {
            // An instance of a str/int/float subclass: the base type's methods act on the value it carries.
            if let v = try typeAttribute(p, name) { return v }
            return name.hasPrefix("__") ? slotWrapper(p, owner: obj, name) : nil
        }
        if let v = try typeAttribute(obj, name) { return v }
        if name.hasPrefix("__") { return slotWrapper(obj, owner: obj, name) }
        return nil
    }

    /// The attribute `name` of a built-in value as its type defines it (methods, properties).
    private func typeAttribute(_ obj: Value, _ name: String) throws -> Value? {
        switch obj {
        case .str(let s): return strMethod(s, name)
        case .int(let i):
            switch name {
            case "real", "numerator": return .int(i)
            case "imag": return .int(0)
            case "denominator": return .int(1)
            case "bit_length": return function(name) { _ in .int(i == 0 ? 0 : Int.bitWidth - i.magnitude.leadingZeroBitCount) }
            case "bit_count": return function(name) { _ in .int(i.magnitude.nonzeroBitCount) }  // popcount of abs(i)
            case "to_bytes": return function(name) { [unowned self] a in try self.intToBytes(BigInt(i), a) }
            default: return nil
            }
        case .float(let d):
            switch name {
            case "real": return .float(d)
            case "imag": return .float(0)
            case "is_integer": return function(name) { _ in .bool(d == d.rounded()) }
            case "as_integer_ratio": return function(name) { [unowned self] _ in try self.floatIntegerRatio(d) }
            default: return nil
            }
        case .bool, .none: return nil
        case .object(let o):
            switch o {
            case let l as PyList: return listMethod(l, obj, name)
            case let b as PyBigInt: return bigIntAttribute(b, name)
            case let b as PyBytes: return bytesMethod(b, name)
            case let t as PyTuple:
                if name == "__reduce_ex__", t.subclass != nil {
                    return method(name, of: obj) { [unowned self] a in try a.exactly(1); return try self.objectReduceEx(obj) }
                }
                return sequenceMethod(t.items, name)
            case let d as PyDict: return dictMethod(d, name)
            case let s as PySet: return setMethod(s, name)
            case let w as PyWeakRef where name == "__callback__": return w.callback ?? Value.none
            case let v as ContextVar: return contextVarAttribute(v, name)
            case let c as Context: return contextAttribute(c, name)
            case let t as Token: return tokenAttribute(t, name)
            case let t as Task: return try taskAttribute(t, name) ?? futureAttribute(t, name)
            case let f as Future: return futureAttribute(f, name)
            case let l as EventLoop: return loopAttribute(l, name)
            case let h as Handle: return handleAttribute(h, name)
            case let t as PyThread: return threadAttribute(t, name)
            case let l as ThreadLock: return lockAttribute(l, name)
            case let ex as ThreadPoolExecutor: return executorAttribute(ex, name)
            case let f as ConcurrentFuture: return concurrentFutureAttribute(f, name)
            case let c as PyCoroutine: return coroutineAttribute(c, name)
            case let n as NativeAwaitable where name == "__await__":
                return method(name, of: obj) { [unowned self] _ in self.awaitWrapper(n.coroutine, typeName: "coroutine_wrapper") }
            case let r as PyRange:
                switch name {
                case "start": return .int(r.start)
                case "stop": return .int(r.stop)
                case "step": return .int(r.step)
                case "count", "index": return rangeMethod(r, name)
                default: return nil
                }
            case let m as PyBoundMethod:
                if name == "__self__" { return m.receiver }
                if name == "__func__" { return m.function }
                // The method's own tp_call and tp_descr_get (a bound method binds no further).
                if name == "__call__" { return callWrapper(obj) }
                if name == "__get__" { return method(name, of: obj) { a in try a.check(maxPositional: 2, minPositional: 1); return obj } }
                return try findAttribute(m.function, name)
            case let b as PyBuiltin:
                if name == "__name__" || name == "__qualname__" { return .str(b.name) }
            case let p as PyPartial:
                switch name {
                case "func": return p.function
                case "args": return tuple(p.args)
                case "keywords":
                    let d = PyDict(runtime: rt)
                    for (k, v) in p.kwargs { d.storage[try HashKey(.str(k), rt)] = v }
                    return .object(d)
                default: return p.attributes[name]
                }
            case let it as PyIterator:
                if name == "__next__" {
                    return function(name) { [unowned self] _ in
                        guard let v = try it.nextValue() else { throw PyException(runtime: self.rt, .StopIteration, args: []) }
                        return v
                    }
                }
                if name == "__iter__" { return function(name) { _ in obj } }
            case let g as PyGenerator: return try generatorAttribute(g, obj, name)
            case let g as PyAsyncGenerator: return try asyncGeneratorAttribute(g, obj, name)
            case let tb as PyTraceback:
                switch name {
                case "tb_lineno": return .int(tb.entries[tb.index].line)
                case "tb_next":
                    return tb.index + 1 < tb.entries.count
                        ? .object(PyTraceback(runtime: rt, tb.entries, index: tb.index + 1)) : Value.none
                default: return nil
                }
            default: return nil
            }
        }
        return nil
    }

    /// The generator's methods and attributes (CPython's `gen_methods`, `gen_getsetlist`).
    func generatorAttribute(_ g: PyGenerator, _ obj: Value, _ name: String) throws -> Value? {
        switch name {
        case "__next__":
            return method(name, of: obj) { a in
                try a.exactly(0)
                guard let v = try g.next() else { throw g.stopIteration() }
                return v
            }
        case "__iter__": return method(name, of: obj) { _ in obj }
        case "send":
            return method(name, of: obj) { a in
                try a.exactly(1)
                guard let v = try g.resume(sending: a.args[0], throwing: nil) else { throw g.stopIteration() }
                return v
            }
        case "throw":
            return method(name, of: obj) { [unowned self] a in
                guard a.kwargs.isEmpty, (1...3).contains(a.args.count) else {
                    throw self.rt.error(.TypeError, "throw expected at least 1 argument, got \(a.args.count)")
                }
                let exc = try self.exceptionToThrow(a.args)
                guard let v = try g.resume(sending: .none, throwing: exc) else { throw g.stopIteration() }
                return v
            }
        case "close": return method(name, of: obj) { a in try a.exactly(0); return try g.close() }
        case "gi_running": return .bool(g.running)
        case "gi_yieldfrom": return g.finished ? Value.none : (g.stack.top.delegate ?? Value.none)
        case "gi_suspended": return .bool(g.started && !g.finished && !g.running)
        case "__name__": return .str(g.qualname.split(separator: ".").last.map(String.init) ?? g.qualname)
        case "__qualname__": return .str(g.qualname)
        default: return nil
        }
    }

    /// The exception `gen.throw(...)` raises: an instance, a class (instantiated), or the
    /// deprecated `(type, value[, traceback])` form (CPython's `_gen_throw`).
    func exceptionToThrow(_ args: [Value]) throws -> PyException {
        let first = args[0]
        let value = args.count > 1 ? args[1] : Value.none
        if case .object(let e as PyException) = first {
            guard value.isIdentical(.none) else { throw rt.error(.TypeError, "instance exception may not have a separate value") }
            return e
        }
        if case .object(let c as PyClass) = first, c.exceptionType != nil {
            if case .object(let e as PyException) = value, classOf(exception: e).isSubclass(of: c) { return e }
            let callArgs: [Value]
            if value.isIdentical(.none) { callArgs = [] } else if let t = value.asObject as? PyTuple { callArgs = t.items } else { callArgs = [value] }
            if case .object(let e as PyException) = try call(first, callArgs) { return e }
        }
        throw rt.error(.TypeError, "exceptions must be classes or instances deriving from BaseException, not \(typeName(first))")
    }

    func nativeMethodNames(_ v: Value) -> [String] {
        switch v.asObject {
        case is ContextVar: return ["get", "name", "reset", "set"]
        case is Context: return ["copy", "get", "items", "keys", "run", "values"]
        case is Token: return ["MISSING", "old_value", "var"]
        default: return []
        }
    }

    /// A bound built-in method: its repr names the receiver.
    func method(_ name: String, of owner: Value, _ body: @escaping (Arguments) throws -> Value) -> Value {
        let m = function(name, owner: { [unowned self] in try self.ownerDescription(owner) }, body)
        (m.asObject as? PyBuiltin)?.boundSelf = owner.asObject
        return m
    }

    func ownerDescription(_ v: Value) throws -> String {
        switch v.asObject {
        case let c as ContextVar: return "_contextvars.ContextVar object at \(c.hexAddress)"
        case let c as Context: return "_contextvars.Context object at \(c.hexAddress)"
        case let o?: return "\(classOf(object: o).name) object at \(o.hexAddress)"
        case nil: return "\(typeName(v)) object"
        }
    }

    /// range.count / range.index (Objects/rangeobject.c `range_count`, `range_index`): an int's
    /// place is computed; anything else is searched for by iterating (`_PySequence_IterSearch`),
    /// element by element, with Ctrl-C polls: a range is never made into a list.
    func rangeMethod(_ r: PyRange, _ name: String) -> Value {
        func place(_ x: Int) -> UInt? {
            let distance: UInt, stepSize = r.step.magnitude
            if r.step > 0 {
                guard x >= r.start, x < r.stop else { return nil }
                distance = UInt(bitPattern: x &- r.start)
            } else {
                guard x <= r.start, x > r.stop else { return nil }
                distance = UInt(bitPattern: r.start &- x)
            }
            return distance % stepSize == 0 ? distance / stepSize : nil
        }
        return function(name) { [unowned self] a in
            try a.exactly(1)
            let x = a.args[0]
            let exactInt: Int?? = {
                switch x {
                case .int(let i): return .some(i)
                case .bool(let b): return .some(b ? 1 : 0)
                default: return self.isBigInt(x) ? .some(nil) : nil
                }
            }()
            if let exact = exactInt {
                let found = exact.flatMap(place)
                if name == "count" { return .int(found == nil ? 0 : 1) }
                guard let found else { throw self.rt.error(.ValueError, "\(try self.repr(x)) is not in range") }
                return self.intResult(BigInt(found))
            }
            var count = 0, i: UInt = 0
            let n = r.unsignedCount
            while i < n {
                if i & 0xFFF == 0 { try self.pollInterrupt() }
                let v = Int(truncatingIfNeeded: UInt(bitPattern: r.start) &+ i &* UInt(bitPattern: r.step))
                if try self.sameOrEqual(.int(v), x) {
                    if name == "index" { return self.intResult(BigInt(i)) }
                    count += 1
                }
                i += 1
            }
            if name == "count" { return .int(count) }
            throw self.rt.error(.ValueError, "sequence.index(x): x not in sequence")
        }
    }

    func sequenceMethod(_ items: [Value], _ name: String) -> Value? {
        switch name {
        case "count":
            return function(name) { [unowned self] a in
                try a.exactly(1)
                return .int(try items.filter { try self.sameOrEqual($0, a.args[0]) }.count)
            }
        case "index":
            return function(name) { [unowned self] a in
                try a.check(maxPositional: 3, minPositional: 1)
                for (i, v) in items.enumerated() where try self.sameOrEqual(v, a.args[0]) { return .int(i) }
                throw self.rt.error(.ValueError, "tuple.index(x): x not in tuple")
            }
        default: return nil
        }
    }
}

extension Interpreter {
    /// float.as_integer_ratio (Objects/floatobject.c, float_as_integer_ratio): the exact value
    /// of a finite float as numerator / denominator in lowest terms, the denominator a power of 2.
    func floatIntegerRatio(_ d: Double) throws -> Value {
        if d.isNaN { throw rt.error(.ValueError, "cannot convert NaN to integer ratio") }
        if d.isInfinite { throw rt.error(.OverflowError, "cannot convert Infinity to integer ratio") }
        if d == 0 { return tuple([.int(0), .int(1)]) }
        // d = significand * 2**exponent with an odd integer significand
        var significand = BigInt(d.significandBitPattern | (d.isNormal ? (1 << UInt64(Double.significandBitCount)) : 0))
        var exponent = (d.isNormal ? Int(d.exponent) : Int(Double.leastNormalMagnitude.exponent)) - Double.significandBitCount
        while !significand.isZero && significand % 2 == 0 { significand /= 2; exponent += 1 }
        if d < 0 { significand = -significand }
        if exponent >= 0 { return tuple([intResult(significand << exponent), .int(1)]) }
        return tuple([intResult(significand), intResult(BigInt(1) << -exponent)])
    }
}
