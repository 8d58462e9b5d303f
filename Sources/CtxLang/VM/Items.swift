import CtxCore

extension Interpreter {
    func getItem(_ obj: Value, _ idx: Value) throws -> Value {
        switch obj {
        case .str(let s):
            // By code point (unicode_getitem, unicode_subscript). An index from the start walks
            // only up to it; the rest needs the count.
            if case .int(let i) = idx, i >= 0 {
                let view = s.unicodeScalars
                guard let at = view.index(view.startIndex, offsetBy: i, limitedBy: view.endIndex), at < view.endIndex else {
                    throw rt.error(.IndexError, "string index out of range")
                }
                return .str(String(view[at]))
            }
            let scalars = Array(s.unicodeScalars)
            if let sl = idx.asObject as? PySlice {
                var out = String.UnicodeScalarView()
                for i in try sliceIndices(sl, scalars.count) { out.append(scalars[i]) }
                return .str(String(out))
            }
            return .str(String(scalars[try index(idx, scalars.count, "string")]))
        case .object(let o):
            switch o {
            case let l as PyList:
                if l.subclass != nil, let m = subclassSlot(obj, "__getitem__") { return try call(m, [obj, idx]) }
                return try listSubscript(l, idx)
            case let t as PyTuple:
                if t.subclass != nil, let m = subclassSlot(obj, "__getitem__") { return try call(m, [obj, idx]) }
                return try tupleSubscript(t, idx)
            case let r as PyRange:
                if isBigInt(idx) { throw rt.error(.IndexError, "range object index out of range") }
                guard let i = intValue(idx) else { _ = try index(idx, 0, "range object"); return .none }
                guard let v = r.element(at: i) else { throw rt.error(.IndexError, "range object index out of range") }
                return .int(v)
            case let b as PyBytes:
                if let sl = idx.asObject as? PySlice { return .object(PyBytes(runtime: rt, try sliceIndices(sl, b.bytes.count).map { b.bytes[$0] })) }
                return .int(Int(b.bytes[try index(idx, b.bytes.count, "index")]))
            case let d as PyDict:
                if d.subclass != nil, let m = subclassSlot(obj, "__getitem__") { return try call(m, [obj, idx]) }
                return try dictSubscript(d, idx)
            case let c as Context:
                guard let v = idx.asObject as? ContextVar else {
                    throw rt.error(.TypeError, "a ContextVar key was expected, got \(try repr(idx))")
                }
                return try c.item(rt, v)
            case let i as PyInstance:
                if let m = slotMethod(i.cls.lookup("__getitem__")) { return try call(m, [obj, idx]) }
                if let p = i.payload { return try getItem(p, idx) }
            case let c as PyClass:
                // mp_subscript of the metaclass (EnumType's `Color['RED']`) before `__class_getitem__`.
                if let m = metaSlot(c, "__getitem__") { return try call(m, [obj, idx]) }
                return try classGetItem(c, idx)
            case let g as PyGenericAlias: return try substitute(g, idx)
            default: break
            }
        default: break
        }
        throw rt.error(.TypeError, "'\(typeName(obj))' object is not subscriptable")
    }

    /// list_subscript: an item or a slice (a plain list) of `l`, whatever its class.
    /// tuple's own subscript (tuplesubscript), what `tuple.__getitem__(t, i)` calls.
    func tupleSubscript(_ t: PyTuple, _ idx: Value) throws -> Value {
        if let sl = idx.asObject as? PySlice { return .object(PyTuple(runtime: rt, try sliceIndices(sl, t.items.count).map { t.items[$0] })) }
        return t.items[try index(idx, t.items.count, "tuple")]
    }

    func listSubscript(_ l: PyList, _ idx: Value) throws -> Value {
        if let sl = idx.asObject as? PySlice { return .object(PyList(runtime: rt, try sliceIndices(sl, l.items.count).map { l.items[$0] })) }
        return l.items[try index(idx, l.items.count, "list")]
    }

