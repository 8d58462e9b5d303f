import CtxCore

/// Setting and deleting attributes (PyObject_SetAttr, PyObject_GenericSetAttr, type_setattro and
/// the built-in objects' own setters): where an assignment goes and the errors CPython gives.
extension Interpreter {
    /// `obj.name = value`.
    public func setAttribute(_ obj: Value, _ name: String, _ value: Value) throws {
        switch obj.asObject {
        case let i as PyInstance:
            if let s = i.cls.lookup("__setattr__"), !isObjectSlot(s, "__setattr__") {
                _ = try call(s, [obj, .str(name), value])
                return
            }
            try plainSetAttribute(obj, name, value)
        case let c as PyClass where c.metaclass != nil:
            // type_setattro through the metaclass: its property's setter, its own __setattr__.
            if let d = metaDataDescriptor(c, name)?.asObject as? PyDescriptor {
                guard let setter = d.setter else {
                    throw rt.error(.AttributeError, "property '\(name)' of '\(c.metaclass!.name)' object has no setter")
                }
                _ = try call(setter, [obj, value])
                return
            }
            if let s = metaSlot(c, "__setattr__") {
                _ = try call(s, [obj, .str(name), value])
                return
            }
            try setBuiltinAttribute(obj, name, value)
        default:
            try setBuiltinAttribute(obj, name, value)
        }
    }

    /// Whether `v` is `object`'s own `name` (the plain behaviour, not an override).
    func isObjectSlot(_ v: Value, _ name: String) -> Bool {
        if case .object(let o) = v, case .object(let base)? = classes.object.namespace[name] { return o === base }
        return false
    }

    /// `object.__setattr__(obj, name, value)`: the instance's own attribute table.
    func plainSetAttribute(_ obj: Value, _ name: String, _ value: Value) throws {
        switch obj.asObject {
        case let i as PyInstance:
            // PyObject_GenericSetAttr: a data descriptor of the class takes the assignment.
            switch i.cls.lookup(name)?.asObject {
            case let d as PyDescriptor where d.kind == .property:
                try propertySet(d, obj, value)
                return
            case let di as PyInstance:
                if let set = di.cls.lookup("__set__") {
                    _ = try call(set, [.object(di), obj, value])
                    return
                }
                if di.cls.lookup("__delete__") != nil {
                    throw rt.error(.AttributeError, "__set__")
                }
            default: break
            }
            // __slots__ without __dict__: only the declared names can be set.
            if !hasInstanceDict(i.cls), !slotNames(i.cls).contains(name), !slotNames(i.cls).contains("__dict__") {
                throw noDictError(obj, name)
            }
            if name == "__dict__" {
                guard case .object(let d as PyDict) = value else {
                    throw rt.error(.TypeError, "__dict__ must be set to a dictionary, not a '\(typeName(value))'")
                }
                i.replaceDict(d)
                return
            }
            i[attribute: name] = value
        default:
            try setBuiltinAttribute(obj, name, value)
        }
    }

    /// Whether instances of `cls`, a subclass of a built-in type, have a `__dict__`: unless every
    /// Python class of its MRO declares `__slots__`.
    func hasInstanceDict(_ cls: PyClass) -> Bool {
        cls.mro.contains { $0.builtin == nil && $0.namespace["__slots__"] == nil }
    }

