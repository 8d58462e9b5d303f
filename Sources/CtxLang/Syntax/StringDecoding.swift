/// Decoding backslash escapes in string and bytes literals, as CPython does.

enum StringDecoding {
    /// Decodes a `str` literal body. `collapseBraces` turns `{{`/`}}` into single braces (f-string
    /// literal text). Throws CPython's message for malformed escapes.
    static func decodeStr(_ body: String, raw: Bool, collapseBraces: Bool = false) throws(EscapeDecodeError) -> String {
        let s = Array(body.unicodeScalars)
        var out = String.UnicodeScalarView()
        var k = 0
        while k < s.count {
            let c = s[k]
            if collapseBraces && (c == "{" || c == "}") && k + 1 < s.count && s[k + 1] == c {
                out.append(c)
                k += 2
            } else if c == "\\" && !raw && k + 1 < s.count {
                k = try decodeEscape(s, k, into: &out)
            } else {
                out.append(c)
                k += 1
            }
        }
        return String(out)
    }

    /// Decodes the escape starting at `s[k]` (a backslash); returns the index after it.
    static func decodeEscape(_ s: [Unicode.Scalar], _ k: Int, into out: inout String.UnicodeScalarView) throws(EscapeDecodeError) -> Int {
        let e = s[k + 1]
        if let simple = simpleEscapes[e] {
            out.append(simple)
            return k + 2
        }
        switch e {
        case "\n":
            return k + 2
        case "0"..."7":
            let (value, next) = octal(s, k + 1)
            out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            return next
        case "x", "u", "U":
            let width = e == "x" ? 2 : e == "u" ? 4 : 8
            guard let value = hex(s, k + 2, width) else {
                let name = e == "x" ? "\\xXX" : e == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
                throw EscapeDecodeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(k)-\(min(s.count, k + 1 + width) - 1): truncated \(name) escape")
            }
            guard value <= 0x10FFFF else {
                throw EscapeDecodeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(k)-\(k + 1 + width): illegal Unicode character")
            }
            out.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            return k + 2 + width
        case "N":
            return try namedEscape(s, k, into: &out)
        default:
            out.append("\\")
            out.append(e)
            return k + 2
        }
    }

    /// `\N{NAME}` at `s[k]`, with CPython's messages and positions for a malformed escape or an
    /// unknown name.
    static func namedEscape(_ s: [Unicode.Scalar], _ k: Int, into out: inout String.UnicodeScalarView) throws(EscapeDecodeError) -> Int {
        func failure(_ end: Int, _ why: String) -> EscapeDecodeError {
            EscapeDecodeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(k)-\(end - 1): \(why)")
        }
        let malformed = "malformed \\N character escape"
        guard k + 2 < s.count, s[k + 2] == "{" else { throw failure(k + 2, malformed) }
        var close = k + 3
        while close < s.count && s[close] != "}" { close += 1 }
        guard close < s.count else { throw failure(s.count, malformed) }
        guard close > k + 3 else { throw failure(close, malformed) }
        var name = String.UnicodeScalarView()
        name.append(contentsOf: s[(k + 3)..<close])
        guard let scalar = UnicodeNames.lookup(String(name)) else { throw failure(close + 1, "unknown Unicode character name") }
        out.append(scalar)
        return close + 1
    }

    static let simpleEscapes: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "v": "\u{0B}",
        "\\": "\\", "'": "'", "\"": "\"",
    ]

    /// Up to three octal digits starting at `s[k]`.
    static func octal(_ s: [Unicode.Scalar], _ k: Int) -> (UInt32, Int) {
        var value: UInt32 = 0
        var j = k
        while j < s.count, j < k + 3, ("0"..."7").contains(s[j]) {
            value = value * 8 + (s[j].value - 48)
            j += 1
        }
        return (value, j)
    }

    /// Exactly `width` hex digits starting at `s[k]`, or nil.
    static func hex(_ s: [Unicode.Scalar], _ k: Int, _ width: Int) -> UInt32? {
        guard k + width <= s.count else { return nil }
        var value: UInt32 = 0
        for j in k..<(k + width) {
            guard let d = Character(s[j]).hexDigitValue else { return nil }
            value = value &* 16 &+ UInt32(d)
        }
        return value
    }

    /// Decodes a `bytes` literal body (ASCII only; `\u` is not an escape in bytes).
    static func decodeBytes(_ body: String, raw: Bool) throws(EscapeDecodeError) -> [UInt8] {
        let s = Array(body.unicodeScalars)
        guard s.allSatisfy({ $0.isASCII }) else {
            throw EscapeDecodeError(message: "bytes can only contain ASCII literal characters")
        }
        var out: [UInt8] = []
        var k = 0
        while k < s.count {
            guard s[k] == "\\" && !raw && k + 1 < s.count else {
                out.append(UInt8(s[k].value))
                k += 1
                continue
            }
            let e = s[k + 1]
            if e == "x" {
                guard let v = hex(s, k + 2, 2) else { throw EscapeDecodeError(message: "(value error) invalid \\x escape at position \(k)") }
                out.append(UInt8(v))
                k += 4
            } else if ("0"..."7").contains(e) {
                let (v, next) = octal(s, k + 1)
                out.append(UInt8(v & 0xFF))
                k = next
            } else if let simple = simpleEscapes[e] {
                out.append(UInt8(simple.value))
                k += 2
            } else if e == "\n" {
                k += 2
            } else {
                out.append(92)
                out.append(UInt8(e.value))
                k += 2
            }
        }
        return out
    }
}

/// A malformed escape; the parser attaches the literal's position.
struct EscapeDecodeError: Error {
    var message: String
}
