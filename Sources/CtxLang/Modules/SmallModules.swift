import CtxCore

/// `uuid`, `_functools`, `sys`, `time`.
extension Interpreter {
    func makeUUIDModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "uuid")
        m.namespace["UUID"] = .object(classes.uuid)
        m.namespace["uuid4"] = function("uuid4") { [unowned self] a in
            try a.exactly(0)
            var hi = self.random.next(), lo = self.random.next()
            hi = (hi & ~0xF000) | 0x4000  // version 4
            lo = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // RFC 4122 variant
            return .object(self.uuidObject(hex: hexString(hi) + hexString(lo)))
        }
        return m
    }

    func makeUUID(fromHex a: Arguments) throws -> Value {
        try a.check(maxPositional: 1, minPositional: 1, keywords: ["hex"])
        let text = try expectStr(a.args[0], "UUID").lowercased().filter { $0 != "-" && $0 != "{" && $0 != "}" }
            .replacingOccurrences(of: "urn:uuid:", with: "")
        guard text.count == 32, text.allSatisfy(\.isHexDigit) else {
            throw rt.error(.ValueError, "badly formed hexadecimal UUID string")
        }
        return .object(uuidObject(hex: text))
    }

    private func uuidObject(hex: String) -> NativeObject {
        let u = NativeObject(runtime: rt, cls: classes.uuid)
        let c = Array(hex)
        let text = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(c[$0]) }.joined(separator: "-")
        u.strBody = { text }
        u.reprBody = { "UUID('\(text)')" }
        u.attributes["hex"] = .str(hex)
        u.attributes["version"] = .int(Int(String(c[12]), radix: 16) ?? 0)
        u.equals = { other in ((other as? NativeObject)?.attributes["hex"]).map { $0.isIdentical(.str(hex)) } ?? false }
        u.hashKey = hex.hashValue
        return u
    }

    /// `_functools`, the accelerator of Lib/functools.py (CPython's Modules/_functoolsmodule.c):
    /// `partial` and `reduce`.
    func makeFunctoolsAccelerator() -> PyModule {
        let m = PyModule(runtime: rt, name: "_functools")
        m.namespace["partial"] = .object(classes.partial)
        m.namespace["reduce"] = function("reduce") { [unowned self] a in
            try a.check(maxPositional: 3, minPositional: 2)
            var items = try self.iterate(a.args[1])[...]
            guard var acc = a.args.count > 2 ? a.args[2] : items.popFirst() else {
                throw self.rt.error(.TypeError, "reduce() of empty iterable with no initial value")
            }
            for v in items { acc = try self.call(a.args[0], [acc, v]) }
            return acc
        }
        return m
    }

    /// Modules/_abc.c's handling of the collection flags, for Lib/abc.py: `_abc_init` takes a
    /// class's `__abc_tpflags__` (collections.abc's Sequence and Mapping set it) and deletes it;
    /// `_abc_register` gives a registered class (and its subclasses) the ABC's flags.
    func makeABCAccelerator() -> PyModule {
        let m = PyModule(runtime: rt, name: "_abc")
        let collection = Self.tpFlagsSequence | Self.tpFlagsMapping
        m.namespace["_init_collection_flags"] = function("_init_collection_flags") { [unowned self] a in
            try a.exactly(1)
            guard let c = a.args[0].asObject as? PyClass, c.builtin == nil, let f = c.namespace["__abc_tpflags__"] else { return .none }
            if case .int(let flags) = f, flags & collection != 0 {
                c.collectionFlags = flags & collection
            }
            c.namespace["__abc_tpflags__"] = nil
            _ = self
            return .none
        }
        m.namespace["_register_collection_flags"] = function("_register_collection_flags") { a in
            try a.exactly(2)
            guard let cls = a.args[0].asObject as? PyClass, let sub = a.args[1].asObject as? PyClass,
                  cls.collectionFlags != 0, sub.builtin == nil else { return .none }
            // set_collection_flag_recursive: only classes without a flag of their own.
            var pending = [sub]
            while let c = pending.popLast() {
                guard c.collectionFlags == 0 else { continue }
                c.collectionFlags = cls.collectionFlags
                pending += c.subclasses
            }
            return .none
        }
        return m
    }

    func makeSysModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "sys")
        let wrapper = PyClass(runtime: rt, name: "TextIOWrapper", module: "_io", bases: [classes.object])
        for (name, n) in [("stdout", 1), ("stderr", 2)] {
            let stream = NativeObject(runtime: rt, cls: wrapper)
            stream.attributes["__stream__"] = .int(n)
            stream.attributes["name"] = .str("<\(name)>")
            stream.reprBody = { "<_io.TextIOWrapper name='<\(name)>' mode='w' encoding='utf-8'>" }
            stream.attributes["write"] = function("write") { [unowned self] a in
                try a.exactly(1)
                let s = try self.expectStr(a.args[0], "write() argument")
                self.rt.write(s, n == 2)
                return .int(s.count)
            }
            stream.attributes["flush"] = function("flush") { _ in .none }
            m.namespace[name] = .object(stream)
            m.namespace["__\(name)__"] = .object(stream)
        }
        m.namespace["argv"] = list([.str(scriptArgument ?? programName)] + programArguments.map { .str($0) })
        m.namespace["warnoptions"] = list([])
        m.namespace["modules"] = .object(sysModules)
        m.namespace["version"] = .str("3.14.0 (ctxlab)")
        m.namespace["version_info"] = tuple([.int(3), .int(14), .int(0), .str("final"), .int(0)])
        m.namespace["platform"] = .str("linux")
        m.namespace["maxsize"] = .int(Int.max)
        m.namespace["exit"] = function("exit") { [unowned self] a in
            throw PyException(runtime: self.rt, .SystemExit, args: Array(a.args.prefix(1)))
        }
        m.namespace["get_int_max_str_digits"] = function("get_int_max_str_digits") { [unowned self] _ in .int(self.rt.intMaxStrDigits) }
        m.namespace["set_int_max_str_digits"] = function("set_int_max_str_digits") { [unowned self] a in
            try a.check(maxPositional: 1, minPositional: 1, keywords: ["maxdigits"])
            let n = try self.expectInt(a.get(0, "maxdigits")!, "maxdigits")
            guard n == 0 || n >= IntText.minimumLimit else {
                throw self.rt.error(.ValueError, "maxdigits must be 0 or larger than \(IntText.minimumLimit)")
            }
            self.rt.intMaxStrDigits = n
            return .none
        }
        m.namespace["getrecursionlimit"] = function("getrecursionlimit") { [unowned self] _ in .int(self.recursionLimit) }
        m.namespace["setrecursionlimit"] = function("setrecursionlimit") { [unowned self] a in
            try a.exactly(1)
            self.recursionLimit = min(try self.expectInt(a.args[0], "limit"), 20_000)
            return .none
        }
        addFrameFunctions(to: m)
        return m
    }

    func makeTimeModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "time")
        for name in ["monotonic", "perf_counter"] {
            m.namespace[name] = function(name) { [unowned self] a in
                try a.exactly(0)
                return .float(self.rt.readClock())  // a read ticks the virtual clock (VirtualClock.swift)
            }
        }
        m.namespace["time"] = function("time") { [unowned self] a in
            try a.exactly(0)
            return .float(1_767_225_600 + self.rt.readClock())  // 2026-01-01 plus the virtual clock
        }
        m.namespace["sleep"] = function("sleep") { [unowned self] a in
            try a.exactly(1)
            try self.timeSleep(try self.expectFloat(a.args[0]))  // CPython's checks: nan, inf, negative
            return .none
        }
        addTimeFormatting(to: m)
        return m
    }
}

private func hexString(_ v: UInt64) -> String {
    let h = String(v, radix: 16)
    return String(repeating: "0", count: 16 - h.count) + h
}

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        components(separatedBy: a).joined(separator: b)
    }
}
