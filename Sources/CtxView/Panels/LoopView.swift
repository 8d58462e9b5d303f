/// What `:loop` shows: the event loop's virtual clock, ready queue and timers.
public struct LoopSnapshot: Equatable, Sendable {
    /// `loop.time()` on the virtual clock, in seconds.
    public var time: Double
    /// Inside `run_forever` / `run_until_complete` right now.
    public var isRunning: Bool
    /// Handles that run in the next iteration, in queue order.
    public var ready: [ScheduledCallback]
    /// Timer handles (each with a `deadline`); drawn sorted by deadline, ties in the given order.
    public var timers: [ScheduledCallback]

    /// Creates a snapshot.
    public init(
        time: Double, isRunning: Bool, ready: [ScheduledCallback] = [],
        timers: [ScheduledCallback] = []
    ) {
        self.time = time
        self.isRunning = isRunning
        self.ready = ready
        self.timers = timers
    }
}

/// A `Handle` or `TimerHandle`.
public struct ScheduledCallback: Equatable, Sendable {
    /// What runs, e.g. `Task-2 step` or `print('hi')`.
    public var callback: String
    /// The title of the context it will run in; nil when not worth showing.
    public var context: String?
    /// When a timer fires (virtual seconds); nil for ready handles.
    public var deadline: Double?
    /// Cancelled but not yet purged.
    public var isCancelled: Bool

    /// Creates an entry.
    public init(
        callback: String, context: String? = nil, deadline: Double? = nil, isCancelled: Bool = false
    ) {
        self.callback = callback
        self.context = context
        self.deadline = deadline
        self.isCancelled = isCancelled
    }
}

/// `:loop` — the ready queue and the timers with their deadlines.
///
/// ```
/// event loop: running, time 1.5
/// ready queue: 1 handle
///   #  callback     context
///   1  Task-2 step  Context 0x7f3a10c0
/// timers: 1
///   at   in    callback       context
///   2.0  +0.5  Task-3 wakeup  Context 0x7f3a1100
/// ```
public enum LoopViewRenderer {
    /// The lines of the view, none wider than `options.width`.
    public static func render(_ loop: LoopSnapshot, options: RenderOptions) -> [String] {
        let glyphs = Glyphs.forUnicode(options.unicode)
        let style = Style(options)
        let status =
            "event loop: \(loop.isRunning ? "running" : "idle"), time \(TimeText.seconds(loop.time))"
        var lines = [fit(Span(status, .header), options: options, glyphs: glyphs, style: style)]
        let count = loop.ready.count
        lines.append(
            heading(
                "ready queue: " + (count == 0 ? "empty" : "\(count) handle\(count == 1 ? "" : "s")")
            ))
        if count > 0 {
            lines += readyTable(loop.ready).render(
                width: options.columns, glyphs: glyphs, style: style)
        }
        lines.append(heading("timers: " + (loop.timers.isEmpty ? "none" : "\(loop.timers.count)")))
        if !loop.timers.isEmpty {
            lines += timerTable(loop).render(width: options.columns, glyphs: glyphs, style: style)
        }
        return lines

        func heading(_ text: String) -> String {
            fit(Span(text, .header), options: options, glyphs: glyphs, style: style)
        }
    }

    private static func fit(_ span: Span, options: RenderOptions, glyphs: Glyphs, style: Style)
        -> String
    {
        [span].fitted(to: options.columns, ellipsis: glyphs.ellipsis).rendered(style)
    }

    private static func readyTable(_ ready: [ScheduledCallback]) -> ColumnTable {
        let rows = ready.enumerated().map { i, entry in [Span("\(i + 1)")] + tail(entry) }
        return ColumnTable(
            columns: [
                .init(header: "#", shrink: 0), .init(header: "callback", shrink: 1),
                .init(header: "context", shrink: 2),
            ],
            rows: rows, indent: "  ")
    }

    private static func timerTable(_ loop: LoopSnapshot) -> ColumnTable {
        let timers = loop.timers.enumerated().sorted {
            ($0.element.deadline ?? 0, $0.offset) < ($1.element.deadline ?? 0, $1.offset)
        }
        let rows = timers.map { _, entry in
            let deadline = entry.deadline ?? loop.time
            let delta = deadline - loop.time
            return [
                Span(TimeText.seconds(deadline)),
                Span((delta >= 0 ? "+" : "") + TimeText.seconds(delta), .tag),
            ] + tail(entry)
        }
        return ColumnTable(
            columns: [
                .init(header: "at", shrink: 0), .init(header: "in", shrink: 0),
                .init(header: "callback", shrink: 1), .init(header: "context", shrink: 2),
            ],
            rows: rows, indent: "  ")
    }

    /// Callback and context cells; `(cancelled)` goes first so that shortening cannot hide it.
    private static func tail(_ entry: ScheduledCallback) -> [Span] {
        let callback = (entry.isCancelled ? "(cancelled) " : "") + entry.callback
        return [
            Span(callback, entry.isCancelled ? .tag : .plain), Span(entry.context ?? "", .title),
        ]
    }
}
