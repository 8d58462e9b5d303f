import CtxLang
import CtxSession
import CtxView
import LineEditor
#if canImport(Glibc)
import Glibc
#endif

/// The interactive loop: libedit on a terminal; otherwise statements read from standard input
/// and echoed with their prompts, so `ctxlab < lesson.py` reads like a session.
final class Repl {
    let session: Session
    let streams = StandardStreams()
    let styler: OutputStyler
    let color: Bool
    let files = DiskFiles()
    /// The width follows the terminal (SIGWINCH) unless COLUMNS fixed it.
    var followsTerminalWidth = false

    init(options: Session.Options, color: Bool) {
        self.color = color
        styler = OutputStyler(style: Style(enabled: color))
        let streams = self.streams
        let styler = self.styler
        session = Session(options: options) { text, kind in
            streams.write(styler.render(text, kind), stderr: false)
        }
        session.files = files
        session.interruptFlag = {
            if interruptPending != 0 {
                interruptPending = 0
                return true
            }
            return false
        }
    }

    /// At most 80 columns a line: what a newcomer needs first, including the two surprises
    /// (a subset of Python; a virtual clock).
    static let banner = """
    ctxlab 0.1: Python 3.14's contextvars and asyncio, with the live context tree.
    A subset of Python; asyncio's clock is virtual (sleep(10) takes no time).
    Pre-imported: asyncio, contextvars, ContextVar, Context, copy_context.
    Top-level await works. :help lists commands and keys; exit or Ctrl-D leaves.
    """

    func runInteractive() {
        let history = HistoryLocation.resolveForCurrentProcess()
        guard let editor = try? LineEditor(programName: "ctxlab", historyFile: history) else {
            runPiped()
            return
        }
        editor.completer = { [unowned self] line in
            Completion.candidates(for: line, in: self.session, listDirectory: self.files.list)
        }
        session.options.inputNames = .numbered  // PyREPL's `<python-input-N>`, as at CPython's prompt
        streams.write(Repl.banner + "\n", stderr: false)
        streams.flush()
        var prompt = PromptState()
        while true {
            installInterruptHandler()
            let read = editor.readLine(prompt: styledPrompt(prompt.isContinuing ? "... " : ">>> "), initialText: prompt.initialText)
            let step: PromptState.Step
            switch read {
            case .eof:  // the editor has already printed the newline
                streams.flush()
                try? editor.saveHistory()
                return
            case .interrupted:
                prompt = PromptState(indentUnit: prompt.indentUnit)
                streams.write("KeyboardInterrupt\n", stderr: false)
                streams.flush()
                continue
            case .line(let text):
                step = prompt.entered(text)
            case .paste(let text):
                let (shown, next) = prompt.pasted(text)
                for line in shown { streams.write(styledPrompt("... ") + line + "\n", stderr: false) }
                streams.flush()
                step = next
            }
            guard case .run(let input) = step else { continue }
            editor.addHistory(input)
            if !run(input) { break }
        }
        try? editor.saveHistory()
    }

    /// Runs one input typed or pasted at the prompt; false when the session is over.
    func run(_ input: String) -> Bool {
        if let command = PromptInput.command(input, boundNames: session.isBound) {
            switch command {
            case .exit, .quit: return false
            case .help:
                session.showHelp()
                streams.flush()
                return true
            }
        }
        if followsTerminalWidth, let columns = terminalColumns() { session.options.render.width = columns }
        if Session.isInteractiveWalk(input) {
            WalkScreen(session: session, streams: streams).run()
            return true
        }
        installInterruptHandler()
        interruptPending = 0
        let keepGoing = session.submit(input, treeAfterEachStatement: true)
        streams.flush()
        return keepGoing
    }

    /// The coloured prompt. The reset goes before the prompt's last (visible) space: libedit
    /// writes an escape sequence with the next visible character, and one at the very end of
    /// the prompt would go with the first typed one and be lost, leaving typed text coloured.
    func styledPrompt(_ prompt: String) -> String {
        guard color else { return prompt }
        let mark = prompt.hasSuffix(" ") ? String(prompt.dropLast()) : prompt
        return "\u{1B}[1;32m\(mark)\u{1B}[0m" + (prompt.hasSuffix(" ") ? " " : "")
    }

    /// Standard input is not a terminal: read the statements, echo each with its prompt, run it.
    /// What arrives this way may be a stranger's lesson, so `:load`, `:save` and `:record`
    /// are refused: they work only when a person types them at a terminal.
    func runPiped() {
        installInterruptHandler()
        session.files = nil
        let text: String
        switch readStandardInput() {
        case .success(let bytes):
            switch SourceDecoding.decode(bytes, filename: "<stdin>") {
            case .success(let t): text = t
            case .failure(let e):
                printError(e.message)
                exit(1)
            }
        case .failure(let f):
            printError("ctxlab: \(f)")
            exit(2)
        }
        for input in InputSplitter.split(text) {
            let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, l) in lines.enumerated() where !(i == lines.count - 1 && l.isEmpty && i > 0) {
                streams.write((i == 0 ? ">>> " : (l.isEmpty ? "..." : "... ")) + l + "\n", stderr: false)
            }
            if input.hasSuffix("\n") { streams.write("...\n", stderr: false) }
            let keepGoing = session.submit(input)
            streams.flush()
            if !keepGoing { return }
        }
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
