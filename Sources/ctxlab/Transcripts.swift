import ArgumentParser
import CtxSession
import LineEditor

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay transcripts (.pycon) in fresh sessions and compare with what they record.",
        discussion: "Deterministic: seeded uuid4, virtual time, width 80, no colour, whatever the terminal. Addresses (0x...) are compared loosely.")

    @Argument(help: "Transcript files.")
    var files: [String]

    @Flag(help: "Rewrite each transcript's recorded output with what ctxlab prints now.")
    var update = false

    func run() throws {
        var failed = 0
        for path in files {
            let text = try readTextOrExit(path)
            guard Transcript(parsing: text).inputs.count > 0 else {
                printError("ctxlab: \(path) is not a transcript: it has no `>>> ` input (a .py file? ctxlab record OUT.pycon --from \(path) makes one)")
                throw ExitCode(2)
            }
            let replayed = onLargeStack { Transcript(parsing: text).replayed().text }
            if update {
                if replayed != text { try DiskFiles().write(path, replayed) }
                print("\(path): \(replayed == text ? "unchanged" : "updated")")
                continue
            }
            if replayed.addressesLoosened == text.addressesLoosened {
                print("\(path): ok")
            } else {
                failed += 1
                print(LineDiff.unified(text, replayed, oldName: "\(path) (expected)", newName: "\(path) (ctxlab now)"), terminator: "")
                print("\(path): FAILED")
            }
        }
        if !update { print("\(files.count - failed) passed, \(failed) failed") }
        if failed > 0 { throw ExitCode(1) }
    }
}

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run statements from standard input (or FILE.py with --from) and save them as a transcript.")

    @Argument(help: "The transcript to write (.pycon).")
    var output: String

    @Option(name: .customLong("from"), help: "Read the inputs from this .py file instead of standard input.")
    var source: String?

    func run() throws {
        if source == nil && LineEditor.isInteractive { return try recordInteractively() }
        var text = ""
        if let source {
            switch readPythonSource(source) {
            case .success(let s): text = s.text
            case .failure(let f):
                printError(f.message)
                throw ExitCode(f.status)
            }
        } else {
            switch readPythonSource("-") {
            case .success(let s): text = s.text
            case .failure(let f):
                printError(f.message)
                throw ExitCode(f.status)
            }
        }
        let inputs = InputSplitter.split(text)
        let transcript = onLargeStack { Transcript.record(inputs: inputs, options: Transcript.checkOptions) }
        try DiskFiles().write(output, transcript)
        print("recorded \(inputs.count) inputs to \(output)")
    }

    /// On a terminal: the REPL as usual; on the way out the session becomes the transcript.
    func recordInteractively() throws {
        var written: Result<Int, Error> = .success(0)
        onLargeStack {
            let repl = Repl.make()
            repl.streams.write("ctxlab record: type as usual; Ctrl-D, exit or :quit ends the session and writes \(output).\n", stderr: false)
            repl.runInteractive()
            let inputs = repl.session.history
            written = Result {
                try DiskFiles().write(output, Transcript.record(inputs: inputs, options: Transcript.checkOptions))
                return inputs.count
            }
        }
        let count = try written.get()
        print("recorded \(count) input\(count == 1 ? "" : "s") to \(output) (check it with: ctxlab check \(output))")
    }
}