    /// list_ass_subscript with a value: `l[i] = v`, `l[a:b] = iterable`.
    func listAssign(_ l: PyList, _ idx: Value, _ value: Value) throws {
        if let sl = idx.asObject as? PySlice {
            let range = try sliceIndices(sl, l.items.count)
            let new = try iterate(value)
            guard let first = range.first else {
                let at = try clampedStart(sl, l.items.count)
                l.items.insert(contentsOf: new, at: at)
                return
            }
            l.items.replaceSubrange(first...(range.last!), with: new)
            return
        }
        l.items[try index(idx, l.items.count, "list assignment")] = value
    }

    /// list_ass_subscript without a value: `del l[i]`, `del l[a:b]`.
    func listDelete(_ l: PyList, _ idx: Value) throws {
        if let sl = idx.asObject as? PySlice {
            for i in try sliceIndices(sl, l.items.count).sorted(by: >) { l.items.remove(at: i) }
            return
        }
        l.items.remove(at: try index(idx, l.items.count, "list assignment"))
    }

    func setItem(_ obj: Value, _ idx: Value, _ value: Value) throws {
        switch obj.asObject {
        case let l as PyList:
            if l.subclass != nil, let m = subclassSlot(obj, "__setitem__") {
                _ = try call(m, [obj, idx, value])
                return
            }
            try listAssign(l, idx, value)
        case let d as PyDict:
            if d.subclass != nil, let m = subclassSlot(obj, "__setitem__") {
                _ = try call(m, [obj, idx, value])
                return
            }
            d.storage[try HashKey(idx, rt)] = value
        case let i as PyInstance:
            guard let m = slotMethod(i.cls.lookup("__setitem__")) else { fallthrough }
            _ = try call(m, [obj, idx, value])
        case is Context:
            throw rt.error(.TypeError, "'_contextvars.Context' object does not support item assignment")
        default:
            throw rt.error(.TypeError, "'\(typeName(obj))' object does not support item assignment")
        }
    }

    func deleteItem(_ obj: Value, _ idx: Value) throws {
        switch obj.asObject {
        case let l as PyList:
            if l.subclass != nil, let m = subclassSlot(obj, "__delitem__") {
                _ = try call(m, [obj, idx])
                return
            }
            try listDelete(l, idx)
        case let d as PyDict:
            if d.subclass != nil, let m = subclassSlot(obj, "__delitem__") {
                _ = try call(m, [obj, idx])
                return
            }
            try dictDelete(d, idx)
        case let i as PyInstance:
            guard let m = slotMethod(i.cls.lookup("__delitem__")) else { fallthrough }
            _ = try call(m, [obj, idx])
        case is Context:
            throw rt.error(.TypeError, "'_contextvars.Context' object does not support item deletion")
        default:
            throw rt.error(.TypeError, "'\(typeName(obj))' object does not support item deletion")
        }
    }

    /// A sequence index with negative indexing and CPython's IndexError text.
    func index(_ idx: Value, _ count: Int, _ what: String) throws -> Int {
        guard let i = intValue(idx) else {
            if isBigInt(idx) { throw rt.error(.IndexError, "cannot fit 'int' into an index-sized integer") }
            if what == "index" { throw rt.error(.TypeError, "byte indices must be integers or slices, not \(typeName(idx))") }
            let kind = what.hasPrefix("list") ? "list" : what.hasPrefix("string") ? "string" : what.hasPrefix("tuple") ? "tuple" : "range"
            throw rt.error(.TypeError, "\(kind) indices must be integers or slices, not \(typeName(idx))")
        }
        let j = i < 0 ? i + count : i
        guard j >= 0 && j < count else { throw rt.error(.IndexError, "\(what) index out of range") }
        return j
    }

