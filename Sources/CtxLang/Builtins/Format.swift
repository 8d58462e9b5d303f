import CtxCore
#if canImport(Glibc)
import Glibc
#endif

/// `format(value, spec)`: Python's format-spec mini-language for str, int and float.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String) throws {
        var chars = Array(spec)[...]
        if chars.count >= 2, "<>=^".contains(chars[chars.startIndex + 1]) {
            fill = chars.removeFirst()
            align = chars.removeFirst()
        } else if let c = chars.first, "<>=^".contains(c) {
            align = chars.removeFirst()
        }
        if let c = chars.first, "+- ".contains(c) { sign = chars.removeFirst() }
        if chars.first == "#" {
            alternate = true
            chars.removeFirst()
        }
        if chars.first == "0" {
            zeroPad = true
            chars.removeFirst()
        }
        var digits = ""
        while let c = chars.first, c.isNumber { digits.append(chars.removeFirst()) }
        guard let w = digits.isEmpty ? 0 : Int(digits) else { throw FormatError.invalid("Too many decimal digits in format string") }
        width = w
        if let c = chars.first, c == "," || c == "_" { grouping = chars.removeFirst() }
        if chars.first == "." {
            chars.removeFirst()
            var p = ""
            while let c = chars.first, c.isNumber { p.append(chars.removeFirst()) }
            guard !p.isEmpty else { throw FormatError.invalid("Format specifier missing precision") }
            guard let n = Int(p) else { throw FormatError.invalid("Too many decimal digits in format string") }
            precision = n
        }
        if !chars.isEmpty { type = chars.removeFirst() }
        if !chars.isEmpty { throw FormatError.invalidSpecifier }
    }
}

enum FormatError: Error {
    case invalid(String)
    /// "Invalid format specifier '…' for object of type '…'" (the spec has characters past its type)
    case invalidSpecifier
}

extension Interpreter {
    /// `f"{v!conv:spec}"` and `format(v, spec)`.
    func format(_ v: Value, conversion: Character?, spec: String) throws -> String {
        var value = v
        switch conversion {
        case "r": value = .str(try repr(v))
        case "s": value = .str(try str(v))
        case "a": value = .str(asciiEscaped(try repr(v)))
        default: break
        }
        if case .object(let i as PyInstance) = value, let m = slotMethod(i.cls.lookup("__format__")) {
            return try str(call(m, [value, .str(spec)]))
        }
        if let p = payload(of: value) { return try format(p, conversion: nil, spec: spec) }
        if spec.isEmpty { return try str(value) }
        switch value {
        case .str, .int, .bool, .float, .object(is PyBigInt): break
        default:  // object.__format__ refuses any spec
            throw unsupportedFormat(value)
        }
        let s: FormatSpec
        do { s = try FormatSpec(spec) } catch FormatError.invalid(let m) {
            throw rt.error(.ValueError, m)
        } catch FormatError.invalidSpecifier {
            throw rt.error(.ValueError, "Invalid format specifier '\(spec)' for object of type '\(typeName(value))'")
        }
        switch value {
        case .str(let text):
            if let t = s.type, t != "s" { throw unknownCode(t, "str") }
            var body = text
            if let p = s.precision { body = String(String.UnicodeScalarView(body.unicodeScalars.prefix(p))) }
            return try pad(body, s, defaultAlign: "<")
        case .int, .bool:
            let i = intValue(value)!
            if let t = s.type, "eEfFgG%".contains(t) { return try formatFloat(Double(i), s) }
            return try formatInt(i, s)
        case .object(let b as PyBigInt):
            if let t = s.type, "eEfFgG%".contains(t) { return try formatFloat(try bigToDouble(b.value), s) }
            return try formatInt(b.value, s)
        case .float(let d): return try formatFloat(d, s)
        default:
            throw unsupportedFormat(value)
        }
    }

    /// object.__format__'s refusal of a non-empty spec.
    private func unsupportedFormat(_ value: Value) -> PyException {
        rt.error(.TypeError, "unsupported format string passed to \(typeName(value)).__format__")
    }

    private func unknownCode(_ t: Character, _ type: String) -> PyException {
        rt.error(.ValueError, "Unknown format code '\(t)' for object of type '\(type)'")
    }

