import CtxCore

extension Interpreter {
    /// `type(v)`.
    func classOf(_ v: Value) -> PyClass {
        switch v {
        case .none: return classes.noneType
        case .bool: return classes.bool
        case .int: return classes.int
        case .float: return classes.float
        case .str: return classes.str
        case .object(let o): return classOf(object: o)
        }
    }

    func classOf(object o: PyObject) -> PyClass {
        switch o {
        case let i as PyInstance: return i.cls
        case is PyBigInt: return classes.int
        case is PyBytes: return classes.named("bytes")
        case let e as PyException: return classOf(exception: e)
        case let l as PyList: return (l.subclass as? PyClass) ?? classes.list
        case let t as PyTuple: return (t.subclass as? PyClass) ?? classes.tuple
        case let d as PyDict: return (d.subclass as? PyClass) ?? classes.dict
        case let s as PySet: return s.isFrozen ? classes.frozenset : classes.set
        case is PyFunction: return classes.function
        case is PyBuiltin: return classes.builtinFunction
        case is PyBoundMethod: return classes.method
        case let c as PyClass: return c.metaclass ?? classes.type
        case is PyModule: return classes.module
        case is PyCoroutine: return classes.coroutine
        case is PyGenerator: return classes.generator
        case is PyAsyncGenerator: return classes.named("async_generator")
        case is PyWeakRef: return classes.named("weakref.ReferenceType")
        case let a as AsyncGenAwaitable: return classes.named(a.typeName)
        case is AnextAwaitable: return classes.named("anext_awaitable")
        case is PyTraceback: return classes.named("traceback")
        case is PyRange: return classes.range
        case is PySlice: return classes.slice
        case is ContextVar: return classes.contextVar
        case is Context: return classes.context
        case is Token: return classes.token
        case is MissingMarker: return classes.tokenMissing
        case is Task: return classes.task
        case is Future: return classes.future
        case is EventLoop: return classes.loop
        case is Handle: return classes.handle
        case let t as PyThread: return (t.subclass as? PyClass) ?? classes.thread
        case is ThreadLock: return classes.threadLock
        case is ConcurrentFuture: return concurrentFutureClass
        case is PyPartial: return classes.partial
        case let d as PyDescriptor: return descriptorClass(d)
        case is PyGenericAlias: return classes.genericAlias
        case is PyUnionType: return classes.unionType
        case let n as NativeObject: return n.cls
        case let it as PyIterator: return classes.named(it.name)
        case is NativeAwaitable: return classes.coroutine
        default: return classes.object
        }
    }

    func classOf(exception e: PyException) -> PyClass {
        if case .object(let c as PyClass)? = e.attributes["__class__"] { return c }
        return classes.exceptionClass(e.type)
    }

    /// The type's name as CPython's error messages spell it (`tp_name`): qualified for the types
    /// of C extension modules (`'_asyncio.Task' object has no attribute 'x'`), the bare name for
    /// builtins and classes defined in Python.
    func typeName(_ v: Value) -> String {
        let c = classOf(v)
        return cTypeName(c) ?? c.name
    }

    /// As `typeName`, for a class itself (`type object '_asyncio.Task' has no attribute …`);
    /// classes defined in Python keep their qualified name.
    func typeName(ofClass c: PyClass) -> String { cTypeName(c) ?? c.qualname }

    /// `module.Name` for the classes of C extension modules, nil for the others.
    func cTypeName(_ c: PyClass) -> String? {
        if Self.cExtensionModules.contains(c.module) { return "\(c.module).\(c.name)" }
        let q = "\(c.module).\(c.name)"
        return Self.cTypesOfLibrary.contains(q) ? q : nil
    }

