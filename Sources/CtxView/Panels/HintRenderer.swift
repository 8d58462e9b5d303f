/// Renders a pitfall hint.
public enum HintRenderer {
    /// `hint: <text>`, word-wrapped to the width (continuation lines indented under the text,
    /// never cut: a word longer than a line is broken, not shortened), dimmed when colour is on.
    /// Newlines in `text` are shown as `?` so the hint reads as one paragraph. Lines are joined
    /// with "\n".
    public static func render(_ text: String, options: RenderOptions) -> String {
        let style = Style(options)
        return WordWrap.lines("hint: " + text.replacingNewlines, width: options.columns, indent: "      ")
            .map { style.dim($0) }.joined(separator: "\n")
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r" ? "?" : $0 })
    }
}