    /// Attribute assignment on everything but user instances.
    private func setBuiltinAttribute(_ obj: Value, _ name: String, _ value: Value) throws {
        if case .object(let t as PyThread) = obj, try setThreadAttribute(t, name, value) { return }
        switch obj.asObject {
        case let d as NativeSubclassInstance where d.subclass != nil:
            let cls = classOf(obj)
            switch ownLookup(cls, name)?.asObject {
            case let p as PyDescriptor where p.kind == .property:
                guard let setter = p.setter else { throw rt.error(.AttributeError, "property '\(name)' of '\(cls.name)' object has no setter") }
                _ = try call(setter, [obj, value])
                return
            case let i as PyInstance:
                if let set = i.cls.lookup("__set__") {
                    _ = try call(set, [.object(i), obj, value])
                    return
                }
            default: break
            }
            guard hasInstanceDict(cls) else { throw noDictError(obj, name) }
            if name == "__dict__" {
                guard case .object(let nd as PyDict) = value else {
                    throw rt.error(.TypeError, "__dict__ must be set to a dictionary, not a '\(typeName(value))'")
                }
                d.subclassDict = nd
                return
            }
            if d.subclassDict == nil { d.subclassDict = PyDict(runtime: rt) }
            d.subclassDict!.storage[HashKey(str: name)] = value
        case let c as PyClass where c.builtin == nil:
            // type_set_qualname and type_set_module: the type's own fields follow.
            if name == "__qualname__" {
                guard case .str(let q) = value else {
                    throw rt.error(.TypeError, "can only assign string to \(c.name).__qualname__, not '\(typeName(value))'")
                }
                c.qualname = q
                return
            }
            if name == "__module__", case .str(let m) = value { c.module = m }
            c.namespace[name] = value
        case let m as PyModule: m.namespace[name] = value
        case let p as PyPartial where !["func", "args", "keywords"].contains(name): p.attributes[name] = value
        case let t as PyTuple where t.subclass != nil:
            // A tuple subclass with `__slots__ = ()`: only a data descriptor (a namedtuple's
            // field, whose __set__ refuses) can be assigned.
            if case .object(let d as PyInstance)? = ownLookup(classOf(obj), name), let set = d.cls.lookup("__set__") {
                _ = try call(set, [.object(d), obj, value])
                return
            }
            let cls = classOf(obj)
            if cls.mro.contains(where: { $0.builtin == nil && $0.namespace["__slots__"] == nil }) {
                // CPython gives such an instance a __dict__; ctxlab's tuples have none.
                throw rt.error(.AttributeError, "attributes of '\(typeName(obj))' objects (a subclass of tuple without __slots__) are not supported by ctxlab")
            }
            throw noDictError(obj, name)
        case let f as PyFunction:
            if name == "__name__", case .str(let s) = value {
                f.name = s
            } else if name == "__qualname__", case .str(let s) = value {
                f.qualname = s
            } else if name == "__annotations__" {
                // `func_set_annotations`: a dict (or None), and `__annotate__` is dropped.
                let isNone: Bool
                if case .none = value { isNone = true } else { isNone = false }
                guard isNone || value.asObject is PyDict else {
                    throw rt.error(.TypeError, "__annotations__ must be set to a dict object")
                }
                f.attributes["__annotations__"] = isNone ? nil : value
                f.attributes["__annotate__"] = nil
            } else if name == "__annotate__" {
                // `func_set_annotate`: None or a callable; a callable drops the kept dict.
                let isNone: Bool
                if case .none = value { isNone = true } else { isNone = false }
                guard isNone || isCallable(value) else {
                    throw rt.error(.TypeError, "__annotate__ must be callable or None")
                }
                f.attributes["__annotate__"] = value
                if !isNone { f.attributes["__annotations__"] = nil }
            } else if name == "__dict__" {
                guard let d = value.asObject as? PyDict else {
                    throw rt.error(.TypeError, "__dict__ must be set to a dictionary, not a '\(typeName(value))'")
                }
                f.dictObject = d
            } else if PyFunction.slotNames.contains(name) {
                f.attributes[name] = value
            } else {
                f.funcDict(rt).storage[HashKey(str: name)] = value
            }
        case let e as PyException:
            if name == "args" { e.args = try iterate(value) } else if name == "__cause__" {
                e.cause = value.asObject as? PyException
                e.suppressContext = true
            } else if name == "__context__" {
                e.context = value.asObject as? PyException
            } else if name == "__traceback__" {
                // `exc.__traceback__ = tb` (contextlib restores the traceback it was given).
                if case .object(let tb as PyTraceback) = value {
                    e.traceback = tb.chain
                } else if value.isIdentical(.none) {
                    e.traceback = []
                } else {
                    throw rt.error(.TypeError, "__traceback__ must be a traceback or None")
                }
            } else { e.attributes[name] = value }
        case let n as NativeObject:
            if let s = n.setAttr, try s(name, value) { return }
            throw readonlyError(obj, name)
        case is ContextVar:
            if name == "name" { throw rt.error(.AttributeError, "readonly attribute") }
            throw noDictError(obj, name)
        case is Token:
            if ["var", "old_value"].contains(name) {
                throw rt.error(.AttributeError, "attribute '\(name)' of '_contextvars.Token' objects is not writable")
            }
            throw noDictError(obj, name)
        default:
            throw readonlyError(obj, name)
        }
    }

