/// Python's str is a sequence of code points (CPython: `Objects/unicodeobject.c`); Swift's String
/// is one of grapheme clusters compared by canonical equivalence. ctxlab keeps str values as
/// Strings and reads them through their scalar view wherever Python counts, indexes, slices or
/// compares: `len("e\u0301")` is 2, `"🇯🇵"[0]` is one regional indicator.
extension String {
    /// `len(s)`.
    var codePointCount: Int { unicodeScalars.count }

    /// The index of code point `offset` (`0...codePointCount`).
    func codePointIndex(_ offset: Int) -> String.Index {
        unicodeScalars.index(unicodeScalars.startIndex, offsetBy: offset)
    }

    /// The code-point offset of a scalar-aligned index.
    func codePointOffset(of i: String.Index) -> Int {
        unicodeScalars.distance(from: unicodeScalars.startIndex, to: i)
    }

    /// The text between scalar-aligned indices, even inside a grapheme cluster (the Character
    /// view would round them to cluster boundaries).
    func codePoints(_ r: Range<String.Index>) -> String { String(Substring(unicodeScalars[r])) }

    /// `s.startswith(p)` / `s.endswith(p)` within `window`: byte for byte, not by canonical equivalence.
    func hasCodePointPrefix(_ p: String, in window: Range<String.Index>) -> Bool {
        utf8[window].starts(with: p.utf8)
    }

    func hasCodePointSuffix(_ p: String, in window: Range<String.Index>) -> Bool {
        utf8[window].reversed().starts(with: p.utf8.reversed())
    }
}

/// str's `is…` predicates, by code point as Objects/unicodeobject.c tests them
/// (`Py_UNICODE_ISDECIMAL`, `_PyUnicode_IsDigit`, `_PyUnicode_IsNumeric`, `Py_UNICODE_ISALPHA`,
/// `Py_UNICODE_ISSPACE`, cased letters for isupper/islower, XID_Start/XID_Continue).
enum StrPredicate: String {
    case isdigit, isnumeric, isdecimal, isalpha, isalnum, isspace, isupper, islower, isidentifier, isascii

    func holds(for s: String) -> Bool {
        let scalars = s.unicodeScalars
        switch self {
        case .isascii: return scalars.allSatisfy(\.isASCII)
        case .isupper, .islower:
            var cased = false
            for c in scalars {
                let p = c.properties
                if self == .isupper ? (p.isLowercase || p.generalCategory == .titlecaseLetter) : (p.isUppercase || p.generalCategory == .titlecaseLetter) { return false }
                if p.isCased { cased = true }
            }
            return cased
        case .isidentifier:
            guard let f = scalars.first, f.properties.isXIDStart || f == "_" else { return false }
            return scalars.dropFirst().allSatisfy(\.properties.isXIDContinue)
        default:
            return !scalars.isEmpty && scalars.allSatisfy { test($0) }
        }
    }

    private func test(_ c: Unicode.Scalar) -> Bool {
        let p = c.properties
        switch self {
        case .isdecimal: return UnicodeClass.isDecimal(c.value)
        case .isdigit: return p.numericType == .decimal || p.numericType == .digit
        case .isnumeric: return p.numericType != nil
        case .isalpha: return UnicodeClass.isAlpha(c)
        case .isalnum: return UnicodeClass.isAlnum(c.value)
        case .isspace: return UnicodeClass.isSpace(c.value)
        default: return false
        }
    }
}

/// Code-point classes as Objects/unicodectype.c defines them, for str's methods and re's
/// categories alike.
enum UnicodeClass {
    /// Py_UNICODE_ISSPACE: Unicode White_Space, and the separators U+001C–U+001F.
    static func isSpace(_ c: UInt32) -> Bool {
        if c < 128 { return c == 0x20 || (0x09...0x0D).contains(c) || (0x1C...0x1F).contains(c) }
        return Unicode.Scalar(c)?.properties.isWhitespace ?? false
    }

    /// Py_UNICODE_ISDECIMAL.
    static func isDecimal(_ c: UInt32) -> Bool {
        if c < 128 { return (0x30...0x39).contains(c) }
        return Unicode.Scalar(c)?.properties.numericType == .decimal
    }

    /// Py_UNICODE_ISALPHA: the letter categories.
    static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Py_UNICODE_ISALNUM: a letter, or any numeric character.
    static func isAlnum(_ c: UInt32) -> Bool {
        if c < 128 { return (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        guard let s = Unicode.Scalar(c) else { return false }
        return isAlpha(s) || s.properties.numericType != nil
    }
}
