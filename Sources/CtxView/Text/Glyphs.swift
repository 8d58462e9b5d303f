/// The decorations, in Unicode or in plain ASCII.
struct Glyphs: Equatable {
    /// Connector of a child that has later siblings.
    let tee: String
    /// Connector of the last child.
    let elbow: String
    /// Guide under an ancestor that has later siblings.
    let pipe: String
    /// Guide under a last child.
    let blank = "    "
    /// Stands for guide columns left out of a very deep line (followed by their number).
    let elided: String
    /// Marks the current context and the current task.
    let marker: String
    /// Ends shortened text.
    let ellipsis: String
    /// Trails a value the last command changed.
    let changed: String

    static let unicode = Glyphs(
        tee: "├── ", elbow: "└── ", pipe: "│   ", elided: "┆", marker: "▶", ellipsis: "…",
        changed: "← changed")
    static let ascii = Glyphs(
        tee: "|-- ", elbow: "`-- ", pipe: "|   ", elided: ":", marker: ">", ellipsis: "...",
        changed: "<- changed")

    static func forUnicode(_ unicode: Bool) -> Glyphs { unicode ? .unicode : .ascii }
}
