import CtxCore

extension Interpreter {
    func listMethod(_ l: PyList, _ owner: Value, _ name: String) -> Value? {
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        switch name {
        case "append": return m { a in try a.exactly(1); l.items.append(a.args[0]); return .none }
        case "extend": return m { [unowned self] a in try a.exactly(1); l.items += try self.iterate(a.args[0]); return .none }
        case "insert":
            return m { [unowned self] a in
                try a.exactly(2)
                var i = try self.expectInt(a.args[0], "index")
                if i < 0 { i += l.items.count }
                l.items.insert(a.args[1], at: min(max(i, 0), l.items.count))
                return .none
            }
        case "pop":
            return m { [unowned self] a in
                try a.check(maxPositional: 1)
                if l.items.isEmpty { throw self.rt.error(.IndexError, "pop from empty list") }
                let i = try a.get(0).map { try self.expectInt($0, "index") } ?? -1
                let j = i < 0 ? i + l.items.count : i
                guard j >= 0 && j < l.items.count else { throw self.rt.error(.IndexError, "pop index out of range") }
                return l.items.remove(at: j)
            }
        case "remove":
            return m { [unowned self] a in
                try a.exactly(1)
                guard let i = try l.items.firstIndex(where: { try self.sameOrEqual($0, a.args[0]) }) else {
                    throw self.rt.error(.ValueError, "list.remove(x): x not in list")
                }
                l.items.remove(at: i)
                return .none
            }
        case "clear": return m { _ in l.items.removeAll(); return .none }
        case "copy": return m { [unowned self] _ in self.list(l.items) }
        case "reverse": return m { _ in l.items.reverse(); return .none }
        case "sort":
            return m { [unowned self] a in
                try a.check(maxPositional: 0, keywords: ["key", "reverse"])
                l.items = try self.sort(l.items, key: a.keyword("key"), reverse: try a.keyword("reverse").map { try self.truthy($0) } ?? false)
                return .none
            }
        case "index":
            return m { [unowned self] a in
                try a.check(maxPositional: 3, minPositional: 1)
                for (i, v) in l.items.enumerated() where try self.sameOrEqual(v, a.args[0]) { return .int(i) }
                throw self.rt.error(.ValueError, "\(try self.repr(a.args[0])) is not in list")
            }
        case "count": return sequenceMethod(l.items, name)
        // The slots, as list's own (what `super().__getitem__(i)` in a subclass reaches).
        case "__init__": return m { [unowned self] a in try self.listInit(l, a); return .none }
        case "__getitem__": return m { [unowned self] a in try a.exactly(1); return try self.listSubscript(l, a.args[0]) }
        case "__setitem__": return m { [unowned self] a in try a.exactly(2); try self.listAssign(l, a.args[0], a.args[1]); return .none }
        case "__delitem__": return m { [unowned self] a in try a.exactly(1); try self.listDelete(l, a.args[0]); return .none }
        case "__len__": return m { a in try a.exactly(0); return .int(l.items.count) }
        case "__iter__": return m { [unowned self] a in try a.exactly(0); return .object(self.listIterator(l)) }
        case "__contains__":
            return m { [unowned self] a in
                try a.exactly(1)
                return .bool(try l.items.contains { try self.sameOrEqual($0, a.args[0]) })
            }
        case "__repr__": return m { [unowned self] a in try a.exactly(0); return .str(try self.reprSequence(l, l.items, "[", "]")) }
        case "__iadd__": return m { [unowned self] a in try a.exactly(1); l.items += try self.iterate(a.args[0]); return owner }
        case "__reduce_ex__" where l.subclass != nil: return m { [unowned self] a in try a.exactly(1); return try self.objectReduceEx(owner) }
        default: return nil
        }
    }

    /// list___init__: the list emptied, then extended from the iterable argument.
    func listInit(_ l: PyList, _ a: Arguments) throws {
        try a.check(maxPositional: 1)
        l.items.removeAll()
        if let src = a.args.first { l.items = try iterate(src) }
    }

    /// `dict.fromkeys(iterable, value=None, /)`: a new dict, each key mapped to `value`.
    /// For a subclass (`OrderedDict.fromkeys`), dict_fromkeys makes `cls()` and sets each key
    /// through its `__setitem__`.
    func dictFromKeys(_ a: Arguments, cls: PyClass? = nil) throws -> Value {
        try a.check(maxPositional: 2, minPositional: 1)
        let value = a.args.count > 1 ? a.args[1] : .none
        if let cls, cls !== classes.dict {
            let d = try call(.object(cls), [])
            for k in try iterate(a.args[0]) { try setItem(d, k, value) }
            return d
        }
        let d = PyDict(runtime: rt)
        for k in try iterate(a.args[0]) { d.storage[try HashKey(k, rt)] = value }
        return .object(d)
    }

