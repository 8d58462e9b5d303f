/// Draws a `TreeSnapshot` as an outline of contexts, their tasks and their variables.
///
/// ```
/// main thread
/// │   request_id = None (default)
/// ├── Context 0x7f3a1040 (ctx)
/// │       request_id = 'abc'
/// └── ▶ asyncio.run  current, entered  [▶ Task-1 running, current]
///         request_id = 'xyz'  ← changed
/// + 2 unreachable contexts (garbage)
/// ```
public enum TreeRenderer {
    /// The lines of the picture, none wider than `options.width` columns, children in the order
    /// the snapshot lists them.
    public static func render(_ snapshot: TreeSnapshot, options: RenderOptions) -> [String] {
        render(LazyTree(snapshot), options: options)
    }

    /// The same picture from an outline, asking `tree.node` only for the nodes it draws (in a
    /// folded tree of 10,000 contexts, a few dozen).
    public static func render(_ tree: LazyTree, options: RenderOptions) -> [String] {
        var painter = TreePainter(tree: tree, options: options)
        painter.paint()
        return painter.lines
    }
}

/// A tree whose nodes are described in full only on demand: the outline of every context (enough
/// to lay it out and fold it) and a function that builds the `ContextNode` at an index.
public struct LazyTree {
    /// Every context, in creation order (as `TreeSnapshot.nodes`).
    public var outlines: [NodeOutline]
    /// As `TreeSnapshot.unreachableCount`.
    public var unreachableCount: Int
    /// The full node at an index of `outlines`; its `outline` must equal `outlines[index]`.
    public var node: (Int) -> ContextNode

    /// Creates a lazy tree.
    public init(outlines: [NodeOutline], unreachableCount: Int, node: @escaping (Int) -> ContextNode) {
        self.outlines = outlines
        self.unreachableCount = unreachableCount
        self.node = node
    }

    /// A snapshot's nodes, already built.
    public init(_ snapshot: TreeSnapshot) {
        self.init(
            outlines: snapshot.nodes.map(\.outline), unreachableCount: snapshot.unreachableCount,
            node: { snapshot.nodes[$0] })
    }
}

/// Walks the layout depth-first and collects the lines.
struct TreePainter {
    private let tree: LazyTree
    private let layout: TreeLayout
    private let builder: NodeLineBuilder
    private let maxLevels: Int
    /// Busy nodes the layout may still draw in full (`TreeLayout.busyBudget`).
    private var busyLeft = TreeLayout.busyBudget
    private(set) var lines: [String] = []

    init(tree: LazyTree, options: RenderOptions) {
        self.tree = tree
        layout = TreeLayout(tree.outlines, foldThreshold: options.foldThreshold)
        builder = NodeLineBuilder(options: options)
        maxLevels = Guides.maxLevels(width: options.columns)
    }

    mutating func paint() {
        if tree.outlines.isEmpty { emit([Span("(no contexts)", .summary)]) }
        walk()
        if tree.unreachableCount > 0 {
            emit(builder.unreachableLine(tree.unreachableCount))
        }
    }

    private mutating func walk() {
        var stack = WalkStack(roots: layout.roots(busyLeft: &busyLeft), maxLevels: maxLevels)
        while let (item, position) = stack.next() {
            let guides = Guides(
                depth: position.depth, isLast: position.isLast, lead: stack.lead,
                ancestorsLast: stack.ancestorsLast, maxLevels: maxLevels, glyphs: builder.glyphs)
            switch item {
            case .folded(let summary):
                emit(builder.foldLine(summary, guides))
            case .node(let index):
                let hasChildren = layout.hasChildren(index)
                for line in builder.nodeLines(tree.node(index), guides, hasChildren: hasChildren)
                {
                    emit(line)
                }
                if hasChildren {
                    stack.descend(
                        into: layout.children(of: index, busyLeft: &busyLeft), from: position,
                        glyphs: builder.glyphs)
                }
            }
        }
    }

    private mutating func emit(_ spans: [Span]) {
        lines.append(builder.finish(spans))
    }
}
