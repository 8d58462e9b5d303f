import CtxCore
import CtxLang
import CtxSession

/// How a case ended (a crash never gets here: it ends the process).
public enum CaseOutcome: String, CaseIterable, Sendable {
    /// Exit status 0.
    case finished
    /// Status 1: an uncaught exception, a syntax error, an unsupported construct, a deadlock.
    case failed
    /// The budget ran out and the case was interrupted (then ended however it ended).
    case interrupted
    /// Any other status (`sys.exit(3)`, ctxlab's internal-error status 70).
    case exited
    /// Status 70: ctxlab's "internal error" (a Swift error that was not a Python exception).
    case internalError
}

/// Runs cases in this process, each in a fresh interpreter (or a fresh REPL session), with its
/// output counted and dropped. Call it on a thread with a large stack, as ctxlab's commands do.
public struct CaseRunner {
    /// Where a case's first `outputLimit` bytes go (`--run-file` shows them); nil drops them.
    public var echo: ((String) -> Void)?
    public var outputLimit = 4096
    /// The interpreter's per-object memory limit: MemoryError past it. Smaller than ctxlab's
    /// default so that several big objects still fit the fuzzer's address-space limit.
    public var objectLimit = 256 << 20
    public let monitor: CaseMonitor

    public init(monitor: CaseMonitor) {
        self.monitor = monitor
    }

    public func run(_ c: FuzzCase, number: Int) -> CaseOutcome {
        monitor.begin(number, budget: c.pollBudget)
        defer { monitor.end() }
        let sink = OutputSink(limit: outputLimit, echo: echo)
        let status = c.mode == .program ? runProgram(c, sink) : runSession(c, sink)
        if monitor.interrupted.load(ordering: .relaxed) { return .interrupted }
        switch status {
        case 0: return .finished
        case 1: return .failed
        case 70: return .internalError
        default: return .exited
        }
    }

    /// As `ctxlab run FILE.py` runs it.
    private func runProgram(_ c: FuzzCase, _ sink: OutputSink) -> Int32 {
        let rt = Runtime()
        rt.write = { text, _ in sink.take(text) }
        let interpreter = Interpreter(runtime: rt, seed: 0)
        interpreter.memoryLimit = objectLimit
        let monitor = self.monitor
        interpreter.interruptRequested = { monitor.poll() }
        switch SourceDecoding.decode(c.body, filename: "fuzz.py") {
        case .failure(let e):
            sink.take(e.message + "\n")
            return 1
        case .success(let text):
            return Program.run(text, filename: "fuzz.py", interpreter: interpreter).exitStatus
        }
    }

    /// As `ctxlab < FILE.py` runs it: each top-level statement an input, the tree after each.
    private func runSession(_ c: FuzzCase, _ sink: OutputSink) -> Int32 {
        var options = Session.Options()
        options.seed = 0
        options.memoryLimit = objectLimit
        options.render.width = max(1, c.width)
        let session = Session(options: options) { text, _ in sink.take(text) }
        session.files = nil
        let monitor = self.monitor
        session.interruptFlag = { monitor.poll() }
        let text: String
        switch SourceDecoding.decode(c.body, filename: "<stdin>") {
        case .failure(let e):
            sink.take(e.message + "\n")
            return 1
        case .success(let t): text = t
        }
        for input in InputSplitter.split(text) {
            sink.take(">>> " + input + "\n")
            if !session.submit(input) { break }
        }
        return session.exitStatus ?? 0
    }
}

/// Counts a case's output and keeps (or shows) only its beginning.
final class OutputSink {
    private(set) var count = 0
    let limit: Int
    let echo: ((String) -> Void)?

    init(limit: Int, echo: ((String) -> Void)?) {
        self.limit = limit
        self.echo = echo
    }

    func take(_ text: String) {
        let before = count
        count += text.utf8.count
        guard let echo, before < limit else { return }
        echo(count <= limit ? text : String(decoding: text.utf8.prefix(limit - before), as: UTF8.self) + "\n[output cut at \(limit) bytes]\n")
    }
}
