import CtxCore

extension Interpreter {
    /// `getattr(obj, name)`.
    public func getAttribute(_ obj: Value, _ name: String) throws -> Value {
        if let v = try findAttribute(obj, name) { return v }
        throw attributeError(obj, name)
    }

    /// The AttributeError of a failed lookup, with CPython's "Did you mean" when `suggesting`
    /// (`del obj.name` of a missing attribute gets none).
    func attributeError(_ obj: Value, _ name: String, suggesting: Bool = true) -> PyException {
        let e: PyException
        var suggesting = suggesting
        switch obj.asObject {
        case let m as PyModule:
            let note = unsupportedNote(m.name, name)
            // A name CPython has is no typo: a "Did you mean" would point at another name.
            if !note.isEmpty { suggesting = false }
            e = rt.error(.AttributeError, "module '\(m.name)' has no attribute '\(name)'" + note)
        case let c as PyClass: e = rt.error(.AttributeError, "type object '\(typeName(ofClass: c))' has no attribute '\(name)'")
        default:
            let type = typeName(obj)
            let gap = CPythonModuleNames.typeAttributes[type]?.contains(name) == true
                ? " (\(type).\(name) exists in CPython but is not supported by ctxlab)" : ""
            if !gap.isEmpty { suggesting = false }
            e = rt.error(.AttributeError, "'\(type)' object has no attribute '\(name)'" + gap)
        }
        if suggesting { suggestForAttribute(e, obj, name) }
        return e
    }

    /// ` (threading.Event exists in CPython but is not supported by ctxlab)` when `module.name` is
    /// a public name of CPython's module: the gap is ctxlab's, not the program's. Empty otherwise,
    /// so that a real typo gets CPython's message unchanged.
    func unsupportedNote(_ module: String, _ name: String) -> String {
        guard CPythonModuleNames.names[module]?.contains(name) == true else { return "" }
        return " (\(module).\(name) exists in CPython but is not supported by ctxlab)"
    }

