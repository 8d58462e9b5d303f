/// Cutting plain text (no escapes) to a number of columns.
enum Truncation {
    /// `text` if it fits in `width` columns, else its longest prefix that fits together with
    /// `ellipsis`, followed by `ellipsis`. Below the ellipsis' own width the text is just cut.
    static func truncate(_ text: String, toWidth width: Int, ellipsis: String) -> String {
        if displayWidth(text) <= width { return text }
        let ellipsisWidth = displayWidth(ellipsis)
        guard width >= ellipsisWidth else { return prefix(text, width: width) }
        return prefix(text, width: width - ellipsisWidth) + ellipsis
    }

    static var longestField: Int { RenderOptions.longestField }

    /// `text` when it has at most `longestField` Characters, else its first `longestField`
    /// followed by `ellipsis`.
    static func capped(_ text: String, ellipsis: String) -> String {
        guard text.utf8.count > longestField,
            let end = text.index(text.startIndex, offsetBy: longestField, limitedBy: text.endIndex),
            end < text.endIndex
        else { return text }
        return String(text[..<end]) + ellipsis
    }

    /// The longest prefix of `text` no wider than `width` columns (a wide character that would
    /// straddle the edge is left out).
    static func prefix(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.columns(of: character)
            if used + columns > width { break }
            used += columns
            result.append(character)
        }
        return result
    }

    /// `text` padded with spaces on the right to `width` columns.
    static func pad(_ text: String, toWidth width: Int) -> String {
        let missing = width - displayWidth(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// Replaces control characters (newlines, ESC, …) by `?` so that user data can neither break
    /// a line nor inject terminal escapes.
    static func sanitize(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 >= 0x80 }) else {
            return text
        }
        guard text.unicodeScalars.contains(where: DisplayWidth.isControl) else { return text }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    DisplayWidth.isControl($0) ? "?" : $0
                }))
    }
}