    /// The indices a slice selects (CPython: `PySlice_AdjustIndices`).
    func sliceIndices(_ s: PySlice, _ count: Int) throws -> [Int] {
        var step = 1
        if case .none = s.step {} else {
            guard let st = clippedIndex(s.step) else { throw rt.error(.TypeError, "slice indices must be integers or None or have an __index__ method") }
            step = st == Int.min ? -Int.max : st  // CPython clips the step to -PY_SSIZE_T_MAX
        }
        if step == 0 { throw rt.error(.ValueError, "slice step cannot be zero") }
        func adjust(_ v: Value, _ dflt: Int) throws -> Int {
            if case .none = v { return dflt }
            guard var i = clippedIndex(v) else {
                throw rt.error(.TypeError, "slice indices must be integers or None or have an __index__ method")
            }
            if i < 0 { i = i < -count ? -1 : i + count }
            if step > 0 { return min(max(i, 0), count) }
            return min(max(i, -1), count - 1)
        }
        let start = try adjust(s.start, step > 0 ? 0 : count - 1)
        let stop = try adjust(s.stop, step > 0 ? count : -1)
        return Array(stride(from: start, to: stop, by: step))
    }

    private func clampedStart(_ s: PySlice, _ count: Int) throws -> Int {
        guard var i = clippedIndex(s.start) else { return 0 }
        if i < 0 { i = i < -count ? 0 : i + count }
        return min(max(i, 0), count)
    }

    // MARK: iteration

    /// list_iter: walks the live list (items appended while iterating are reached).
    func listIterator(_ l: PyList) -> PyIterator {
        var i = 0
        return PyIterator(runtime: rt, name: "list_iterator", remaining: { max(0, l.items.count - i) }) {
            defer { i += 1 }
            return i < l.items.count ? l.items[i] : nil
        }
    }

    /// `iter(v)`.
    func getIterator(_ v: Value) throws -> Value {
        if let it = try iterator(v) { return it }
        throw rt.error(.TypeError, "'\(typeName(v))' object is not iterable")
    }

    /// `PyObject_GetIter`, nil when the type has no iteration at all (the caller words the
    /// TypeError: `Value after * must be an iterable, not int`).
    func iterator(_ v: Value) throws -> Value? {
        switch v {
        case .str(let s):
            // unicode_iter: code points; CPython's type name tells an all-ASCII str apart.
            var it = s.unicodeScalars.makeIterator()
            let name = s.utf8.count == s.unicodeScalars.count ? "str_ascii_iterator" : "str_iterator"
            return .object(PyIterator(runtime: rt, name: name) { it.next().map { .str(String($0)) } })
        case .object(let o):
            switch o {
            case is PyIterator, is PyGenerator: return v
            case let l as PyList:
                if l.subclass != nil, let m = subclassSlot(v, "__iter__") { return try userIterator(m, v) }
                return .object(listIterator(l))
            case let t as PyTuple: return .object(arrayIterator(t.items, "tuple_iterator"))
            case let b as PyBytes: return .object(arrayIterator(b.bytes.map { .int(Int($0)) }, "bytes_iterator"))
            case let r as PyRange:
                var i = 0
                return .object(PyIterator(runtime: rt, name: "range_iterator", remaining: { r.count - i }) {
                    defer { i += 1 }
                    return i < r.count ? .int(r.element(i)) : nil
                })
            case let d as PyDict:
                if d.subclass != nil, let m = subclassSlot(v, "__iter__") { return try userIterator(m, v) }
                return .object(dictIterator(d, "dict_keyiterator") { k, _ in k.value })
            case let s as PySet: return .object(arrayIterator(setIterationOrder(s), "set_iterator"))
            case let c as Context: return .object(contextIterator(c, "keys") { k, _ in .object(k) })
            case let i as PyInstance:
                if let m = slotMethod(i.cls.lookup("__iter__")) { return try userIterator(m, v) }
                if let p = i.payload { return try getIterator(p) }
            case let c as PyClass:
                if let m = metaSlot(c, "__iter__") { return try userIterator(m, v) }
            case let n as NativeObject:
                if let m = n.attributes["__iter__"] { return try call(m, []) }
            default: break
            }
        default: break
        }
        return nil
    }

