import BigInt
import CtxCore

/// Ints to and from text, with CPython's rules (`Objects/longobject.c` `PyLong_FromString`,
/// `long_to_decimal_string`) and its limit on decimal digits (3.11+, PEP 651's follow-up
/// gh-95778: `sys.set_int_max_str_digits`), which also keeps a quadratic conversion from
/// freezing the session.
enum IntText {
    /// `sys.get_int_max_str_digits()`: 4300 by default, 0 means no limit.
    nonisolated(unsafe) static var maxStrDigits = 4300
    /// The smallest limit `sys.set_int_max_str_digits` accepts (other than 0).
    static let minimumLimit = 640

    static func tooManyDigits(_ count: Int?) -> String {
        "Exceeds the limit (\(maxStrDigits) digits) for integer string conversion"
            + (count.map { ": value has \($0) digits" } ?? "")
            + "; use sys.set_int_max_str_digits() to increase the limit"
    }

    /// Decimal text of a big int, or nil when it has more digits than the limit allows.
    static func decimal(_ value: BigInt) -> String? {
        guard maxStrDigits > 0 else { return value.description }
        let estimate = Double(value.magnitude.bitWidth) * 0.30102999566398120
        if estimate > Double(maxStrDigits) + 1 { return nil }
        let text = value.description
        let digits = text.utf8.count - (value.sign == .minus ? 1 : 0)
        return digits > maxStrDigits ? nil : text
    }

    enum ParseError: Error {
        case invalid
        case tooManyDigits(Int)
    }

    /// `int(text, base)`: whitespace around, a sign, a prefix (`0x`, `0o`, `0b`) when the base
    /// is 0 or matches, single underscores between digits (and right after a prefix); base 0
    /// refuses leading zeros in a non-zero decimal number.
    static func parse(_ text: String, base: Int) throws(ParseError) -> BigInt {
        // `_PyUnicode_TransformDecimalAndSpaceToASCII`: any Unicode decimal digit counts.
        let ascii = String(text.trimmingPythonWhitespace.unicodeScalars.map { u -> Character in
            if u.value >= 0x80, u.properties.numericType == .decimal, let v = u.properties.numericValue {
                return Character(String(Int(v)))
            }
            return Character(u)
        })
        var s = Substring(ascii)
        var negative = false
        if let c = s.first, c == "+" || c == "-" {
            negative = c == "-"
            s = s.dropFirst()
        }
        var radix = base
        let lower = s.lowercased()
        let prefixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
        var hadPrefix = false
        for (p, r) in prefixes where lower.hasPrefix(p) && (base == 0 || base == r) {
            radix = r
            s = s.dropFirst(2)
            hadPrefix = true
            if s.first == "_" { s = s.dropFirst() }  // `0x_1f`
            break
        }
        if radix == 0 { radix = 10 }
        guard !s.isEmpty, s.first != "_", s.last != "_", !s.contains("__") else { throw .invalid }
        let digits = s.filter { $0 != "_" }
        guard digits.allSatisfy({ digitValue($0).map { $0 < radix } ?? false }) else { throw .invalid }
        if base == 0 && !hadPrefix && digits.count > 1 && digits.first == "0" && digits.contains(where: { $0 != "0" }) {
            throw .invalid
        }
        if radix & (radix - 1) != 0, maxStrDigits > 0, digits.count > maxStrDigits { throw .tooManyDigits(digits.count) }
        if let small = Int(digits, radix: radix) { return negative ? -BigInt(small) : BigInt(small) }
        guard let m = BigUInt(digits, radix: radix) else { throw .invalid }
        return negative ? -BigInt(m) : BigInt(m)
    }

    static func digitValue(_ c: Character) -> Int? {
        guard let a = c.asciiValue else { return nil }
        switch a {
        case 48...57: return Int(a) - 48
        case 97...122: return Int(a) - 87
        case 65...90: return Int(a) - 55
        default: return nil
        }
    }
}

extension String {
    /// `str.strip()` with no argument: Python's whitespace.
    var trimmingPythonWhitespace: Substring {
        let ws: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{1C}" || $0 == "\u{1D}" || $0 == "\u{1E}" || $0 == "\u{1F}" }
        var s = Substring(self)
        while let c = s.first, ws(c) { s = s.dropFirst() }
        while let c = s.last, ws(c) { s = s.dropLast() }
        return s
    }
}

extension Interpreter {
    /// `int(v, base)` and `int(str)`.
    func parseInt(_ text: String, base: Int, original: Value) throws -> Value {
        do throws(IntText.ParseError) {
            return intResult(try IntText.parse(text, base: base))
        } catch {
            switch error {
            case .invalid:
                var shown = try repr(original)
                if shown.count > 200 { shown = String(shown.prefix(200)) }
                throw rt.error(.ValueError, "invalid literal for int() with base \(base): \(shown)")
            case .tooManyDigits(let n): throw rt.error(.ValueError, IntText.tooManyDigits(n))
            }
        }
    }
}