    /// Classes of Lib/ modules that are C types in CPython, in modules whose other classes are
    /// Python (`functools.cached_property` is Python, its `_lru_cache_wrapper` is C).
    static let cTypesOfLibrary: Set<String> = [
        "functools._lru_cache_wrapper", "functools.KeyWrapper", "collections.deque", "collections._tuplegetter",
        "collections.defaultdict", "collections.OrderedDict",
        "types.SimpleNamespace", "types.GenericAlias", "types.UnionType",
        "decimal.Decimal", "decimal.Context", "decimal.ContextManager", "decimal.SignalDictMixin",
    ]

    /// Modules whose classes are C types with a qualified `tp_name` (those of `itertools` and
    /// `operator` are C in CPython, Python in ctxlab's Lib/).
    static let cExtensionModules: Set<String> = ["_asyncio", "_contextvars", "_thread", "_io", "itertools", "operator"]

    func isInstance(_ v: Value, _ c: PyClass) -> Bool { classOf(v).isSubclass(of: c) }

    // MARK: truth, repr, str

    func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .object(let o):
            switch o {
            case let l as PyList:
                if l.subclass != nil, let b = subclassSlot(v, "__bool__") { return try userBool(b, v) }
                if l.subclass != nil, let n = subclassSlot(v, "__len__") { return try userLength(n, v) > 0 }
                return !l.items.isEmpty
            case let t as PyTuple: return !t.items.isEmpty
            case let d as PyDict:
                if d.subclass != nil, let b = subclassSlot(v, "__bool__") { return try userBool(b, v) }
                if d.subclass != nil, let l = subclassSlot(v, "__len__") { return try userLength(l, v) > 0 }
                return !d.storage.isEmpty
            case let s as PySet: return !s.storage.isEmpty
            case let c as Context: return c.count > 0
            case let r as PyRange: return r.count > 0
            case let b as PyBytes: return !b.bytes.isEmpty
            case let i as PyInstance:
                if let b = slotMethod(i.cls.lookup("__bool__")) { return try userBool(b, v) }
                if let l = slotMethod(i.cls.lookup("__len__")) { return try userLength(l, v) > 0 }
                if let p = i.payload { return try truthy(p) }
                return true
            case let c as PyClass where c.metaclass != nil:
                if let b = metaSlot(c, "__bool__") { return try userBool(b, v) }
                if let l = metaSlot(c, "__len__") { return try userLength(l, v) > 0 }
                return true
            case let n as NativeObject: return try n.truthy?() ?? true
            default: return true
            }
        }
    }

    /// slot_nb_bool: a class's `__bool__(v)`, which must give a bool.
    private func userBool(_ m: Value, _ v: Value) throws -> Bool {
        let r = try call(m, [v])
        guard case .bool(let b) = r else { throw rt.error(.TypeError, "__bool__ should return bool, returned \(typeName(r))") }
        return b
    }

    /// `repr(v)`, running a user `__repr__` where one is defined.
    public func repr(_ v: Value) throws -> String {
        if case .str(let s) = v { return try StringRepr.repr(s, poll: pollInterrupt) }
        if let g = v.asObject as? PyGenericAlias { return try g.text(repr) }
        if let u = v.asObject as? PyUnionType { return try u.text(repr) }
        guard case .object(let o) = v else { return try v.repr() }
        switch o {
        case let w as PyWeakRef: return weakrefRepr(w)
        case let i as PyInstance:
            if let r = slotMethod(i.cls.lookup("__repr__")) { return try stringResult(call(r, [v]), "__repr__") }
            if let p = i.payload { return try repr(p) }
        case let c as PyClass:
            if let r = metaSlot(c, "__repr__") { return try stringResult(call(r, [v]), "__repr__") }
        case let e as PyException:
            let c = classOf(exception: e)
            if let r = c.lookup("__repr__") { return try stringResult(call(r, [v]), "__repr__") }
            return c.name + "(" + (try e.args.map { try repr($0) }.joined(separator: ", ")) + ")"
        case let m as PyBoundMethod:
            // method_repr: the receiver by its own __repr__; the name by the function's __qualname__.
            let name: String
            if case .str(let q)? = try findAttribute(m.function, "__qualname__") { name = q } else { name = "?" }
            return "<bound method \(name) of \(try repr(m.receiver))>"
        case let l as PyList:
            if l.subclass != nil, let r = subclassSlot(v, "__repr__") { return try stringResult(call(r, [v]), "__repr__") }
            return try reprSequence(l, l.items, "[", "]")
        case let s as PySet:
            if s.storage.isEmpty { return s.isFrozen ? "frozenset()" : "set()" }
            let inner = try reprSequence(s, setIterationOrder(s), "{", "}")
            return s.isFrozen ? "frozenset(\(inner))" : inner
        case let t as PyTuple:
            if t.subclass != nil, let r = ownLookup(classOf(v), "__repr__") { return try stringResult(call(r, [v]), "__repr__") }
            return try nested("while getting the repr of an object") {
                if t.items.count == 1 { return "(\(try repr(t.items[0])),)" }
                return try joinedReprs(t.items, "(", ")") { try repr($0) }
            }
        case let d as PyDict:
            if d.subclass != nil, let r = subclassSlot(v, "__repr__") { return try stringResult(call(r, [v]), "__repr__") }
            return try dictRepr(d)
        case let d as PyDescriptor: return try descriptorRepr(d)
        case let t as PyThread where t.subclass != nil:
            if let r = subclassSlot(v, "__repr__") { return try stringResult(call(r, [v]), "__repr__") }
        case let c as ContextVar:
            var s = "<ContextVar name=\(StringRepr.repr(c.name))"
            if let d = c.defaultValue { s += " default=\(try repr(d))" }
            return s + " at \(c.hexAddress)>"
        case let t as Token:
            return "<Token\(t.used ? " used" : "") var=\(try repr(.object(t.variable))) at \(t.hexAddress)>"
        default: break
        }
        return try o.repr()
    }

    /// dict_repr: `{k: v, ...}`, `{...}` for a dict inside itself.
    func dictRepr(_ d: PyDict) throws -> String {
        if reprGuard.contains(ObjectIdentifier(d)) { return "{...}" }
        reprGuard.insert(ObjectIdentifier(d))
        defer { reprGuard.remove(ObjectIdentifier(d)) }
        return try nested("while getting the repr of an object") {
            try joinedReprs(d.storage, "{", "}") { "\(try repr($0.key.value)): \(try repr($0.value))" }
            }
    }

    func reprSequence(_ o: PyObject, _ items: [Value], _ open: String, _ close: String) throws -> String {
        if reprGuard.contains(ObjectIdentifier(o)) { return open + "..." + close }
        reprGuard.insert(ObjectIdentifier(o))
        defer { reprGuard.remove(ObjectIdentifier(o)) }
        return try nested("while getting the repr of an object") {
            try joinedReprs(items, open, close) { try repr($0) }
        }
    }

    /// `open + ", ".join(part(x) for x in items) + close`, built in one string (no array of parts
    /// beside it), with an interrupt poll per item and MemoryError once the text is past the
    /// memory limit: the repr of `[0] * 10**8` answers Ctrl-C and cannot exhaust memory.
    func joinedReprs<S: Sequence>(
        _ items: S, _ open: String, _ close: String, _ part: (S.Element) throws -> String
    ) throws -> String {
        var out = open, first = true
        for item in items {
            try checkInterrupt()
            if !first { out += ", " }
            first = false
            let piece = try part(item)
            out += piece
            try checkInterrupt(cost: piece.utf8.count >> 10)  // a poll at least every 4 MiB
            if out.utf8.count > memoryLimit { throw rt.error(.MemoryError, "") }
        }
        return out + close
    }

    /// CPython's C recursion limit (`Py_C_RECURSION_LIMIT`, 10000 in 3.13): nested containers
    /// reach about this depth in repr and comparison before RecursionError.
    static let nativeRecursionLimit = 9998

    /// Runs a step of native recursion, raising CPython's RecursionError past the limit.
    func nested<T>(_ what: String, _ body: () throws -> T) throws -> T {
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        if nativeDepth > Self.nativeRecursionLimit { throw rt.error(.RecursionError, "maximum recursion depth exceeded \(what)") }
        return try body()
    }

    /// `==` of two lists or tuples, element by element (identity first, as CPython does).
    func elementsEqual(_ x: [Value], _ y: [Value]) throws -> Bool {
        guard x.count == y.count else { return false }
        return try nested("in comparison") {
            for (p, q) in zip(x, y) where !(p.isIdentical(q)) {
                if !(try equals(p, q)) { return false }
            }
            return true
        }
    }

    /// `str(v)`, running a user `__str__` (or `__repr__`) where one is defined.
    public func str(_ v: Value) throws -> String {
        guard case .object(let o) = v else { return try v.str() }
        switch o {
        case let i as PyInstance:
            if let s = slotMethod(i.cls.lookup("__str__")) { return try stringResult(call(s, [v]), "__str__") }
            // str's own __str__ gives the carried str; int and float have none (object's: the repr).
            if case .str(let p)? = i.payload { return p }
            return try repr(v)
        case let e as PyException:
            if let s = classOf(exception: e).lookup("__str__") { return try stringResult(call(s, [v]), "__str__") }
            if let members = groupMembers(e), case .str(let msg)? = e.args.first {
                return "\(msg) (\(members.count) sub-exception\(members.count == 1 ? "" : "s"))"
            }
            if e.args.count == 1 && !e.type.isSubclass(of: .KeyError) { return try str(e.args[0]) }
            if e.args.count == 1 { return try repr(e.args[0]) }
            return e.args.isEmpty ? "" : try repr(.object(PyTuple(runtime: rt, e.args)))
        case let d as PyDict:
            if d.subclass != nil, let s = subclassSlot(v, "__str__") { return try stringResult(call(s, [v]), "__str__") }
            return try repr(v)
        case let l as PyList where l.subclass != nil:
            if let s = subclassSlot(v, "__str__") { return try stringResult(call(s, [v]), "__str__") }
            return try repr(v)
        case let c as PyClass:
            if let s = metaSlot(c, "__str__") { return try stringResult(call(s, [v]), "__str__") }
            return try repr(v)
        case is PyList, is PyTuple, is PySet, is ContextVar, is Token, is PyBoundMethod, is PyGenericAlias, is PyUnionType,
             is PyDescriptor:
            return try repr(v)
        default: return try o.str()
        }
    }

    private func stringResult(_ v: Value, _ method: String) throws -> String {
        guard case .str(let s) = v else {
            throw rt.error(.TypeError, "\(method) returned non-string (type \(typeName(v)))")
        }
        return s
    }

    // MARK: comparison

    func compareOp(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .is: return .bool(a.isIdentical(b))
        case .isNot: return .bool(!a.isIdentical(b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        case .eq, .ne, .lt, .le, .gt, .ge:
            // do_richcompare: a user method's result is the comparison's value, whatever it is
            // (`column == 3` may build an expression); only the built-in comparisons are bools.
            if let r = try userRichCompare(op, a, b) { return r }
            switch op {
            case .eq: return .bool(try equals(a, b))
            case .ne: return .bool(!(try equals(a, b)))
            default: return .bool(try order(op, a, b))
            }
        }
    }

    static let richCompareDunders: [CompareOp: (String, reflected: String)] = [
        .eq: ("__eq__", "__eq__"), .ne: ("__ne__", "__ne__"), .lt: ("__lt__", "__gt__"),
        .le: ("__le__", "__ge__"), .gt: ("__gt__", "__lt__"), .ge: ("__ge__", "__le__"),
    ]

    /// do_richcompare's user half: the left operand's method, then the right operand's
    /// reflected one (first when the right operand's class is a subclass of the left's that
    /// overrides it); nil when neither side has a Python method or both return NotImplemented.
    /// `!=` with only `__eq__` defined is `not __eq__` (object.__ne__).
    private func userRichCompare(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Value? {
        guard a.asObject != nil || b.asObject != nil else { return nil }
        let (name, reflected) = Interpreter.richCompareDunders[op]!
        let ma = userSlot(a, name), mb = userSlot(b, reflected)
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
        if !rightFirst, let mb {
            let r = try call(mb, [b, a])
            if !isNotImplemented(r) { return r }
        }
        return nil  // the built-in comparison (or its TypeError) decides
    }

    /// CPython's `PyObject_RichCompareBool(a, b, Py_EQ)`: identity, then `==` (what `in`,
    /// `list.index`, `list.count` and `list.remove` compare with).
    func sameOrEqual(_ a: Value, _ b: Value) throws -> Bool {
        try a.isIdentical(b) || equals(a, b)
    }

    func equals(_ a: Value, _ b: Value) throws -> Bool {
        // A user __eq__ on either side; NotImplemented from both falls back to identity.
        var userDefined = false
        if let eq = userSlot(a, "__eq__") {
            userDefined = true
            let r = try call(eq, [a, b])
            if !isNotImplemented(r) { return try truthy(r) }
        }
        if let eq = userSlot(b, "__eq__") {
            userDefined = true
            let r = try call(eq, [b, a])
            if !isNotImplemented(r) { return try truthy(r) }
        }
        // NotImplemented from both: identity, unless a built-in side compares natively
        // (dict_richcompare of `{'x': 2} == Counter(x=2)`).
        if userDefined, a.asObject is PyInstance || b.asObject is PyInstance { return a.isIdentical(b) }
        if payload(of: a) != nil || payload(of: b) != nil { return try equals(payload(of: a) ?? a, payload(of: b) ?? b) }
        if case .object(let x as PyBigInt) = a { return x.equals(b) }
        if case .object(let y as PyBigInt) = b { return y.equals(a) }
        switch (a, b) {
        case (.object(let x as PyWeakRef), .object(let y as PyWeakRef)):
            // weakref_richcompare: the referents when both live, else identity.
            guard let s = x.target, let t = y.target else { return x === y }
            return try equals(.object(s), .object(t))
        case (.object(let x as PyList), .object(let y as PyList)): return try x === y || elementsEqual(x.items, y.items)
        case (.object(let x as PyTuple), .object(let y as PyTuple)): return try x === y || elementsEqual(x.items, y.items)
        // `==` itself has no identity shortcut: a NaN is not equal to itself.
        case (.object, _): return try a.isIdentical(b) || a.pyEquals(b)
        default: return try a.pyEquals(b)
        }
    }

    func order(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Bool {
        if payload(of: a) != nil || payload(of: b) != nil {
            // A str/int/float subclass: its own method, else the base type's ordering.
            if let r = try userRichCompare(op, a, b) { return try truthy(r) }
            return try order(op, payload(of: a) ?? a, payload(of: b) ?? b)
        }
        if let x = numeric(a), let y = numeric(b) {
            if case .object = a { return bigOrder(op, a, b) }
            if case .object = b { return bigOrder(op, a, b) }
            return compare(op, x, y)
        }
        switch (a, b) {
        case (.str(let x), .str(let y)):
            let xs = Array(x.unicodeScalars.map(\.value)), ys = Array(y.unicodeScalars.map(\.value))
            return compare(op, xs.lexicographicallyPrecedes(ys) ? -1 : (xs == ys ? 0 : 1), 0)
        case (.object(let x as PyList), .object(let y as PyList)): return try orderSequences(op, x.items, y.items)
        case (.object(let x as PySet), .object(let y as PySet)):
            let a = Set(x.storage), b = Set(y.storage)
            switch op {
            case .lt: return a.isStrictSubset(of: b)
            case .le: return a.isSubset(of: b)
            case .gt: return a.isStrictSuperset(of: b)
            default: return a.isSuperset(of: b)
            }
        case (.object(let x as PyTuple), .object(let y as PyTuple)): return try orderSequences(op, x.items, y.items)
        default:
            let dunder = ["<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__"][op.rawValue]!
            // CPython's do_richcompare: the left operand's method, then the reflected one of the
            // right operand; NotImplemented from both is the TypeError.
            let reflected = ["__lt__": "__gt__", "__le__": "__ge__", "__gt__": "__lt__", "__ge__": "__le__"][dunder]!
            if let m = userSlot(a, dunder) {
                let r = try call(m, [a, b])
                if !isNotImplemented(r) { return try truthy(r) }
            }
            if let m = userSlot(b, reflected) {
                let r = try call(m, [b, a])
                if !isNotImplemented(r) { return try truthy(r) }
            }
            throw rt.error(.TypeError, "'\(op.rawValue)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
        }
    }

    private func orderSequences(_ op: CompareOp, _ x: [Value], _ y: [Value]) throws -> Bool {
        for (p, q) in zip(x, y) where !(try equals(p, q)) { return try order(op, p, q) }
        return compare(op, Double(x.count), Double(y.count))
    }

    /// Exact ordering when one side is a big int (`numeric` is only approximate for those).
    private func bigOrder(_ op: CompareOp, _ a: Value, _ b: Value) -> Bool {
        let sign: Int?
        switch (bigValue(a), bigValue(b)) {
        case (let x?, let y?): sign = x < y ? -1 : (x == y ? 0 : 1)
        case (let x?, nil): sign = PyBigInt.compare(x, numeric(b)!)
        case (nil, let y?): sign = PyBigInt.compare(y, numeric(a)!).map { -$0 }
        default: sign = nil
        }
        guard let sign else { return false }  // NaN
        return compare(op, sign, 0)
    }

    private func compare<T: Comparable>(_ op: CompareOp, _ x: T, _ y: T) -> Bool {
        switch op {
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        default: return x >= y
        }
    }

    func numeric(_ v: Value) -> Double? {
        switch v {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .object(let o as PyBigInt): return PyBigInt.toDouble(o.value)
        case .object(let i as PyInstance): return i.payload.flatMap(numeric)
        default: return nil
        }
    }

    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = payload(of: item) ?? item else {
                throw rt.error(.TypeError, "'in <string>' requires string as left operand, not \(typeName(item))")
            }
            return try strContains(s, sub)
        case .object(let o):
            switch o {
            case let l as PyList where l.subclass != nil:
                if let m = subclassSlot(container, "__contains__") { return try truthy(call(m, [container, item])) }
                return try l.items.contains { try sameOrEqual($0, item) }
            case let d as PyDict:
                if d.subclass != nil, let m = subclassSlot(container, "__contains__") { return try truthy(call(m, [container, item])) }
                return d.storage[try HashKey(item, rt)] != nil
            case let s as PySet: return s.storage.contains(try HashKey(item, rt))
            case let c as Context:
                guard let v = item.asObject as? ContextVar else {
                    throw rt.error(.TypeError, "a ContextVar key was expected, got \(try repr(item))")
                }
                return c.contains(v)
            case let i as PyInstance:
                if let m = slotMethod(i.cls.lookup("__contains__")) { return try truthy(call(m, [container, item])) }
                if let p = i.payload { return try contains(p, item) }
            case let c as PyClass:
                if let m = metaSlot(c, "__contains__") { return try truthy(call(m, [container, item])) }
            default: break
            }
        default: break
        }
        if case .object(let o) = container, o is PyList || o is PyTuple || o is PyRange || o is PyIterator || o is PyGenerator || o is PyInstance
            || (o as? NativeObject)?.attributes["__iter__"] != nil {
            for v in try iterate(container) where try sameOrEqual(v, item) { return true }  // PyObject_RichCompareBool: identity first
            return false
        }
        throw rt.error(.TypeError, "argument of type '\(typeName(container))' is not iterable")
    }
}
