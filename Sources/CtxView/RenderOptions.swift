/// The three things besides the model that a rendering depends on, plus the fold threshold.
public struct RenderOptions: Equatable, Sendable {
    /// Columns available; no rendered line is wider (clamped to at least 1).
    public var width: Int
    /// Emit ANSI styles. Every styled fact is also spelled out in text.
    public var color: Bool
    /// Box-drawing characters and `▶ … ←`; off gives pure ASCII decorations.
    public var unicode: Bool
    /// Trees with more nodes than this fold their unremarkable subtrees.
    public var foldThreshold: Int
    /// The projector theme: no dim text, bright colours (every mark is spelled out anyway).
    public var projector = false

    /// Creates options; the defaults suit a plain 80-column terminal.
    public init(width: Int = 80, color: Bool = false, unicode: Bool = true, foldThreshold: Int = 40)
    {
        self.width = width
        self.color = color
        self.unicode = unicode
        self.foldThreshold = foldThreshold
    }

    /// Names, reprs and titles in the tree keep at most this many Characters, then an ellipsis:
    /// far more than any line shows, and few enough that a `ContextVar` named with 10**6
    /// characters costs no more to draw than a short one (a field is cleaned and measured several
    /// times on its way to the width, for every line it is on). Models may cut their text here
    /// too, so as never to build a longer one.
    public static let longestField = 1000

    /// `width`, but never less than one column.
    var columns: Int { max(1, width) }
}
