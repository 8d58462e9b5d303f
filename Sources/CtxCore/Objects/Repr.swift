#if canImport(Glibc)
import Glibc
#endif

/// CPython's `unicode_repr`: quote choice and escapes.
public enum StringRepr {
    public static func repr(_ s: String) -> String {
        repr(s, poll: {})
    }

    /// `repr(s)` for a string of any size: `poll` is called after every 1 MiB of scalars (the
    /// language raises KeyboardInterrupt from it), so that `repr('a' * 10**9)` answers Ctrl-C.
    public static func repr(_ s: String, poll: () throws -> Void) rethrows -> String {
        let quote = quote(for: s)
        var out = String(quote)
        out.reserveCapacity(s.utf8.count + 2)
        try append(s.unicodeScalars, to: &out, quote: quote, poll: poll)
        out.unicodeScalars.append(quote)
        return out
    }

    /// The repr of the first `limit` Characters of `s`, without the closing quote (chosen for
    /// the whole string, as `repr(s)` would): what a display shows of a string too long to draw
    /// whole, in time proportional to `limit`. Nil when `s` has no more than `limit` Characters.
    public static func reprPrefix(_ s: String, limit: Int) -> String? {
        guard s.utf8.count > limit,
            let end = s.index(s.startIndex, offsetBy: limit, limitedBy: s.endIndex), end < s.endIndex
        else { return nil }
        let quote = quote(for: s)
        var out = String(quote)
        append(s[..<end].unicodeScalars, to: &out, quote: quote, poll: {})
        return out
    }

    /// `'` unless the text has a `'` and no `"` (CPython's `unicode_repr` rule). `memchr`, not
    /// a loop over the bytes: the tree asks this of a long value for every context that has it.
    private static func quote(for s: String) -> Unicode.Scalar {
        var s = s
        let (single, double) = s.withUTF8 { bytes -> (Bool, Bool) in
            guard let base = bytes.baseAddress else { return (false, false) }
            return (memchr(base, 0x27, bytes.count) != nil, memchr(base, 0x22, bytes.count) != nil)
        }
        return single && !double ? "\"" : "'"
    }

    private static func append(
        _ scalars: some Sequence<Unicode.Scalar>, to out: inout String, quote: Unicode.Scalar,
        poll: () throws -> Void
    ) rethrows {
        var sincePoll = 0
        for scalar in scalars {
            sincePoll += 1
            if sincePoll == 1 << 20 {
                sincePoll = 0
                try poll()
            }
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case quote: out += "\\" + String(quote)
            default:
                if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += escape(scalar)
                }
            }
        }
    }

    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x100 { return "\\x" + hex(v, 2) }
        if v < 0x10000 { return "\\u" + hex(v, 4) }
        return "\\U" + hex(v, 8)
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }

    /// An approximation of `Py_UNICODE_ISPRINTABLE`: controls, separators other than space,
    /// surrogates, private use and unassigned code points are not printable.
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x7F { return s.value >= 0x20 }  // ASCII: no table lookup
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
            .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}

/// CPython's `float_repr`: the shortest round-tripping digits, `repr` style ('r' format).
public enum FloatRepr {
    public static func repr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description gives the shortest round-trip digits; re-lay them out by Python's
        // rule: exponent notation when the decimal exponent is < -4 or >= 16.
        let (negative, digits, exponent) = decompose(d)
        var out = negative ? "-" : ""
        if exponent < -4 || exponent >= 16 {
            out += String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += "e" + (exponent < 0 ? "-" : "+")
            let e = String(abs(exponent))
            out += e.count < 2 ? "0" + e : e
        } else if exponent < 0 {
            out += "0." + String(repeating: "0", count: -exponent - 1) + digits
        } else if digits.count > exponent + 1 {
            let cut = digits.index(digits.startIndex, offsetBy: exponent + 1)
            out += digits[..<cut] + "." + digits[cut...]
        } else {
            out += digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
        }
        return out
    }

    /// Sign, significant digits (no leading/trailing zeros) and decimal exponent of the first digit.
    static func decompose(_ d: Double) -> (Bool, String, Int) {
        let text = "\(abs(d))"  // e.g. "0.001", "1.5e-05", "1e+16", "123.25"
        var mantissa = Substring(text), exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp = Int(String(text[text.index(after: e)...]).filter { $0 != "+" })!
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0]), frac = parts.count > 1 ? String(parts[1]) : ""
        var all = intPart + frac
        var pointPos = intPart.count + exp  // digits before the decimal point
        while all.first == "0" && all.count > 1 {
            all.removeFirst()
            pointPos -= 1
        }
        while all.last == "0" && all.count > 1 { all.removeLast() }
        return (d < 0, all, pointPos - 1)
    }
}

