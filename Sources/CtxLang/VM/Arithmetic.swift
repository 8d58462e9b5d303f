import BigInt
import CtxCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    static let dunders: [BinaryOp: (String, String)] = [
        .add: ("__add__", "__radd__"), .sub: ("__sub__", "__rsub__"), .mul: ("__mul__", "__rmul__"),
        .div: ("__truediv__", "__rtruediv__"), .floorDiv: ("__floordiv__", "__rfloordiv__"),
        .mod: ("__mod__", "__rmod__"), .pow: ("__pow__", "__rpow__"), .matMul: ("__matmul__", "__rmatmul__"),
        .lshift: ("__lshift__", "__rlshift__"), .rshift: ("__rshift__", "__rrshift__"),
        .bitOr: ("__or__", "__ror__"), .bitAnd: ("__and__", "__rand__"), .bitXor: ("__xor__", "__rxor__"),
    ]

    func inplaceOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        switch (op, a) {
        case (.add, .object(let l as PyList)) where l.subclass == nil:
            l.items += try iterate(b)
            return a
        case (.bitOr, .object(let s as PySet)) where b.asObject is PySet:
            for k in (b.asObject as! PySet).storage { s.storage.append(k) }
            return a
        case (.bitOr, .object(let d as PyDict)) where d.subclass == nil:
            try dictMerge(d, b)
            return a
        default:
            if let m = userSlot(a, "__i" + Interpreter.dunders[op]!.0.dropFirst(2)) {
                let r = try call(m, [a, b])
                if !isNotImplemented(r) { return r }
            }
            if op == .bitOr, case .object(let d as PyDict) = a {
                try dictMerge(d, b)  // dict_ior of a dict subclass that does not define __ior__
                return a
            }
            if op == .add, case .object(let l as PyList) = a {
                l.items += try iterate(b)  // list_inplace_concat of a list subclass without __iadd__
                return a
            }
            return try binaryOp(op, a, b, inplace: true)
        }
    }

    /// `inplace`: the fallback of `a op= b`, whose TypeError names `op=`.
    func binaryOp(_ op: BinaryOp, _ a: Value, _ b: Value, inplace: Bool = false) throws -> Value {
        if payload(of: a) != nil || payload(of: b) != nil { return try payloadBinaryOp(op, a, b) }
        // A tuple or dict subclass's own operator methods come before the type's (Vec.__add__,
        // Counter.__or__).
        if let m = subclassSlot(a, Interpreter.dunders[op]!.0) {
            let r = try call(m, [a, b])
            if !isNotImplemented(r) { return r }
        }
        if let m = subclassSlot(b, Interpreter.dunders[op]!.1) {
            let r = try call(m, [b, a])
            if !isNotImplemented(r) { return r }
        }
        if let r = try numericOp(op, a, b) { return r }
        if let r = try sequenceOp(op, a, b) { return r }
        let (name, rname) = Interpreter.dunders[op]!
        if case .object(let i as PyInstance) = a, let m = slotMethod(i.cls.lookup(name)) {
            let r = try call(m, [a, b])
            if !isNotImplemented(r) { return r }
        }
        if case .object(let i as PyInstance) = b, let m = slotMethod(i.cls.lookup(rname)) {
            let r = try call(m, [b, a])
            if !isNotImplemented(r) { return r }
        }
        if op == .mul, isSequence(a) || isSequence(b) {
            if isBigInt(a) || isBigInt(b) { throw rt.error(.OverflowError, "cannot fit 'int' into an index-sized integer") }
            let other = isSequence(a) ? b : a
            throw rt.error(.TypeError, "can't multiply sequence by non-int of type '\(typeName(other))'")
        }
        if op == .add, case .str = a {
            throw rt.error(.TypeError, "can only concatenate str (not \"\(typeName(b))\") to str")
        }
        if op == .add, a.asObject is PyList || a.asObject is PyTuple {  // list_concat, tuple_concat
            let kind = a.asObject is PyList ? "list" : "tuple"
            throw rt.error(.TypeError, "can only concatenate \(kind) (not \"\(typeName(b))\") to \(kind)")
        }
        if op == .bitOr, let union = unionOf(a, b) { return union }
        let sym = inplace ? op.rawValue + "=" : op == .pow ? "** or pow()" : op.rawValue
        throw rt.error(.TypeError, "unsupported operand type(s) for \(sym): '\(typeName(a))' and '\(typeName(b))'")
    }

    /// binary_op1 with an instance of a str/int/float subclass on a side: the right operand's
    /// reflected method first when its class is a subclass of the left's, then the left's
    /// method, the base types' operation on the carried values, the right's reflected method.
    private func payloadBinaryOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        let (name, rname) = Interpreter.dunders[op]!
        let ma = userSlot(a, name), mb = userSlot(b, rname)
        let ca = classOf(a), cb = classOf(b)
        let rightFirst = mb != nil && cb !== ca && cb.isSubclass(of: ca)
        if rightFirst, let mb {
            let r = try call(mb, [b, a])
            if !isNotImplemented(r) { return r }
        }
        if let ma {
            let r = try call(ma, [a, b])
            if !isNotImplemented(r) { return r }
        }
        if let r = try nativeBinaryOp(op, a, b) { return r }
        if !rightFirst, let mb {
            let r = try call(mb, [b, a])
            if !isNotImplemented(r) { return r }
        }
        do {
            return try binaryOp(op, payload(of: a) ?? a, payload(of: b) ?? b)  // the base types' TypeError
        } catch let e as PyException where e.isInstance(of: .TypeError) && (try? str(.object(e)))?.hasPrefix("unsupported operand") == true {
            let sym = op == .pow ? "** or pow()" : op.rawValue
            throw rt.error(.TypeError, "unsupported operand type(s) for \(sym): '\(typeName(a))' and '\(typeName(b))'")
        }
    }

    func isNotImplemented(_ v: Value) -> Bool {
        if case .object(let o) = v, let n = builtins["NotImplemented"]?.asObject { return o === n }
        return false
    }

    func isSequence(_ v: Value) -> Bool {
        if case .str = v { return true }
        return v.asObject is PyList || v.asObject is PyTuple || v.asObject is PyBytes
    }

    func intValue(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let i as PyInstance): return i.payload.flatMap(intValue)
        default: return nil
        }
    }

    /// int/float/bool arithmetic with Python's rules (floor division and modulo follow the sign
    /// of the divisor; `/` is always true division).
    func numericOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        // bool's own &, |, ^ (bool_and, bool_or, bool_xor): bool operands give a bool.
        if case .bool(let x) = a, case .bool(let y) = b {
            switch op {
            case .bitAnd: return .bool(x && y)
            case .bitOr: return .bool(x || y)
            case .bitXor: return .bool(x != y)
            default: break
            }
        }
        if let x = intValue(a), let y = intValue(b) { return try intOp(op, x, y) }
        if let r = try bigNumericOp(op, a, b) { return r }
        guard let x = numeric(a), let y = numeric(b) else { return nil }
        switch op {
        case .add: return .float(x + y)
        case .sub: return .float(x - y)
        case .mul: return .float(x * y)
        case .div:
            if y == 0 { throw rt.error(.ZeroDivisionError, "float division by zero") }
            return .float(x / y)
        case .floorDiv:
            if y == 0 { throw rt.error(.ZeroDivisionError, "float floor division by zero") }
            return .float((x / y).rounded(.down))
        case .mod:
            if y == 0 { throw rt.error(.ZeroDivisionError, "float modulo by zero") }
            let r = x.truncatingRemainder(dividingBy: y)
            return .float(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        case .pow:
            if x == 0 && y < 0 { throw rt.error(.ZeroDivisionError, "0.0 cannot be raised to a negative power") }
            return .float(pow(x, y))
        default: return nil
        }
    }

    /// Int arithmetic on the 64-bit fast path; a result that does not fit is recomputed with
    /// big ints (`bigIntOp`).
    private func intOp(_ op: BinaryOp, _ x: Int, _ y: Int) throws -> Value {
        func checked(_ r: (Int, Bool)) throws -> Value {
            if r.1 { return try bigIntOp(op, BigInt(x), BigInt(y)) }
            return .int(r.0)
        }
        switch op {
        case .add: return try checked(x.addingReportingOverflow(y))
        case .sub: return try checked(x.subtractingReportingOverflow(y))
        case .mul: return try checked(x.multipliedReportingOverflow(by: y))
        case .div:
            if y == 0 { throw rt.error(.ZeroDivisionError, "division by zero") }
            return .float(Double(x) / Double(y))
        case .floorDiv:
            if y == 0 { throw rt.error(.ZeroDivisionError, "integer division or modulo by zero") }
            if y == -1 { return try checked((0).subtractingReportingOverflow(x)) }
            let q = x / y
            return .int((x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q)
        case .mod:
            if y == 0 { throw rt.error(.ZeroDivisionError, "integer modulo by zero") }
            if y == -1 { return .int(0) }
            let r = x % y
            return .int(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        case .pow:
            if y < 0 {
                if x == 0 { throw rt.error(.ZeroDivisionError, "0.0 cannot be raised to a negative power") }
                return .float(pow(Double(x), Double(y)))
            }
            var result = 1, base = x, e = y
            while e > 0 {
                if e & 1 == 1 {
                    let r = result.multipliedReportingOverflow(by: base)
                    if r.overflow { return try bigIntOp(.pow, BigInt(x), BigInt(y)) }
                    result = r.partialValue
                }
                e >>= 1
                if e > 0 {
                    let r = base.multipliedReportingOverflow(by: base)
                    if r.overflow { return try bigIntOp(.pow, BigInt(x), BigInt(y)) }
                    base = r.partialValue
                }
            }
            return .int(result)
        case .lshift:
            if y < 0 { throw rt.error(.ValueError, "negative shift count") }
            if y >= 63 || (x << y) >> y != x { return try bigIntOp(.lshift, BigInt(x), BigInt(y)) }
            return .int(x << y)
        case .rshift:
            if y < 0 { throw rt.error(.ValueError, "negative shift count") }
            return .int(x >> min(y, 63))
        case .bitOr: return .int(x | y)
        case .bitAnd: return .int(x & y)
        case .bitXor: return .int(x ^ y)
        case .matMul: throw rt.error(.TypeError, "unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    func sequenceOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        switch (op, a, b) {
        case (.add, .str(let x), .str(let y)):
            try reserve(x.utf8.count + y.utf8.count, of: 1)
            return .str(x + y)
        case (.add, .object(let x as PyBytes), .object(let y as PyBytes)):
            try reserve(x.bytes.count + y.bytes.count, of: 1)
            return .object(PyBytes(runtime: rt, x.bytes + y.bytes))
        case (.mul, .object(let x as PyBytes), _):
            guard let n = try repeatCount(b) else { return nil }
            return .object(PyBytes(runtime: rt, try repeated(x.bytes, n)))
        case (.mul, _, .object(let x as PyBytes)):
            guard let n = try repeatCount(a) else { return nil }
            return .object(PyBytes(runtime: rt, try repeated(x.bytes, n)))
        case (.mul, .str(let s), _):
            guard let n = try repeatCount(b) else { return nil }
            return .str(try repeatedString(s, n))
        case (.mul, _, .str(let s)):
            guard let n = try repeatCount(a) else { return nil }
            return .str(try repeatedString(s, n))
        case (.mod, .str(let s), _): return .str(try percentFormat(s, b))
        case (.add, .object(let x as PyList), .object(let y as PyList)):
            try reserve(x.items.count + y.items.count, of: MemoryLayout<Value>.stride)  // `x = x + x` in a loop: MemoryError
            return .object(PyList(runtime: rt, x.items + y.items))
        case (.add, .object(let x as PyTuple), .object(let y as PyTuple)):
            try reserve(x.items.count + y.items.count, of: MemoryLayout<Value>.stride)
            return .object(PyTuple(runtime: rt, x.items + y.items))
        case (.mul, .object(let x as PyList), _):
            guard let n = try repeatCount(b) else { return nil }
            return .object(PyList(runtime: rt, try repeated(x.items, n)))
        case (.mul, _, .object(let x as PyList)):
            guard let n = try repeatCount(a) else { return nil }
            return .object(PyList(runtime: rt, try repeated(x.items, n)))
        case (.mul, .object(let x as PyTuple), _):
            guard let n = try repeatCount(b) else { return nil }
            return .object(PyTuple(runtime: rt, try repeated(x.items, n)))
        case (.mul, _, .object(let x as PyTuple)):
            guard let n = try repeatCount(a) else { return nil }
            return .object(PyTuple(runtime: rt, try repeated(x.items, n)))
        case (_, .object(let x as PySet), .object(let y as PySet)):
            let out = PySet(runtime: rt)
            switch op {
            case .bitOr: out.storage = x.storage.union(y.storage)
            case .bitAnd: out.storage = x.storage.intersection(y.storage)
            case .sub: out.storage = x.storage.subtracting(y.storage)
            case .bitXor: out.storage = x.storage.symmetricDifference(y.storage)
            default: return nil
            }
            return .object(out)
        case (.bitOr, .object(let x as PyDict), .object(is PyDict)):
            let out = PyDict(runtime: rt)
            out.storage = x.storage
            try dictMerge(out, b)
            return .object(out)
        default: return nil
        }
    }

    func unaryOp(_ op: UnaryOp, _ v: Value) throws -> Value {
        if let p = payload(of: v), op != .not {
            // A str/int/float subclass: its own method, else the base type's operation.
            if let m = userSlot(v, ["-": "__neg__", "+": "__pos__", "~": "__invert__"][op.rawValue]!) { return try call(m, [v]) }
            return try unaryOp(op, p)
        }
        switch op {
        case .not: return .bool(!(try truthy(v)))
        case .neg:
            if let i = intValue(v) {
                if i == Int.min { return intResult(-BigInt(i)) }
                return .int(-i)
            }
            if case .float(let d) = v { return .float(-d) }
        case .pos:
            if let i = intValue(v) { return .int(i) }
            if case .float = v { return v }
        case .invert:
            if let i = intValue(v) { return .int(~i) }
        }
        if case .object(let b as PyBigInt) = v { return bigUnary(op, b.value) }
        if case .object = v, let m = userSlot(v, ["-": "__neg__", "+": "__pos__", "~": "__invert__"][op.rawValue]!) {
            return try call(m, [v])
        }
        throw rt.error(.TypeError, "bad operand type for unary \(op.rawValue): '\(typeName(v))'")
    }
}

