import CtxCore

extension Interpreter {
    func strMethod(_ s: String, _ name: String) -> Value? {
        let owner = Value.str(s)
        // str's methods take a str subclass's instance as the str it carries (`s.split(sep)`).
        func m(_ body: @escaping (Arguments) throws -> Value) -> Value {
            method(name, of: owner) { [unowned self] a in try body(a.unwrappingPayloads(self)) }
        }
        switch name {
        case "upper": return m { _ in .str(s.uppercased()) }
        case "lower": return m { _ in .str(s.lowercased()) }
        case "title":
            // do_title: a cased code point after a cased one is lowercased, else titlecased.
            return m { a in
                try a.exactly(0)
                var out = String.UnicodeScalarView()
                var previousCased = false
                for c in s.unicodeScalars {
                    let p = c.properties
                    let mapped = previousCased ? p.lowercaseMapping : p.titlecaseMapping
                    out.append(contentsOf: mapped.unicodeScalars)
                    previousCased = p.isUppercase || p.isLowercase || p.generalCategory == .titlecaseLetter
                }
                return .str(String(out))
            }
        case "capitalize":
            // do_capitalize (3.8+): the first code point titlecased, the rest lowercased.
            return m { a in
                try a.exactly(0)
                var out = String.UnicodeScalarView()
                for (i, c) in s.unicodeScalars.enumerated() {
                    out.append(contentsOf: (i == 0 ? c.properties.titlecaseMapping : c.properties.lowercaseMapping).unicodeScalars)
                }
                return .str(String(out))
            }
        case "maketrans": return function("maketrans") { [unowned self] a in try self.strMaketrans(a) }
        case "translate":
            // unicode_translate: each code point looked up in the table (by its ordinal, with
            // __getitem__); LookupError keeps it, None drops it, an int or a str replaces it.
            return m { [unowned self] a in
                try a.exactly(1)
                let table = a.args[0]
                var out = String.UnicodeScalarView()
                for c in s.unicodeScalars {
                    let mapped: Value
                    do {
                        mapped = try self.getItem(table, .int(Int(c.value)))
                    } catch let e as PyException where e.isInstance(of: .LookupError) {
                        out.append(c)
                        continue
                    }
                    switch mapped {
                    case .none: continue
                    case .str(let r): out.append(contentsOf: r.unicodeScalars)
                    default:
                        guard let i = self.intValue(mapped) else {
                            throw self.rt.error(.TypeError, "character mapping must return integer, None or str")
                        }
                        guard i >= 0, i <= 0x10FFFF, let u = Unicode.Scalar(UInt32(i)) else {
                            throw self.rt.error(.ValueError, "character mapping must be in range(0x110000)")
                        }
                        out.append(u)
                    }
                }
                return .str(String(out))
            }
        case "swapcase":
            // do_swapcase: each code point's full mapping (ß → SS), by code point, not Character.
            return m { a in
                try a.exactly(0)
                var out = String.UnicodeScalarView()
                for c in s.unicodeScalars {
                    let p = c.properties
                    if p.isUppercase { out.append(contentsOf: p.lowercaseMapping.unicodeScalars) }
                    else if p.isLowercase { out.append(contentsOf: p.uppercaseMapping.unicodeScalars) }
                    else { out.append(c) }
                }
                return .str(String(out))
            }
        case "strip", "lstrip", "rstrip":
            return m { [unowned self] a in
                try a.check(maxPositional: 1)
                // do_strip / do_argstrip: code points; without an argument, white space.
                let chars: Set<Unicode.Scalar>? = try a.get(0).flatMap { v -> Set<Unicode.Scalar>? in
                    if case .none = v { return nil }
                    return Set(try self.expectStr(v, "strip arg").unicodeScalars)
                }
                let strip: (Unicode.Scalar) -> Bool = { c in
                    chars.map { $0.contains(c) } ?? UnicodeClass.isSpace(c.value)
                }
                var sub = Substring(s).unicodeScalars
                if name != "rstrip" { while let c = sub.first, strip(c) { sub = sub.dropFirst() } }
                if name != "lstrip" { while let c = sub.last, strip(c) { sub = sub.dropLast() } }
                return .str(String(Substring(sub)))
            }
        case "split", "rsplit":
            return m { [unowned self] a in
                try a.check(maxPositional: 2, keywords: ["sep", "maxsplit"])
                let sep = try a.get(0, "sep").flatMap { v -> String? in
                    if case .none = v { return nil }
                    guard case .str(let sep) = v else { throw self.rt.error(.TypeError, "must be str or None, not \(self.typeName(v))") }
                    return sep
                }
                let maxsplit = try a.get(1, "maxsplit").map { try self.expectInt($0, "maxsplit") } ?? -1
                if let sep { return self.list(try self.splitOn(s, sep, maxsplit, fromRight: name == "rsplit")) }
                return self.list(self.splitWhitespace(s, maxsplit, fromRight: name == "rsplit").map { .str($0) })
            }
        case "splitlines":
            // stringlib's splitlines: by code point at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85,
            // \u2028 and \u2029; keepends (any object, by truth) keeps each line's break.
            return m { [unowned self] a in
                try a.check(maxPositional: 1, keywords: ["keepends"])
                let keep = try a.get(0, "keepends").map { try self.truthy($0) } ?? false
                let scalars = Array(s.unicodeScalars)
                var lines: [Value] = []
                var i = 0
                while i < scalars.count {
                    let start = i
                    while i < scalars.count, !Interpreter.isLineBreak(scalars[i]) { i += 1 }
                    var end = i
                    if i < scalars.count {
                        i += scalars[i] == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
                        if keep { end = i }
                    }
                    lines.append(.str(String(String.UnicodeScalarView(scalars[start..<end]))))
                }
                return self.list(lines)
            }
        case "join":
            return m { [unowned self] a in
                try a.exactly(1)
                return .str(try self.joined(try self.iterate(a.args[0]), separator: s))
            }
        case "replace":
            return m { [unowned self] a in
                try a.check(maxPositional: 3, keywords: ["count"])
                guard a.args.count >= 2 else {
                    throw self.rt.error(.TypeError, "replace() takes at least 2 positional arguments (\(a.args.count) given)")
                }
                let old = try self.expectStr(a.args[0], "replace() argument 1"), new = try self.expectStr(a.args[1], "replace() argument 2")
                let count = try a.get(2, "count").map { try self.expectInt($0, "count") } ?? -1
                return .str(try self.strReplace(s, old, new, count))
            }
        case "startswith", "endswith":
            return m { [unowned self] a in try self.strTailMatch(s, name, a) }
        case "find", "index", "rfind", "rindex", "count":
            return m { [unowned self] a in try self.strFind(s, name, a) }
        case "isdigit", "isnumeric", "isdecimal", "isalpha", "isalnum", "isspace", "isupper", "islower",
             "isidentifier", "isascii":
            return m { a in try a.exactly(0); return .bool(StrPredicate(rawValue: name)!.holds(for: s)) }
        case "center", "ljust", "rjust":
            return m { [unowned self] a in
                try a.check(maxPositional: 2, minPositional: 1)
                let width = try self.expectInt(a.args[0], "width")
                let fill = try a.get(1).map { try self.expectStr($0, "fill") } ?? " "
                guard fill.codePointCount == 1 else { throw self.rt.error(.TypeError, "The fill character must be exactly one character long") }
                let length = s.codePointCount
                guard width > length else { return .str(s) }
                let margin = width - length
                // Objects/unicodeobject.c pad(): center puts the odd column on the left when
                // the width is odd too.
                let left = name == "ljust" ? 0 : name == "rjust" ? margin : margin / 2 + (margin & width & 1)
                return .str((try self.padding(fill, left)) + s + (try self.padding(fill, margin - left)))
            }
        case "zfill":
            return m { [unowned self] a in
                try a.exactly(1)
                let w = try self.expectInt(a.args[0], "width")
                let sign = s.first.map { "+-".contains($0) } == true ? String(s.first!) : ""
                let body = sign.isEmpty ? s : String(s.dropFirst())
                let length = s.codePointCount
                return .str(sign + (try self.padding("0", w > length ? w - length : 0)) + body)
            }
        case "expandtabs":
            // unicode_expandtabs: columns counted in code points, reset at \n and \r.
            return m { [unowned self] a in
                try a.check(maxPositional: 1, keywords: ["tabsize"])
                let tabsize = try a.get(0, "tabsize").map { try self.expectInt($0, "tabsize") } ?? 8
                var out = "", column = 0
                for scalar in s.unicodeScalars {
                    switch scalar {
                    case "\t":
                        guard tabsize > 0 else { continue }
                        let n = tabsize - column % tabsize
                        out += try self.padding(" ", n)
                        column += n
                    case "\n", "\r":
                        out.unicodeScalars.append(scalar)
                        column = 0
                    default:
                        out.unicodeScalars.append(scalar)
                        column += 1
                    }
                    try self.checkInterrupt()
                }
                return .str(out)
            }
        case "format":
            return m { [unowned self] a in .str(try self.strFormat(s, a.args, a.kwargs)) }
        case "encode": return m { [unowned self] a in try self.encode(s, a) }
        case "partition", "rpartition":
            return m { [unowned self] a in
                try a.exactly(1)
                guard case .str(let sep) = a.args[0] else { throw self.rt.error(.TypeError, "must be str, not \(self.typeName(a.args[0]))") }
                return try self.strPartition(s, sep, fromRight: name == "rpartition")
            }
        case "removeprefix": return m { [unowned self] a in
            let p = try self.expectStr(a.args.first ?? .none, "prefix")
            return .str(s.hasCodePointPrefix(p, in: s.startIndex..<s.endIndex) ? s.codePoints(s.codePointIndex(p.codePointCount)..<s.endIndex) : s)
        }
        case "removesuffix": return m { [unowned self] a in
            let p = try self.expectStr(a.args.first ?? .none, "suffix")
            let keep = s.codePointCount - p.codePointCount
            return .str(keep >= 0 && s.hasCodePointSuffix(p, in: s.startIndex..<s.endIndex) ? s.codePoints(s.startIndex..<s.codePointIndex(keep)) : s)
        }
        default: return nil
        }
    }