    private func readonlyError(_ obj: Value, _ name: String) -> PyException {
        // A C data descriptor of the type: member_descriptor's and getset_descriptor's words.
        let type = typeName(ofClass: classOf(obj))
        switch CPythonModuleNames.typeDataDescriptors[type]?[name] {
        case "member_descriptor"?: return rt.error(.AttributeError, "readonly attribute")
        case "getset_descriptor"?: return rt.error(.AttributeError, "attribute '\(name)' of '\(type)' objects is not writable")
        default: break
        }
        if case .some(.some) = try? findAttribute(obj, name) {
            return rt.error(.AttributeError, "'\(typeName(obj))' object attribute '\(name)' is read-only")
        }
        return noDictError(obj, name)
    }

    /// Setting a new attribute on an object without `__dict__`; CPython suggests a close one.
    private func noDictError(_ obj: Value, _ name: String) -> PyException {
        let e = rt.error(
            .AttributeError,
            "'\(typeName(obj))' object has no attribute '\(name)' and no __dict__ for setting new attributes")
        suggestForAttribute(e, obj, name)
        return e
    }


    func deleteAttribute(_ obj: Value, _ name: String) throws {
        if case .object(let i as PyInstance) = obj {
            if let d = i.cls.lookup("__delattr__"), !isObjectSlot(d, "__delattr__") {
                _ = try call(d, [obj, .str(name)])
                return
            }
        }
        if case .object(let c as PyClass) = obj, let d = metaSlot(c, "__delattr__") {  // EnumType's
            _ = try call(d, [obj, .str(name)])
            return
        }
        try plainDeleteAttribute(obj, name)
    }

    /// `object.__delattr__(obj, name)`.
    func plainDeleteAttribute(_ obj: Value, _ name: String) throws {
        switch obj.asObject {
        case let c as PyClass where c.builtin == nil:
            guard c.namespace[name] != nil else { throw attributeError(obj, name, suggesting: false) }
            c.namespace[name] = nil
        case let i as PyInstance:
            switch i.cls.lookup(name)?.asObject {  // a data descriptor takes the deletion
            case let d as PyDescriptor where d.kind == .property:
                try propertyDelete(d, obj)
                return
            case let di as PyInstance:
                if let delete = di.cls.lookup("__delete__") {
                    _ = try call(delete, [.object(di), obj])
                    return
                }
                if di.cls.lookup("__set__") != nil { throw rt.error(.AttributeError, "__delete__") }
            default: break
            }
            guard i[attribute: name] != nil else { throw attributeError(obj, name, suggesting: false) }
            i[attribute: name] = nil
        case let d as NativeSubclassInstance where d.subclass != nil:
            guard d.subclassDict?.storage.removeValue(forKey: HashKey(str: name)) != nil else {
                throw attributeError(obj, name, suggesting: false)
            }
        case let m as PyModule: m.namespace[name] = nil
        case let f as PyFunction where !PyFunction.slotNames.contains(name):
            guard f.dictObject?.storage[HashKey(str: name)] != nil else { throw attributeError(obj, name, suggesting: false) }
            f.dictObject!.storage[HashKey(str: name)] = nil
        case let n as NativeObject:
            if let s = n.setAttr, try s(name, nil) { return }
            throw attributeError(obj, name, suggesting: false)
        default: throw attributeError(obj, name, suggesting: false)
        }
    }
}
