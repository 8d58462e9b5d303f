import CEditLine

extension LineEditor {
    /// Adds an entry to the history; a multi-line entry (lines joined by `"\n"`) stays one.
    ///
    /// Trailing blank lines are dropped (the empty line that ended a block); blank entries and
    /// repeats of the newest entry are skipped.
    public func addHistory(_ entry: String) {
        guard history.add(entry), let added = history.entries.last else { return }
        ctxlab_history_enter(libeditHistory, added)
    }

    /// The history, oldest first.
    public var historyEntries: [String] { history.entries }

    /// Writes the history to `historyFile` atomically (temporary file, fsync, rename),
    /// creating its directory if needed. Does nothing when `historyFile` is nil.
    public func saveHistory() throws(LineEditorError) {
        guard let historyFile else { return }
        try HistoryFile.save(history.entries, to: historyFile)
    }

    /// Loads `historyFile` into both histories; a failure is kept in `historyLoadError`.
    func loadHistory() {
        guard let historyFile else { return }
        do {
            for entry in try HistoryFile.load(from: historyFile) { addHistory(entry) }
        } catch {
            historyLoadError = error
        }
    }
}
