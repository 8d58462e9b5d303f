import CEditLine

extension LineEditor {
    /// Tab: asks `completer`, lets `CompletionPlanner` decide, and applies the decision.
    func complete() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let before = Self.text(from: info.buffer, to: info.cursor)
        let candidates = completer?(before) ?? []
        let action = CompletionPlanner.plan(
            lineUpToCursor: before, candidates: candidates, delimiters: wordDelimiters)
        return UInt8(apply(action))
    }

    private func apply(_ action: CompletionAction) -> Int32 {
        switch action {
        case .insert(let text):
            return el_insertstr(editLine, text) == 0 ? CC_REFRESH : CC_ERROR
        case .replaceWord(let scalarCount, let text):
            el_deletestr(editLine, Int32(scalarCount))
            return el_insertstr(editLine, text) == 0 ? CC_REFRESH : CC_ERROR
        case .list(let candidates):
            let width = Int(ctxlab_el_columns(editLine, 80))
            let lines = CandidateColumns.lines(for: candidates, width: width)
            write("\n" + lines.map { $0 + "\n" }.joined())
            return CC_REDISPLAY
        case .beep:
            return CC_REFRESH_BEEP
        }
    }

    /// The UTF-8 text between two pointers into libedit's line buffer.
    static func text(from start: UnsafePointer<CChar>?, to end: UnsafePointer<CChar>?) -> String {
        guard let start, let end, end > start else { return "" }
        let bytes = UnsafeRawBufferPointer(start: start, count: end - start)
        return String(decoding: bytes, as: UTF8.self)
    }
}