    func findAttribute(_ obj: Value, _ name: String) throws -> Value? {
        // object.__class__, unless a class of the instance defines its own (a property, as
        // unittest.mock's spec'd mocks do).
        if name == "__class__", !ownsClassAttribute(obj) { return .object(classOf(obj)) }
        if name == "__doc__", let doc = docAttribute(obj) { return doc }
        switch obj {
        case .object(let o):
            switch o {
            case let i as PyInstance:
                // slot_tp_getattr_hook: the class's own __getattribute__, then __getattr__ when
                // it raises AttributeError.
                if let ga = i.cls.lookup("__getattribute__"), !isObjectSlot(ga, "__getattribute__") {
                    do {
                        return try call(ga, [obj, .str(name)])
                    } catch let e as PyException where e.isInstance(of: .AttributeError) {
                        guard let g = slotMethod(i.cls.lookup("__getattr__")) else { throw e }
                        return try call(g, [obj, .str(name)])
                    }
                }
                return try genericGetAttribute(i, obj, name)
            case let c as PyClass:
                if name == "__annotations__" || name == "__dict__" { return classOwnAttribute(c, name) }
                if let d = metaDataDescriptor(c, name) { return try bind(d, to: obj, cls: c.metaclass!) }
                if let v = c.lookup(name) {
                    // `dict.__init__`, `OrderedDict.__init__`: a built-in type's own slot comes
                    // before object's.
                    if isObjectSlot(v, name), let base = c.mro.first(where: { [.dict, .list, .tuple, .type, .thread, .str, .int, .float].contains($0.builtin) }),
                       let own = try classAttribute(base, name) { return own }
                    if let d = v.asObject as? PyDescriptor {
                        switch d.kind {
                        case .classMethod: return .object(PyBoundMethod(runtime: rt, receiver: obj, function: d.function))
                        case .staticMethod: return d.function
                        case .property: return v
                        }
                    }
                    if case .object(let i as PyInstance) = v, let get = i.cls.lookup("__get__") {
                        return try call(get, [v, .none, obj])  // C.attr: __get__(None, C)
                    }
                    return v
                }
                if let v = try classAttribute(c, name) { return v }
                if onlyObjectBelow(c), let m = objectSlotMethod(name) { return m }
                if let v = try metaAttribute(c, name) { return v }
                if name == "__call__" { return callWrapper(obj) }  // type.__call__, bound to the class
                return nil
            case let m as PyModule:
                // vars(module)'s dict: a snapshot of the namespace (writes to it do not reach the module).
                if name == "__dict__" { return m.namespace["__dict__"] ?? .object(namespaceDict(m.namespace)) }
                return m.namespace[name]
            case let t as PyTuple where t.subclass != nil:
                let cls = classOf(obj)
                if let v = ownLookup(cls, name) { return try bind(v, to: obj, cls: cls) }
                if name == "__dict__" { return nil }  // __slots__ = (): no instance dict
            case let d as NativeSubclassInstance where d.subclass != nil:
                // As for a user instance: its own attributes, then its classes' (before the
                // container's native methods), then `__getattr__`.
                let cls = classOf(obj)
                if let v = d.subclassDict?.storage[HashKey(str: name)] { return v }
                if let v = ownLookup(cls, name) { return try bind(v, to: obj, cls: cls) }
                if name == "__dict__" {
                    guard hasInstanceDict(cls) else { return nil }
                    if d.subclassDict == nil { d.subclassDict = PyDict(runtime: rt) }
                    return .object(d.subclassDict!)
                }
                if let v = try nativeAttribute(obj, name) { return v }
                if let g = ownLookup(cls, "__getattr__") { return try call(g, [obj, .str(name)]) }
                return nil
            case let d as PyDescriptor: if let v = try descriptorAttribute(d, obj, name) { return v }
            case let t as PyThread where t.subclass != nil:
                // As for a user instance: its attributes, its classes' (before Thread's), then __getattr__.
                let cls = classOf(obj)
                if let v = t.attributes[name] { return v }
                if let v = ownLookup(cls, name) { return try bind(v, to: obj, cls: cls) }
                if name == "__dict__" {
                    let d = PyDict(runtime: rt)
                    for (k, v) in t.attributes.sorted(by: { $0.key < $1.key }) { d.storage[HashKey(str: k)] = v }
                    return .object(d)
                }
                if let v = try nativeAttribute(obj, name) { return v }
                if let g = ownLookup(cls, "__getattr__") { return try call(g, [obj, .str(name)]) }
                return nil
            case let f as PyFunction: if let v = try functionAttribute(f, name) { return v }
            case let g as PyGenericAlias: return try genericAliasAttribute(g, name)
            case let u as PyUnionType: return try unionAttribute(u, name)
            case let e as PyException: return try exceptionAttribute(e, obj, name)
            case let n as NativeObject:
                if let g = n.getAttr, let v = try g(name) { return v }
                return n.attributes[name]
            default: break
            }
        default: break
        }
        if let v = try nativeAttribute(obj, name) { return v }
        if name == "__reduce_ex__" {  // object's, inherited by every type
            return method(name, of: obj) { [unowned self] a in try a.exactly(1); return try self.objectReduceEx(obj) }
        }
        // tp_call's wrapper (a function's, a builtin's, a bound method's, a partial's), and a
        // function's tp_descr_get: `getattr(f, '__call__', None)` is how code asks "callable?".
        if name == "__call__", isCallable(obj) { return callWrapper(obj) }
        if name == "__get__", obj.asObject is PyFunction {
            return method(name, of: obj) { [unowned self] a in
                try a.check(maxPositional: 2, minPositional: 1)
                if a.args[0].isIdentical(.none) { return obj }
                return .object(PyBoundMethod(runtime: self.rt, receiver: a.args[0], function: obj))
            }
        }
        return nil
    }

    /// Whether a class of the instance answers `__class__` itself: its own `__class__` (a
    /// property) or its own `__getattribute__` (a proxy).
    private func ownsClassAttribute(_ obj: Value) -> Bool {
        guard let i = obj.asObject as? PyInstance else { return false }
        if i.cls.lookup("__class__") != nil { return true }
        if let ga = i.cls.lookup("__getattribute__") { return !isObjectSlot(ga, "__getattribute__") }
        return false
    }

