/// The in-memory history: plain Swift, the source of truth that is saved to disk.
///
/// libedit keeps its own copy for Up/Down and Ctrl-R; `LineEditor` feeds both from here, so
/// the two apply the same rules: trailing blank lines are dropped, blank entries are skipped, an entry equal to the previous one
/// is not repeated, and only the newest `capacity` entries are kept.
struct HistoryStore: Equatable {
    /// Oldest first.
    private(set) var entries: [String] = []
    /// The maximum number of entries kept (at least 1).
    let capacity: Int

    init(capacity: Int, entries: [String] = []) {
        self.capacity = max(1, capacity)
        for entry in entries { add(entry) }
    }

    /// Adds an entry, normalized; returns false when it was blank or a repeat of the newest.
    @discardableResult
    mutating func add(_ entry: String) -> Bool {
        let entry = Self.normalized(entry)
        guard !Self.isBlank(entry), entries.last != entry else { return false }
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        return true
    }

    /// The entry without trailing blank lines (a block ended by an empty or indent-only line).
    static func normalized(_ entry: String) -> String {
        var lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.count > 1, lines.last!.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy { $0.isWhitespace }
    }
}
