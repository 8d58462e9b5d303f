import CtxCore

/// What `T.__dict__` and a module's or class body's namespace show as a dict: a class's own
/// names with its layout descriptors, a built-in type's in CPython's order and kinds.
extension Interpreter {
    /// A class's `__dict__`: its namespace with the `__dict__`/`__weakref__` descriptors that
    /// type_new_descriptors adds (before a `__doc__` that type_new_set_doc added last).
    /// A built-in type's shows CPython's names (`list.__dict__`, generated from CPython).
    func classDict(_ c: PyClass) -> PyDict {
        if c.builtin != nil || c.interpreter == nil, let names = CPythonModuleNames.typeOwnNames[typeName(ofClass: c)] {
            return builtinTypeDict(c, names)
        }
        let d = PyDict(runtime: rt)
        for (i, (k, v)) in c.namespace.items.enumerated() {
            if i == c.layoutPosition { addLayoutDescriptors(c, d) }
            d.storage[HashKey(str: k)] = v
        }
        if c.layoutPosition >= c.namespace.order.count { addLayoutDescriptors(c, d) }
        return d
    }

    private func addLayoutDescriptors(_ c: PyClass, _ d: PyDict) {
        for name in c.layoutDescriptors {
            let descriptor = NativeObject(runtime: rt, cls: classes.named("getset_descriptor"))
            descriptor.reprBody = { "<attribute '\(name)' of '\(c.name)' objects>" }
            d.storage[HashKey(str: name)] = .object(descriptor)
        }
    }

    /// `T.__dict__` of a built-in type: CPython's names in its order, each the attribute ctxlab
    /// has (otherwise a placeholder of the kind CPython's is: a data descriptor or a slot
    /// wrapper), `__hash__` None where CPython's is.
    private func builtinTypeDict(_ c: PyClass, _ names: [String]) -> PyDict {
        let d = PyDict(runtime: rt)
        let type = typeName(ofClass: c)
        for name in names {
            var v: Value
            if name == "__hash__" && CPythonModuleNames.unhashableTypes.contains(type) {
                v = .none
            } else if let own = c.namespace[name] ?? (try? classAttribute(c, name)) ?? nil {
                v = own
            } else if let kind = CPythonModuleNames.typeDataDescriptors[type]?[name] {
                // A C data descriptor: `<attribute 'x' of 'T' objects>` (getset_descriptor's
                // repr) or `<member 'x' of 'T' objects>` (member_descriptor's).
                let descriptor = NativeObject(runtime: rt, cls: classes.named(kind))
                let word = kind == "member_descriptor" ? "member" : "attribute"
                descriptor.reprBody = { "<\(word) '\(name)' of '\(type)' objects>" }
                v = .object(descriptor)
            } else {
                let wrapper = NativeObject(runtime: rt, cls: classes.named("wrapper_descriptor"))
                wrapper.reprBody = { "<slot wrapper '\(name)' of '\(type)' objects>" }
                v = .object(wrapper)
            }
            if name == "__doc__" { v = docAttribute(.object(c)) ?? .none }
            d.storage[HashKey(str: name)] = v
        }
        return d
    }

    func namespaceDict(_ ns: Namespace) -> PyDict {
        let d = PyDict(runtime: rt)
        for (k, v) in ns.items { d.storage[try! HashKey(.str(k), rt)] = v }
        return d
    }

    /// A special method looked up on the type, as `with` does.
}