    /// The method-wrapper of `obj`'s tp_call.
    func callWrapper(_ obj: Value) -> Value {
        let m = PyBuiltin(runtime: rt, "__call__", owner: { [unowned self] in try self.ownerDescription(obj) }) { [unowned self] args, kwargs in
            try self.call(obj, args, kwargs)
        }
        m.reprText = { [unowned self] in "<method-wrapper '__call__' of \(try self.ownerDescription(obj))>" }
        return .object(m)
    }

    /// PyObject_GenericGetAttr for a user instance (`object.__getattribute__`): a data
    /// descriptor of the class, the instance's own attribute, then the class's (bound), then
    /// `__getattr__`.
    func genericGetAttribute(_ i: PyInstance, _ obj: Value, _ name: String, withGetattr: Bool = true) throws -> Value? {
        let classValue = i.cls.lookup(name)
        if let cv = classValue, let v = try dataDescriptorGet(cv, obj, i.cls) { return v }
        if let v = i[attribute: name] { return v }
        if name == "__dict__" { return instanceHasDict(i.cls) ? .object(i.instanceDict(rt)) : nil }
        if let v = classValue { return try bind(v, to: obj, cls: i.cls) }
        if i.payload != nil, let v = try nativeAttribute(obj, name) { return v }  // str's, int's methods
        if onlyObjectBelow(i.cls), let v = boundObjectSlot(name, obj) { return v }
        if withGetattr, let g = slotMethod(i.cls.lookup("__getattr__")) { return try call(g, [obj, .str(name)]) }
        return nil
    }

    /// Whether instances of a Python class have a `__dict__`: unless every Python class of its
    /// MRO declares `__slots__` without `"__dict__"`.
    func instanceHasDict(_ cls: PyClass) -> Bool {
        hasInstanceDict(cls) || slotNames(cls).contains("__dict__")
    }

    /// The names the `__slots__` of a class and its bases declare.
    func slotNames(_ cls: PyClass) -> Set<String> {
        var names: Set<String> = []
        for c in cls.mro where c.builtin == nil {
            switch c.namespace["__slots__"] {
            case .str(let s)?: names.insert(s)
            case let v?: for item in (try? iterate(v)) ?? [] { if case .str(let s) = item { names.insert(s) } }
            case nil: break
            }
        }
        return names
    }

    /// `__doc__` where ctxlab knows it: a class's own (None when its body has no docstring; not
    /// inherited), a function's, and CPython's for ctxlab's contextvars and asyncio objects.
    func docAttribute(_ obj: Value) -> Value? {
        switch obj.asObject {
        case let c as PyClass:
            if let own = c.namespace["__doc__"] { return own }
            return Help.cpythonDoc(of: obj, in: self)
        case let f as PyFunction:
            if let own = f.attributes["__doc__"], case .str = own { return own }
            return Help.cpythonDoc(of: obj, in: self) ?? Value.none
        case let m as PyBoundMethod:
            return docAttribute(m.function) ?? Help.cpythonDoc(of: obj, in: self)
        case is PyBuiltin:
            return Help.cpythonDoc(of: obj, in: self)
        default:
            return nil
        }
    }

    /// A class attribute that is a data descriptor (a property; a Python object whose type has
    /// `__set__` or `__delete__`) read through an instance: its `__get__`'s result. Nil for
    /// anything else, which the instance's own attributes come before.
    func dataDescriptorGet(_ v: Value, _ obj: Value, _ cls: PyClass) throws -> Value? {
        switch v.asObject {
        case let d as PyDescriptor where d.kind == .property: return try propertyGet(d, obj)
        case let di as PyInstance:
            guard di.cls.lookup("__set__") != nil || di.cls.lookup("__delete__") != nil else { return nil }
            guard let get = di.cls.lookup("__get__") else { return v }
            return try call(get, [v, obj, .object(cls)])
        default: return nil
        }
    }

