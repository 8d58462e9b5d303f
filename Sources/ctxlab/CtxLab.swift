import ArgumentParser
import CtxCore
import CtxLang
import CtxSession
import CtxView
import LineEditor
#if canImport(Glibc)
import Glibc
#endif

/// The command line: argument parsing and wiring only. Everything else lives in the libraries.
@main
struct CtxLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctxlab",
        abstract: "See Python's contextvars and asyncio context propagation, exactly as CPython 3.14 behaves.",
        discussion: "With no subcommand, starts the interactive REPL.",
        version: "0.1.0",
        subcommands: [Repl.Command.self, Run.self, Check.self, Record.self, Replay.self, Demo.self, Export.self, BenchTree.self, FuzzCommand.self],
        defaultSubcommand: Repl.Command.self
    )

    static func main() {
        installResidentMemoryLimit()
        let names = configuration.subcommands.map { $0._commandName }
        switch Shortcuts.rewrite(Array(CommandLine.arguments.dropFirst()), subcommands: names + ["help"]) {
        case .arguments(let arguments):
            main(arguments)
        case .unknownCommand(let word, let suggestion):
            printError("ctxlab: '\(word)' is not a command or a .py file" + (suggestion.map { ". Did you mean: ctxlab \($0)?" } ?? " (ctxlab --help lists the commands)"))
            Glibc.exit(2)
        }
    }
}

extension ColorFlag: ExpressibleByArgument {}

extension Repl {
    struct Command: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repl", abstract: "The interactive REPL (the default).")

        @Option(help: "Colour: auto, always or never (then NO_COLOR, FORCE_COLOR, TERM=dumb decide).")
        var color: ColorFlag = .auto

        @Flag(help: "Do not show pitfall hints.")
        var noHints = false

        @Flag(help: "Draw the tree with ASCII characters only.")
        var ascii = false

        @Option(help: "Seed for uuid.uuid4().")
        var seed: UInt64 = 0

        @Flag(help: "Name contexts C1, C2… (in creation order) instead of by address.")
        var shortIds = false

        func run() throws {
            let interactive = LineEditor.isInteractive
            var exitStatus: Int32 = 0
            onLargeStack {
                let repl = Repl.make(color: color, hints: !noHints, ascii: ascii, seed: seed)
                repl.session.options.shortIds = shortIds
                if interactive { repl.runInteractive() } else { repl.runPiped() }
                exitStatus = repl.session.exitStatus ?? 0
            }
            if exitStatus != 0 { throw ExitCode(exitStatus) }
        }
    }

    /// A REPL set up from the command line's options and the environment.
    static func make(color: ColorFlag = .auto, hints: Bool = true, ascii: Bool = false, seed: UInt64 = 0) -> Repl {
        let env = environment()
        var options = Session.Options()
        options.hints = hints
        options.seed = seed
        options.memoryLimit = memoryLimitFromEnvironment()
        let useColor = ColorPolicy.decide(flag: color, environment: env, isTTY: isatty(1) == 1)
        options.render = RenderOptions(
            width: TerminalWidth.resolve(environment: env, terminalColumns: terminalColumns()),
            color: useColor, unicode: !ascii && env["TERM"] != "dumb")
        let repl = Repl(options: options, color: useColor)
        repl.followsTerminalWidth = Int(env["COLUMNS"] ?? "").map { $0 <= 0 } ?? true
        return repl
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Python program the way `python3 FILE.py` does.")

    @Argument(help: "The program to run, or - for standard input.")
    var file: String

    @Option(help: "Seed for uuid.uuid4(), for reproducible output (random without it, as in CPython).")
    var seed: UInt64?

    @Argument(parsing: .allUnrecognized, help: "Arguments for the program: its sys.argv[1:] (`ctxlab run test_x.py -v`).")
    var arguments: [String] = []

    func run() throws {
        let source: String, filename: String
        switch readPythonSource(file) {
        case .success(let s): (source, filename) = s
        case .failure(let f):
            printError(f.message)
            throw ExitCode(f.status)
        }
        let status = runProgram(source, filename: filename, seed: seed, arguments: arguments,
                                scriptArgument: file == "-" ? nil : file)
        if status != 0 { throw ExitCode(status) }
    }
}
