import CtxCore

/// The run-time half of `match` statements: CPython's MATCH_CLASS, MATCH_MAPPING,
/// MATCH_SEQUENCE and MATCH_KEYS (Python/ceval.c `_PyEval_MatchClass`, `_PyEval_MatchKeys`).
extension Interpreter {
    /// The built-in types whose class pattern with one positional sub-pattern matches the
    /// subject itself (CPython's `_Py_TPFLAGS_MATCH_SELF`, inherited by subclasses).
    static let selfMatchingTypes: Set<String> = [
        "bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple",
    ]

    static let tpFlagsSequence = 1 << 5, tpFlagsMapping = 1 << 6

    /// Py_TPFLAGS_SEQUENCE: list, tuple, range, deque and their subclasses (never str, bytes or
    /// bytearray).
    func isMatchSequence(_ v: Value) -> Bool {
        if classOf(v).collectionFlags & Self.tpFlagsSequence != 0 { return true }
        return classOf(v).mro.contains { c in
            (c.module == "builtins" && ["list", "tuple", "range", "memoryview"].contains(c.name))
                || (c.module == "collections" && c.name == "deque")
        }
    }

    /// Py_TPFLAGS_MAPPING: dict and its subclasses (defaultdict, OrderedDict, Counter), and
    /// ChainMap (a MutableMapping in CPython).
    func isMatchMapping(_ v: Value) -> Bool {
        if classOf(v).collectionFlags & Self.tpFlagsMapping != 0 { return true }
        return classOf(v).mro.contains { c in
            (c.module == "builtins" && c.name == "dict") || (c.module == "collections" && c.name == "ChainMap")
        }
    }

    /// `getattr(obj, name, <missing>)`: nil when the attribute does not exist.
    func optionalAttribute(_ obj: Value, _ name: String) throws -> Value? {
        do {
            return try findAttribute(obj, name)
        } catch let e as PyException where e.isInstance(of: .AttributeError) {
            return nil
        }
    }

    /// CPython: ceval.c `_PyEval_MatchClass`. The attributes for the positional sub-patterns
    /// (named by `__match_args__`) and the keyword ones, or None when the subject is not an
    /// instance or lacks one of them.
    func matchClass(_ subject: Value, _ type: Value, _ nargs: Int, _ keywords: [Value]) throws -> Value {
        guard let cls = type.asObject as? PyClass else {
            throw rt.error(.TypeError, "called match pattern must be a class")
        }
        guard try truthy(call(builtins["isinstance"]!, [subject, type])) else { return .none }
        let typeName = cTypeName(cls) ?? cls.name
        var seen: Set<String> = []
        var attrs: [Value] = []
        func attribute(_ name: String) throws -> Value? {
            guard seen.insert(name).inserted else {
                throw rt.error(.TypeError, "\(typeName)() got multiple sub-patterns for attribute \(StringRepr.repr(name))")
            }
            return try optionalAttribute(subject, name)
        }
        if nargs > 0 {
            var matchArgs: [Value] = []
            var matchSelf = false
            if let declared = try optionalAttribute(type, "__match_args__") {
                guard let t = declared.asObject as? PyTuple, t.subclass == nil else {
                    throw rt.error(.TypeError, "\(typeName).__match_args__ must be a tuple (got \(self.typeName(declared)))")
                }
                matchArgs = t.items
            } else {
                matchSelf = cls.mro.contains { $0.module == "builtins" && Self.selfMatchingTypes.contains($0.name) }
            }
            let allowed = matchSelf ? 1 : matchArgs.count
            if allowed < nargs {
                throw rt.error(.TypeError, "\(typeName)() accepts \(allowed) positional sub-pattern\(allowed == 1 ? "" : "s") (\(nargs) given)")
            }
            if matchSelf {
                attrs.append(subject)
            } else {
                for name in matchArgs.prefix(nargs) {
                    guard case .str(let s) = name else {
                        throw rt.error(.TypeError, "__match_args__ elements must be strings (got \(self.typeName(name)))")
                    }
                    guard let v = try attribute(s) else { return .none }
                    attrs.append(v)
                }
            }
        }
        for name in keywords {
            guard case .str(let s) = name, let v = try attribute(s) else { return .none }
            attrs.append(v)
        }
        return .object(PyTuple(runtime: rt, attrs))
    }

    /// CPython: ceval.c `_PyEval_MatchKeys`. The values of `keys` read with `map.get(key,
    /// dummy)` (so a defaultdict creates nothing), or None when one is missing.
    func matchKeys(_ map: Value, _ keys: [Value]) throws -> Value {
        guard !keys.isEmpty else { return .object(PyTuple(runtime: rt, [])) }
        let get = try getAttribute(map, "get")
        let dummy = PyInstance(runtime: rt, cls: classes.object)
        var seen: Set<HashKey> = []
        var values: [Value] = []
        for key in keys {
            guard seen.insert(try HashKey(key, rt)).inserted else {
                throw rt.error(.ValueError, "mapping pattern checks duplicate key (\(try repr(key)))")
            }
            let v = try call(get, [key, .object(dummy)])
            if v.asObject === dummy { return .none }
            values.append(v)
        }
        return .object(PyTuple(runtime: rt, values))
    }
}
