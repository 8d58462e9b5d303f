import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LineEditor {
    /// The EL_GETCFN reader: waits for a byte of input or a relayed signal.
    ///
    /// Returns 1 with a character stored, 0 at end of input, -1 (errno EINTR) once Ctrl-C was
    /// pressed. It keeps returning -1 until the next `readLine`, so libedit's nested loops
    /// (incremental search) give up too. A resize redraws the line for the new width; Ctrl-Z
    /// suspends the process with the terminal restored.
    func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while true {
            if interrupted {
                errno = EINTR
                return -1
            }
            switch waitForInput() {
            case .signals(let events): handle(events)
            case .input: if let status = readByte(into: character) { return status }
            case .failed: return -1
            }
        }
    }

    private enum Wakeup {
        case input
        case signals([SignalRelay.Event])
        case failed
    }

    private func waitForInput() -> Wakeup {
        let relayEnd = SignalRelay.shared?.readEnd ?? -1
        var fds = [
            pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: relayEnd, events: Int16(POLLIN), revents: 0),
        ]
        if poll(&fds, nfds_t(fds.count), -1) < 0 {
            return errno == EINTR ? .signals([]) : .failed
        }
        if fds[1].revents & Int16(POLLIN) != 0 {
            return .signals(SignalRelay.shared?.drain() ?? [])
        }
        return .input
    }

    /// One byte through the UTF-8 collector; nil when more bytes are needed.
    private func readByte(into character: UnsafeMutablePointer<wchar_t>) -> Int32? {
        var byte: UInt8 = 0
        let count = read(inputFD, &byte, 1)
        if count == 0 { return 0 }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? nil : -1 }
        guard case .scalar(let scalar) = collector.push(byte) else { return nil }
        character.pointee = wchar_t(bitPattern: scalar.value)
        return 1
    }

    private func handle(_ events: [SignalRelay.Event]) {
        for case .terminate(let signal) in events { terminate(by: signal) }
        if events.contains(.interrupt) { interrupted = true }
        if events.contains(.suspend) { suspend() }
        if events.contains(.resize) { adoptNewSize() }
    }

    /// A fatal signal while a line is read: bracketed paste off and the terminal out of raw
    /// mode, then the process ends by the same signal, as it would have without the editor.
    private func terminate(by signal: Int32) {
        write("\r\n" + PastedText.disable)
        ctxlab_el_prep_term(editLine, 0)
        ctxlab_die_by_signal(signal)
    }

    /// Ctrl-Z: restore the terminal, stop, and on `fg` take raw mode back and redraw the line.
    private func suspend() {
        ctxlab_el_prep_term(editLine, 0)
        ctxlab_stop_self()
        ctxlab_el_prep_term(editLine, 1)
        el_resize(editLine)
        ctxlab_el_refresh(editLine)
    }

    /// Takes the new terminal size; when the width changed, redraws the line on a fresh row,
    /// because the terminal may already have re-wrapped it and libedit cannot know how.
    private func adoptNewSize() {
        let before = ctxlab_el_columns(editLine, 0)
        el_resize(editLine)
        guard ctxlab_el_columns(editLine, 0) != before else { return }
        write("\r\n\u{1B}[J")
        ctxlab_el_refresh(editLine)
    }
}
