import CtxCore

/// Numeric literals: decimal/hex/octal/binary integers with underscores, floats, and CPython's
/// errors for malformed ones. Integers beyond 64 bits become `.bigInt(decimalDigits)`.

extension Lexer {
    func isDigit(_ c: Unicode.Scalar?, radix: Int = 10) -> Bool {
        guard let c else { return false }
        switch radix {
        case 16: return c.properties.isASCIIHexDigit
        case 8: return ("0"..."7").contains(c)
        case 2: return c == "0" || c == "1"
        default: return ("0"..."9").contains(c)
        }
    }

    mutating func scanNumber() throws(LexFailure) {
        let start = i
        let startPos = pos
        let value: Constant
        var kindName = "decimal"
        if peek() == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
            kindName = x == "x" || x == "X" ? "hexadecimal" : x == "o" || x == "O" ? "octal" : "binary"
            value = try scanRadixInteger(x)
        } else {
            value = try scanDecimal(startPos)
        }
        if let c = peek(), c == "j" || c == "J" {
            throw fail("imaginary numbers are not supported by ctxlab", startPos)
        }
        try verifyEndOfNumber(kindName)
        emit(.number, text(start, i), startPos, pos)
        lexemes[lexemes.count - 1].number = value
    }

    /// Digits with single underscores between them; throws at a misplaced underscore.
    mutating func scanDigits(radix: Int, kindName: String) throws(LexFailure) -> String {
        var digits = ""
        while true {
            if let c = peek(), isDigit(c, radix: radix) {
                digits.unicodeScalars.append(c)
                i += 1
            } else if peek() == "_" {
                i += 1
                if !isDigit(peek(), radix: radix) {
                    throw fail("invalid \(kindName) literal", SourcePos(line: line, column: pos.column - 1))
                }
            } else {
                return digits
            }
        }
    }

    mutating func scanRadixInteger(_ marker: Unicode.Scalar) throws(LexFailure) -> Constant {
        let (radix, kindName): (Int, String) = switch marker {
        case "x", "X": (16, "hexadecimal")
        case "o", "O": (8, "octal")
        default: (2, "binary")
        }
        i += 2
        if peek() == "_" { i += 1 }
        let digits = try scanDigits(radix: radix, kindName: kindName)
        if let c = peek(), isDigit(c) {
            throw fail("invalid digit '\(Character(c))' in \(kindName) literal", pos)
        }
        if digits.isEmpty {
            throw fail("invalid \(kindName) literal", SourcePos(line: line, column: pos.column - 1))
        }
        if let v = Int(digits, radix: radix) { return .int(v) }
        // Turning thousands of digits into decimal here is quadratic (minutes, where no Ctrl-C
        // reaches): past `decimalDigitsLimit` the literal keeps its prefix, for `BigIntParsing`.
        if digits.utf8.count > Self.decimalDigitsLimit {
            return .bigInt((radix == 16 ? "0x" : radix == 8 ? "0o" : "0b") + digits)
        }
        return .bigInt(decimalDigits(digits, radix: radix))
    }

    /// The most digits of a hexadecimal, octal or binary literal that `decimalDigits` converts.
    static let decimalDigitsLimit = 1_000

    mutating func scanDecimal(_ startPos: SourcePos) throws(LexFailure) -> Constant {
        var text = try scanDigits(radix: 10, kindName: "decimal")
        var isFloat = false
        if peek() == "." {
            isFloat = true
            i += 1
            text += "." + (try scanDigits(radix: 10, kindName: "decimal"))
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            guard isDigit(peek(1 + sign)) else { throw fail("invalid decimal literal", startPos) }
            i += 1 + sign
            text += "e" + (sign == 1 ? String(Character(src[i - 1])) : "") + (try scanDigits(radix: 10, kindName: "decimal"))
            isFloat = true
        }
        if isFloat || peek() == "j" || peek() == "J" {
            return .float(Double(text) ?? .infinity)
        }
        if text.count > 1, text.first == "0", text.contains(where: { $0 != "0" }) {
            throw fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", startPos)
        }
        if let v = Int(text) { return .int(v) }
        let significant = text.drop(while: { $0 == "0" })
        // CPython checks the int/str digit limit when it compiles a decimal literal.
        if maxStrDigits > 0, significant.utf8.count > maxStrDigits {
            throw fail(
                IntText.tooManyDigits(significant.utf8.count, limit: maxStrDigits)
                    + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                startPos)
        }
        return .bigInt(String(significant))
    }

    /// A number must not run into an identifier (`1.real`), except for the keywords CPython
    /// tolerates (`1if x else 2`).
    func verifyEndOfNumber(_ kindName: String) throws(LexFailure) {
        guard let c = peek(), isIdentifierStart(c) else { return }
        var j = i
        while j < end, isIdentifierContinue(src[j]) { j += 1 }
        let word = text(i, j)
        let allowed = ["and", "else", "for", "if", "in", "is", "not", "or"]
        if allowed.contains(where: { word.hasPrefix($0) }) { return }
        throw fail("invalid \(kindName) literal", SourcePos(line: line, column: pos.column - 1))
    }
}

/// Converts digits in `radix` to decimal digits (for integers beyond 64 bits).
func decimalDigits(_ digits: String, radix: Int) -> String {
    // Little-endian limbs in base 10^9.
    var limbs: [UInt64] = [0]
    let base: UInt64 = 1_000_000_000
    for ch in digits {
        guard let d = ch.hexDigitValue else { continue }
        var carry = UInt64(d)
        for k in limbs.indices {
            let v = limbs[k] * UInt64(radix) + carry
            limbs[k] = v % base
            carry = v / base
        }
        while carry > 0 {
            limbs.append(carry % base)
            carry /= base
        }
    }
    var out = String(limbs.last ?? 0)
    for limb in limbs.dropLast().reversed() {
        let s = String(limb)
        out += String(repeating: "0", count: 9 - s.count) + s
    }
    return out
}
