/// Turns one node (or a folded run, or the garbage count) into lines of spans.
///
/// A node is drawn as its head line (`▶ title (names)  current, entered`), followed on the same
/// line by as many task badges as fit, then further badges and the variables on detail lines
/// indented under the guides.
struct NodeLineBuilder {
    let glyphs: Glyphs
    private let style: Style
    private let width: Int
    private let unicode: Bool
    private let ellipsisWidth: Int

    init(options: RenderOptions) {
        glyphs = .forUnicode(options.unicode)
        style = Style(options)
        width = options.columns
        unicode = options.unicode
        ellipsisWidth = displayWidth(glyphs.ellipsis)
    }

    /// Fits a line to the width and styles it.
    func finish(_ spans: [Span]) -> String {
        spans.fitted(to: width, ellipsis: glyphs.ellipsis).rendered(style)
    }

    /// The head line, badge lines and variable lines of `node`.
    func nodeLines(_ node: ContextNode, _ guides: Guides, hasChildren: Bool) -> [[Span]] {
        let detail = guides.detailPrefix(hasChildren: hasChildren)
        let head = head(node, prefix: guides.itemPrefix)
        var lines = pack(node.tasks.map(badge), after: head, detail: detail)
        lines += node.variables.prefix(Self.variableLimit).map { [detail] + variable($0) }
        let hidden = node.variables.count - Self.variableLimit
        if hidden > 0 {
            let words = " \(hidden) more \(plural(hidden, "variable"))"
            lines.append([detail, Span(trusted: glyphs.ellipsis + words, width: ellipsisWidth + words.utf8.count, .fold)])
        }
        return lines
    }

    /// Variables drawn under one context; the rest are counted on one line. A program that
    /// sets a thousand variables would otherwise draw a thousand lines for every context in
    /// view (fuzz seed 40 case 2089: 100,000 lines, 17 s, for one input).
    static let variableLimit = 40

    /// `… 37 more contexts, unchanged`; `… 4995 more contexts, 4995 new, 4995 tasks waiting`.
    func foldLine(_ summary: FoldSummary, _ guides: Guides) -> [Span] {
        var words = " \(summary.contexts) more \(plural(summary.contexts, "context"))"
        var facts: [String] = []
        if summary.new > 0 { facts.append("\(summary.new) new") }
        for (count, state) in [
            (summary.tasks.running, "running"), (summary.tasks.waiting, "waiting"),
            (summary.tasks.pending, "pending"),
        ] where count > 0 {
            facts.append("\(count) \(plural(count, "task")) \(state)")
        }
        words += facts.isEmpty ? ", unchanged" : ", " + facts.joined(separator: ", ")
        return [
            guides.itemPrefix,
            Span(trusted: glyphs.ellipsis + words, width: ellipsisWidth + words.utf8.count, .fold),
        ]
    }

    private func plural(_ count: Int, _ noun: String) -> String { count == 1 ? noun : noun + "s" }

    /// `+ 12 unreachable contexts (garbage)`.
    func unreachableLine(_ count: Int) -> [Span] {
        [Span("+ \(count) unreachable \(plural(count, "context")) (garbage)", .summary)]
    }

    private func head(_ node: ContextNode, prefix: Span) -> [Span] {
        var spans = [prefix]
        if node.isCurrent { spans.append(Span(glyphs.marker + " ", .current)) }
        spans.append(Span(field(node.title), .title, shrink: 1))
        if !node.names.isEmpty {
            spans.append(Span(" (" + field(node.names.joined(separator: ", ")) + ")", .names, shrink: 2))
        }
        let tags = [
            node.isCurrent ? Span("current", .current) : nil,
            node.isEntered ? Span("entered", .tag) : nil,
            node.isNew ? Span("new", .tag) : nil,
        ].compactMap { $0 }
        for (i, tag) in tags.enumerated() {
            spans.append(Span(i == 0 ? "  " : ", "))
            spans.append(tag)
        }
        return spans.fitted(to: width, ellipsis: glyphs.ellipsis)
    }

    /// `[Task-3 waiting on sleep]`, `[▶ Task-1 running, current]`, `[Task-2 (t) done → 42]`.
    private func badge(_ task: TaskBadge) -> Span {
        let marker = task.isCurrent ? glyphs.marker + " " : ""
        let current = task.isCurrent ? ", current" : ""
        let names = task.names.isEmpty ? "" : " (" + field(task.names.joined(separator: ", ")) + ")"
        return Span(
            "[\(marker)\(field(task.name))\(names) \(field(task.state.text(unicode: unicode)))\(current)]",
            .task(task.state))
    }

    /// Puts badges on the head line while they fit, then on detail lines.
    private func pack(_ badges: [Span], after head: [Span], detail: Span) -> [[Span]] {
        var lines = [head]
        var used = head.width
        var onLine = 0  // badges on the last line
        for badge in badges {
            let separator = onLine > 0 ? " " : (lines.count == 1 ? "  " : "")
            let fits = used + separator.count + badge.width <= width
            if fits || (lines.count > 1 && onLine == 0) {
                lines[lines.count - 1] += separator.isEmpty ? [badge] : [Span(separator), badge]
                used += separator.count + badge.width
                onLine += 1
            } else {
                lines.append([detail, badge])
                used = detail.width + badge.width
                onLine = 1
            }
        }
        return lines
    }

    /// Text from the program, cut when absurdly long (`Truncation.longestField`).
    private func field(_ text: String) -> String { Truncation.capped(text, ellipsis: glyphs.ellipsis) }

    /// `request_id = 'abc'`, `request_id = None (default)`, `user = <unset>`, `x = 1  ← changed`.
    private func variable(_ cell: VariableCell) -> [Span] {
        let (value, role): (String, Style.Role) =
            switch cell.kind {
            case .set: (field(cell.value), cell.changed ? .changed : .value)
            case .defaultShown: (field(cell.value), cell.changed ? .changed : .defaultValue)
            case .absent: ("<unset>", cell.changed ? .changed : .absent)
            }
        var spans = [
            Span(field(cell.name), .variable, shrink: 1), Span(trusted: " = ", width: 3),
            Span(value, role, shrink: 2),
        ]
        if cell.kind == .defaultShown {
            spans.append(Span(trusted: " (default)", width: 10, .defaultValue))
        }
        if cell.changed { spans += [Span("  "), Span(glyphs.changed, .changed)] }
        return spans
    }
}
