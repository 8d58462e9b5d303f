import BigInt
import CtxCore

extension Interpreter {
    /// Fills `builtins`: functions, types, exceptions, and the constants.
    func installBuiltins() {
        let b = builtins
        for (name, c) in [("object", classes.object), ("type", classes.type), ("int", classes.int), ("float", classes.float),
                          ("str", classes.str), ("bool", classes.bool), ("list", classes.list), ("tuple", classes.tuple),
                          ("dict", classes.dict), ("set", classes.set), ("frozenset", classes.frozenset), ("range", classes.range),
                          ("slice", classes.slice)] {
            b[name] = .object(c)
        }
        b["bytes"] = .object(classes.named("bytes"))
        for t in ExceptionType.builtinCatalogue where t.module == nil { b[t.name] = .object(classes.exceptionClass(t)) }
        for t in [ExceptionType.UnicodeDecodeError, .UnicodeEncodeError] { b[t.name] = .object(classes.exceptionClass(t)) }
        installExceptionMethods()
        classes.object.namespace["__init__"] = builtin("__init__") { [unowned self] args, kwargs in
            if args.count > 1 || !kwargs.isEmpty, let inst = args.first?.asObject as? PyInstance {
                throw self.rt.error(.TypeError, "\(inst.cls.name)() takes no arguments")
            }
            return .none
        }
        classes.object.namespace["__new__"] = builtin("__new__") { [unowned self] args, kwargs in
            try self.objectNew(args, kwargs)
        }
        classes.object.namespace["__init_subclass__"] = .object(PyDescriptor(
            runtime: rt, kind: .classMethod,
            function: builtin("__init_subclass__") { [unowned self] args, kwargs in try self.objectInitSubclass(args, kwargs) }))
        classes.object.namespace["__subclasshook__"] = .object(PyDescriptor(
            runtime: rt, kind: .classMethod, function: builtin("__subclasshook__") { [unowned self] _, _ in self.builtins["NotImplemented"] ?? .none }))
        classes.object.namespace["__getattribute__"] = builtin("__getattribute__") { [unowned self] args, kwargs in
            guard args.count == 2, kwargs.isEmpty, case .str(let name) = args[1] else {
                throw self.rt.error(.TypeError, "expected 1 argument, got \(max(0, args.count - 1))")
            }
            if case .object(let i as PyInstance) = args[0] {
                if let v = try self.genericGetAttribute(i, args[0], name, withGetattr: false) { return v }
                throw self.attributeError(args[0], name)
            }
            return try self.getAttribute(args[0], name)
        }
        classes.object.namespace["__reduce_ex__"] = builtin("__reduce_ex__") { [unowned self] args, _ in
            guard args.count == 2 else { throw self.rt.error(.TypeError, "object.__reduce_ex__() takes exactly one argument (\(max(0, args.count - 1)) given)") }
            return try self.objectReduceEx(args[0])
        }
        // object.__setattr__ / object.__delattr__: the plain attribute store, for a class whose
        // own __setattr__ defers to it (setAttribute skips these when they are the class's).
        classes.object.namespace["__setattr__"] = builtin("__setattr__") { [unowned self] args, kwargs in
            guard args.count == 3, kwargs.isEmpty, case .str(let name) = args[1] else {
                throw self.rt.error(.TypeError, "expected 3 arguments, got \(args.count)")
            }
            try self.plainSetAttribute(args[0], name, args[2])
            return .none
        }
        classes.object.namespace["__delattr__"] = builtin("__delattr__") { [unowned self] args, kwargs in
            guard args.count == 2, kwargs.isEmpty, case .str(let name) = args[1] else {
                throw self.rt.error(.TypeError, "expected 2 arguments, got \(args.count)")
            }
            try self.plainDeleteAttribute(args[0], name)
            return .none
        }
        let notImplemented = NativeObject(runtime: rt, cls: classes.object)
        notImplemented.reprBody = { "NotImplemented" }
        b["NotImplemented"] = .object(notImplemented)
        // `...`: one object, its type `ellipsis` (Objects/sliceobject.c).
        let ellipsis = NativeObject(runtime: rt, cls: classes.named("ellipsis"))
        ellipsis.reprBody = { "Ellipsis" }
        b["Ellipsis"] = .object(ellipsis)
        b["__name__"] = .str("builtins")
        installCoreFunctions()
        installSequenceFunctions()
        installAsyncIterationFunctions()
        installIntrospectionFunctions()
        installTypeParamBuiltins()
        installSiteBuiltins()
        for (_, v) in b.items { (v.asObject as? PyBuiltin)?.isModuleFunction = true }
        installHelp()
    }