    /// `sep.join(items)`, sized first (CPython: `_PyUnicode_JoinArray`): TypeError for an item
    /// that is not a str, OverflowError when the length does not fit, MemoryError past the memory
    /// limit; both passes poll for Ctrl-C.
    func joined(_ items: [Value], separator: String) throws -> String {
        var (total, overflow) = separator.utf8.count.multipliedReportingOverflow(by: max(0, items.count - 1))
        for (i, v) in items.enumerated() {
            try checkInterrupt()
            guard case .str(let p) = payload(of: v) ?? v else {
                throw rt.error(.TypeError, "sequence item \(i): expected str instance, \(typeName(v)) found")
            }
            if !overflow { (total, overflow) = total.addingReportingOverflow(p.utf8.count) }
        }
        if overflow { throw rt.error(.OverflowError, "join() result is too long for a Python string") }
        try reserve(total, of: 1)
        var out = ""
        out.reserveCapacity(total)
        for (i, v) in items.enumerated() {
            try checkInterrupt()
            if i > 0 { out += separator }
            if case .str(let p) = payload(of: v) ?? v { out += p }
        }
        return out
    }

    /// `str.split()` / `rsplit()` without a separator: runs of whitespace, at most `maxsplit`
    /// cuts (all when negative), the rest kept verbatim after its leading (or trailing) whitespace.
    func splitWhitespace(_ s: String, _ maxsplit: Int, fromRight: Bool) -> [String] {
        if maxsplit < 0 { return s.split(whereSeparator: \.isWhitespace).map(String.init) }
        if fromRight {
            let reversed = splitWhitespace(String(s.reversed()), maxsplit, fromRight: false)
            return reversed.reversed().map { String($0.reversed()) }
        }
        var rest = Substring(s)
        var out: [String] = []
        for _ in 0..<maxsplit {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { break }
            let word = rest.prefix(while: { !$0.isWhitespace })
            out.append(String(word))
            rest = rest[word.endIndex...]
        }
        rest = rest.drop(while: \.isWhitespace)
        if !rest.isEmpty { out.append(String(rest)) }
        return out
    }