    func dictMethod(_ d: PyDict, _ name: String) -> Value? {
        let owner = Value.object(d)
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        switch name {
        case "fromkeys": return m { [unowned self] a in try self.dictFromKeys(a, cls: d.subclass as? PyClass) }
        case "get":
            return m { [unowned self] a in
                try a.check(maxPositional: 2, minPositional: 1)
                return d.storage[try HashKey(a.args[0], self.rt)] ?? (a.args.count > 1 ? a.args[1] : .none)
            }
        case "keys": return m { [unowned self] _ in .object(self.dictView(d, "dict_keys") { k, _ in k.value }) }
        case "values": return m { [unowned self] _ in .object(self.dictView(d, "dict_values") { _, v in v }) }
        case "items": return m { [unowned self] _ in .object(self.dictView(d, "dict_items") { k, v in self.tuple([k.value, v]) }) }
        case "pop":
            return m { [unowned self] a in
                try a.check(maxPositional: 2, minPositional: 1)
                if let v = d.storage.removeValue(forKey: try HashKey(a.args[0], self.rt)) { return v }
                if a.args.count > 1 { return a.args[1] }
                throw PyException(runtime: self.rt, .KeyError, args: [a.args[0]])
            }
        case "popitem":
            return m { [unowned self] _ in
                guard let last = d.storage.keys.last else { throw self.rt.error(.KeyError, "popitem(): dictionary is empty") }
                let v = d.storage.removeValue(forKey: last)!
                return self.tuple([last.value, v])
            }
        case "setdefault":
            return m { [unowned self] a in
                try a.check(maxPositional: 2, minPositional: 1)
                let k = try HashKey(a.args[0], self.rt)
                if let v = d.storage[k] { return v }
                let v = a.args.count > 1 ? a.args[1] : .none
                d.storage[k] = v
                return v
            }
        case "update":
            return m { [unowned self] a in
                try a.check(maxPositional: 1, keywords: Set(a.kwargs.map(\.0)))
                if let src = a.args.first { try self.dictMerge(d, src) }
                for (k, v) in a.kwargs { d.storage[try HashKey(.str(k), self.rt)] = v }
                return .none
            }
        case "clear": return m { _ in d.storage.removeAll(); return .none }
        case "copy":
            return m { [unowned self] _ in
                let c = PyDict(runtime: self.rt)
                c.storage = d.storage
                return .object(c)
            }
        default: return dictSlotMethod(d, owner, name)
        }
    }

    /// dict's own special methods as bound methods (`d.__getitem__`, `super().__setitem__(k, v)`
    /// in a subclass): the native slots, never a subclass's override of them.
    private func dictSlotMethod(_ d: PyDict, _ owner: Value, _ name: String) -> Value? {
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        switch name {
        case "__getitem__": return m { [unowned self] a in try a.exactly(1); return try self.dictSubscript(d, a.args[0]) }
        case "__setitem__":
            return m { [unowned self] a in
                try a.exactly(2)
                d.storage[try HashKey(a.args[0], self.rt)] = a.args[1]
                return .none
            }
        case "__delitem__": return m { [unowned self] a in try a.exactly(1); try self.dictDelete(d, a.args[0]); return .none }
        case "__contains__": return m { [unowned self] a in try a.exactly(1); return .bool(d.storage[try HashKey(a.args[0], self.rt)] != nil) }
        case "__len__": return m { a in try a.exactly(0); return .int(d.storage.count) }
        case "__iter__": return m { [unowned self] a in try a.exactly(0); return .object(self.dictIterator(d, "dict_keyiterator") { k, _ in k.value }) }
        case "__repr__": return m { [unowned self] a in try a.exactly(0); return .str(try self.dictRepr(d)) }
        case "__init__":
            return m { [unowned self] a in
                try self.dictInit(d, Arguments(name: "dict", args: a.args, kwargs: a.kwargs, rt: self.rt))
                return .none
            }
        case "__eq__", "__ne__":
            return m { [unowned self] a in
                try a.exactly(1)
                guard let other = a.args[0].asObject as? PyDict else { return self.builtins["NotImplemented"] ?? .none }
                let same = try self.dictStorageEqual(d, other)
                return .bool(name == "__eq__" ? same : !same)
            }
        case "__or__", "__ror__":
            return m { [unowned self] a in
                try a.exactly(1)
                guard let other = a.args[0].asObject as? PyDict else { return self.builtins["NotImplemented"] ?? .none }
                let out = PyDict(runtime: self.rt)
                out.storage = name == "__or__" ? d.storage : other.storage
                for (k, v) in (name == "__or__" ? other.storage : d.storage) { out.storage[k] = v }
                return .object(out)
            }
        case "__ior__": return m { [unowned self] a in try a.exactly(1); try self.dictMerge(d, a.args[0]); return owner }
        case "__reduce_ex__" where d.subclass != nil: return m { [unowned self] a in try a.exactly(1); return try self.objectReduceEx(owner) }
        default: return nil
        }
    }

