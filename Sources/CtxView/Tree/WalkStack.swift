/// The explicit stack of a depth-first walk over outline items, so that arbitrarily deep trees
/// cannot overflow the call stack, with what the guides need at each step.
struct WalkStack {
    /// Where the item just returned sits.
    struct Position {
        /// 0 for roots.
        var depth: Int
        /// The last of its siblings (drawn with `└── `).
        var isLast: Bool
    }

    private var frames: [(items: [TreeLayout.Item], next: Int)]
    /// Unelided guide columns for the items of each frame (empty past `maxLevels`).
    private var leads = [""]
    /// By depth: whether the node whose children a frame lists was the last of its siblings.
    private(set) var ancestorsLast: [Bool] = []

    /// Guide levels drawn in full (`Guides.maxLevels`): deeper items need no lead of their own.
    private let maxLevels: Int

    init(roots: [TreeLayout.Item], maxLevels: Int) {
        frames = [(roots, 0)]
        self.maxLevels = maxLevels
    }

    /// Guide columns in front of items at the current depth.
    var lead: String { leads[leads.count - 1] }

    /// The next item in depth-first order, or nil when the walk is over.
    mutating func next() -> (TreeLayout.Item, Position)? {
        while let top = frames.last, top.next == top.items.count {
            frames.removeLast()
            leads.removeLast()
            if !ancestorsLast.isEmpty { ancestorsLast.removeLast() }
        }
        guard let top = frames.last else { return nil }
        frames[frames.count - 1].next += 1
        let position = Position(depth: frames.count - 1, isLast: top.next + 1 == top.items.count)
        return (top.items[top.next], position)
    }

    /// Makes `children` (of the item just returned, at `position`) the next items to visit.
    mutating func descend(into children: [TreeLayout.Item], from position: Position, glyphs: Glyphs)
    {
        leads.append(
            Guides.childLead(
                lead, depth: position.depth, isLast: position.isLast, maxLevels: maxLevels,
                glyphs: glyphs))
        ancestorsLast.append(position.isLast)
        frames.append((children, 0))
    }
}
