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

    static let banner = """
    ctxlab 0.1 - Python 3.14's contextvars and asyncio, simulated exactly, with the live tree of contexts.
    Pre-imported: asyncio, contextvars, ContextVar, Context, copy_context. Top-level await works.
    Type :help for commands and keys, :quit or Ctrl-D to leave.
    """

    func runInteractive() {
        let history = HistoryLocation.resolveForCurrentProcess()
        guard let editor = try? LineEditor(programName: "ctxlab", historyFile: history) else {
            runPiped()
            return
        }
        editor.completer = { [unowned self] line in Completion.candidates(for: line, in: self.session) }
        streams.write(Repl.banner + "\n", stderr: false)
        streams.flush()
        var buffer: [String] = []
        while true {
            let prompt = buffer.isEmpty ? ">>> " : "... "
            let indent = buffer.isEmpty ? "" : Repl.autoIndent(after: buffer.last!)
            installInterruptHandler()
            switch editor.readLine(prompt: color ? "\u{1B}[1;32m\(prompt)\u{1B}[0m" : prompt, initialText: indent) {
            case .eof:  // the editor has already printed the newline
                streams.flush()
                try? editor.saveHistory()
                return
            case .interrupted:
                buffer = []
                streams.write("KeyboardInterrupt\n", stderr: false)
                streams.flush()
                continue
            case .line(let text):
                // A recalled multi-line entry comes back whole.
                buffer += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            let input = buffer.joined(separator: "\n")
            if case .incomplete = classifyInteractiveInput(input), !input.hasPrefix(":") { continue }
            buffer = []
            editor.addHistory(input)
            installInterruptHandler()
            interruptPending = 0
            let keepGoing = session.submit(input)
            streams.flush()
            if !keepGoing { break }
        }
        try? editor.saveHistory()
    }

    /// After a line ending with ':' the next line is indented one level deeper; otherwise it keeps
    /// the previous line's indentation (an empty line ends the block).
    static func autoIndent(after line: String) -> String {
        let current = String(line.prefix { $0 == " " })
        let trimmed = line.trimmingTrailingSpaces
        if trimmed.isEmpty { return "" }
        return trimmed.hasSuffix(":") ? current + "    " : current
    }

    /// Standard input is not a terminal: read the statements, echo each with its prompt, run it.
    func runPiped() {
        installInterruptHandler()
        var text = ""
        while let line = readLine(strippingNewline: false) { text += line }
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