    /// `"{} {name!r:>5}".format(...)`.
    /// str.format (Objects/stringlib/unicode_format.h): MarkupIterator_next's literal text and
    /// fields, parse_field's name, conversion and spec, FieldNameIterator's `.attr` and `[key]`,
    /// auto-numbering shared with the nested fields of a spec, which is expanded to a depth of 2.
    func strFormat(_ s: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> String {
        var state = FormatState(args: args, kwargs: kwargs)
        return try formatMarkup(Array(s), depth: 2, &state)
    }

    struct FormatState {
        let args: [Value]
        let kwargs: [(String, Value)]
        var auto = 0
        var manual = false
        var automatic = false
    }

    private func formatMarkup(_ chars: [Character], depth: Int, _ state: inout FormatState) throws -> String {
        if depth <= 0 { throw rt.error(.ValueError, "Max string recursion exceeded") }
        var out = "", i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "}" {
                guard i + 1 < chars.count, chars[i + 1] == "}" else {
                    throw rt.error(.ValueError, "Single '}' encountered in format string")
                }
                out.append("}"); i += 2; continue
            }
            guard c == "{" else { out.append(c); i += 1; continue }
            if i + 1 < chars.count, chars[i + 1] == "{" { out.append("{"); i += 2; continue }
            if i + 1 >= chars.count { throw rt.error(.ValueError, "Single '{' encountered in format string") }
            out += try formatField(chars, from: i + 1, depth: depth, &state, end: &i)
        }
        return out
    }

