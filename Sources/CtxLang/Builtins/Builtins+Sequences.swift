import CtxCore

extension Interpreter {
    func installSequenceFunctions() {
        let b = builtins
        b["iter"] = function("iter") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1)
            if a.args.count == 2 { return try self.callableIterator(a.args[0], sentinel: a.args[1]) }
            return try self.getIterator(a.args[0])
        }
        b["next"] = function("next") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1)
            // Without a default, the iterator's own StopIteration (with its value) goes through.
            if a.args.count == 1, a.args[0].asObject is PyGenerator || a.args[0].asObject is PyInstance {
                return try self.nextOrStop(a.args[0])
            }
            if let v = try self.nextValue(a.args[0]) { return v }
            if a.args.count > 1 { return a.args[1] }
            throw PyException(runtime: self.rt, .StopIteration, args: [])
        }
        b["enumerate"] = function("enumerate") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1, keywords: ["start"])
            let it = try self.getIterator(a.args[0])
            var i = try a.get(1, "start").map { try self.expectInt($0, "start") } ?? 0
            return .object(PyIterator(runtime: self.rt, name: "enumerate") {
                guard let v = try self.nextValue(it) else { return nil }
                defer { i += 1 }
                return self.tuple([.int(i), v])
            })
        }
        b["zip"] = function("zip") { [unowned self] a in
            try a.check(maxPositional: Int.max, keywords: ["strict"])
            let its = try a.args.map { try self.getIterator($0) }
            return .object(PyIterator(runtime: self.rt, name: "zip") {
                guard !its.isEmpty else { return nil }
                var row: [Value] = []
                for it in its {
                    guard let v = try self.nextValue(it) else { return nil }
                    row.append(v)
                }
                return self.tuple(row)
            })
        }
        b["map"] = function("map") { [unowned self] a in
            try a.check(maxPositional: Int.max, minPositional: 2)
            let fn = a.args[0], its = try a.args.dropFirst().map { try self.getIterator($0) }
            return .object(PyIterator(runtime: self.rt, name: "map") {
                var row: [Value] = []
                for it in its {
                    guard let v = try self.nextValue(it) else { return nil }
                    row.append(v)
                }
                return try self.call(fn, row)
            })
        }
        b["filter"] = function("filter") { [unowned self] a in
            try a.exactly(2)
            let fn = a.args[0], it = try self.getIterator(a.args[1])
            return .object(PyIterator(runtime: self.rt, name: "filter") {
                while let v = try self.nextValue(it) {
                    let keep = fn.isIdentical(.none) ? try self.truthy(v) : try self.truthy(self.call(fn, [v]))
                    if keep { return v }
                }
                return nil
            })
        }
        b["reversed"] = function("reversed") { [unowned self] a in
            try a.exactly(1)
            if let m = self.userSlot(a.args[0], "__reversed__") { return try self.call(m, [a.args[0]]) }
            if case .object(let o) = a.args[0], o is PyDict || o is PyList || o is PyTuple || o is PyRange {
                return .object(self.arrayIterator(try self.iterate(a.args[0]).reversed(), "list_reverseiterator"))
            }
            if case .str = a.args[0] { return .object(self.arrayIterator(try self.iterate(a.args[0]).reversed(), "reversed")) }
            throw self.rt.error(.TypeError, "'\(self.typeName(a.args[0]))' object is not reversible")
        }
        b["sorted"] = function("sorted") { [unowned self] a in
            try a.check(maxPositional: 1, minPositional: 1, keywords: ["key", "reverse"])
            let items = try self.iterate(a.args[0])
            return self.list(try self.sort(items, key: a.keyword("key"), reverse: try a.keyword("reverse").map { try self.truthy($0) } ?? false))
        }
        b["sum"] = function("sum") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1, keywords: ["start"])
            var total = a.get(1, "start") ?? .int(0)
            if case .str = total { throw self.rt.error(.TypeError, "sum() can't sum strings [use ''.join(seq) instead]") }
            let items = try self.iterate(a.args[0])
            var i = 0
            // CPython 3.12+: an int run first, then floats with Neumaier's compensated sum.
            if case .int = total {
                while i < items.count, let x = self.intValue(total), let y = self.intValue(items[i]) {
                    let r = x.addingReportingOverflow(y)
                    if r.overflow { break }
                    total = .int(r.partialValue)
                    i += 1
                }
                if i < items.count {
                    total = try self.binaryOp(.add, total, items[i])
                    i += 1
                }
            }
            if case .float(var f) = total {
                var c = 0.0
                while i < items.count {
                    if case .float(let x) = items[i] {
                        let t = f + x
                        c += abs(f) >= abs(x) ? (f - t) + x : (x - t) + f
                        f = t
                    } else if let x = self.intValue(items[i]) {
                        f += Double(x)
                    } else {
                        break
                    }
                    i += 1
                }
                if c != 0 && c.isFinite { f += c }
                total = .float(f)
            }
            for v in items[i...] { total = try self.binaryOp(.add, total, v) }
            return total
        }
        b["any"] = function("any") { [unowned self] a in
            try a.exactly(1)
            let it = try self.getIterator(a.args[0])
            while let v = try self.nextValue(it) { if try self.truthy(v) { return .bool(true) } }
            return .bool(false)
        }
        b["all"] = function("all") { [unowned self] a in
            try a.exactly(1)
            let it = try self.getIterator(a.args[0])
            while let v = try self.nextValue(it) { if !(try self.truthy(v)) { return .bool(false) } }
            return .bool(true)
        }
        for (name, op) in [("min", CompareOp.lt), ("max", CompareOp.gt)] {
            b[name] = function(name) { [unowned self] a in
                try a.check(maxPositional: Int.max, minPositional: 1, keywords: ["key", "default"])
                let items = a.args.count == 1 ? try self.iterate(a.args[0]) : a.args
                guard var best = items.first else {
                    if let d = a.keyword("default") { return d }
                    throw self.rt.error(.ValueError, "\(name)() iterable argument is empty")
                }
                let key = a.keyword("key").flatMap { $0.isIdentical(.none) ? nil : $0 }  // key=None: the items
                var bestKey = try key.map { try self.call($0, [best]) } ?? best
                for v in items.dropFirst() {
                    let k = try key.map { try self.call($0, [v]) } ?? v
                    if try self.order(op, k, bestKey) {
                        best = v
                        bestKey = k
                    }
                }
                return best
            }
        }
    }

    /// A stable merge sort with Python comparisons (which may run Python code and raise).
    func sort(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
        let keys = try items.map { v in try key.map { $0.isIdentical(.none) ? v : try call($0, [v]) } ?? v }
        var idx = Array(items.indices)
        func less(_ i: Int, _ j: Int) throws -> Bool {
            reverse ? try order(.lt, keys[j], keys[i]) : try order(.lt, keys[i], keys[j])
        }
        func mergeSort(_ a: ArraySlice<Int>) throws -> [Int] {
            if a.count <= 1 { return Array(a) }
            let mid = a.startIndex + a.count / 2
            let l = try mergeSort(a[..<mid]), r = try mergeSort(a[mid...])
            var out: [Int] = [], i = 0, j = 0
            out.reserveCapacity(a.count)
            while i < l.count && j < r.count {
                if try less(r[j], l[i]) { out.append(r[j]); j += 1 } else { out.append(l[i]); i += 1 }
            }
            return out + l[i...] + r[j...]
        }
        idx = try mergeSort(idx[...])
        return idx.map { items[$0] }
    }

    func installIntrospectionFunctions() {
        let b = builtins
        b["isinstance"] = function("isinstance") { [unowned self] a in
            try a.exactly(2)
            return .bool(try self.objectIsInstance(a.args[0], a.args[1]))
        }
        b["issubclass"] = function("issubclass") { [unowned self] a in
            try a.exactly(2)
            return .bool(try self.objectIsSubclass(a.args[0], a.args[1]))
        }
        b["getattr"] = function("getattr") { [unowned self] a in
            try a.check(maxPositional: 3, minPositional: 2)
            let name = try self.expectStr(a.args[1], "attribute name")
            if a.args.count == 3 {
                // As hasattr: no AttributeError (and its suggestion) is made just to be caught.
                do { return try self.findAttribute(a.args[0], name) ?? a.args[2] } catch let e as PyException where e.isInstance(of: .AttributeError) { return a.args[2] }
            }
            return try self.getAttribute(a.args[0], name)
        }
        b["setattr"] = function("setattr") { [unowned self] a in
            try a.exactly(3)
            try self.setAttribute(a.args[0], try self.expectStr(a.args[1], "attribute name"), a.args[2])
            return .none
        }
        b["delattr"] = function("delattr") { [unowned self] a in
            try a.exactly(2)
            try self.deleteAttribute(a.args[0], try self.expectStr(a.args[1], "attribute name"))
            return .none
        }
        b["hasattr"] = function("hasattr") { [unowned self] a in
            try a.exactly(2)
            do {
                return .bool(try self.findAttribute(a.args[0], try self.expectStr(a.args[1], "attribute name")) != nil)
            } catch let e as PyException where e.isInstance(of: .AttributeError) { return .bool(false) }
        }
        b["callable"] = function("callable") { [unowned self] a in
            try a.exactly(1)
            return .bool(self.isCallable(a.args[0]))
        }
        b["vars"] = function("vars") { [unowned self] a in
            try a.exactly(1)
            switch a.args[0].asObject {
            case let i as PyInstance where self.instanceHasDict(i.cls): return .object(i.instanceDict(self.rt))
            case let m as PyModule: return .object(self.namespaceDict(m.namespace))
            case let c as PyClass: return self.classOwnAttribute(c, "__dict__")
            case let d as NativeSubclassInstance where d.subclass != nil:
                guard let dict = try self.findAttribute(a.args[0], "__dict__") else { fallthrough }
                return dict
            default: throw self.rt.error(.TypeError, "vars() argument must have __dict__ attribute")
            }
        }
        b["dir"] = function("dir") { [unowned self] a in
            try a.exactly(1)
            // _dir_object: the type's __dir__ (a class's own, or its metaclass's), sorted.
            if let d = self.userSlot(a.args[0], "__dir__") {
                let names = try self.iterate(self.call(d, [a.args[0]]))
                return self.list(try self.sort(names, key: nil, reverse: false))
            }
            return self.list(self.directory(a.args[0]).sorted().map { .str($0) })
        }
        b["staticmethod"] = .object(classes.descriptor)
        b["classmethod"] = .object(classes.classMethodType)
        b["property"] = .object(classes.propertyType)
        b["super"] = function("super") { [unowned self] a in
            try a.check(maxPositional: 2)
            return try self.makeSuper(a.args)
        }
    }

    /// `PyObject_IsInstance`: an exact type match; each member of a tuple; the spec's
    /// `__instancecheck__` (a metaclass's, as ABCMeta's; or, for a spec that is not a class,
    /// its class's: typing's special forms refuse there, with their own message).
    func objectIsInstance(_ obj: Value, _ spec: Value) throws -> Bool {
        if case .object(let c as PyClass) = spec, classOf(obj) === c { return true }
        if let t = spec.asObject as? PyTuple {
            return try nested("in __instancecheck__") {
                for item in t.items where try objectIsInstance(obj, item) { return true }
                return false
            }
        }
        if let hook = checkHook(spec, "__instancecheck__") {
            return try nested("in __instancecheck__") { try truthy(call(hook, [spec, obj])) }
        }
        if try matchesClassSpec(classOf(obj), spec, "isinstance") { return true }
        // object_isinstance: an instance whose `__class__` names another class (a mock with a
        // spec, a proxy) is an instance of that class too.
        if spec.asObject is PyClass, obj.asObject is PyInstance,
           let claimed = try optionalAttribute(obj, "__class__")?.asObject as? PyClass, claimed !== classOf(obj) {
            return try matchesClassSpec(claimed, spec, "isinstance")
        }
        return false
    }

    /// `PyObject_IsSubclass`, as `objectIsInstance` with `__subclasscheck__`.
    func objectIsSubclass(_ derived: Value, _ spec: Value) throws -> Bool {
        if let t = spec.asObject as? PyTuple {
            return try nested("in __subclasscheck__") {
                for item in t.items where try objectIsSubclass(derived, item) { return true }
                return false
            }
        }
        if let hook = checkHook(spec, "__subclasscheck__") {
            return try nested("in __subclasscheck__") { try truthy(call(hook, [spec, derived])) }
        }
        guard let c = derived.asObject as? PyClass else { throw rt.error(.TypeError, "issubclass() arg 1 must be a class") }
        return try matchesClassSpec(c, spec, "issubclass")
    }

    private func checkHook(_ spec: Value, _ name: String) -> Value? {
        switch spec.asObject {
        case let i as PyInstance: return i.cls.lookup(name)
        case let c as PyClass: return metaSlot(c, name)
        default: return nil
        }
    }

    private func matchesClassSpec(_ c: PyClass, _ spec: Value, _ fname: String) throws -> Bool {
        if let t = spec.asObject as? PyTuple {
            for item in t.items where try matchesClassSpec(c, item, fname) { return true }
            return false
        }
        if let u = spec.asObject as? PyUnionType {
            for member in u.args where try matchesClassSpec(c, member, fname) { return true }
            return false
        }
        if spec.asObject is PyGenericAlias {
            throw rt.error(.TypeError, "\(fname)() argument 2 cannot be a parameterized generic")
        }
        guard let target = spec.asObject as? PyClass else {
            throw rt.error(.TypeError, "\(fname)() arg 2 must be a type, a tuple of types, or a union")
        }
        if let et = target.exceptionType, let ct = c.exceptionType { return ct.isSubclass(of: et) }
        return c.isSubclass(of: target)
    }

    func directory(_ v: Value) -> [String] {
        switch v.asObject {
        case let i as PyInstance: return Array(Set(i.attributeNames + i.cls.mro.flatMap(\.namespace.order)))
        case let m as PyModule: return m.namespace.order
        case let c as PyClass: return Array(Set(c.mro.flatMap(\.namespace.order)))
        default: return nativeMethodNames(v)
        }
    }
}

