/// CPython's `unicode_repr`: quote choice and escapes.
public enum StringRepr {
    public static func repr(_ s: String) -> String {
        let hasSingle = s.contains("'"), hasDouble = s.contains("\"")
        let quote: Character = hasSingle && !hasDouble ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if isPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += escape(scalar)
                }
            }
        }
        out.append(quote)
        return out
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
        if s == " " { return true }
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

