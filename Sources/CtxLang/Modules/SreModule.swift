import CtxCore

/// `_sre`, the engine under `Lib/re.py` (CPython: `Modules/_sre/sre.c`, with the parser of
/// `Lib/re/_parser.py`): `compile(pattern, flags)` parses and compiles a str pattern
/// (Regex/RegexSyntax.swift, RegexProgram.swift) and gives a code object whose `match` runs
/// the machine (RegexMatcher.swift). The Pattern and Match types are in re.py.
extension Interpreter {
    func makeSreModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "_sre")
        let codeClass = PyClass(runtime: rt, name: "SRE_Code", module: "_sre", bases: [classes.object])
        m.namespace["MAXREPEAT"] = .int(regexMaxRepeat)
        m.namespace["MAXGROUPS"] = .int(1_073_741_823)
        // compile(pattern, flags): the code object, or (message, position) for re.error.
        m.namespace["compile"] = function("compile") { [unowned self] a in
            try a.exactly(2)
            let pattern = try self.expectStr(a.args[0], "pattern")
            let flags = try self.expectInt(a.args[1], "flags")
            let parsed: ParsedRegex
            do {
                parsed = try RegexParser.parse(pattern.unicodeScalars.map(\.value), flags: RegexFlags(rawValue: flags))
            } catch let e as RegexSyntaxError {
                if e.overflow { throw self.rt.error(.OverflowError, e.message) }
                if e.recursion { throw self.rt.error(.RecursionError, e.message) }
                return self.tuple([.str(e.message), e.position.map { .int($0) } ?? .none])
            }
            return .object(self.sreCode(RegexProgram.compile(parsed), parsed, codeClass))
        }
        return m
    }

    private func sreCode(_ program: RegexProgram, _ parsed: ParsedRegex, _ cls: PyClass) -> NativeObject {
        let code = NativeObject(runtime: rt, cls: cls)
        code.attributes["groups"] = .int(parsed.groups)
        code.attributes["flags"] = .int(parsed.flags.rawValue)
        let index = PyDict(runtime: rt)
        for (name, g) in parsed.groupNames {
            if let k = try? HashKey(.str(name), rt) { index.storage[k] = .int(g) }
        }
        code.attributes["groupindex"] = .object(index)
        // The subject of the last call, as code points: a scanner calls again and again on the
        // same string (byte-for-byte comparison, not Swift's canonical equivalence).
        var cachedText = ""
        var cachedScalars: [UInt32] = []
        func subject(_ v: Value) throws -> [UInt32] {
            let text = try self.sreSubject(v)
            if !(text.utf8.count == cachedText.utf8.count && text.utf8.elementsEqual(cachedText.utf8)) {
                cachedText = text
                cachedScalars = text.unicodeScalars.map(\.value)
            }
            return cachedScalars
        }
        func machine(_ scalars: [UInt32], _ endpos: Value) throws -> RegexMatcher {
            RegexMatcher(program: program, subject: scalars, endpos: try self.expectInt(endpos, "endpos")) { [unowned self] in
                try self.pollInterrupt()
            }
        }
        func run(_ m: inout RegexMatcher, _ mode: RegexMode, _ pos: Int, _ mustAdvance: Bool) throws -> RegexMatch? {
            do {
                return try m.run(mode, from: pos, mustAdvance: mustAdvance)
            } catch is RegexStackExhausted {
                throw self.rt.error(.MemoryError, "")
            }
        }
        // match(string, pos, endpos, mode, must_advance): None, or ((lastindex, start0, end0,
        // start1, end1, …), (text0, text1, …), (pos, endpos)), None for a group that did not
        // match, pos and endpos clamped to the string.
        code.attributes["match"] = function("match") { [unowned self] a in
            try a.exactly(5)
            let scalars = try subject(a.args[0])
            let mode: RegexMode
            switch try self.expectInt(a.args[3], "mode") {
            case 0: mode = .match
            case 1: mode = .fullmatch
            default: mode = .search
            }
            var m = try machine(scalars, a.args[2])
            let pos = try self.expectInt(a.args[1], "pos")
            guard let found = try run(&m, mode, pos, try self.truthy(a.args[4])) else { return .none }
            let n = scalars.count
            let bounds = self.tuple([.int(max(0, min(pos, n))), .int(max(0, min(try self.expectInt(a.args[2], "endpos"), n)))])
            return self.tuple([self.sreFound(found), self.sreTexts(scalars, found), bounds])
        }
        // scan(string, pos, endpos, limit): sre.c's scanner loop for findall, split and sub, a
        // search from where the last match ended, after an empty match one that may not be
        // empty at the same place; each item (found, texts, (0, len), text before the match). At most
        // `limit` matches (0: all).
        code.attributes["scan"] = function("scan") { [unowned self] a in
            try a.exactly(4)
            let scalars = try subject(a.args[0])
            var m = try machine(scalars, a.args[2])
            let limit = try self.expectInt(a.args[3], "limit")
            var pos = max(0, try self.expectInt(a.args[1], "pos"))
            let last = max(0, min(try self.expectInt(a.args[2], "endpos"), scalars.count))
            var mustAdvance = false
            var items: [Value] = []
            var previous = pos
            let whole = self.tuple([.int(0), .int(scalars.count)])
            while pos <= last, limit == 0 || items.count < limit {
                guard let found = try run(&m, .search, pos, mustAdvance) else { break }
                let (b, e) = (found.slots[0], found.slots[1])
                items.append(self.tuple([self.sreFound(found), self.sreTexts(scalars, found), whole, .str(Self.sreText(scalars, previous, b))]))
                mustAdvance = e == b
                pos = e
                previous = e
                try self.checkInterrupt()
            }
            return self.list(items)
        }
        return code
    }

    private func sreFound(_ found: RegexMatch) -> Value {
        tuple([.int(found.lastIndex)] + found.slots.map { .int($0) })
    }

    private func sreTexts(_ scalars: [UInt32], _ found: RegexMatch) -> Value {
        tuple(stride(from: 0, to: found.slots.count, by: 2).map { k in
            let (b, e) = (found.slots[k], found.slots[k + 1])
            return b < 0 || e < b ? .none : .str(Self.sreText(scalars, b, e))
        })
    }

    private static func sreText(_ scalars: [UInt32], _ b: Int, _ e: Int) -> String {
        guard b < e else { return "" }
        var v = String.UnicodeScalarView()
        for c in scalars[b..<e] { if let u = Unicode.Scalar(c) { v.append(u) } }
        return String(v)
    }

    /// The string a pattern runs on: a str (or a str subclass's value).
    private func sreSubject(_ v: Value) throws -> String {
        switch payload(of: v) ?? v {
        case .str(let s): return s
        default:
            if case .object(let o) = v, o is PyBytes {
                throw rt.error(.TypeError, "cannot use a string pattern on a bytes-like object")
            }
            throw rt.error(.TypeError, "expected string or bytes-like object, got '\(typeName(v))'")
        }
    }
}
