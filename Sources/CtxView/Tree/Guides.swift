/// The `│   ├── ` columns in front of one outline item, like `tree` and `python -m asyncio pstree`.
///
/// Very deep items would be all guides and no text, so at most `maxLevels` columns are drawn:
/// the outermost ones are replaced by one dashed column `┆+N ` saying how many levels it hides.
struct Guides {
    /// Ancestor columns (each `│   ` or four spaces), after the elision mark if any.
    private let lead: String
    /// Four-column cells in `lead`.
    private let leadCells: Int
    /// `├── `/`└── `; nil for a root, which is drawn flush left.
    private let connector: String?
    /// What continues under this item at its own level: `│   ` if more siblings follow.
    private let continuation: String?
    private let glyphs: Glyphs

    /// Guides for an item at `depth` (0 = root). `ancestorsLast[k]` says whether the ancestor at
    /// depth k is the last of its siblings; `lead` is the unelided ancestor columns for this depth,
    /// which the walker builds incrementally so that each line costs O(1) guide work.
    init(
        depth: Int, isLast: Bool, lead: String, ancestorsLast: [Bool], maxLevels: Int,
        glyphs: Glyphs
    ) {
        self.glyphs = glyphs
        guard depth > 0 else {
            (self.lead, leadCells, connector, continuation) = ("", 0, nil, nil)
            return
        }
        connector = isLast ? glyphs.elbow : glyphs.tee
        continuation = isLast ? glyphs.blank : glyphs.pipe
        guard depth > maxLevels else {
            (self.lead, leadCells) = (lead, depth - 1)
            return
        }
        let dropped = depth - maxLevels + 1
        let kept = ancestorsLast[(1 + dropped)..<depth].map { $0 ? glyphs.blank : glyphs.pipe }
        self.lead = Self.elisionMark(dropped, glyphs) + kept.joined()
        leadCells = kept.count + 1
    }

    /// Guide levels that fit in `width`: two fifths of it, and never fewer than two.
    static func maxLevels(width: Int) -> Int { max(2, width * 2 / 5 / 4) }

    /// The lead for the children of an item at `depth` whose lead is `lead`. Children deeper
    /// than `maxLevels` are drawn from `ancestorsLast` alone and get an empty one: a lead per
    /// level of a 100,000-deep chain would take memory quadratic in the depth.
    static func childLead(
        _ lead: String, depth: Int, isLast: Bool, maxLevels: Int, glyphs: Glyphs
    ) -> String {
        depth == 0 || depth + 1 > maxLevels ? "" : lead + (isLast ? glyphs.blank : glyphs.pipe)
    }

    /// In front of the item's own line.
    var itemPrefix: Span {
        guard let connector else { return Span(trusted: "", width: 0, .guide) }
        return Span(trusted: lead + connector, width: 4 * (leadCells + 1), .guide)
    }

    /// In front of the lines drawn under the item (its variables, overflowing task badges).
    func detailPrefix(hasChildren: Bool) -> Span {
        let below = hasChildren ? glyphs.pipe : glyphs.blank
        guard let continuation else { return Span(trusted: below, width: 4, .guide) }
        return Span(trusted: lead + continuation + below, width: 4 * (leadCells + 2), .guide)
    }

    /// `┆+3 `: the dashed guide and how many levels it stands for, so that items of different
    /// depths drawn at the same column can still be told apart. Always four columns.
    private static func elisionMark(_ dropped: Int, _ glyphs: Glyphs) -> String {
        let count = dropped < 1000 ? "+\(dropped)" : "+\(min(dropped / 1000, 99))k"
        let mark = count.count < 3 ? glyphs.elided + count : count
        return mark + String(repeating: " ", count: max(0, 4 - mark.count))
    }
}
