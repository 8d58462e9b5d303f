/// Source bytes to text, as CPython's tokenizer decodes a file without an encoding declaration
/// (`Parser/tokenizer.c`: UTF-8, a UTF-8 BOM allowed; anything else is a SyntaxError before a
/// single line runs).
public enum SourceDecoding {
    /// The text, or CPython's message (`SyntaxError: Non-UTF-8 code starting with '\xff' in file
    /// x.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details`).
    public static func decode(_ bytes: [UInt8], filename: String) -> Result<String, SourceError> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidByte(body) {
            let line = body[body.startIndex..<bad].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let hex = String(body[bad], radix: 16)
            return .failure(SourceError(message: "SyntaxError: Non-UTF-8 code starting with '\\x\(hex.count == 1 ? "0" + hex : hex)' in file \(filename) on line \(line), but no encoding declared; see https://peps.python.org/pep-0263/ for details"))
        }
        return .success(String(decoding: body, as: UTF8.self))
    }

    public struct SourceError: Error, Equatable {
        public var message: String
    }

    /// The index of the first byte that does not start a well-formed UTF-8 sequence.
    static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int, lowest: UInt32
            switch b {
            case 0xC2...0xDF: (length, lowest) = (2, 0x80)
            case 0xE0...0xEF: (length, lowest) = (3, 0x800)
            case 0xF0...0xF4: (length, lowest) = (4, 0x10000)
            default: return i
            }
            guard i + length <= bytes.endIndex else { return i }
            var scalar = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            guard scalar >= lowest, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return i }
            i += length
        }
        return nil
    }
}
