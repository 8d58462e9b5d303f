/// How many columns to render for.
public enum TerminalWidth {
    /// Used when neither `COLUMNS` nor the terminal says anything.
    public static let fallback = 80

    /// `COLUMNS` if it is a positive integer, else the terminal's width (if positive), else 80.
    public static func resolve(environment: [String: String], terminalColumns: Int?) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingSpaces), columns > 0 {
            return columns
        }
        if let columns = terminalColumns, columns > 0 { return columns }
        return fallback
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let trimmed = drop { $0 == " " }
        return trimmed.prefix(trimmed.count - trimmed.reversed().prefix { $0 == " " }.count)
    }
}
