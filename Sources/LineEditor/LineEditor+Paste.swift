import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LineEditor {
    /// `ESC[200~` was read: takes the pasted characters straight from the reader up to
    /// `ESC[201~`, with no key bindings and no auto-indent on the way. A paste without a line
    /// break goes into the line at the cursor. A paste with line breaks ends the read: the line
    /// shows its first line, and `readLine` returns `.paste` with the whole text.
    func paste() -> UInt8 {
        var collector = PastedText.Collector()
        var character: wchar_t = 0
        while true {
            let status = readCharacter(into: &character)
            if status != 1 { return UInt8(CC_EOF) }  // Ctrl-C (interrupted is set) or end of input
            guard let scalar = Unicode.Scalar(UInt32(bitPattern: character)) else { continue }
            if collector.push(Character(scalar)) { break }
        }
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let before = Self.text(from: info.buffer, to: info.cursor)
        let after = Self.text(from: info.cursor, to: info.lastchar)
        let whole = PastedText.line(before: before, pasted: collector.text, after: after)
        replaceLine(count: before.unicodeScalars.count + after.unicodeScalars.count, cursorToEnd: after.unicodeScalars.count)
        guard let firstBreak = whole.firstIndex(of: "\n") else {
            el_insertstr(editLine, whole)
            if !after.isEmpty { el_cursor(editLine, -Int32(clamping: after.unicodeScalars.count)) }
            return UInt8(CC_REFRESH)
        }
        el_insertstr(editLine, String(whole[..<firstBreak]))
        pendingPaste = whole
        // Enter, as if typed next: libedit draws the line and moves below it, as after Enter.
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    /// Empties the line: the cursor goes to its end, then everything before it is deleted.
    private func replaceLine(count: Int, cursorToEnd: Int) {
        if cursorToEnd > 0 { el_cursor(editLine, Int32(clamping: cursorToEnd)) }
        if count > 0 { el_deletestr(editLine, Int32(clamping: count)) }
    }
}
