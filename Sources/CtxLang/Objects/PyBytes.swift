import CtxCore

/// A Python `bytes`: an immutable sequence of small ints, just enough for the subset (literals,
/// repr, equality, hashing, `len`, indexing, iteration, `+`, `*`, `decode`, `str.encode`).
public final class PyBytes: PyObject {
    public let bytes: [UInt8]

    init(runtime: Runtime, _ bytes: [UInt8]) {
        self.bytes = bytes
        super.init(runtime: runtime)
    }

    override public var typeName: String { "bytes" }

    /// CPython's `bytes.__repr__`: single quotes unless the value has `'` and no `"`.
    override public func repr() throws -> String { PyBytes.repr(bytes) }

    static func repr(_ bytes: [UInt8]) -> String {
        let quote: UInt8 = bytes.contains(39) && !bytes.contains(34) ? 34 : 39
        var out = "b" + String(UnicodeScalar(quote))
        let hex = Array("0123456789abcdef")
        for b in bytes {
            switch b {
            case quote, 92: out += "\\" + String(UnicodeScalar(b))
            case 9: out += "\\t"
            case 10: out += "\\n"
            case 13: out += "\\r"
            case 32..<127: out.unicodeScalars.append(UnicodeScalar(b))
            default: out += "\\x" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
            }
        }
        return out + String(UnicodeScalar(quote))
    }

    override public func pyEquals(_ other: PyObject) throws -> Bool {
        (other as? PyBytes)?.bytes == bytes
    }
}

extension ExceptionType {
    static let UnicodeDecodeError = ExceptionType("UnicodeDecodeError", base: .UnicodeError)
    static let UnicodeEncodeError = ExceptionType("UnicodeEncodeError", base: .UnicodeError)
}