    /// Class attribute lookup produces bound methods and applies descriptors.
    func bind(_ v: Value, to obj: Value, cls: PyClass) throws -> Value {
        switch v.asObject {
        case is PyFunction: return .object(PyBoundMethod(runtime: rt, receiver: obj, function: v))
        case let d as PyDescriptor:
            switch d.kind {
            case .staticMethod: return d.function
            case .classMethod: return .object(PyBoundMethod(runtime: rt, receiver: .object(cls), function: d.function))
            case .property: return try propertyGet(d, obj)
            }
        case let b as PyBuiltin where b.ownerRepr == nil && cls.builtin == nil && !b.isModuleFunction:
            // Built-in methods stored in a class (object.__init__, BaseException.__init__).
            return .object(PyBoundMethod(runtime: rt, receiver: obj, function: .object(b)))
        case let i as PyInstance:
            // A descriptor defined in Python (functools.cached_property): its type's __get__.
            // A non-data descriptor here (data descriptors came before the instance attributes).
            if let get = i.cls.lookup("__get__") { return try call(get, [v, obj, .object(cls)]) }
            return v
        default: return v
        }
    }

    func functionAttribute(_ f: PyFunction, _ name: String) throws -> Value? {
        switch name {
        case "__name__": return .str(f.name)
        case "__qualname__": return .str(f.qualname)
        case "__module__": return f.attributes["__module__"] ?? f.globals["__name__"]
        case "__doc__": return f.attributes["__doc__"] ?? Value.none
        case "__annotate__": return f.attributes["__annotate__"] ?? Value.none
        case "__annotations__":
            // `func_get_annotations` (3.14): the dict once made; else `__annotate__(1)`'s
            // (VALUE format), kept; else a new empty dict, kept.
            if let made = f.attributes["__annotations__"] { return made }
            var made = Value.object(PyDict(runtime: rt))
            if let annotate = f.attributes["__annotate__"], annotate.asObject != nil {
                made = try call(annotate, [.int(1)])
                guard made.asObject is PyDict else {
                    throw rt.error(.TypeError, "__annotate__ returned non-dict of type '\(typeName(made))'")
                }
            }
            f.attributes["__annotations__"] = made
            return made
        case "__dict__": return .object(f.funcDict(rt))
        case "__get__": return functionGet(.object(f))
        case "__code__": return codeObject(f)
        case "__defaults__", "__kwdefaults__": return functionDefaults(f, name)
        default:
            if PyFunction.slotNames.contains(name) { return f.attributes[name] }
            return f.dictObject?.storage[HashKey(str: name)]
        }
    }

    /// What a class itself holds, never inherited: `__annotations__` (made empty and kept when
    /// the body had none, as CPython 3.10+ does) and `__dict__` (a copy of the class namespace:
    /// CPython gives a read-only mappingproxy of it).
    func classOwnAttribute(_ c: PyClass, _ name: String) -> Value {
        if name == "__dict__" { return .object(classDict(c)) }
        if let own = c.namespace["__annotations__"] { return own }
        let d = Value.object(PyDict(runtime: rt))
        if c.builtin == nil { c.namespace["__annotations__"] = d }
        return d
    }

