import CtxCore

extension Interpreter {
    /// `super()` and `super(C, obj)`: attribute lookup that starts after C in obj's MRO.
    func makeSuper(_ args: [Value]) throws -> Value {
        let (start, receiver) = try superTarget(args)
        let cls = classOf(receiver)
        // super_check: a class that is a subclass of `start` walks its own MRO (a classmethod,
        // `__new__`); anything else its type's (a metaclass's methods, bound to a class).
        let receiverClass = receiver.asObject as? PyClass
        let mro = receiverClass.flatMap { $0.isSubclass(of: start) ? $0.mro : nil } ?? cls.mro
        guard let i = mro.firstIndex(where: { $0 === start }) else {
            throw rt.error(.TypeError, "super(type, obj): obj must be an instance or subtype of type")
        }
        let rest = Array(mro[(i + 1)...])
        let proxy = NativeObject(runtime: rt, cls: classes.object)
        proxy.reprBody = { "<super: <class '\(start.name)'>, <\(cls.name) object>>" }
        proxy.getAttr = { [unowned self] name in
            for c in rest {
                // `super().__new__(cls)`: a static method, never bound.
                if name == "__new__", let v = c.namespace[name] { return (v.asObject as? PyDescriptor)?.function ?? v }
                if name == "__new__", let b = c.builtin, [.tuple, .dict, .list, .str, .int, .float].contains(b),
                   let v = try self.classAttribute(c, name) { return v }
                if c.builtin == .type, let m = self.typeMethod(name) {
                    // type's own, reached from a metaclass: `__new__` unbound, the others bound.
                    return name == "__new__" ? m : .object(PyBoundMethod(runtime: self.rt, receiver: receiver, function: m))
                }
                guard let v = c.namespace[name] else {
                    // A built-in base's method (`super().__setitem__` in a dict subclass): the
                    // native one, bound to the receiver.
                    if c.builtin != nil, c.builtin != .object, !(receiver.asObject is PyClass),
                       let m = try self.nativeAttribute(receiver, name) { return m }
                    continue
                }
                if receiver.asObject is PyClass, let d = v.asObject as? PyDescriptor, d.kind == .classMethod {
                    return .object(PyBoundMethod(runtime: self.rt, receiver: receiver, function: d.function))
                }
                return try self.bind(v, to: receiver, cls: cls)
            }
            // object's own methods (`super().__repr__()`), last in every MRO.
            if !(receiver.asObject is PyClass), rest.allSatisfy({ $0.builtin == nil || $0.builtin == .object }),
               let m = self.boundObjectSlot(name, receiver) { return m }
            return nil
        }
        return .object(proxy)
    }

    private func superTarget(_ args: [Value]) throws -> (PyClass, Value) {
        if args.count == 2, let c = args[0].asObject as? PyClass { return (c, args[1]) }
        guard let frame = activeStacks.last?.top, let first = frame.locals.first ?? nil else {
            throw rt.error(.RuntimeError, "super(): no arguments")
        }
        let owner = (first.asObject as? PyClass) ?? classOf(first)
        // A metaclass's method has a class as its first argument: its type's MRO holds the method.
        for c in owner.mro + ((first.asObject is PyClass) ? classOf(first).mro : []) {
            for (_, v) in c.namespace.items {
                let fn = (v.asObject as? PyFunction) ?? ((v.asObject as? PyDescriptor)?.function.asObject as? PyFunction)
                if let fn, fn.code === frame.code { return (c, first) }
            }
        }
        throw rt.error(.RuntimeError, "super(): __class__ cell not found")
    }
}
