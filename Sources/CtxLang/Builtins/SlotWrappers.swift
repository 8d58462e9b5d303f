import CtxCore

/// The slot wrappers of the built-in types: `int.__add__`, `str.__mul__`, `list.__add__`,
/// `float.__lt__`… (CPython: `Objects/typeobject.c`, `slotdefs` and `wrap_binaryfunc_l`/`_r`,
/// `wrap_richcmpfunc`, `wrap_unaryfunc`). Each runs the type's native operation on the receiver
/// and returns NotImplemented where the operation does not apply, so that a subclass's
/// `super().__add__(other)` or `int.__add__(self, other)` reaches the built-in behaviour and
/// never the subclass's own method again.
extension Interpreter {
    static let binaryOpsByDunder: [String: (BinaryOp, reflected: Bool)] = {
        var out: [String: (BinaryOp, reflected: Bool)] = [:]
        for (op, names) in dunders {
            out[names.0] = (op, false)
            out[names.1] = (op, true)
        }
        return out
    }()

    static let compareOpsByDunder: [String: CompareOp] = [
        "__eq__": .eq, "__ne__": .ne, "__lt__": .lt, "__le__": .le, "__gt__": .gt, "__ge__": .ge,
    ]

    static let unaryOpsByDunder: [String: UnaryOp] = ["__neg__": .neg, "__pos__": .pos, "__invert__": .invert]

    /// The slot wrapper `name` of the built-in value `value` (a plain int, float, str, list,
    /// tuple: the receiver's native behaviour), bound to `owner` (what `repr` of the method
    /// shows), or nil when the type has no such slot.
    func slotWrapper(_ value: Value, owner: Value, _ name: String) -> Value? {
        let typeName = self.typeName(ofClass: builtinClass(of: value))
        guard CPythonModuleNames.typeDunders[typeName]?.contains(name) == true else { return nil }
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        let notImplemented = builtins["NotImplemented"] ?? .none
        if let (op, reflected) = Interpreter.binaryOpsByDunder[name] {
            return m { [unowned self] a in
                try a.exactly(1)
                let other = a.args[0]
                let (x, y) = reflected ? (other, value) : (value, other)
                if op == .mul, self.isSequence(value), self.intValue(self.payload(of: other) ?? other) == nil,
                   !self.isBigInt(self.payload(of: other) ?? other) {
                    // sq_repeat's wrapper (wrap_indexargfunc) takes an index, not NotImplemented.
                    throw self.rt.error(.TypeError, "'\(self.typeName(other))' object cannot be interpreted as an integer")
                }
                return try self.nativeBinaryOp(op, x, y) ?? notImplemented
            }
        }
        if let op = Interpreter.compareOpsByDunder[name] {
            return m { [unowned self] a in
                try a.exactly(1)
                return try self.nativeCompare(op, value, self.payload(of: a.args[0]) ?? a.args[0]) ?? notImplemented
            }
        }
        if let op = Interpreter.unaryOpsByDunder[name] {
            return m { [unowned self] a in try a.exactly(0); return try self.unaryOp(op, value) }
        }
        switch name {
        case "__abs__": return m { [unowned self] a in try a.exactly(0); return try self.call(self.builtins["abs"]!, [value]) }
        case "__bool__": return m { [unowned self] a in try a.exactly(0); return .bool(try self.truthy(value)) }
        case "__hash__": return m { [unowned self] a in try a.exactly(0); return .int(try self.hash(value)) }
        case "__repr__": return m { [unowned self] a in try a.exactly(0); return .str(try self.repr(value)) }
        case "__str__": return m { [unowned self] a in try a.exactly(0); return .str(try self.str(value)) }
        case "__len__": return m { [unowned self] a in try a.exactly(0); return .int(try self.length(value)) }
        case "__iter__": return m { [unowned self] a in try a.exactly(0); return try self.getIterator(value) }
        case "__getitem__":
            return m { [unowned self] a in
                try a.exactly(1)
                // A tuple subclass's own __getitem__ may call this one: tuple's, not the override.
                if let t = value.asObject as? PyTuple { return try self.tupleSubscript(t, a.args[0]) }
                return try self.getItem(value, a.args[0])
            }
        case "__contains__": return m { [unowned self] a in try a.exactly(1); return .bool(try self.contains(value, a.args[0])) }
        case "__int__", "__index__":
            return m { [unowned self] a in try a.exactly(0); return try self.call(.object(self.classes.int), [value]) }
        case "__float__": return m { [unowned self] a in try a.exactly(0); return try self.call(.object(self.classes.float), [value]) }
        case "__format__":
            return m { [unowned self] a in
                try a.exactly(1)
                guard case .str(let spec) = self.payload(of: a.args[0]) ?? a.args[0] else {
                    throw self.rt.error(.TypeError, "argument must be str, not \(self.typeName(a.args[0]))")
                }
                return .str(try self.format(value, conversion: nil, spec: spec))
            }
        case "__getnewargs__": return m { [unowned self] a in try a.exactly(0); return self.tuple([value]) }
        default: return nil
        }
    }

    /// The built-in class of a plain value.
    func builtinClass(of value: Value) -> PyClass {
        switch value {
        case .object(let l as PyList): return l.subclass == nil ? classOf(value) : classes.list
        case .object(let t as PyTuple): return t.subclass == nil ? classOf(value) : classes.tuple
        case .object(let d as PyDict): return d.subclass == nil ? classOf(value) : classes.dict
        default: return classOf(value)
        }
    }

    /// A binary operation between built-in values, with no subclass's method consulted; nil
    /// when the types do not support it (the slot's NotImplemented).
    func nativeBinaryOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        let x = payload(of: a) ?? a, y = payload(of: b) ?? b
        if x.asObject is PyInstance || y.asObject is PyInstance { return nil }
        if let r = try numericOp(op, x, y) { return r }
        return try sequenceOp(op, x, y)
    }

    /// A comparison between built-in values with no user method consulted; nil when the types
    /// do not order (NotImplemented).
    func nativeCompare(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Value? {
        if b.asObject is PyInstance { return nil }
        switch op {
        case .eq, .ne:
            let same: Bool
            switch (a.asObject, b.asObject) {
            case (let x as PyList, let y as PyList): same = try x === y || elementsEqual(x.items, y.items)
            case (let x as PyTuple, let y as PyTuple): same = try x === y || elementsEqual(x.items, y.items)
            case (let x as PyDict, let y as PyDict): same = try dictStorageEqual(x, y)
            default: same = try equals(a, b)
            }
            return .bool(op == .eq ? same : !same)
        default:
            do {
                return .bool(try order(op, a, b))
            } catch let e as PyException where e.isInstance(of: .TypeError) {
                return nil
            }
        }
    }
}

extension Interpreter {
    /// The built-in value `v` carries when it is an instance of a subclass of str, int or float.
    func payload(of v: Value) -> Value? {
        if case .object(let i as PyInstance) = v { return i.payload }
        return nil
    }
}
