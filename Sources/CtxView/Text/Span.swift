/// A run of plain text with one role; a rendered line is a list of spans, fitted to the width
/// while still plain and styled only at the very end, so escapes never get cut or measured.
struct Span: Equatable {
    /// Plain text without control characters; its width is measured once, on assignment.
    var text: String { didSet { width = displayWidth(text) } }
    var role: Style.Role
    /// 0: never shortened. Higher numbers are shortened first when the line is too wide.
    var shrink: Int
    /// Columns of `text`.
    private(set) var width: Int

    init(_ text: String, _ role: Style.Role = .plain, shrink: Int = 0) {
        self.role = role
        self.shrink = shrink
        if let columns = printableASCIIWidth(text) {
            (self.text, width) = (text, columns)  // the common case: one scan, nothing to clean
        } else {
            self.text = Truncation.sanitize(text)
            width = displayWidth(self.text)
        }
    }

    /// A span of text known to be clean and `width` columns wide (guides, fixed words), which
    /// skips sanitising and measuring: a big tree has thousands of these.
    init(trusted text: String, width: Int, _ role: Style.Role = .plain) {
        self.text = text
        self.role = role
        shrink = 0
        self.width = width
    }
}

extension [Span] {
    /// Total columns.
    var width: Int {
        var total = 0
        for span in self { total += span.width }
        return total
    }

    /// Shortens the line to `width` columns: shrinkable spans first (highest `shrink` first, each
    /// down to one character and the ellipsis), then, if still too wide, cuts the end.
    func fitted(to width: Int, ellipsis: String) -> [Span] {
        var excess = self.width - width
        guard excess > 0 else { return self }
        var spans = self
        var widths = spans.map(\.width)
        let minimum = displayWidth(ellipsis) + 1
        for level in Set(spans.map(\.shrink)).filter({ $0 > 0 }).sorted(by: >) {
            for i in spans.indices.reversed() where spans[i].shrink == level && excess > 0 {
                let target = Swift.max(minimum, widths[i] - excess)
                guard target < widths[i] else { continue }
                spans[i].text = Truncation.truncate(
                    spans[i].text, toWidth: target, ellipsis: ellipsis)
                excess -= widths[i] - spans[i].width
                widths[i] = spans[i].width
            }
        }
        return excess > 0 ? spans.clipped(to: width, ellipsis: ellipsis) : spans
    }

    /// Cuts the end so the line fits in `width` columns, marking the cut with `ellipsis`.
    func clipped(to width: Int, ellipsis: String) -> [Span] {
        guard self.width > width else { return self }
        let ellipsisWidth = displayWidth(ellipsis)
        let budget = width >= ellipsisWidth ? width - ellipsisWidth : width
        var result: [Span] = []
        var used = 0
        for span in self {
            let w = span.width
            if used + w <= budget {
                result.append(span)
                used += w
                continue
            }
            var cut = span
            cut.text = Truncation.prefix(span.text, width: budget - used)
            result.append(cut)
            if width >= ellipsisWidth { result.append(Span(ellipsis, span.role)) }
            break
        }
        return result
    }

    /// The final text, styled when `style` is enabled.
    func rendered(_ style: Style) -> String {
        guard style.isEnabled else {
            var result = ""
            for span in self { result += span.text }
            return result
        }
        var result = ""
        var run = ""
        var role = Style.Role.plain
        for span in self {
            if span.role != role {
                result += style.apply(role, to: run)
                (run, role) = ("", span.role)
            }
            run += span.text
        }
        return result + style.apply(role, to: run)
    }
}
