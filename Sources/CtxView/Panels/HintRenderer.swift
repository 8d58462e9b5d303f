/// A one-line, dimmed suggestion under the tree: `hint: the task ran in a copy; try context=ctx`.
public enum HintRenderer {
    /// `hint: <text>`, shortened to the width; dimmed when colour is on. Newlines in `text`
    /// are shown as `?` so the hint stays one line.
    public static func render(_ text: String, options: RenderOptions) -> String {
        let glyphs = Glyphs.forUnicode(options.unicode)
        return [Span("hint: " + text, .hint)]
            .fitted(to: options.columns, ellipsis: glyphs.ellipsis)
            .rendered(Style(enabled: options.color))
    }
}
