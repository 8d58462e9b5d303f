/// One line of `:tasks`.
public struct TaskRow: Equatable, Sendable {
    /// `Task-3`.
    public var name: String
    /// Where the task is in its life.
    public var state: TaskState
    /// The title of the context it runs in, e.g. `Context 0x7f…10c0 (ctx)`.
    public var context: String
    /// The coroutine, e.g. `worker('a')`.
    public var coroutine: String
    /// The task whose step is running now.
    public var isCurrent: Bool

    /// Creates a row.
    public init(
        name: String, state: TaskState, context: String, coroutine: String, isCurrent: Bool = false
    ) {
        self.name = name
        self.state = state
        self.context = context
        self.coroutine = coroutine
        self.isCurrent = isCurrent
    }
}

/// `:tasks` — every task with its state, context and coroutine, in the order given.
///
/// ```
///   task    state             context             coroutine
/// ▶ Task-1  running, current  asyncio.run         main()
///   Task-2  waiting on sleep  Context 0x7f3a10c0  worker('a')
/// ```
/// When the columns do not fit, each task takes two lines instead, so nothing is cut to a stub:
/// ```
/// ▶ Task-1  running, current
///       main() in asyncio.run
/// ```
public enum TaskTableRenderer {
    /// The table (or the two-line form); `(no tasks)` when `rows` is empty.
    public static func render(_ rows: [TaskRow], options: RenderOptions) -> [String] {
        let glyphs = Glyphs.forUnicode(options.unicode)
        let style = Style(options)
        guard !rows.isEmpty else { return [style.dim("(no tasks)")] }
        let table = ColumnTable(
            columns: [
                .init(header: "  task", shrink: 1, minWidth: 8), .init(header: "state", shrink: 2),
                .init(header: "context", shrink: 3), .init(header: "coroutine", shrink: 4),
            ],
            rows: rows.map { cells($0, glyphs: glyphs, unicode: options.unicode) })
        if table.naturalWidth <= options.columns {
            return table.render(width: options.columns, glyphs: glyphs, style: style)
        }
        return rows.flatMap { stacked($0, glyphs: glyphs, unicode: options.unicode) }.map {
            $0.fitted(to: options.columns, ellipsis: glyphs.ellipsis).rendered(style)
        }
    }

    private static func cells(_ row: TaskRow, glyphs: Glyphs, unicode: Bool) -> [Span] {
        let marker = row.isCurrent ? glyphs.marker + " " : "  "
        return [
            Span(marker + row.name, row.isCurrent ? .current : .plain),
            Span(stateText(row, unicode: unicode), .task(row.state)), Span(row.context, .title),
            Span(row.coroutine),
        ]
    }

    /// `▶ Task-1  running, current` over `      main() in asyncio.run`.
    private static func stacked(_ row: TaskRow, glyphs: Glyphs, unicode: Bool) -> [[Span]] {
        let first = cells(row, glyphs: glyphs, unicode: unicode)
        return [
            [first[0], Span("  "), with(first[1], shrink: 1)],
            [
                Span("      "), Span(row.coroutine, shrink: 2), Span(" in "),
                Span(row.context, .title, shrink: 1),
            ],
        ]
    }

    private static func stateText(_ row: TaskRow, unicode: Bool) -> String {
        row.state.text(unicode: unicode) + (row.isCurrent ? ", current" : "")
    }

    private static func with(_ span: Span, shrink: Int) -> Span {
        var span = span
        span.shrink = shrink
        return span
    }
}
