import CtxCore

/// `staticmethod`, `classmethod` and `property` as types (Objects/funcobject.c's sm_/cm_ types,
/// Objects/descrobject.c's property): constructors with CPython's argument errors, their
/// attributes (`__func__`, `fget`/`fset`/`fdel`, `getter`/`setter`/`deleter`, `__get__`,
/// `__set__`, `__delete__`, `__isabstractmethod__`) and reprs; and a function's `__get__`.
extension Interpreter {
    /// `staticmethod(f)`, `classmethod(f)`, `property(fget=None, fset=None, fdel=None, doc=None)`.
    func makeDescriptor(_ c: PyClass, _ a: Arguments) throws -> Value {
        switch c.name {
        case "property":
            try a.check(maxPositional: 4, keywords: ["fget", "fset", "fdel", "doc"])
            let d = PyDescriptor(runtime: rt, kind: .property, function: a.get(0, "fget") ?? .none)
            d.setter = a.get(1, "fset").flatMap { $0.isIdentical(.none) ? nil : $0 }
            d.deleter = a.get(2, "fdel").flatMap { $0.isIdentical(.none) ? nil : $0 }
            d.doc = a.get(3, "doc").flatMap { $0.isIdentical(.none) ? nil : $0 }
            return .object(d)
        default:
            if !a.kwargs.isEmpty { throw rt.error(.TypeError, "\(c.name)() takes no keyword arguments") }
            guard a.args.count == 1 else { throw rt.error(.TypeError, "\(c.name) expected 1 argument, got \(a.args.count)") }
            return .object(PyDescriptor(runtime: rt, kind: c.name == "classmethod" ? .classMethod : .staticMethod, function: a.args[0]))
        }
    }

    func descriptorClass(_ d: PyDescriptor) -> PyClass {
        switch d.kind {
        case .staticMethod: return classes.descriptor
        case .classMethod: return classes.classMethodType
        case .property: return classes.propertyType
        }
    }

    /// The attributes of a staticmethod, classmethod or property object.
    func descriptorAttribute(_ d: PyDescriptor, _ obj: Value, _ name: String) throws -> Value? {
        switch (d.kind, name) {
        case (.property, "fget"): return d.function
        case (.property, "fset"): return d.setter ?? .none
        case (.property, "fdel"): return d.deleter ?? .none
        case (.property, "__doc__"): return try d.doc ?? findAttribute(d.function, "__doc__") ?? .none
        case (.property, "__name__"):
            if let n = d.name { return .str(n) }
            if let n = try findAttribute(d.function, "__name__") { return n }
            throw rt.error(.AttributeError, "'property' object has no attribute '__name__'")
        case (.property, "getter"), (.property, "setter"), (.property, "deleter"):
            // property_copy: a new property with one accessor replaced.
            return method(name, of: obj) { [unowned self] a in
                try a.exactly(1)
                let copy = PyDescriptor(runtime: self.rt, kind: .property, function: name == "getter" ? a.args[0] : d.function)
                copy.setter = name == "setter" ? a.args[0] : d.setter
                copy.deleter = name == "deleter" ? a.args[0] : d.deleter
                copy.doc = d.doc
                copy.name = d.name
                return .object(copy)
            }
        case (.property, "__get__"):
            return method(name, of: obj) { [unowned self] a in
                try a.check(maxPositional: 2, minPositional: 1)
                if a.args[0].isIdentical(.none) { return obj }
                return try self.propertyGet(d, a.args[0])
            }
        case (.property, "__set__"):
            return method(name, of: obj) { [unowned self] a in
                try a.exactly(2)
                try self.propertySet(d, a.args[0], a.args[1])
                return .none
            }
        case (.property, "__delete__"):
            return method(name, of: obj) { [unowned self] a in
                try a.exactly(1)
                try self.propertyDelete(d, a.args[0])
                return .none
            }
        case (_, "__func__"), (.staticMethod, "__wrapped__"), (.classMethod, "__wrapped__"): return d.function
        case (_, "__isabstractmethod__"):
            // funcobject.c / descrobject.c: abstract when one of its functions is.
            for f in [d.function, d.setter ?? .none, d.deleter ?? .none] where !f.isIdentical(.none) {
                if try truthy(findAttribute(f, name) ?? .bool(false)) { return .bool(true) }
            }
            return .bool(false)
        case (.staticMethod, "__get__"), (.classMethod, "__get__"):
            return method(name, of: obj) { [unowned self] a in
                try a.check(maxPositional: 2, minPositional: 1)
                if d.kind == .staticMethod { return d.function }
                let owner = a.args.count > 1 && !a.args[1].isIdentical(.none) ? a.args[1] : .object(self.classOf(a.args[0]))
                return .object(PyBoundMethod(runtime: self.rt, receiver: owner, function: d.function))
            }
        case (.staticMethod, "__name__"), (.classMethod, "__name__"), (.staticMethod, "__qualname__"),
             (.classMethod, "__qualname__"), (.staticMethod, "__doc__"), (.classMethod, "__doc__"):
            return try findAttribute(d.function, name)
        default: return nil
        }
    }

    /// property_descr_get: the getter's result, or CPython's "has no getter".
    func propertyGet(_ d: PyDescriptor, _ obj: Value) throws -> Value {
        if d.function.isIdentical(.none) {
            throw rt.error(.AttributeError, "property \(propertyName(d)) of '\(typeName(obj))' object has no getter")
        }
        return try call(d.function, [obj])
    }

    func propertySet(_ d: PyDescriptor, _ obj: Value, _ value: Value) throws {
        guard let setter = d.setter else {
            throw rt.error(.AttributeError, "property \(propertyName(d)) of '\(typeName(obj))' object has no setter")
        }
        _ = try call(setter, [obj, value])
    }

    func propertyDelete(_ d: PyDescriptor, _ obj: Value) throws {
        guard let deleter = d.deleter else {
            throw rt.error(.AttributeError, "property \(propertyName(d)) of '\(typeName(obj))' object has no deleter")
        }
        _ = try call(deleter, [obj])
    }

    /// `'x'` as CPython's property errors quote the name (the getter's `__name__`, else the one
    /// `__set_name__` gave it).
    private func propertyName(_ d: PyDescriptor) -> String {
        if let n = d.name { return "'\(n)'" }
        if case .str(let n)? = try? findAttribute(d.function, "__name__") { return "'\(n)'" }
        return "<unknown>"
    }

    /// `<staticmethod(<function f at 0x…>)>`, `<property object at 0x…>`.
    func descriptorRepr(_ d: PyDescriptor) throws -> String {
        switch d.kind {
        case .property: return "<property object at \(d.hexAddress)>"
        case .staticMethod: return "<staticmethod(\(try repr(d.function)))>"
        case .classMethod: return "<classmethod(\(try repr(d.function)))>"
        }
    }

    /// `function.__get__(obj, type=None)`: the function itself for None, else a bound method.
    func functionGet(_ f: Value) -> Value {
        method("__get__", of: f) { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1)
            if a.args[0].isIdentical(.none) {
                if a.args.count < 2 || a.args[1].isIdentical(.none) { throw self.rt.error(.TypeError, "__get__(None, None) is invalid") }
                return f
            }
            return .object(PyBoundMethod(runtime: self.rt, receiver: a.args[0], function: f))
        }
    }
}
