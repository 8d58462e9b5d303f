/// Lays completion candidates out in columns, down then across, like readline, bash and `ls`.
///
/// A pure function of (candidates, width): every column is as wide as the widest candidate
/// plus `spacing`, as many columns as fit (at least one), filled top to bottom.
enum CandidateColumns {
    /// The lines to print, without trailing spaces or newlines.
    static func lines(for items: [String], width: Int, spacing: Int = 2) -> [String] {
        guard !items.isEmpty else { return [] }
        let widest = items.map(TextWidth.columns(of:)).max() ?? 0
        let cell = widest + spacing
        let fitting = max(1, (width - widest) / cell + 1)
        let rows = (items.count + fitting - 1) / fitting
        let columns = (items.count + rows - 1) / rows
        return (0..<rows).map { row in
            line(items: items, row: row, rows: rows, columns: columns, cell: cell)
        }
    }

    private static func line(items: [String], row: Int, rows: Int, columns: Int, cell: Int)
        -> String
    {
        var text = ""
        for column in 0..<columns {
            let index = column * rows + row
            guard index < items.count else { break }
            let item = items[index]
            text += item
            text += String(repeating: " ", count: max(0, cell - TextWidth.columns(of: item)))
        }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}

/// Terminal column width of text: one per character, two for East Asian wide and emoji ones.
enum TextWidth {
    static func columns(of text: String) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    static func columns(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x3FFFD,
    ]
}