    func arrayIterator(_ items: [Value], _ name: String) -> PyIterator {
        var i = 0
        return PyIterator(runtime: rt, name: name, remaining: { items.count - i }) {
            defer { i += 1 }
            return i < items.count ? items[i] : nil
        }
    }

    /// Iterates a dict, failing like CPython when its size changes during iteration.
    func dictIterator(_ d: PyDict, _ name: String, _ f: @escaping (HashKey, Value) -> Value) -> PyIterator {
        var i = 0
        let size = d.storage.count
        return PyIterator(runtime: rt, name: name, remaining: { d.storage.count - i }) { [rt] in
            if d.storage.count != size { throw rt.error(.RuntimeError, "dictionary changed size during iteration") }
            defer { i += 1 }
            return i < d.storage.count ? f(d.storage.keys[i], d.storage.values[i]) : nil
        }
    }

    /// Context iterators are single-pass objects named `keys`, `values`, `items` (with `len()`).
    func contextIterator(_ c: Context, _ name: String, _ f: @escaping (ContextVar, Value) -> Value) -> PyIterator {
        let items = c.items
        var i = 0
        return PyIterator(runtime: rt, name: name, remaining: { items.count - i }) {
            defer { i += 1 }
            return i < items.count ? f(items[i].0, items[i].1) : nil
        }
    }

    /// `next(it)`: the next value, or nil at the end.
    func nextValue(_ it: Value) throws -> Value? {
        try checkInterrupt()  // native loops over iterators (sum, list, sorted…) answer Ctrl-C
        switch it.asObject {
        case let p as PyIterator: return try p.nextValue()
        case let g as PyGenerator: return try g.next()
        case let i as PyInstance:
            guard let m = slotMethod(i.cls.lookup("__next__")) else { break }
            do {
                return try call(m, [it])
            } catch let e as PyException where e.isInstance(of: .StopIteration) {
                return nil
            }
        case let n as NativeObject:
            if let m = n.attributes["__next__"] {
                do { return try call(m, []) } catch let e as PyException where e.isInstance(of: .StopIteration) { return nil }
            }
        default: break
        }
        throw rt.error(.TypeError, "'\(typeName(it))' object is not an iterator")
    }

    /// PyObject_GetIter over a class's `__iter__`: what it returns must be an iterator.
    func userIterator(_ m: Value, _ v: Value) throws -> Value {
        let it = try call(m, [v])
        if case .object(let o) = it, o is PyIterator || o is PyGenerator { return it }
        guard try findAttribute(it, "__next__") != nil else {
            throw rt.error(.TypeError, "iter() returned non-iterator of type '\(typeName(it))'")
        }
        return it
    }

    /// Every value of an iterable, eagerly.
    func iterate(_ v: Value) throws -> [Value] {
        try iterate(v, orElse: rt.error(.TypeError, "'\(typeName(v))' object is not iterable"))
    }

    /// The items of an iterable; `error` when `v` cannot be iterated at all.
    func iterate(_ v: Value, orElse error: @autoclosure () -> PyException) throws -> [Value] {
        switch v.asObject {
        case let l as PyList where l.subclass == nil || subclassSlot(v, "__iter__") == nil: return l.items
        case let t as PyTuple: return t.items
        default:
            guard let it = try iterator(v) else { throw error() }
            return try drain(it)
        }
    }

    /// The items an iterator has left, sized against the memory limit as they come.
    func drain(_ it: Value) throws -> [Value] {
        var out: [Value] = []
        while let x = try nextValue(it) {
            out.append(x)
            if out.count & 0xFFFF == 0 { try reserve(out.count, of: MemoryLayout<Value>.stride) }
        }
        return out
    }