    func classAttribute(_ c: PyClass, _ name: String) throws -> Value? {
        switch name {
        case "__name__": return .str(c.name)
        case "__qualname__": return .str(c.qualname)
        case "__module__": return .str(c.module)
        case "__mro__": return .object(PyTuple(runtime: rt, c.mro.map { .object($0) }))
        case "__subclasses__":
            return function("__subclasses__") { [unowned self] a in
                try a.exactly(0)
                return self.list(c.subclasses.map { .object($0) })
            }
        case "__bases__": return .object(PyTuple(runtime: rt, c.bases.map { .object($0) }))
        case "MISSING" where c === classes.token: return .object(missing)
        case _ where Interpreter.typeMethodNames.contains(name) && (c.builtin == .type || isTypeSubclass(c)):
            return typeMethod(name)
        case "__new__" where c.builtin == .tuple:
            return function("__new__") { [unowned self] a in
                guard let first = a.args.first else { throw self.rt.error(.TypeError, "tuple.__new__(): not enough arguments") }
                guard let cls = first.asObject as? PyClass else {
                    throw self.rt.error(.TypeError, "tuple.__new__(X): X is not a type object (\(self.typeName(first)))")
                }
                guard cls === self.classes.tuple || self.isTupleSubclass(cls) else {
                    throw self.rt.error(.TypeError, "tuple.__new__(\(cls.name)): \(cls.name) is not a subtype of tuple")
                }
                return try self.tupleNew(cls, Array(a.args.dropFirst()), a.kwargs)
            }
        case "__new__" where c.builtin.map(Interpreter.payloadTypes.contains) ?? false:
            let base = c.name
            return function("__new__") { [unowned self] a in
                guard let first = a.args.first else { throw self.rt.error(.TypeError, "\(base).__new__(): not enough arguments") }
                guard let cls = first.asObject as? PyClass else {
                    throw self.rt.error(.TypeError, "\(base).__new__(X): X is not a type object (\(self.typeName(first)))")
                }
                guard cls === c || self.payloadBase(cls) === c else {
                    throw self.rt.error(.TypeError, "\(base).__new__(\(cls.name)): \(cls.name) is not a subtype of \(base)")
                }
                return try self.payloadNew(cls, base: c, Array(a.args.dropFirst()), a.kwargs)
            }
        case "__new__" where c.builtin == .dict || c.builtin == .list:
            // dict_new / list_new (tp_alloc): an empty container of the class; `__init__` fills it.
            let base = c.name
            return function("__new__") { [unowned self] a in
                guard let first = a.args.first else { throw self.rt.error(.TypeError, "\(base).__new__(): not enough arguments") }
                guard let cls = first.asObject as? PyClass else {
                    throw self.rt.error(.TypeError, "\(base).__new__(X): X is not a type object (\(self.typeName(first)))")
                }
                guard cls === c || cls.mro.contains(where: { $0 === c }) && cls.builtin == nil else {
                    throw self.rt.error(.TypeError, "\(base).__new__(\(cls.name)): \(cls.name) is not a subtype of \(base)")
                }
                if c.builtin == .dict {
                    let d = PyDict(runtime: self.rt)
                    if cls !== c { d.subclass = cls }
                    return .object(d)
                }
                let l = PyList(runtime: self.rt, [])
                if cls !== c { l.subclass = cls }
                return .object(l)
            }
        case "maketrans" where c.builtin == .str || payloadBase(c)?.builtin == .str:
            return function("maketrans") { [unowned self] a in try self.strMaketrans(a) }  // a staticmethod
        case "from_bytes" where c.builtin == .int || c.builtin == .bool || payloadBase(c)?.builtin == .int:
            return function("from_bytes", owner: { "type object at \(c.hexAddress)" }) { [unowned self] a in
                try self.intFromBytes(c, a)
            }
        case "fromkeys" where c.builtin == .dict || isDictSubclass(c):
            // A classmethod in CPython: dict.fromkeys(iterable) needs no receiver.
            return function("fromkeys", owner: { "type object at \(c.hexAddress)" }) { [unowned self] a in
                try self.dictFromKeys(a, cls: c)
            }
        default:
            // `str.lower`, `list.append`…: the method as a function of its receiver; a
            // subclass's (`Counter.get`) is its built-in base's.
            if c.builtin == nil, let base = c.mro.first(where: { $0.builtin == .dict || $0.builtin == .list }) ?? payloadBase(c) {
                return try classAttribute(base, name)
            }
            guard let b = c.builtin, [.str, .list, .dict, .set, .int, .float, .tuple, .thread].contains(b) else { return nil }
            // Only the type's real methods (`list.apend` is an AttributeError, as in CPython).
            if !name.hasPrefix("_"), CPythonModuleNames.typeAttributes[c.name]?.contains(name) == false { return nil }
            if name.hasPrefix("_"), CPythonModuleNames.typeDunders[c.name]?.contains(name) != true { return nil }
            return function("\(c.name).\(name)") { [unowned self] a in
                guard let receiver = a.args.first, self.isInstance(receiver, c),
                      let m = try self.nativeAttribute(receiver, name) else {
                    throw self.rt.error(.TypeError, "descriptor '\(name)' for '\(c.name)' objects doesn't apply to a '\(a.args.first.map { self.typeName($0) } ?? "nothing")' object")
                }
                return try self.call(m, Array(a.args.dropFirst()), a.kwargs)
            }
        }
    }

