import BigInt
import CtxCore

/// Ints to and from text, with CPython's rules (`Objects/longobject.c` `PyLong_FromString`,
/// `long_to_decimal_string`) and its limit on decimal digits (3.11+, PEP 651's follow-up
/// gh-95778: `sys.set_int_max_str_digits`), which also keeps a quadratic conversion from
/// freezing the session.
enum IntText {
    // The limit itself (`sys.get_int_max_str_digits()`, 0 meaning none) is per runtime:
    // `Runtime.intMaxStrDigits`; the functions below are given it.
    /// The smallest limit `sys.set_int_max_str_digits` accepts (other than 0).
    static let minimumLimit = 640

    static func tooManyDigits(_ count: Int?, limit maxStrDigits: Int) -> String {
        "Exceeds the limit (\(maxStrDigits) digits) for integer string conversion"
            + (count.map { ": value has \($0) digits" } ?? "")
            + "; use sys.set_int_max_str_digits() to increase the limit"
    }

    /// Decimal text of a big int, or nil when it has more digits than the limit allows. `poll`
    /// is called while a huge one is converted (the limit lifted: `str(2**(2**22))`).
    static func decimal(
        _ value: BigInt, limit maxStrDigits: Int, poll: () throws -> Void = {}
    ) rethrows -> String? {
        if maxStrDigits > 0 {
            let estimate = Double(value.magnitude.bitWidth) * 0.30102999566398120
            if estimate > Double(maxStrDigits) + 1 { return nil }
        }
        let text = value.magnitude.words.count <= 64
            ? value.description : (value.sign == .minus ? "-" : "") + (try decimalDigits(value.magnitude, poll: poll))
        let digits = text.utf8.count - (value.sign == .minus ? 1 : 0)
        return maxStrDigits > 0 && digits > maxStrDigits ? nil : text
    }

    /// The decimal digits of a magnitude, 19 at a time from the low end, as CPython's
    /// `long_to_decimal_string` takes them 9 at a time: each pass divides every word by 10**19.
    /// Quadratic like it (and like BigInt's `description`), but `poll` is called between passes
    /// so that no more than about a million word divisions go by without it.
    static func decimalDigits(_ magnitude: BigUInt, poll: () throws -> Void) rethrows -> String {
        let base: UInt = 10_000_000_000_000_000_000
        var words = Array(magnitude.words)
        while words.last == 0 { words.removeLast() }
        guard !words.isEmpty else { return "0" }
        var chunks: [UInt] = []
        chunks.reserveCapacity(words.count * 64 / 63 + 1)
        var work = 0
        while !words.isEmpty {
            var remainder: UInt = 0
            for i in stride(from: words.count - 1, through: 0, by: -1) {
                (words[i], remainder) = base.dividingFullWidth((remainder, words[i]))
            }
            while words.last == 0 { words.removeLast() }
            chunks.append(remainder)
            work += words.count
            if work >= 1 << 20 {
                work = 0
                try poll()
            }
        }
        var out = String(chunks.removeLast())
        out.reserveCapacity(out.utf8.count + chunks.count * 19)
        for chunk in chunks.reversed() {
            let text = String(chunk)
            out += String(repeating: "0", count: 19 - text.utf8.count) + text
        }
        return out
    }

    enum ParseError: Error {
        case invalid
        case tooManyDigits(Int)
        /// `stop` said so (Ctrl-C) while a long conversion ran.
        case interrupted
    }

    /// `int(text, base)`: whitespace around, a sign, a prefix (`0x`, `0o`, `0b`) when the base
    /// is 0 or matches, single underscores between digits (and right after a prefix); base 0
    /// refuses leading zeros in a non-zero decimal number.
    /// `stop` is asked between the steps of a long conversion (thousands of digits, the limit
    /// lifted by `sys.set_int_max_str_digits(0)`).
    static func parse(
        _ text: String, base: Int, limit maxStrDigits: Int, stop: () -> Bool = { false }
    ) throws(ParseError) -> BigInt {
        // `_PyUnicode_TransformDecimalAndSpaceToASCII`: any Unicode decimal digit counts.
        let trimmed = text.trimmingPythonWhitespace
        let ascii = trimmed.utf8.allSatisfy({ $0 < 0x80 }) ? String(trimmed) : String(trimmed.unicodeScalars.map { u -> Character in
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
        let lower = s.prefix(2).lowercased()  // only the prefix is looked at
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
        let m: BigUInt
        // BigUInt's parser also requires radix < 36 (a precondition: a trap for `int('z' * 20, 36)`).
        if radix == 36 || (radix & (radix - 1) != 0 && digits.count > blockParseThreshold) {
            m = try parseInBlocks(digits, radix: radix, stop: stop)
        } else {
            guard let value = BigUInt(digits, radix: radix) else { throw .invalid }
            m = value
        }
        return negative ? -BigInt(m) : BigInt(m)
    }

    /// Digits past which a radix that is not a power of two is parsed by `parseInBlocks`.
    static let blockParseThreshold = 2_000

    /// `BigUInt(digits, radix:)` divide-and-conquer style: blocks of digits that fit a word,
    /// then neighbours combined pairwise (high · radix^len(low) + low), level by level, asking
    /// `stop` between the multiplications. BigInt's own conversion is quadratic and cannot be
    /// interrupted: a million digits took minutes. CPython 3.12+ is subquadratic too (`_pylong`).
    static func parseInBlocks(_ digits: String, radix: Int, stop: () -> Bool) throws(ParseError) -> BigUInt {
        var width = 1, blockBase = UInt64(radix)  // digits per block, radix^width
        while blockBase.multipliedReportingOverflow(by: UInt64(radix)).overflow == false {
            blockBase *= UInt64(radix)
            width += 1
        }
        // Most significant first; the first block takes the odd digits so that all others are full.
        var values: [BigUInt] = []
        values.reserveCapacity(digits.utf8.count / width + 1)
        var rest = Substring(digits)
        let head = rest.count % width
        if head > 0 {
            guard let v = UInt64(rest.prefix(head), radix: radix) else { throw .invalid }
            values.append(BigUInt(v))
            rest = rest.dropFirst(head)
        }
        while !rest.isEmpty {
            guard let v = UInt64(rest.prefix(width), radix: radix) else { throw .invalid }
            values.append(BigUInt(v))
            rest = rest.dropFirst(width)
        }
        var scale = BigUInt(blockBase)  // radix^(digits in each right-hand group)
        while values.count > 1 {
            var next: [BigUInt] = []
            next.reserveCapacity(values.count / 2 + 1)
            var i = values.count % 2
            if i == 1 { next.append(values[0]) }  // the leftmost, shorter group, carried up
            while i < values.count {
                if stop() { throw .interrupted }
                next.append(values[i] * scale + values[i + 1])
                i += 2
            }
            values = next
            if values.count > 1 {
                if stop() { throw .interrupted }
                scale *= scale
            }
        }
        return values[0]
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
            return intResult(try IntText.parse(text, base: base, limit: rt.intMaxStrDigits) { [unowned self] in self.interruptRequested() })
        } catch {
            switch error {
            case .interrupted: throw PyException(runtime: rt, .KeyboardInterrupt, args: [])
            case .invalid:
                var shown = try repr(original)
                if shown.count > 200 { shown = String(shown.prefix(200)) }
                throw rt.error(.ValueError, "invalid literal for int() with base \(base): \(shown)")
            case .tooManyDigits(let n): throw rt.error(.ValueError, IntText.tooManyDigits(n, limit: rt.intMaxStrDigits))
            }
        }
    }
}