    /// dict_subscript: the value, or for a subclass its `__missing__(key)`, or KeyError.
    func dictSubscript(_ d: PyDict, _ idx: Value) throws -> Value {
        if let v = d.storage[try HashKey(idx, rt)] { return v }
        if d.subclass != nil, let m = subclassSlot(.object(d), "__missing__") { return try call(m, [.object(d), idx]) }
        throw PyException(runtime: rt, .KeyError, args: [idx])
    }

    /// dict_ass_sub deleting: KeyError for a missing key.
    func dictDelete(_ d: PyDict, _ idx: Value) throws {
        guard d.storage.removeValue(forKey: try HashKey(idx, rt)) != nil else {
            throw PyException(runtime: rt, .KeyError, args: [idx])
        }
    }

    /// dict_init / dict_update_common: `dict(mapping_or_pairs, **kwargs)` into `d`.
    func dictInit(_ d: PyDict, _ a: Arguments) throws {
        try a.check(maxPositional: 1, keywords: Set(a.kwargs.map(\.0)))
        if let src = a.args.first { try dictMerge(d, src) }
        for (k, v) in a.kwargs { d.storage[try HashKey(.str(k), rt)] = v }
    }

    /// `{**src}` (DICT_UPDATE, `PyDict_Update`) and a call's `**src` (DICT_MERGE,
    /// `_PyDict_MergeEx(…, 2)`): `src` must be a mapping (a dict, or anything with `keys()`);
    /// for a call (`callable` given), a key already present is an error.
    func mergeMapping(_ d: PyDict, _ src: Value, callable: Value?) throws {
        var pairs: [(HashKey, Value)] = []
        if let other = src.asObject as? PyDict, other.subclass == nil {
            for (k, v) in other.storage { pairs.append((k, v)) }
        } else if case .object = src, let keys = try findAttribute(src, "keys") {
            for k in try iterate(try call(keys, [])) { pairs.append((try HashKey(k, rt), try getItem(src, k))) }
        } else if let callable {
            throw rt.error(.TypeError, "\(try functionString(callable)) argument after ** must be a mapping, not \(typeName(src))")
        } else {
            throw rt.error(.TypeError, "'\(typeName(src))' object is not a mapping")
        }
        for (k, v) in pairs {
            if let callable, d.storage[k] != nil {
                guard case .str(let name) = k.value else { throw rt.error(.TypeError, "keywords must be strings") }
                throw rt.error(.TypeError, "\(try functionString(callable)) got multiple values for keyword argument '\(name)'")
            }
            d.storage[k] = v
        }
    }

    /// `_PyObject_FunctionStr`: `module.qualname()` (just `qualname()` for builtins), else str(v).
    func functionString(_ v: Value) throws -> String {
        guard let q = try? findAttribute(v, "__qualname__"), case .str(let qualname) = q else { return try str(v) }
        if case .str(let module)? = try? findAttribute(v, "__module__"), module != "builtins" { return "\(module).\(qualname)()" }
        return "\(qualname)()"
    }

    func dictMerge(_ d: PyDict, _ src: Value) throws {
        if let other = src.asObject as? PyDict {
            for (k, v) in other.storage { d.storage[k] = v }
            return
        }
        if case .object(let o) = src, let keys = try findAttribute(src, "keys"), !(o is PyList) {
            for k in try iterate(try call(keys, [])) { d.storage[try HashKey(k, rt)] = try getItem(src, k) }
            return
        }
        for (n, item) in try iterate(src).enumerated() {
            let pair = try iterate(item)
            guard pair.count == 2 else {
                throw rt.error(.ValueError, "dictionary update sequence element #\(n) has length \(pair.count); 2 is required")
            }
            d.storage[try HashKey(pair[0], rt)] = pair[1]
        }
    }
}