    func exceptionAttribute(_ e: PyException, _ obj: Value, _ name: String) throws -> Value? {
        if let v = e.attributes[name] { return v }
        switch name {
        case "args": return .object(PyTuple(runtime: rt, e.args))
        case "__cause__": return e.cause.map { .object($0) } ?? Value.none
        case "__context__": return e.context.map { .object($0) } ?? Value.none
        case "__suppress_context__": return .bool(e.suppressContext)
        case "__traceback__": return e.traceback.isEmpty ? Value.none : .object(PyTraceback(runtime: rt, e.traceback))
        case "value" where e.isInstance(of: .StopIteration): return e.args.first ?? Value.none
        case "exceptions":
            if let g = e.attributes["__exceptions__"] { return g }
        case "split", "subgroup", "derive":
            if e.attributes["__exceptions__"] != nil { return groupMethod(e, name) }
        case "message":
            if e.attributes["__exceptions__"] != nil { return e.args.first }
        default: break
        }
        let cls = classOf(exception: e)
        if let v = cls.lookup(name) { return try bind(v, to: obj, cls: cls) }
        if name == "with_traceback" {
            // BaseException_with_traceback: sets __traceback__ (a traceback or None), returns self.
            return builtin(name) { [unowned self] args, _ in
                guard args.count == 1 else {
                    throw self.rt.error(.TypeError, "BaseException.with_traceback() takes exactly one argument (\(args.count) given)")
                }
                switch args[0].asObject {
                case let tb as PyTraceback: e.traceback = tb.chain
                case nil where args[0].isIdentical(.none): e.traceback = []
                default: throw self.rt.error(.TypeError, "__traceback__ must be a traceback or None")
                }
                return obj
            }
        }
        if name == "add_note" {
            // BaseException_add_note (PEP 678): appends to __notes__, made a list on first use.
            return builtin(name) { [unowned self] args, _ in
                guard args.count == 1 else {
                    throw self.rt.error(.TypeError, "BaseException.add_note() takes exactly one argument (\(args.count) given)")
                }
                guard case .str = args[0] else {
                    throw self.rt.error(.TypeError, "note must be a str, not '\(self.typeName(args[0]))'")
                }
                if e.attributes["__notes__"] == nil { e.attributes["__notes__"] = self.list([]) }
                guard case .object(let notes as PyList)? = e.attributes["__notes__"] else {
                    throw self.rt.error(.TypeError, "Cannot add note: __notes__ is not a list")
                }
                notes.items.append(args[0])
                return .none
            }
        }
        return nil
    }

    func lookupSpecial(_ obj: Value, _ name: String, protocolName: String) throws -> Value {
        if let v = try findAttribute(obj, name) { return v }
        let article = protocolName.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        _ = article
        throw rt.error(.TypeError, "'\(typeName(obj))' object does not support the \(protocolName) protocol")
    }

    /// A built-in function value.
    func builtin(_ name: String, owner: (() throws -> String)? = nil, _ body: @escaping PyBuiltin.Body) -> Value {
        .object(PyBuiltin(runtime: rt, name, owner: owner, body))
    }

    /// `except T:` matching: T is an exception class or a tuple of them.
    func exceptionMatches(_ e: PyException, _ type: Value) throws -> Bool {
        if let t = type.asObject as? PyTuple {
            for item in t.items where try exceptionMatches(e, item) { return true }
            return false
        }
        guard let c = type.asObject as? PyClass, let et = c.exceptionType else {
            throw rt.error(.TypeError, "catching classes that do not inherit from BaseException is not allowed")
        }
        return e.type.isSubclass(of: et)
    }
}