    /// One replacement field from `start` (after its '{'): the name runs to '}', '!' or ':'
    /// (a '[...]' key may hold any of them), then a conversion character, then a spec whose
    /// braces balance; `end` is left after the field's '}'.
    private func formatField(_ chars: [Character], from start: Int, depth: Int, _ state: inout FormatState,
                             end: inout Int) throws -> String {
        var k = start
        while k < chars.count, !"}!:".contains(chars[k]) {
            if chars[k] == "{" { throw rt.error(.ValueError, "unexpected '{' in field name") }
            if chars[k] == "[" {
                while k < chars.count, chars[k] != "]" { k += 1 }
            }
            if k < chars.count { k += 1 }
        }
        guard k < chars.count else { throw rt.error(.ValueError, "expected '}' before end of string") }
        let name = Array(chars[start..<k])
        var delimiter = chars[k]
        k += 1
        var conversion: Character?
        if delimiter == "!" {
            guard k < chars.count else {
                throw rt.error(.ValueError, "end of string while looking for conversion specifier")
            }
            conversion = chars[k]
            k += 1
            guard k < chars.count else { throw rt.error(.ValueError, "unmatched '{' in format spec") }
            delimiter = chars[k]
            k += 1
            if delimiter != ":" && delimiter != "}" {
                throw rt.error(.ValueError, "expected ':' after conversion specifier")
            }
        }
        var spec: [Character] = [], nested = false
        if delimiter == ":" {
            var count = 1
            let specStart = k
            while true {
                guard k < chars.count else { throw rt.error(.ValueError, "unmatched '{' in format spec") }
                if chars[k] == "{" { count += 1; nested = true }
                if chars[k] == "}" { count -= 1; if count == 0 { break } }
                k += 1
            }
            spec = Array(chars[specStart..<k])
            k += 1
        }
        end = k
        let value = try formatFieldValue(name, &state)
        if let conversion, !"rsa".contains(conversion) {
            throw rt.error(.ValueError, "Unknown conversion specifier \(conversion)")
        }
        let specText = nested ? try formatMarkup(spec, depth: depth - 1, &state) : String(spec)
        return try format(value, conversion: conversion, spec: specText)
    }

