import CEditLine

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Interactive line input with Emacs editing, persistent history, Ctrl-R search and Tab
/// completion: the only Swift type that touches libedit.
///
/// ```
/// LineEditor ──owns──> EditLine* (el_init)  ──EL_HIST──> History* (libedit's copy, for ↑ ↓ ^R)
///     │                   │ callbacks find the editor again through EL_CLIENTDATA:
///     │                   ├─ EL_PROMPT_ESC  promptFunction   -> promptBuffer
///     │                   ├─ EL_GETCFN      readFunction     -> readCharacter() (polls tty + SignalRelay)
///     │                   ├─ EL_ADDFN ^I    completeFunction -> complete() (CompletionPlanner)
///     │                   ├─ EL_ADDFN ^D    eofOrDeleteFunction (EOF only on an empty line)
///     │                   └─ EL_ADDFN ESC[200~ pasteFunction -> paste() (bracketed paste)
///     └──owns──> HistoryStore (plain Swift, the source of truth saved to historyFile)
/// ```
/// Invariant: every entry added to `history` is also entered into libedit's history, in
/// the same order, so what ↑ recalls is what `saveHistory()` writes.
public final class LineEditor {
    /// Completion candidates for the word at the cursor, given the line up to the cursor.
    ///
    /// Each candidate is a full replacement for the word before the cursor (for `print(ctx.ru`
    /// return `["ctx.run("]`, for `:he` return `[":help"]`). That word is the text after the
    /// last of `wordDelimiters`, or the longer suffix all candidates start with. One candidate:
    /// it is inserted; several: their common prefix is inserted, or, when there is nothing to
    /// add (the second Tab), they are listed in columns below the prompt. Tab on a blank line
    /// indents by four spaces. Nil: Tab only indents.
    public var completer: ((_ lineUpToCursor: String) -> [String])?

    /// Characters that separate words for completion; CPython's readline defaults.
    public var wordDelimiters: Set<Character> = CompletionPlanner.pythonDelimiters

    /// Where history is loaded from and saved to; nil keeps it in memory only.
    public let historyFile: String?

    /// Why the history file could not be read at start (the editor works without it).
    public internal(set) var historyLoadError: LineEditorError?

    let editLine: OpaquePointer
    let libeditHistory: OpaquePointer
    var history: HistoryStore
    let inputFD: Int32
    let outputStream: UnsafeMutablePointer<FILE>
    private let inputStream: UnsafeMutablePointer<FILE>
    var promptBuffer: UnsafeMutablePointer<CChar>
    var interrupted = false
    /// The whole text of a multi-line bracketed paste, set by `paste()` for `readLine`.
    var pendingPaste: String?
    var collector = UTF8Collector()

    /// Opens an editor on standard input and output and loads `historyFile` if it exists.
    ///
    /// Throws `.unavailable` only if libedit cannot be initialised; the caller should then
    /// read lines without editing.
    public convenience init(
        programName: String, historyFile: String?, maxHistory: Int = 1000
    ) throws(LineEditorError) {
        try self.init(
            programName: programName, historyFile: historyFile, maxHistory: maxHistory,
            inputFD: 0, outputFD: 1)
    }

    /// An editor on arbitrary descriptors (tests use a pipe), for the terminal type `terminalType`
    /// (nil: $TERM's). Tests name the type rather than set $TERM: changing the environment while
    /// other threads start processes is a data race.
    init(
        programName: String, historyFile: String?, maxHistory: Int, inputFD: Int32, outputFD: Int32,
        terminalType: String? = nil
    ) throws(LineEditorError) {
        Self.setUpLocaleOnce()
        var input: UnsafeMutablePointer<FILE>?
        var output: UnsafeMutablePointer<FILE>?
        guard let editLine = ctxlab_el_open(programName, inputFD, outputFD, &input, &output),
            let input, let output, let libeditHistory = history_init()
        else {
            throw .unavailable(reason: "libedit could not be initialised")
        }
        self.editLine = editLine
        self.libeditHistory = libeditHistory
        self.inputFD = inputFD
        self.inputStream = input
        self.outputStream = output
        self.historyFile = historyFile
        self.history = HistoryStore(capacity: maxHistory)
        self.promptBuffer = strdup("")
        if let terminalType { _ = ctxlab_el_set_terminal(editLine, terminalType) }
        configure()
        loadHistory()
    }

    deinit {
        el_end(editLine)
        history_end(libeditHistory)
        free(promptBuffer)
        ctxlab_close_stream(inputStream)
        ctxlab_close_stream(outputStream)
    }

    /// True when standard input and standard output are both terminals.
    public static var isInteractive: Bool {
        isatty(0) == 1 && isatty(1) == 1
    }

    /// libedit decodes multibyte input only after `setlocale(LC_CTYPE, "")`, before `el_init`.
    private static let localeSetUp: Void = ctxlab_setup_ctype_locale()
    private static func setUpLocaleOnce() { _ = localeSetUp }
}