    private func formatInt<T: BinaryInteger>(_ i: T, _ s: FormatSpec) throws -> String {
        var digits: String
        switch s.type {
        case nil, "d", "n": digits = String(i.magnitude)
        case "x": digits = String(i.magnitude, radix: 16)
        case "X": digits = String(i.magnitude, radix: 16).uppercased()
        case "o": digits = String(i.magnitude, radix: 8)
        case "b": digits = String(i.magnitude, radix: 2)
        case "c":
            guard let u = UInt32(exactly: i).flatMap(Unicode.Scalar.init) else {
                throw rt.error(.OverflowError, "%c arg not in range(0x110000)")
            }
            return try pad(String(Character(u)), s, defaultAlign: "<")
        case let t?: throw unknownCode(t, "int")
        }
        if let g = s.grouping { digits = group(digits, g, every: s.type == nil || s.type == "d" ? 3 : 4) }
        var prefix = ""
        if s.alternate, let t = s.type, "xXob".contains(t) { prefix = "0" + String(t) }
        return try signAndPad(i < 0, prefix + digits, s)
    }

    private func formatFloat(_ d: Double, _ s: FormatSpec) throws -> String {
        var body: String
        let m = abs(d)
        switch s.type {
        case "f", "F": body = cFormat(m, "f", s.precision ?? 6)
        case "e", "E": body = cFormat(m, s.type == "e" ? "e" : "E", s.precision ?? 6)
        case "g", "G": body = cFormat(m, s.type == "g" ? "g" : "G", s.precision ?? 6)
        case "%": body = cFormat(m * 100, "f", s.precision ?? 6) + "%"
        case nil:
            if let p = s.precision {
                body = cFormat(m, "g", p)
                if !body.contains(".") && !body.contains("e") && !body.contains("n") && !body.contains("i") { body += ".0" }
            } else {
                body = FloatRepr.repr(m)
            }
        case let t?: throw unknownCode(t, "float")
        }
        if m.isNaN { body = "nan" } else if m.isInfinite { body = "inf" }
        if let g = s.grouping {
            let parts = body.split(separator: ".", maxSplits: 1)
            body = group(String(parts[0]), g, every: 3) + (parts.count > 1 ? "." + parts[1] : "")
        }
        return try signAndPad(d.sign == .minus && !d.isNaN, body, s)
    }

    private func cFormat(_ d: Double, _ conv: String, _ precision: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let fmt = "%.\(precision)\(conv)"
        let written = withVaList([d]) { vsnprintf(&buffer, 512, fmt, $0) }
        let bytes = buffer.prefix(min(max(0, Int(written)), 511)).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func group(_ digits: String, _ sep: Character, every n: Int) -> String {
        var out: [Character] = []
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % n == 0 { out.append(sep) }
            out.append(c)
        }
        return String(out.reversed())
    }

    private func signAndPad(_ negative: Bool, _ body: String, _ s: FormatSpec) throws -> String {
        let sign = negative ? "-" : (s.sign == "+" ? "+" : (s.sign == " " ? " " : ""))
        if s.zeroPad && s.align == nil {
            return sign + (try padding("0", s.width - sign.count - body.count)) + body
        }
        if s.align == "=" {
            return sign + (try padding(String(s.fill), s.width - sign.count - body.count)) + body
        }
        return try pad(sign + body, s, defaultAlign: ">")
    }

    /// `body` padded to the spec's width (sized first: a huge width is MemoryError).
    func pad(_ body: String, _ s: FormatSpec, defaultAlign: Character) throws -> String {
        let n = s.width - body.codePointCount
        guard n > 0 else { return body }
        let fill = s.zeroPad && s.align == nil ? "0" : String(s.fill)
        switch s.align ?? defaultAlign {
        case "<": return body + (try padding(fill, n))
        case "^": return (try padding(fill, n / 2)) + body + (try padding(fill, n - n / 2))
        default: return (try padding(fill, n)) + body
        }
    }

    func asciiEscaped(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            if u.isASCII { out.unicodeScalars.append(u) } else { out += StringRepr.escape(u) }
        }
        return out
    }
}

extension String {
    func replacingOccurrences(_ a: Character, _ b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }
}