    private func installExceptionMethods() {
        let base = classes.exceptionClass(.BaseException)
        base.namespace["__init__"] = builtin("__init__") { args, _ in
            if let e = args.first?.asObject as? PyException { e.args = Array(args.dropFirst()) }
            return .none
        }
    }

    private func installCoreFunctions() {
        let b = builtins
        b["print"] = function("print") { [unowned self] a in
            let sep = try a.keyword("sep").flatMap { v -> String? in if case .none = v { return nil } else { return try self.expectStr(v, "sep") } } ?? " "
            let end = try a.keyword("end").flatMap { v -> String? in if case .none = v { return nil } else { return try self.expectStr(v, "end") } } ?? "\n"
            let text = try a.args.map { try self.str($0) }.joined(separator: sep) + end
            try self.write(text, to: a.keyword("file") ?? .none)
            return .none
        }
        b["repr"] = function("repr") { [unowned self] a in
            try a.exactly(1)
            return .str(try self.repr(a.args[0]))
        }
        b["ascii"] = function("ascii") { [unowned self] a in
            try a.exactly(1)
            return .str(Self.asciiEscaped(try self.repr(a.args[0])))
        }
        b["len"] = function("len") { [unowned self] a in
            try a.exactly(1)
            return .int(try self.length(a.args[0]))
        }
        b["abs"] = function("abs") { [unowned self] a in
            try a.exactly(1)
            switch a.args[0] {
            case .int(let i): return i == Int.min ? self.intResult(BigInt(i.magnitude)) : .int(abs(i))
            case .object(let b as PyBigInt): return self.intResult(BigInt(b.value.magnitude))
            case .bool(let x): return .int(x ? 1 : 0)
            case .float(let d): return .float(abs(d))
            case .object(let i as PyInstance):
                if let m = slotMethod(i.cls.lookup("__abs__")) { return try self.call(m, [a.args[0]]) }
                if let p = i.payload { return try self.call(self.builtins["abs"]!, [p]) }
            default: break
            }
            throw self.rt.error(.TypeError, "bad operand type for abs(): '\(self.typeName(a.args[0]))'")
        }
        // __import__ (Python/bltinmodule.c builtin___import__ → PyImport_ImportModuleLevelObject):
        // `__import__('a.b')` imports both and returns the top package `a`; with a non-empty
        // fromlist it returns `a.b` itself. ctxlab's modules have no parent package, so a
        // relative import (level > 0) fails as it does at the top level of a script.
        b["__import__"] = function("__import__") { [unowned self] a in
            try a.check(maxPositional: 5, minPositional: 1, keywords: ["name", "globals", "locals", "fromlist", "level"])
            guard case .str(let name) = a.args[0] else { throw self.rt.error(.TypeError, "module name must be a string") }
            let level = try a.get(4, "level").map { try self.expectInt($0, "__import__") } ?? 0
            if level < 0 { throw self.rt.error(.ValueError, "level must be >= 0") }
            if level > 0 {
                guard a.get(1, "globals")?.asObject is PyDict else { throw self.rt.error(.TypeError, "globals must be a dict") }
                throw self.rt.error(.ImportError, "attempted relative import with no known parent package")
            }
            if name.isEmpty { throw self.rt.error(.ValueError, "Empty module name") }
            let module = try self.importModule(name)
            if let fromlist = a.get(3, "fromlist"), try self.truthy(fromlist) { return .object(module) }
            return .object(try self.importModule(String(name.split(separator: ".", omittingEmptySubsequences: false)[0])))
        }
        b["round"] = function("round") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1, keywords: ["ndigits"])
            let x = a.args[0], nd = a.get(1, "ndigits")
            // builtin_round_impl: a Python class's __round__, called without ndigits when it is None
            if let m = self.userSlot(x, "__round__") {
                if let nd, !nd.isIdentical(.none) { return try self.call(m, [x, nd]) }
                return try self.call(m, [x])
            }
            if !self.isRealNumber(x) {
                throw self.rt.error(.TypeError, "type \(self.typeName(x)) doesn't define __round__ method")
            }
            if let i = self.bigValue(x) {
                guard let nd, !nd.isIdentical(.none) else { return self.intResult(i) }
                let n = try self.expectInt(nd, "round")
                if n >= 0 { return self.intResult(i) }
                // Round half to even at 10**-n; past the number's own digits the answer is 0
                // (CPython builds 10**-n whatever its size, which can take forever).
                let digits = Int(Double(i.magnitude.bitWidth) * 0.30103) + 2
                if n < -digits { return .int(0) }
                let unit = BigInt(10).power(-n)
                var (q, r) = i.quotientAndRemainder(dividingBy: unit)
                if r.sign == .minus && !r.isZero { q -= 1; r += unit }
                if 2 * r > unit || (2 * r == unit && !(q % 2).isZero) { q += 1 }
                return self.intResult(q * unit)
            }
            let d = try self.expectFloat(x)
            if let nd, let n = self.intValue(nd) {
                let text = try self.format(.float(d), conversion: nil, spec: ".\(max(0, n))f")
                return .float(Double(text) ?? d)
            }
            return try self.intFromDouble(d.rounded(.toNearestOrEven))
        }
        b["divmod"] = function("divmod") { [unowned self] a in
            try a.exactly(2)
            let (x, y) = (a.args[0], a.args[1])
            // nb_divmod of a Python class: __divmod__, then the other operand's __rdivmod__
            if !self.isRealNumber(x) || !self.isRealNumber(y) {
                if case .object(let i as PyInstance) = x, let m = slotMethod(i.cls.lookup("__divmod__")) {
                    let r = try self.call(m, [x, y])
                    if !self.isNotImplemented(r) { return r }
                }
                if case .object(let i as PyInstance) = y, let m = slotMethod(i.cls.lookup("__rdivmod__")) {
                    let r = try self.call(m, [y, x])
                    if !self.isNotImplemented(r) { return r }
                }
                throw self.rt.error(.TypeError, "unsupported operand type(s) for divmod(): '\(self.typeName(x))' and '\(self.typeName(y))'")
            }
            return self.tuple([try self.binaryOp(.floorDiv, x, y), try self.binaryOp(.mod, x, y)])
        }
        b["pow"] = function("pow") { [unowned self] a in
            try a.check(maxPositional: 3, minPositional: 2, keywords: ["base", "exp", "mod"])
            let base = a.get(0, "base")!, exp = a.get(1, "exp")!
            if let mod = a.get(2, "mod"), !mod.isIdentical(.none) {
                // ternary nb_power of a Python class: base.__pow__(exp, mod), then (3.14)
                // exp.__rpow__(base, mod)
                if base.asObject is PyInstance || exp.asObject is PyInstance || mod.asObject is PyInstance {
                    if case .object(let i as PyInstance) = base, let m = slotMethod(i.cls.lookup("__pow__")) {
                        let r = try self.call(m, [base, exp, mod])
                        if !self.isNotImplemented(r) { return r }
                    }
                    if case .object(let i as PyInstance) = exp, let m = slotMethod(i.cls.lookup("__rpow__")) {
                        let r = try self.call(m, [exp, base, mod])
                        if !self.isNotImplemented(r) { return r }
                    }
                }
                return try self.modularPow(base, exp, mod)
            }
            return try self.binaryOp(.pow, base, exp)
        }
        b["chr"] = function("chr") { [unowned self] a in
            try a.exactly(1)
            let code = try self.intValue(a.args[0]) ?? (self.isBigInt(a.args[0]) ? -1 : self.expectInt(a.args[0], "chr"))
            guard let s = UInt32(exactly: code).flatMap(Unicode.Scalar.init) else {
                throw self.rt.error(.ValueError, "chr() arg not in range(0x110000)")
            }
            return .str(String(Character(s)))
        }
        b["ord"] = function("ord") { [unowned self] a in
            try a.exactly(1)
            guard case .str(let s) = self.payload(of: a.args[0]) ?? a.args[0], s.unicodeScalars.count == 1 else {
                throw self.rt.error(.TypeError, "ord() expected a character")
            }
            return .int(Int(s.unicodeScalars.first!.value))
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
            b[name] = function(name) { [unowned self] a in
                try a.exactly(1)
                if case .object(let b as PyBigInt) = a.args[0] {
                    return .str((b.value.sign == .minus ? "-" : "") + prefix + String(b.value.magnitude, radix: radix))
                }
                let i = try self.expectInt(a.args[0], name)
                return .str((i < 0 ? "-" : "") + prefix + String(i.magnitude, radix: radix))
            }
        }
        b["format"] = function("format") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1)
            return .str(try self.format(a.args[0], conversion: nil, spec: a.args.count > 1 ? try self.expectStr(a.args[1], "format_spec") : ""))
        }
        b["hash"] = function("hash") { [unowned self] a in
            try a.exactly(1)
            return .int(try self.hash(a.args[0]))
        }
        b["id"] = function("id") { a in
            try a.exactly(1)
            if case .object(let o) = a.args[0] { return .int(o.address) }
            return .int(0x7f00_0000_0000 &+ ((try? HashKey(a.args[0], a.rt).hashValue) ?? 0) & 0xffff)
        }
        b["input"] = function("input") { [unowned self] _ in
            throw self.rt.error(.NotImplementedError, "input() is not supported by ctxlab")
        }
        b["open"] = function("open") { [unowned self] _ in
            throw self.rt.error(.NotImplementedError, "open() (files) is not supported by ctxlab")
        }
    }

    /// `print(..., file=f)`: standard output, standard error, or an object with `write`.
    func write(_ text: String, to file: Value) throws {
        switch file {
        case .none:
            // print(file=None) writes to sys.stdout as it is now (contextlib.redirect_stdout),
            // nothing when it is None.
            guard let stdout = modules["sys"]?.namespace["stdout"] else { return rt.write(text, false) }
            if stdout.isIdentical(.none) { return }
            try write(text, to: stdout)
        case .object(let n as NativeObject) where n.attributes["__stream__"] != nil:
            rt.write(text, n.attributes["__stream__"]!.isIdentical(.int(2)))
        default: _ = try call(try getAttribute(file, "write"), [.str(text)])
        }
    }

    func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.codePointCount
        case .object(let o):
            switch o {
            case let l as PyList:
                if l.subclass != nil, let m = subclassSlot(v, "__len__") { return try userLength(m, v) }
                return l.items.count
            case let t as PyTuple: return t.items.count
            case let d as PyDict:
                if d.subclass != nil, let m = subclassSlot(v, "__len__") { return try userLength(m, v) }
                return d.storage.count
            case let s as PySet: return s.storage.count
            case let r as PyRange:
                guard let n = r.exactCount else { throw rt.error(.OverflowError, "Python int too large to convert to C ssize_t") }
                return n
            case let b as PyBytes: return b.bytes.count
            case let c as Context: return c.count
            case let it as PyIterator where it.remaining != nil: return it.remaining!()
            case let i as PyInstance:
                if let m = slotMethod(i.cls.lookup("__len__")) { return try userLength(m, v) }
                if let p = i.payload { return try length(p) }
            case let c as PyClass:
                if let m = metaSlot(c, "__len__") { return try userLength(m, v) }
            case let n as NativeObject:
                if let m = n.attributes["__len__"] { return try expectInt(call(m, []), "len") }
            default: break
            }
        default: break
        }
        throw rt.error(.TypeError, "object of type '\(typeName(v))' has no len()")
    }

    /// slot_sq_length: a class's `__len__(v)`, which must give an int >= 0.
    func userLength(_ m: Value, _ v: Value) throws -> Int {
        let n = try expectInt(call(m, [v]), "len")
        if n < 0 { throw rt.error(.ValueError, "__len__() should return >= 0") }
        return n
    }

    /// `hash(v)`: CPython's values for ints, bools and tuples of them; a stable hash for strings
    /// (CPython randomises those per process).
    func hash(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0x7f00_0000_1000 >> 4
        case .bool(let b): return b ? 1 : 0
        case .int(let i):
            // CPython reduces modulo the Mersenne prime 2**61 - 1, keeping the sign.
            let m: UInt = 2_305_843_009_213_693_951
            let r = Int(i.magnitude % m)
            let signed = i >= 0 ? r : -r
            return signed == -1 ? -2 : signed
        case .float(let d): return floatHash(d)
        case .str(let s):
            return bytesHash(Array(s.utf8))
        case .object(let o):
            if let t = o as? PyTuple { return try tupleHash(t.items) }
            if let b = o as? PyBigInt { return PyBigInt.hash(b.value) }
            if let b = o as? PyBytes { return bytesHash(b.bytes) }
            // `ga_hash`: the origin's hash ^ the arguments'; `union_hash`: a frozenset's (order-free).
            if let g = o as? PyGenericAlias { return try hash(g.origin) ^ tupleHash(g.args) }
            if let u = o as? PyUnionType { return try u.args.reduce(0) { $0 ^ (try hash($1)) } }
            if let n = o as? NativeObject, let key = n.hashKey { return key }
            if let w = o as? PyWeakRef {
                // weakref_hash: the referent's hash, kept; a reference that died unhashed refuses.
                if let h = w.cachedHash { return h }
                guard let t = w.target else { throw rt.error(.TypeError, "weak object has gone away") }
                let h = try hash(.object(t))
                w.cachedHash = h
                return h
            }
            if case .object(let i as PyInstance) = v, let m = slotMethod(i.cls.lookup("__hash__")), !m.isIdentical(.none) {
                return try expectInt(call(m, [v]), "hash")
            }
            if let p = payload(of: v) { return try hash(p) }
            _ = try HashKey(v, rt)  // raises "unhashable type"
            return o.address >> 4
        }
    }

    /// A stable hash for str and bytes (CPython randomises those per process; an ASCII str and
    /// the equal bytes hash alike, as there).
    private func bytesHash(_ bytes: [UInt8]) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let r = Int(truncatingIfNeeded: h)
        return r == -1 ? -2 : r
    }

    /// CPython's `_Py_HashDouble`: equal to the hash of an equal int, reduced modulo 2**61 - 1.
    private func floatHash(_ d: Double) -> Int {
        if d.isNaN { return 0 }  // CPython hashes a NaN by identity
        if d.isInfinite { return d > 0 ? 314_159 : -314_159 }
        let bits = 61, modulus: UInt64 = (1 << 61) - 1
        var m = d.significand / 2, e = Int(d.exponent) + 1  // frexp: d == m * 2**e, 0.5 <= |m| < 1
        if d == 0 { return 0 }
        let sign = d < 0 ? -1 : 1
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> (bits - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt64(e)) & modulus) | x >> UInt64(bits - e)
        let r = Int(x) * sign
        return r == -1 ? -2 : r
    }

    /// CPython's `tuplehash` (xxHash-based), 64-bit.
    private func tupleHash(_ items: [Value]) throws -> Int {
        let p1: UInt64 = 11_400_714_785_074_694_791, p2: UInt64 = 14_029_467_366_897_019_727
        let p5: UInt64 = 2_870_177_450_012_600_261
        var acc = p5
        for item in items {
            let lane = UInt64(bitPattern: Int64(try hash(item)))
            acc = acc &+ lane &* p2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* p1
        }
        acc = acc &+ (UInt64(items.count) ^ (p5 ^ 3_527_539))
        if acc == UInt64.max { return 1_546_275_796 }
        return Int(Int64(bitPattern: acc))
    }
}

extension Interpreter {
    /// `ascii()`'s rule: every non-ASCII character of a repr as `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
    static func asciiEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                out.unicodeScalars.append(scalar)
            } else {
                let (prefix, width) = v < 0x100 ? ("\\x", 2) : v < 0x10000 ? ("\\u", 4) : ("\\U", 8)
                let hex = String(v, radix: 16)
                out += prefix + String(repeating: "0", count: width - hex.count) + hex
            }
        }
        return out
    }
}

extension Interpreter {
    /// An int, bool or float, or an instance of a subclass of one: what the numeric builtins
    /// (divmod, round) handle natively.
    func isRealNumber(_ v: Value) -> Bool {
        switch payload(of: v) ?? v {
        case .int, .bool, .float, .object(is PyBigInt): return true
        default: return false
        }
    }
}
