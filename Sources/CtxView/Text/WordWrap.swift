/// Greedy word wrap by display width, for hints and narration.
public enum WordWrap {
    /// The lines of `text` at most `width` columns wide: words are kept whole where they fit
    /// (a longer one is broken), every line after the first starts with `indent` (dropped when
    /// the width cannot hold it and a character).
    public static func lines(_ text: String, width: Int, indent: String = "") -> [String] {
        let width = max(1, width)
        let indent = displayWidth(indent) < width ? indent : ""
        let indentWidth = displayWidth(indent)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var atStart = true
        func flush() {
            lines.append(line)
            line = indent
            lineWidth = indentWidth
            atStart = true
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = displayWidth(String(word))
            if !atStart && lineWidth + 1 + w > width { flush() }
            if !atStart {
                line += " "
                lineWidth += 1
            }
            for ch in word {
                let cw = displayWidth(String(ch))
                if lineWidth + cw > width && !atStart { flush() }
                line.append(ch)
                lineWidth += cw
                atStart = false
            }
        }
        if !atStart || lines.isEmpty { lines.append(line) }
        return lines
    }
}