    /// get_field_object and FieldNameIterator: the argument a field names, then its `.attr`
    /// and `[key]` parts.
    private func formatFieldValue(_ name: [Character], _ state: inout FormatState) throws -> Value {
        var k = 0
        while k < name.count, name[k] != ".", name[k] != "[" { k += 1 }
        let first = String(name[..<k])
        var value: Value
        if first.isEmpty {
            if state.manual {
                throw rt.error(.ValueError, "cannot switch from manual field specification to automatic field numbering")
            }
            state.automatic = true
            value = try formatPositional(state.auto, state.args)
            state.auto += 1
        } else if first.allSatisfy({ $0.isASCII && $0.isNumber }) {
            if state.automatic {
                throw rt.error(.ValueError, "cannot switch from automatic field numbering to manual field specification")
            }
            state.manual = true
            guard let n = Int(first) else { throw rt.error(.ValueError, "Too many decimal digits in format string") }
            value = try formatPositional(n, state.args)
        } else {
            guard let kv = state.kwargs.first(where: { $0.0 == first }) else {
                throw PyException(runtime: rt, .KeyError, args: [.str(first)])
            }
            value = kv.1
        }
        while k < name.count {
            if name[k] == "." {
                var e = k + 1
                while e < name.count, name[e] != ".", name[e] != "[" { e += 1 }
                let attr = String(name[(k + 1)..<e])
                if attr.isEmpty { throw rt.error(.ValueError, "Empty attribute in format string") }
                value = try getAttribute(value, attr)
                k = e
            } else if name[k] == "[" {
                guard let close = name[(k + 1)...].firstIndex(of: "]") else {
                    throw rt.error(.ValueError, "Missing ']' in format string")
                }
                let keyText = String(name[(k + 1)..<close])
                if keyText.isEmpty { throw rt.error(.ValueError, "Empty attribute in format string") }
                let key: Value = keyText.allSatisfy({ $0.isASCII && $0.isNumber }) ? (Int(keyText).map(Value.int) ?? .str(keyText)) : .str(keyText)
                value = try getItem(value, key)
                k = close + 1
                if k < name.count, name[k] != ".", name[k] != "[" {
                    throw rt.error(.ValueError, "Only '.' or '[' may follow ']' in format field specifier")
                }
            } else {
                throw rt.error(.ValueError, "Only '.' or '[' may follow ']' in format field specifier")
            }
        }
        return value
    }

    private func formatPositional(_ n: Int, _ args: [Value]) throws -> Value {
        guard n < args.count else {
            throw rt.error(.IndexError, "Replacement index \(n) out of range for positional args tuple")
        }
        return args[n]
    }
}

extension String {
    /// Splits on every occurrence of `sep` (which is not empty).
    func components(separatedBy sep: String) -> [String] {
        var parts: [String] = [], rest = Substring(self)
        while let r = rest.range(of: sep) {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

extension StringProtocol {
    func range(of needle: String, backwards: Bool = false) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var i = backwards ? index(endIndex, offsetBy: -needle.count, limitedBy: startIndex) : startIndex
        while let at = i {
            if self[at...].hasPrefix(needle) { return at..<index(at, offsetBy: needle.count) }
            if backwards {
                i = at == startIndex ? nil : index(before: at)
            } else {
                i = at == endIndex ? nil : index(after: at)
            }
        }
        return nil
    }
}

extension Interpreter {
    /// Py_UNICODE_ISLINEBREAK: the code points str.splitlines breaks at.
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

extension Interpreter {
    /// str.maketrans (unicode_maketrans_impl): a dict from ordinals, out of one dict or two
    /// strings of equal length and a third of characters to delete.
    func strMaketrans(_ a: Arguments) throws -> Value {
        try a.check(maxPositional: 3, minPositional: 1)
        let d = PyDict(runtime: rt)
        if a.args.count == 1 {
            guard case .object(let source as PyDict) = a.args[0] else {
                throw rt.error(.TypeError, "if you give only one argument to maketrans it must be a dict")
            }
            for (k, v) in source.storage {
                switch k.value {
                case .int: d.storage[k] = v
                case .str(let key):
                    let scalars = Array(key.unicodeScalars)
                    guard scalars.count == 1 else { throw rt.error(.ValueError, "string keys in translate table must be of length 1") }
                    d.storage[try HashKey(.int(Int(scalars[0].value)), rt)] = v
                default: throw rt.error(.TypeError, "keys in translate table must be strings or integers")
                }
            }
            return .object(d)
        }
        guard case .str(let x) = a.args[0] else {
            throw rt.error(.TypeError, "first maketrans argument must be a string if there is a second argument")
        }
        guard case .str(let y) = a.args[1] else { throw rt.error(.TypeError, "maketrans() argument 2 must be str, not \(typeName(a.args[1]))") }
        let xs = Array(x.unicodeScalars), ys = Array(y.unicodeScalars)
        guard xs.count == ys.count else { throw rt.error(.ValueError, "the first two maketrans arguments must have equal length") }
        for (c, r) in zip(xs, ys) { d.storage[try HashKey(.int(Int(c.value)), rt)] = .int(Int(r.value)) }
        if a.args.count == 3 {
            guard case .str(let z) = a.args[2] else { throw rt.error(.TypeError, "maketrans() argument 3 must be str, not \(typeName(a.args[2]))") }
            for c in z.unicodeScalars { d.storage[try HashKey(.int(Int(c.value)), rt)] = Value.none }
        }
        return .object(d)
    }
}
