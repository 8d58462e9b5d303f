/// A rough Python tokenizer over bytes, for mutations: good enough to find names, numbers,
/// strings and operators in the corpus, never failing on anything.
enum Tokenizer {
    enum Kind: Equatable {
        case name, number, string, op, space, newline, comment, other
    }

    struct Token {
        var range: Range<Int>
        var kind: Kind
    }

    static let operators: [[UInt8]] = [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "+=", "-=",
        "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    ].map { Array($0.utf8) }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80 || (b >= 0x30 && b <= 0x39)
    }

    static func tokens(_ s: [UInt8]) -> [Token] {
        var out: [Token] = []
        var i = 0
        while i < s.count {
            let start = i
            let b = s[i]
            let kind: Kind
            if b == 0x0A {
                i += 1
                kind = .newline
            } else if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0C {
                while i < s.count, [0x20, 0x09, 0x0D, 0x0C].contains(s[i]) { i += 1 }
                kind = .space
            } else if b == 0x23 {
                while i < s.count, s[i] != 0x0A { i += 1 }
                kind = .comment
            } else if b >= 0x30 && b <= 0x39 || (b == 0x2E && i + 1 < s.count && s[i + 1] >= 0x30 && s[i + 1] <= 0x39) {
                while i < s.count, isNameByte(s[i]) || s[i] == 0x2E || ((s[i] == 0x2B || s[i] == 0x2D) && (s[i - 1] | 0x20) == 0x65) { i += 1 }
                kind = .number
            } else if isNameByte(b) {
                while i < s.count, isNameByte(s[i]) { i += 1 }
                if i < s.count, s[i] == 0x27 || s[i] == 0x22, i - start <= 3 {
                    i = stringEnd(s, from: i)
                    kind = .string
                } else {
                    kind = .name
                }
            } else if b == 0x27 || b == 0x22 {
                i = stringEnd(s, from: i)
                kind = .string
            } else if let op = operators.first(where: { s[i...].starts(with: $0) }) {
                i += op.count
                kind = .op
            } else {
                i += 1
                kind = b < 0x80 ? .op : .other
            }
            out.append(Token(range: start..<i, kind: kind))
        }
        return out
    }

    /// The end of the string literal whose quote is at `q` (the end of the text when unclosed).
    static func stringEnd(_ s: [UInt8], from q: Int) -> Int {
        let quote = s[q]
        let triple = q + 2 < s.count && s[q + 1] == quote && s[q + 2] == quote
        var i = q + (triple ? 3 : 1)
        while i < s.count {
            if s[i] == 0x5C {
                i += 2
                continue
            }
            if !triple && s[i] == 0x0A { return i }
            if s[i] == quote {
                if !triple { return i + 1 }
                if i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote { return i + 3 }
            }
            i += 1
        }
        return s.count
    }
}
