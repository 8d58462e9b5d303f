/// The normaliser of Tests/Conformance/normalize.py, ported rule for rule: UUIDs become
/// `<uuid-N>` numbered by first appearance (shared across the texts of one run), then every
/// `0x[0-9a-f]+` becomes `0x…`.
struct Normalizer {
    private var uuids: [String: Int] = [:]

    mutating func normalize(_ text: String) -> String {
        replaceAddresses(replaceUUIDs(text))
    }

    private mutating func replaceUUIDs(_ text: String) -> String {
        let chars = Array(text)
        var out = "", i = 0
        let groups = [8, 4, 4, 4, 12]
        func isHex(_ c: Character) -> Bool { c.isHexDigit && c.isASCII }
        while i < chars.count {
            var j = i, ok = true
            for (n, g) in groups.enumerated() {
                for _ in 0..<g {
                    guard j < chars.count, isHex(chars[j]) else { ok = false; break }
                    j += 1
                }
                if !ok { break }
                if n < 4 {
                    guard j < chars.count, chars[j] == "-" else { ok = false; break }
                    j += 1
                }
            }
            if ok {
                let key = String(chars[i..<j]).lowercased()
                let n = uuids[key] ?? (uuids.count + 1)
                uuids[key] = n
                out += "<uuid-\(n)>"
                i = j
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    private func replaceAddresses(_ text: String) -> String {
        let chars = Array(text)
        var out = "", i = 0
        func isLowerHex(_ c: Character) -> Bool { ("0"..."9").contains(c) || ("a"..."f").contains(c) }
        while i < chars.count {
            if chars[i] == "0", i + 2 < chars.count, chars[i + 1] == "x", isLowerHex(chars[i + 2]) {
                var j = i + 2
                while j < chars.count, isLowerHex(chars[j]) { j += 1 }
                out += "0x\u{2026}"
                i = j
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}

/// The last non-empty line of a text.
func lastNonEmptyLine(_ text: String) -> String {
    text.split(separator: "\n").last { !$0.trimmingCharacters().isEmpty }.map(String.init) ?? ""
}

extension Substring {
    func trimmingCharacters() -> Substring {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return s
    }
}
