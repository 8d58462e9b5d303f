import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LineEditor {
    /// Reads one line, showing `prompt` (which may contain ANSI colour sequences).
    ///
    /// `initialText` is typed in ahead of the user (auto-indent after a `:` line); it is
    /// ignored when input is not a terminal. After `.eof` and `.interrupted` on a terminal the
    /// cursor has been moved to a fresh line, as it is after Enter.
    /// SIGINT, SIGWINCH and SIGTSTP handlers are installed for the duration of the call only;
    /// the previous handlers (e.g. the REPL engine's SIGINT handler) are restored on return.
    public func readLine(prompt: String, initialText: String = "") -> ReadResult {
        setPrompt(prompt)
        interrupted = false
        pendingPaste = nil
        collector = UTF8Collector()
        let relay = SignalRelay.shared
        relay?.discardPending()
        let installation = relay?.install()
        defer { installation?.restore() }
        let onTerminal = isatty(inputFD) == 1
        // Bracketed paste is on only while a line is read, so every way out of the editor
        // (Enter, Ctrl-C, Ctrl-D, a fatal signal: see `readCharacter`) turns it off again.
        if onTerminal { write(PastedText.enable) }
        defer { if onTerminal { write(PastedText.disable) } }
        if onTerminal && !initialText.isEmpty { el_push(editLine, initialText) }
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        return result(raw: raw, onTerminal: onTerminal)
    }

    private func result(raw: UnsafePointer<CChar>?, onTerminal: Bool) -> ReadResult {
        guard !interrupted, let raw else {
            if onTerminal { write("\n") }
            return interrupted ? .interrupted : .eof
        }
        if let whole = pendingPaste { return .paste(whole) }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    private func setPrompt(_ prompt: String) {
        free(promptBuffer)
        promptBuffer = strdup(PromptEscapes.wrap(prompt))
    }

    /// Writes to the stream libedit writes to, so output stays in order.
    func write(_ text: String) {
        fputs(text, outputStream)
        fflush(outputStream)
    }
}