extension Interpreter {
    /// `callable(v)`: whether calling it can work (`PyCallable_Check`).
    func isCallable(_ v: Value) -> Bool {
        switch v.asObject {
        case is PyFunction, is PyBuiltin, is PyBoundMethod, is PyClass, is PyPartial, is PyWeakRef: return true
        case let d as PyDescriptor: return d.kind == .staticMethod
        case let i as PyInstance: return i.cls.lookup("__call__") != nil
        default: return false
        }
    }

    /// `iter(callable, sentinel)` (Objects/iterobject.c, `calliter_iternext`): calls it until
    /// a result equals the sentinel (compared sentinel first) or it raises StopIteration, and
    /// stays exhausted after.
    func callableIterator(_ function: Value, sentinel: Value) throws -> Value {
        guard isCallable(function) else { throw rt.error(.TypeError, "iter(v, w): v must be callable") }
        var done = false
        return .object(PyIterator(runtime: rt, name: "callable_iterator") { [unowned self] in
            if done { return nil }
            let result: Value
            do {
                result = try self.call(function, [])
            } catch let e as PyException where e.type.isSubclass(of: .StopIteration) {
                done = true
                return nil
            }
            if try self.sameOrEqual(sentinel, result) { done = true; return nil }
            return result
        })
    }
}