    /// dict_equal: the same keys, each value identical or `==`.
    func dictStorageEqual(_ d: PyDict, _ o: PyDict) throws -> Bool {
        guard d.storage.count == o.storage.count else { return false }
        for (k, v) in d.storage {
            guard let w = o.storage[k], try sameOrEqual(v, w) else { return false }
        }
        return true
    }

    /// `d.keys()`/`values()`/`items()`: live views with `len`, iteration and `in`.
    private func dictView(_ d: PyDict, _ name: String, _ f: @escaping (HashKey, Value) -> Value) -> NativeObject {
        let view = NativeObject(runtime: rt, cls: classes.named(name))  // one class per view type
        view.attributes["__iter__"] = builtin("__iter__") { [unowned self] _, _ in .object(self.dictIterator(d, name.replacingOccurrences("_", "_") + "iterator", f)) }
        view.attributes["__len__"] = builtin("__len__") { _, _ in .int(d.storage.count) }
        view.reprBody = { [unowned self] in
            "\(name)([" + (try d.storage.map { try self.repr(f($0.key, $0.value)) }.joined(separator: ", ")) + "])"
        }
        return view
    }

    /// The keys of every item of `iterable`, answering Ctrl-C (`s.difference([x] * 10**7)`).
    func hashKeys(of iterable: Value) throws -> [HashKey] {
        try iterate(iterable).map {
            try checkInterrupt()
            return try HashKey($0, rt)
        }
    }

    func setMethod(_ s: PySet, _ name: String) -> Value? {
        let owner = Value.object(s)
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value { method(name, of: owner, body) }
        /// The one argument of a METH_O method, with CPython's `set.issubset() takes …` messages.
        func other(_ a: Arguments) throws -> Value {
            let method = "\(s.isFrozen ? "frozenset" : "set").\(name)()"
            if !a.kwargs.isEmpty { throw a.rt.error(.TypeError, "\(method) takes no keyword arguments") }
            guard a.args.count == 1 else {
                throw a.rt.error(.TypeError, "\(method) takes exactly one argument (\(a.args.count) given)")
            }
            return a.args[0]
        }
        switch name {
        case "add": return m { [unowned self] a in try a.exactly(1); s.storage.append(try HashKey(a.args[0], self.rt)); return .none }
        case "discard": return m { [unowned self] a in try a.exactly(1); s.storage.remove(try HashKey(a.args[0], self.rt)); return .none }
        case "remove":
            return m { [unowned self] a in
                try a.exactly(1)
                guard s.storage.remove(try HashKey(a.args[0], self.rt)) != nil else {
                    throw PyException(runtime: self.rt, .KeyError, args: [a.args[0]])
                }
                return .none
            }
        case "pop":
            return m { [unowned self] _ in
                guard let first = self.setIterationOrder(s).first else { throw self.rt.error(.KeyError, "pop from an empty set") }
                s.storage.remove(try HashKey(first, self.rt))
                return first
            }
        case "clear": return m { _ in s.storage.removeAll(); return .none }
        case "update": return m { [unowned self] a in for src in a.args { s.storage.append(contentsOf: try self.hashKeys(of: src)) }; return .none }
        case "copy", "union", "intersection", "difference", "symmetric_difference":
            return m { [unowned self] a in
                let out = PySet(runtime: self.rt)
                out.storage = s.storage
                for src in a.args {
                    let other = try self.hashKeys(of: src)
                    switch name {
                    case "union": out.storage.append(contentsOf: other)
                    case "intersection": out.storage = out.storage.intersection(other)
                    case "difference": out.storage.subtract(other)
                    case "symmetric_difference": out.storage = out.storage.symmetricDifference(other)
                    default: break
                    }
                }
                return .object(out)
            }
        case "isdisjoint": return m { [unowned self] a in let o = try other(a); return .bool(Set(s.storage).isDisjoint(with: Set(try self.hashKeys(of: o)))) }
        case "issubset": return m { [unowned self] a in let o = try other(a); return .bool(Set(s.storage).isSubset(of: Set(try self.hashKeys(of: o)))) }
        case "issuperset": return m { [unowned self] a in let o = try other(a); return .bool(Set(s.storage).isSuperset(of: Set(try self.hashKeys(of: o)))) }
        default: return nil
        }
    }
}
