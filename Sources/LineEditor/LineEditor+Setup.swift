import CEditLine

extension LineEditor {
    /// The key bindings and callbacks; see the diagram on `LineEditor`.
    func configure() {
        ctxlab_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        ctxlab_el_set_editor(editLine, "emacs")
        ctxlab_el_set_signal(editLine, 0)
        ctxlab_history_set_size(libeditHistory, Int32(clamping: history.capacity))
        ctxlab_history_set_unique(libeditHistory, 1)
        ctxlab_el_set_history(editLine, libeditHistory)
        ctxlab_el_set_prompt_esc(editLine, promptFunction, CChar(PromptEscapes.marker.asciiValue!))
        ctxlab_el_set_getcfn(editLine, readFunction)
        ctxlab_el_set_addfn(
            editLine, "ctxlab-complete", "Complete the word at the cursor", completeFunction)
        ctxlab_el_bind_key(editLine, "^I", "ctxlab-complete")
        ctxlab_el_set_addfn(
            editLine, "ctxlab-eof-or-delete", "EOF on an empty line, else delete",
            eofOrDeleteFunction)
        ctxlab_el_bind_key(editLine, "^D", "ctxlab-eof-or-delete")
        ctxlab_el_bind_key(editLine, "^R", "em-inc-search-prev")
        ctxlab_el_set_addfn(editLine, "ctxlab-paste", "Take a bracketed paste as it was copied", pasteFunction)
        ctxlab_el_bind_key(editLine, PastedText.start, "ctxlab-paste")
    }

    /// The editor whose EL_CLIENTDATA is set on `editLine`.
    static func owning(_ editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = ctxlab_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }
}

// The C callbacks. They capture nothing (C function pointers cannot) and find their editor
// through EL_CLIENTDATA.

/// EL_PROMPT_ESC: the current prompt, escape sequences wrapped in the ignore marker.
private let promptFunction: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<CChar>? = {
    LineEditor.owning($0)?.promptBuffer
}

/// EL_GETCFN: one character, 0 at end of input, -1 on Ctrl-C or a read error.
private let readFunction: ReadFunction = { editLine, character in
    guard let editor = LineEditor.owning(editLine), let character else { return -1 }
    return editor.readCharacter(into: character)
}

private typealias ReadFunction =
    @convention(c) (OpaquePointer?, UnsafeMutablePointer<wchar_t>?)
    -> Int32

/// EL_ADDFN "ctxlab-complete", bound to Tab.
private let completeFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    guard let editor = LineEditor.owning(editLine) else { return UInt8(CC_ERROR) }
    return editor.complete()
}

/// EL_ADDFN "ctxlab-paste", bound to ESC[200~ (the start of a bracketed paste).
private let pasteFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    guard let editor = LineEditor.owning(editLine) else { return UInt8(CC_ERROR) }
    return editor.paste()
}

/// EL_ADDFN "ctxlab-eof-or-delete", bound to Ctrl-D. libedit's own em-delete-or-list echoes
/// a visible "^D" before ending input; Python's REPL does not, so neither does ctxlab.
private let eofOrDeleteFunction: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { editLine, _ in
    guard let editLine, let line = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
    if line.buffer == line.lastchar { return UInt8(CC_EOF) }
    if line.cursor == line.lastchar { return UInt8(CC_ERROR) }
    el_cursor(editLine, 1)
    el_deletestr(editLine, 1)
    return UInt8(CC_REFRESH)
}
