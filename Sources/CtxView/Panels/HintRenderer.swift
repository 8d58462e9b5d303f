/// Renders a pitfall hint.
public enum HintRenderer {
    /// `hint: <text>`, word-wrapped to the width (continuation lines indented under the text,
    /// never cut: a word longer than a line is broken, not shortened), dimmed when colour is on.
    /// Newlines in `text` are shown as `?` so the hint reads as one paragraph. Lines are joined
    /// with "\n".
    public static func render(_ text: String, options: RenderOptions) -> String {
        let style = Style(enabled: options.color)
        return wrapped("hint: " + text.replacingNewlines, width: options.columns, indent: "      ")
            .map { style.dim($0) }.joined(separator: "\n")
    }

    /// Greedy word wrap by display width; `indent` starts every line after the first (it is
    /// dropped when the width cannot hold it and a character).
    static func wrapped(_ text: String, width: Int, indent: String) -> [String] {
        let indent = displayWidth(indent) < width ? indent : ""
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        func flush() {
            lines.append(line)
            line = indent
            lineWidth = displayWidth(indent)
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = displayWidth(String(word))
            let atStart = line.isEmpty || line == indent
            if !atStart && lineWidth + 1 + w > width { flush() }
            if !(line.isEmpty || line == indent) {
                line += " "
                lineWidth += 1
            }
            for ch in word {
                let cw = displayWidth(String(ch))
                if lineWidth + cw > width && !(line.isEmpty || line == indent) { flush() }
                line.append(ch)
                lineWidth += cw
            }
        }
        if !(line.isEmpty || line == indent) || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r" ? "?" : $0 })
    }
}
