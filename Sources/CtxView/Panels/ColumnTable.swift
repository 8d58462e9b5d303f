/// Aligned columns that shrink to the width, widest-priority first; shared by `:tasks` and `:loop`.
struct ColumnTable {
    /// One column: its header and how willing it is to be shortened.
    struct Column {
        var header: String
        /// Higher shrinks first; 0 never shrinks below its natural width.
        var shrink: Int
        var minWidth = 6
    }

    var columns: [Column]
    /// One span per column per row.
    var rows: [[Span]]
    /// Drawn in front of every line (e.g. an indent).
    var indent = ""
    let gap = "  "

    /// Header line and rows, fitted to `width` and styled by `style`.
    func render(width: Int, glyphs: Glyphs, style: Style) -> [String] {
        let widths = columnWidths(available: width - displayWidth(indent))
        let header = columns.map { Span($0.header, .header) }
        return ([header] + rows).map { cells in
            line(cells, widths: widths, ellipsis: glyphs.ellipsis)
                .fitted(to: width, ellipsis: glyphs.ellipsis).rendered(style)
        }
    }

    private func line(_ cells: [Span], widths: [Int], ellipsis: String) -> [Span] {
        var spans = [Span(indent, .guide)]
        // Padding stops at the last non-empty cell, so no line ends in spaces.
        let end = min(widths.count, (cells.lastIndex { !$0.text.isEmpty } ?? -1) + 1)
        for (i, cell) in cells.prefix(end).enumerated() {
            var cell = cell
            cell.text = Truncation.truncate(cell.text, toWidth: widths[i], ellipsis: ellipsis)
            if i < end - 1 {
                cell.text = Truncation.pad(cell.text, toWidth: widths[i])
                spans += [cell, Span(gap)]
            } else {
                spans.append(cell)
            }
        }
        return spans
    }

    /// Columns the table needs without shortening anything.
    var naturalWidth: Int {
        displayWidth(indent) + naturalWidths.reduce(0, +) + gap.count * max(0, columns.count - 1)
    }

    private var naturalWidths: [Int] {
        columns.indices.map { i in
            rows.reduce(displayWidth(columns[i].header)) {
                max($0, $1.indices.contains(i) ? $1[i].width : 0)
            }
        }
    }

    /// Natural widths, then the most shrinkable columns cut down (not below their minimum)
    /// until the table fits `available` columns.
    private func columnWidths(available: Int) -> [Int] {
        var widths = naturalWidths
        var excess = widths.reduce(0, +) + gap.count * max(0, columns.count - 1) - available
        let order = columns.indices.filter { columns[$0].shrink > 0 }.sorted {
            columns[$0].shrink > columns[$1].shrink
        }
        for i in order where excess > 0 {
            let cut = min(excess, max(0, widths[i] - columns[i].minWidth))
            widths[i] -= cut
            excess -= cut
        }
        return widths
    }
}
