import ArgumentParser
import CtxFuzz

/// `ctxlab fuzz`: runs generated cases in this process, each in a fresh interpreter or session,
/// to show that no input crashes ctxlab. scripts/fuzz.py drives it; hidden from --help. The
/// work is CtxFuzz's `FuzzLoop`; this is options and output.
struct FuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Run generated inputs in-process, looking for crashes (see scripts/fuzz.py).",
        shouldDisplay: false)

    @Option(help: "The generator's seed.") var seed: UInt64 = 1
    @Option(help: "How many cases to run.") var count: UInt64 = 1000
    @Option(help: "The first case to run.") var start: UInt64 = 0
    @Option(name: .customLong("print-case"), help: "Print the source of case K and exit.") var printCase: UInt64?
    @Option(name: .customLong("run-file"), help: "Run one saved case (its header gives mode and budget).") var runFile: String?
    @Option(help: "With --run-file: program or session, whatever the header says.") var mode: String?
    @Option(name: .customLong("repeat"), help: "With --run-file: run it this many times (timing, leaks).") var repetitions: Int = 1
    @Flag(name: .customLong("show-output"), help: "With --run-file: show the case's output.") var showOutput = false
    @Option(help: "File rewritten with the running case's number before each case.") var progress: String?
    @Option(help: "The ctxlab checkout whose corpus mutations start from.") var corpus: String = FuzzCommand.packageRoot
    @Option(name: .customLong("soft-seconds"), help: "Interrupt a case after this much CPU time (up to 4x for bigger budgets).")
    var softSeconds: Double = 0.1
    @Option(name: .customLong("hang-seconds"), help: "This much CPU time without an interrupt poll is a hang.")
    var hangSeconds: Double = 5
    @Option(name: .customLong("runaway-seconds"), help: "Give up on a case that still polls after this much CPU time.")
    var runawaySeconds: Double = 2
    @Option(name: .customLong("memory-mb"), help: "Address-space limit (0: none); see FuzzSettings for the fractions.")
    var memoryMB: Int = 2048
    @Option(name: .customLong("soft-memory-mb"), help: "Interrupt a case once the process is this big (default: half of --memory-mb).")
    var softMemoryMB: Int?
    @Flag(name: .customLong("swift-backtrace"), help: "After the fuzzer's crash line, let Swift's backtracer print too.")
    var swiftBacktrace = false
    @Flag(name: .customLong("list-api"), help: "Print the API surface derived from the interpreter and exit.") var listAPI = false
    @Option(help: "Report cases that take longer than this many seconds.") var slow: Double?
    @Option(name: .customLong("report-memory"), help: "Report the resident size every N cases.") var reportMemory: UInt64?

    /// The checkout this binary was built from (its corpus is the default).
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    var settings: FuzzSettings {
        var s = FuzzSettings()
        s.seed = seed
        s.corpusRoot = corpus
        s.softSeconds = softSeconds
        s.hangSeconds = hangSeconds
        s.runawaySeconds = runawaySeconds
        s.memoryMB = memoryMB
        s.softMemoryMB = softMemoryMB
        s.chainToSwift = swiftBacktrace
        return s
    }

    func run() throws {
        let loop = FuzzLoop(settings: settings)
        loop.isolateProcess()
        if let k = printCase {
            var bytes: [UInt8] = []
            runOnFuzzStack { bytes = loop.generator().makeCase(k).fileBytes }
            return writeAll(1, bytes)
        }
        if listAPI {
            var text = ""
            runOnFuzzStack { text = APISurface.derive().description }
            return print(text)
        }
        let progressFile = progress.flatMap { ProgressFile(path: $0) }
        loop.guardProcess(progress: progressFile)
        if let runFile { return try runSaved(runFile, loop) }
        loop.slow = slow
        loop.memoryEvery = reportMemory
        let summary = loop.run(start..<(start &+ count), progress: progressFile) { printError($0) }
        printError(summary.line(seed: seed))
        if summary.end < start &+ count {
            printError("ctxfuzz: stopped before case \(summary.end): the process grew past \(memoryMB / 4) MiB (interpreters leak their reference cycles); go on with --start \(summary.end)")
            throw ExitCode(FuzzCommand.recycledStatus)
        }
    }

    /// The exit status when the process stopped early to start afresh (scripts/fuzz.py goes on).
    static let recycledStatus: Int32 = 3

    /// `--run-file`: one saved case, as the fuzz loop runs it.
    func runSaved(_ path: String, _ loop: FuzzLoop) throws {
        guard let bytes = Corpus.readBytes(path) else {
            printError("ctxlab: can't read \(path)")
            throw ExitCode(2)
        }
        var c = FuzzCase(fileBytes: bytes)
        if let mode { c.mode = FuzzCase.Mode(rawValue: mode) ?? c.mode }
        let (outcome, seconds) = loop.runSaved(c, repetitions: repetitions, echo: showOutput ? { writeAll(1, Array($0.utf8)) } : nil)
        let timing = repetitions > 1 ? " (\(repetitions) runs in \(oneDecimal(seconds)) s; resident \(loop.monitor.residentBytes() >> 20) MiB)" : ""
        printError("ctxfuzz: \(path): \(c.mode.rawValue), \(outcome.rawValue)\(timing)")
    }
}
