import ArgumentParser
import CtxCore
import CtxLang
#if canImport(Glibc)
import Glibc
#endif

/// The command line: argument parsing and wiring only. Everything else lives in the libraries.
@main
struct CtxLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctxlab",
        abstract: "See Python's contextvars and asyncio context propagation, exactly as CPython behaves.",
        version: "0.1.0",
        subcommands: [Run.self]
    )
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Python program the way `python3 FILE.py` does.")

    @Argument(help: "The program to run, or - for standard input.")
    var file: String

    @Option(help: "Seed for uuid.uuid4(), for reproducible output.")
    var seed: UInt64?

    func run() throws {
        let source: String
        let filename: String
        if file == "-" {
            var text = ""
            while let line = readLine(strippingNewline: false) { text += line }
            source = text
            filename = "<stdin>"
        } else {
            guard let text = readTextFile(file) else {
                printError("ctxlab: can't open file '\(file)': No such file or readable text file")
                throw ExitCode(2)
            }
            source = text
            filename = file
        }
        let status = runProgram(source, filename: filename, seed: seed)
        if status != 0 { throw ExitCode(status) }
    }
}
