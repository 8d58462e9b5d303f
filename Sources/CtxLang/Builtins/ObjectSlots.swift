import CtxCore

/// The methods in CPython's `object.__dict__` that ctxlab's operations implement natively
/// (Objects/typeobject.c: `object_richcompare`, `object_repr`, `object_str`, `_Py_HashPointer`,
/// `object___format__`, `object___sizeof__`, `object___dir__`), as attributes: `object.__eq__`,
/// `super().__repr__()`, `instance.__hash__()`. They are found after everything else a class and
/// its instance define (they are object's, last in every MRO) and are one object per name, so
/// `A.__lt__ is object.__lt__` for a class that defines no `__lt__` (functools.total_ordering).
///
/// They are not in object's namespace: the VM's operations call them natively, and a class's
/// slot lookup (`PyClass.lookup`) finding them would make every instance look as if it defined
/// its own `__eq__`/`__hash__`/`__repr__`.
extension Interpreter {
    static let objectSlotNames: Set<String> = [
        "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__repr__", "__str__",
        "__format__", "__sizeof__", "__dir__",
    ]

    /// Whether `c`'s MRO has no built-in class but object: then what it does not define is
    /// object's (a built-in base has its own, which ctxlab may not expose as attributes).
    func onlyObjectBelow(_ c: PyClass) -> Bool {
        c.mro.allSatisfy { $0.builtin == nil || $0.builtin == .object }
    }

    /// object's method `name`, unbound (its first argument is the instance), or nil.
    func objectSlotMethod(_ name: String) -> Value? {
        guard Self.objectSlotNames.contains(name) else { return nil }
        if let m = objectSlots[name] { return m }
        let m = PyBuiltin(runtime: rt, name) { [unowned self] args, kwargs in
            guard let receiver = args.first else {
                throw self.rt.error(.TypeError, "descriptor '\(name)' of 'object' object needs an argument")
            }
            if let k = kwargs.first { throw self.rt.error(.TypeError, "\(name)() takes no keyword arguments (got '\(k.0)')") }
            return try self.objectSlot(name, receiver, Array(args.dropFirst()))
        }
        m.reprText = { Self.objectMethodNames.contains(name) ? "<method '\(name)' of 'object' objects>" : "<slot wrapper '\(name)' of 'object' objects>" }
        objectSlots[name] = .object(m)
        return .object(m)
    }

    /// The ones that are methods (method_descriptor) in CPython; the others are slot wrappers.
    static let objectMethodNames: Set<String> = ["__format__", "__sizeof__", "__dir__"]

    /// object's method `name` bound to `receiver` (a method-wrapper, or a built-in method), or nil.
    func boundObjectSlot(_ name: String, _ receiver: Value) -> Value? {
        guard Self.objectSlotNames.contains(name) else { return nil }
        let m = PyBuiltin(runtime: rt, name, owner: { [unowned self] in try self.ownerDescription(receiver) }) { [unowned self] args, kwargs in
            if let k = kwargs.first { throw self.rt.error(.TypeError, "\(name)() takes no keyword arguments (got '\(k.0)')") }
            return try self.objectSlot(name, receiver, args)
        }
        m.boundSelf = receiver.asObject
        if !Self.objectMethodNames.contains(name) {
            m.reprText = { [unowned self] in "<method-wrapper '\(name)' of \(try self.ownerDescription(receiver))>" }
        }
        return .object(m)
    }

    private func objectSlot(_ name: String, _ v: Value, _ args: [Value]) throws -> Value {
        func arity(_ n: Int) throws {
            guard args.count == n else {
                throw rt.error(.TypeError, "expected \(n) argument\(n == 1 ? "" : "s"), got \(args.count)")
            }
        }
        let notImplemented = builtins["NotImplemented"] ?? .none
        switch name {
        case "__eq__":
            try arity(1)
            return v.isIdentical(args[0]) ? .bool(true) : notImplemented
        case "__ne__":
            // object_richcompare: the inverse of the type's own __eq__, unless NotImplemented.
            try arity(1)
            let eq: Value
            if let own = userSlot(v, "__eq__") {
                eq = try nested("in comparison") { try call(own, [v, args[0]]) }
            } else if v.asObject is PyInstance {
                eq = v.isIdentical(args[0]) ? .bool(true) : notImplemented
            } else {
                eq = .bool(try equals(v, args[0]))  // a built-in type's own __eq__
            }
            return eq.isIdentical(notImplemented) ? eq : .bool(!(try truthy(eq)))
        case "__lt__", "__le__", "__gt__", "__ge__":
            try arity(1)
            return notImplemented
        case "__hash__":
            try arity(0)
            if case .object(let o) = v { return .int(o.address >> 4) }
            return .int(try hash(v))
        case "__repr__":
            try arity(0)
            return .str(try objectRepr(v))
        case "__str__":
            try arity(0)
            return .str(try repr(v))  // object_str: the type's __repr__
        case "__format__":
            try arity(1)
            guard case .str(let spec) = args[0] else {
                throw rt.error(.TypeError, "__format__() argument must be str, not \(typeName(args[0]))")
            }
            if !spec.isEmpty {
                throw rt.error(.TypeError, "unsupported format string passed to \(typeName(v)).__format__")
            }
            return .str(try str(v))
        case "__sizeof__":
            try arity(0)
            return .int(16)  // tp_basicsize of an instance of a class (its dict and weakrefs are managed)
        default:  // __dir__
            try arity(0)
            return list(directory(v).map { .str($0) })
        }
    }

    /// object_repr: `<module.qualname object at 0x…>`, whatever the class's own __repr__.
    func objectRepr(_ v: Value) throws -> String {
        if case .object(let i as PyInstance) = v { return try i.repr() }
        let c = classOf(v)
        let q = c.module == "builtins" ? c.qualname : "\(c.module).\(c.qualname)"
        if case .object(let o) = v { return "<\(q) object at \(o.hexAddress)>" }
        return "<\(q) object>"
    }
}
