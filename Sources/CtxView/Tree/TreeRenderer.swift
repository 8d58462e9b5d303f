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
        var painter = TreePainter(snapshot: snapshot, options: options)
        painter.paint()
        return painter.lines
    }
}

/// Walks the layout depth-first and collects the lines.
struct TreePainter {
    private let snapshot: TreeSnapshot
    private let layout: TreeLayout
    private let builder: NodeLineBuilder
    private let maxLevels: Int
    private(set) var lines: [String] = []

    init(snapshot: TreeSnapshot, options: RenderOptions) {
        self.snapshot = snapshot
        layout = TreeLayout(snapshot, foldThreshold: options.foldThreshold)
        builder = NodeLineBuilder(options: options)
        maxLevels = Guides.maxLevels(width: options.columns)
    }

    mutating func paint() {
        if snapshot.nodes.isEmpty { emit([Span("(no contexts)", .summary)]) }
        walk()
        if snapshot.unreachableCount > 0 {
            emit(builder.unreachableLine(snapshot.unreachableCount))
        }
    }

    private mutating func walk() {
        var stack = WalkStack(roots: layout.roots)
        while let (item, position) = stack.next() {
            let guides = Guides(
                depth: position.depth, isLast: position.isLast, lead: stack.lead,
                ancestorsLast: stack.ancestorsLast, maxLevels: maxLevels, glyphs: builder.glyphs)
            switch item {
            case .folded(let count):
                emit(builder.foldLine(count, guides))
            case .node(let index):
                let hasChildren = layout.hasChildren(index)
                for line in builder.nodeLines(
                    snapshot.nodes[index], guides, hasChildren: hasChildren)
                {
                    emit(line)
                }
                if hasChildren {
                    stack.descend(
                        into: layout.children(of: index), from: position, glyphs: builder.glyphs)
                }
            }
        }
    }

    private mutating func emit(_ spans: [Span]) {
        lines.append(builder.finish(spans))
    }
}
