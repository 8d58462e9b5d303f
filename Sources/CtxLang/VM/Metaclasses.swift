import CtxCore

/// Metaclasses: a class's own type, other than `type` (Objects/typeobject.c's `type_new`,
/// `type_call`, `type_getattro`, `type_setattro`, and Python/bltinmodule.c's `__build_class__`).
///
/// A class made by a metaclass is a `PyClass` whose `metaclass` is set; the metaclass is a Python
/// subclass of `type`. What the metaclass defines acts on its classes as a class's methods act
/// on its instances: attributes the class lacks, `__call__`, `__repr__`, `__iter__`,
/// `__getitem__`, `__len__`, `__contains__`, `__bool__`, `__setattr__`, `__instancecheck__`,
/// `__subclasscheck__` and the operators.
extension Interpreter {
    /// What a `__new__` or `__init_subclass__` in a class namespace calls: the function inside a
    /// staticmethod or classmethod, or the value itself.
    func descriptorFunction(_ v: Value) -> Value { (v.asObject as? PyDescriptor)?.function ?? v }

    /// A class with `type` among its bases: a metaclass.
    func isTypeSubclass(_ c: PyClass) -> Bool { c.builtin == nil && c.mro.contains { $0.builtin == .type } }

    /// What `c`'s metaclass defines in Python for `name` (nil for `type`'s native behaviour).
    func metaSlot(_ c: PyClass, _ name: String) -> Value? {
        guard let meta = c.metaclass else { return nil }
        return slotMethod(ownLookup(meta, name))
    }

    /// `type_getattro`'s last step: an attribute that neither the class nor its bases have,
    /// found on the metaclass and bound to the class (a method of the metaclass is a bound method
    /// of the class, a property is computed); then the metaclass's `__getattr__`.
    func metaAttribute(_ c: PyClass, _ name: String) throws -> Value? {
        guard let meta = c.metaclass else { return nil }
        if let v = ownLookup(meta, name) { return try bind(v, to: .object(c), cls: meta) }
        if let g = ownLookup(meta, "__getattr__") { return try call(g, [.object(c), .str(name)]) }
        return nil
    }

    /// A data descriptor of the metaclass (a property, or a Python descriptor with `__set__`):
    /// `type_getattro` gives it precedence over the class's own attributes.
    func metaDataDescriptor(_ c: PyClass, _ name: String) -> Value? {
        guard let meta = c.metaclass, let v = ownLookup(meta, name) else { return nil }
        switch v.asObject {
        case let d as PyDescriptor where d.kind == .property: return v
        case let i as PyInstance where i.cls.lookup("__set__") != nil: return v
        default: return nil
        }
    }