extension Interpreter {
    /// The literal `b'...'`: its bytes travel as a `str` constant of scalars U+0000...U+00FF.
    func bytesLiteral(_ constant: Value) -> Value {
        guard case .str(let s) = constant else { return constant }
        return .object(PyBytes(runtime: rt, s.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
    }

    /// The codec name as CPython normalises it, or nil when ctxlab does not have that codec.
    private func codec(_ name: String) throws -> String {
        let n = name.lowercased().replacingOccurrences("_", "-")
        switch n {
        case "utf-8", "utf8", "u8", "utf": return "utf-8"
        case "ascii", "us-ascii": return "ascii"
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1": return "latin-1"
        default: throw rt.error(.LookupError, "unknown encoding: \(name)")
        }
    }

    private func encodingArguments(_ a: Arguments) throws -> (String, String) {
        try a.check(maxPositional: 2, keywords: ["encoding", "errors"])
        let encoding = try a.get(0, "encoding").map { try expectStr($0, "encode() argument 'encoding'") } ?? "utf-8"
        let errors = try a.get(1, "errors").map { try expectStr($0, "encode() argument 'errors'") } ?? "strict"
        return (try codec(encoding), errors)
    }

    /// `str.encode(encoding='utf-8', errors='strict')`.
    func encode(_ s: String, _ a: Arguments) throws -> Value {
        let (codec, errors) = try encodingArguments(a)
        return .object(PyBytes(runtime: rt, try encode(s, codec: codec, errors: errors)))
    }

    func encode(_ s: String, codec: String, errors: String) throws -> [UInt8] {
        if codec == "utf-8" { return Array(s.utf8) }
        let limit: UInt32 = codec == "ascii" ? 128 : 256
        var out: [UInt8] = []
        for (i, u) in s.unicodeScalars.enumerated() {
            if u.value < limit {
                out.append(UInt8(u.value))
            } else if errors == "ignore" {
                continue
            } else if errors == "replace" {
                out.append(63)
            } else {
                throw rt.error(.UnicodeEncodeError, "'\(codec == "ascii" ? "ascii" : "latin-1")' codec can't encode character '\(StringRepr.escape(u))' in position \(i): ordinal not in range(\(limit))")
            }
        }
        return out
    }

    /// `bytes.decode(encoding='utf-8', errors='strict')`.
    func decode(_ bytes: [UInt8], _ a: Arguments) throws -> Value {
        let (codec, errors) = try encodingArguments(a)
        switch codec {
        case "latin-1": return .str(String(String.UnicodeScalarView(bytes.map { UnicodeScalar($0) })))
        case "ascii":
            var out = String.UnicodeScalarView()
            for (i, b) in bytes.enumerated() {
                if b < 128 { out.append(UnicodeScalar(b)) } else if errors == "replace" { out.append("\u{FFFD}") } else if errors != "ignore" {
                    throw rt.error(.UnicodeDecodeError, "'ascii' codec can't decode byte 0x\(String(b, radix: 16)) in position \(i): ordinal not in range(128)")
                }
            }
            return .str(String(out))
        default:
            if let s = String(validating: bytes, as: UTF8.self) { return .str(s) }
            if errors == "replace" { return .str(String(decoding: bytes, as: UTF8.self)) }
            if errors == "ignore" {
                return .str(String(String(decoding: bytes, as: UTF8.self).filter { $0 != "\u{FFFD}" }))
            }
            let (position, reason) = PyBytes.utf8Error(bytes)
            let end = reason == "unexpected end of data" && bytes.count - position > 1 ? "s in position \(position)-\(bytes.count - 1)" : " 0x\(String(bytes[position], radix: 16)) in position \(position)"
            throw rt.error(.UnicodeDecodeError, "'utf-8' codec can't decode byte\(end): \(reason)")
        }
    }

    /// `bytes()`, `bytes(n)`, `bytes(iterable_of_ints)`, `bytes(str, encoding)`.
    func makeBytes(_ a: Arguments) throws -> Value {
        try a.check(maxPositional: 3, keywords: ["source", "encoding", "errors"])
        guard let source = a.get(0, "source") else { return .object(PyBytes(runtime: rt, [])) }
        if case .str(let s) = source {
            guard let enc = a.get(1, "encoding") else { throw rt.error(.TypeError, "string argument without an encoding") }
            let errors = try a.get(2, "errors").map { try expectStr($0, "bytes() argument 'errors'") } ?? "strict"
            return .object(PyBytes(runtime: rt, try encode(s, codec: codec(try expectStr(enc, "bytes() argument 'encoding'")), errors: errors)))
        }
        if a.get(1, "encoding") != nil { throw rt.error(.TypeError, "encoding without a string argument") }
        if let n = intValue(source) {  // CPython: bytes_new_impl
            if n < 0 { throw rt.error(.ValueError, "negative count") }
            // PyBytes_FromStringAndSize: the header must fit too; then the allocation, sized first.
            if n > Int.max - 33 { throw rt.error(.OverflowError, "byte string is too large") }
            try reserve(n, of: 1)
            return .object(PyBytes(runtime: rt, [UInt8](repeating: 0, count: n)))
        }
        if isBigInt(source) { throw rt.error(.OverflowError, "cannot fit 'int' into an index-sized integer") }
        if let b = source.asObject as? PyBytes { return .object(PyBytes(runtime: rt, b.bytes)) }
        guard (try? getIterator(source)) != nil else {
            throw rt.error(.TypeError, "cannot convert '\(typeName(source))' object to bytes")
        }
        return .object(PyBytes(runtime: rt, try iterate(source).map { v in
            guard let i = intValue(v) else { throw rt.error(.TypeError, "'\(typeName(v))' object cannot be interpreted as an integer") }
            guard (0..<256).contains(i) else { throw rt.error(.ValueError, "bytes must be in range(0, 256)") }
            return UInt8(i)
        }))
    }

    /// Methods of `bytes`.
    func bytesMethod(_ b: PyBytes, _ name: String) -> Value? {
        let owner = Value.object(b)
        switch name {
        case "decode": return method(name, of: owner) { [unowned self] a in try self.decode(b.bytes, a) }
        case "hex":
            return method(name, of: owner) { a in
                try a.exactly(0)
                return .str(b.bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
            }
        case "count", "index": return sequenceMethod(b.bytes.map { .int(Int($0)) }, name)
        case "startswith", "endswith":
            return method(name, of: owner) { [unowned self] a in
                try a.exactly(1)
                guard let p = a.args[0].asObject as? PyBytes else {
                    throw self.rt.error(.TypeError, "\(name) first arg must be bytes or a tuple of bytes, not \(self.typeName(a.args[0]))")
                }
                return .bool(name == "startswith" ? b.bytes.starts(with: p.bytes) : b.bytes.reversed().starts(with: p.bytes.reversed()))
            }
        default: return nil
        }
    }
}

extension PyBytes {
    /// The position and CPython's reason for the first invalid UTF-8 sequence.
    static func utf8Error(_ b: [UInt8]) -> (Int, String) {
        var i = 0
        while i < b.count {
            let c = b[i]
            let need: Int, lo: UInt8, hi: UInt8
            switch c {
            case 0..<0x80: i += 1; continue
            case 0xC2...0xDF: (need, lo, hi) = (1, 0x80, 0xBF)
            case 0xE0: (need, lo, hi) = (2, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (need, lo, hi) = (2, 0x80, 0xBF)
            case 0xED: (need, lo, hi) = (2, 0x80, 0x9F)
            case 0xF0: (need, lo, hi) = (3, 0x90, 0xBF)
            case 0xF1...0xF3: (need, lo, hi) = (3, 0x80, 0xBF)
            case 0xF4: (need, lo, hi) = (3, 0x80, 0x8F)
            default: return (i, "invalid start byte")
            }
            for k in 1...need {
                guard i + k < b.count else { return (i, "unexpected end of data") }
                let range = k == 1 ? lo...hi : 0x80...0xBF
                if !range.contains(b[i + k]) { return (i, "invalid continuation byte") }
            }
            i += need + 1
        }
        return (0, "invalid start byte")
    }
}