    /// `_PyType_CalculateMetaclass`: the most derived of `meta` and the metaclasses of the bases.
    func calculateMetaclass(_ meta: PyClass, _ bases: [Value]) throws -> PyClass {
        var winner = meta
        for b in bases {
            let bm = classOf(b)
            if winner.isSubclass(of: bm) { continue }
            if bm.isSubclass(of: winner) { winner = bm; continue }
            throw rt.error(.TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
        }
        return winner
    }

    /// `__build_class__` with a metaclass or class keywords: the metaclass (the `metaclass=`
    /// keyword, else the bases'), its `__prepare__`, the body, then `metaclass(name, bases,
    /// namespace, **kwds)`. A `metaclass=` that is not a class (a function) is called as it is.
    func buildClassWithKeywords(name: String, body: PyFunction, originalBases: [Value], bases baseValues: [Value],
                                replaced: Bool, keywords: [(String, Value)]) throws -> Value {
        var kwds = keywords
        var meta: Value
        if let i = kwds.firstIndex(where: { $0.0 == "metaclass" }) {
            meta = kwds.remove(at: i).1
        } else {
            meta = .object(baseValues.first.map { classOf($0) } ?? classes.type)
        }
        if let m = meta.asObject as? PyClass { meta = .object(try calculateMetaclass(m, baseValues)) }
        let basesTuple = Value.object(PyTuple(runtime: rt, baseValues))
        // type.__prepare__ gives a new dict; a metaclass's own may fill it, or give another
        // mapping, which the body then writes through (enum's _EnumDict).
        let ns = Namespace()
        var mapping: Value?
        if let prepare = try findAttribute(meta, "__prepare__") {
            let prepared = try call(prepare, [.str(name), basesTuple], kwds)
            if let d = prepared.asObject as? PyDict, d.subclass == nil {
                for (k, v) in d.storage { if case .str(let key) = k.value { ns[key] = v } }
            } else if try findAttribute(prepared, "__getitem__") != nil {
                mapping = prepared
            } else {
                let metaName = (meta.asObject as? PyClass)?.name ?? "<metaclass>"
                throw rt.error(.TypeError, "\(metaName).__prepare__() must return a mapping, not \(typeName(prepared))")
            }
        }
        let frame = Frame(code: body.code, globals: body.globals, namespace: ns, locals: [], cells: body.closure)
        frame.mapping = mapping
        frame.cells = body.code.cellvars.map { _ in PyCell(runtime: rt, nil) } + body.closure
        _ = try execute(FrameStack(frame), resumeWith: nil)
        let origBases = Value.object(PyTuple(runtime: rt, originalBases))
        if let mapping {
            if replaced { try setItem(mapping, .str("__orig_bases__"), origBases) }
            return try call(meta, [.str(name), basesTuple, mapping], kwds)
        }
        if replaced { ns["__orig_bases__"] = origBases }
        if case .object(let m as PyClass) = meta, m === classes.type {
            return try makeClass(name: name, bases: try classBases(baseValues), namespace: ns, keywords: kwds)
        }
        return try call(meta, [.str(name), basesTuple, .object(namespaceDict(ns))], kwds)
    }

    /// `type.__new__(mcls, name, bases, namespace, **kwds)`: the class, of the most derived
    /// metaclass; the keywords go to `__init_subclass__`.
    func typeNew(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let first = args.first else { throw rt.error(.TypeError, "type.__new__(): not enough arguments") }
        guard let mcls = first.asObject as? PyClass else {
            throw rt.error(.TypeError, "type.__new__(X): X is not a type object (\(typeName(first)))")
        }
        guard mcls === classes.type || isTypeSubclass(mcls) else {
            throw rt.error(.TypeError, "type.__new__(\(mcls.name)): \(mcls.name) is not a subtype of type")
        }
        let rest = Array(args.dropFirst())
        guard rest.count == 3 else {
            throw rt.error(.TypeError, "type.__new__() takes exactly 3 arguments (\(rest.count) given)")
        }
        guard case .str(let name) = rest[0] else {
            throw rt.error(.TypeError, "type.__new__() argument 1 must be str, not \(typeName(rest[0]))")
        }
        guard let bt = rest[1].asObject as? PyTuple else {
            throw rt.error(.TypeError, "type.__new__() argument 2 must be tuple, not \(typeName(rest[1]))")
        }
        guard let d = rest[2].asObject as? PyDict else {
            throw rt.error(.TypeError, "type.__new__() argument 3 must be dict, not \(typeName(rest[2]))")
        }
        let winner = try calculateMetaclass(mcls, bt.items)
        if winner !== mcls, let new = ownLookup(winner, "__new__") {  // the winner's own tp_new
            let f = descriptorFunction(new)
            return try call(f, [.object(winner)] + rest, kwargs)
        }
        let ns = Namespace()
        for (k, v) in d.storage {
            guard case .str(let key) = k.value else { continue }
            ns[key] = v
        }
        if ns["__module__"] == nil, let caller = frameGlobalsName() { ns["__module__"] = .str(caller) }
        return try makeClass(name: name, bases: try classBases(bt.items), namespace: ns, metaclass: winner === classes.type ? nil : winner,
                             keywords: kwargs)
    }

    /// `type_call` for a metaclass: `Meta(name, bases, ns, **kw)` runs the metaclass's
    /// `__new__` (else `type.__new__`), then its `__init__` on a class of that metaclass.
    func instantiateMetaclass(_ meta: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let made: Value
        if let new = ownLookup(meta, "__new__") {
            let f = descriptorFunction(new)
            made = try call(f, [.object(meta)] + args, kwargs)
        } else {
            made = try typeNew([.object(meta)] + args, kwargs)
        }
        guard case .object(let c as PyClass) = made, classOf(made).isSubclass(of: meta) else { return made }
        if let initFn = ownLookup(meta, "__init__") { _ = try call(initFn, [.object(c)] + args, kwargs) }
        return made
    }

    /// `type.__init__(cls, name, bases, ns, **kw)`: nothing to do beyond type_init's checks.
    func typeInit(_ args: [Value]) throws -> Value {
        let n = args.count - 1
        if n != 1 && n != 3 { throw rt.error(.TypeError, "type.__init__() takes 1 or 3 arguments") }
        return .none
    }

    /// `type.__call__(cls, *args, **kw)`: the instance, made as for a class without a metaclass
    /// `__call__` (what a metaclass's own `__call__` reaches through `super().__call__`).
    func typeCall(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let first = args.first, let c = first.asObject as? PyClass else {
            throw rt.error(.TypeError, "descriptor '__call__' of 'type' object needs an argument")
        }
        return try run { try instantiate(c, Array(args.dropFirst()), kwargs, metaclassCall: false) }
    }

    static let typeMethodNames: Set<String> = ["__new__", "__init__", "__call__", "__prepare__"]

    /// `type`'s methods that a metaclass reaches through `super()` or `type.__x__(cls, …)`.
    func typeMethod(_ name: String) -> Value? {
        switch name {
        case "__new__": return builtin("__new__") { [unowned self] a, k in try self.typeNew(a, k) }
        case "__init__": return builtin("__init__") { [unowned self] a, _ in try self.typeInit(a) }
        case "__call__": return builtin("__call__") { [unowned self] a, k in try self.typeCall(a, k) }
        case "__prepare__":
            return builtin("__prepare__") { [unowned self] _, _ in .object(PyDict(runtime: self.rt)) }
        default: return nil
        }
    }

    /// type_new's last steps: `__set_name__` on each attribute whose type has one, then
    /// `super(cls, cls).__init_subclass__(**kwds)`, object's refusing keywords.
    func initSubclass(_ cls: PyClass, _ kwds: [(String, Value)]) throws {
        for (k, v) in cls.namespace.items {
            if case .object(let d as PyDescriptor) = v, d.kind == .property, d.name == nil { d.name = k }  // property's __set_name__
            if case .object(let i as PyInstance) = v, let setName = i.cls.lookup("__set_name__") {
                _ = try call(setName, [v, .object(cls), .str(k)])
            }
        }
        for base in cls.mro.dropFirst() where base.builtin == nil {
            guard let hook = base.namespace["__init_subclass__"] else { continue }
            let fn = descriptorFunction(hook)
            _ = try call(fn, [.object(cls)], kwds)
            return
        }
        if !kwds.isEmpty { throw rt.error(.TypeError, "\(cls.qualname).__init_subclass__() takes no keyword arguments") }
    }

    /// `object.__init_subclass__(cls)`, what a class's own `__init_subclass__` ends with through
    /// `super().__init_subclass__(**kwargs)`.
    func objectInitSubclass(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if !kwargs.isEmpty {
            let name = (args.first?.asObject as? PyClass)?.qualname ?? "object"
            throw rt.error(.TypeError, "\(name).__init_subclass__() takes no keyword arguments")
        }
        if args.count > 1 { throw rt.error(.TypeError, "object.__init_subclass__() takes no arguments (\(args.count - 1) given)") }
        return .none
    }
}
