import CtxLang
#if canImport(Glibc)
import Glibc
#endif

/// The limits a fuzz process runs under (`ctxlab fuzz`'s options).
public struct FuzzSettings: Sendable {
    public var seed: UInt64 = 1
    /// The checkout whose corpus mutations start from.
    public var corpusRoot = "."
    /// CPU time before a case with the default budget is interrupted (bigger budgets: up to 4×).
    public var softSeconds = 0.1
    /// CPU time without an interrupt poll that makes a hang.
    public var hangSeconds = 5.0
    /// CPU time after which a case that still polls (and swallows KeyboardInterrupt) is given up.
    public var runawaySeconds = 2.0
    /// The address-space limit; a quarter of it recycles the process between cases, half of it
    /// interrupts a case, three quarters of it while no case polls is a finding.
    public var memoryMB = 2048
    /// Interrupt a case once the process is this big (nil: half of `memoryMB`).
    public var softMemoryMB: Int?
    /// After the fuzzer's crash line, let Swift's backtracer print too.
    public var chainToSwift = false

    public init() {}
}

/// How a run of cases went.
public struct FuzzSummary: Sendable {
    public var cases: Range<UInt64>
    /// Where the run stopped: `cases.upperBound`, or earlier when the process recycled itself.
    public var end: UInt64
    public var seconds: Double
    public var outcomes: [CaseOutcome: Int]
    public var residentMB: Int

    /// The line scripts/fuzz.py and the tests read.
    public func line(seed: UInt64) -> String {
        let ran = end - cases.lowerBound
        let rate = seconds > 0 ? Double(ran) / seconds : 0
        let counts = CaseOutcome.allCases.map { "\($0.rawValue) \(outcomes[$0, default: 0])" }.joined(separator: ", ")
        return "ctxfuzz: seed \(seed), cases \(cases.lowerBound)..<\(end): \(ran) in \(oneDecimal(seconds)) s, "
            + "\(oneDecimal(rate)) cases/s (\(counts)); resident \(residentMB) MiB"
    }
}

/// Runs generated cases in this process, one after the other, under the crash guard and the
/// watchdog. Everything a person reads goes to `report`; nothing here prints.
public final class FuzzLoop {
    public let settings: FuzzSettings
    public let monitor: CaseMonitor
    /// Report cases slower than this (seconds), and the resident size every `memoryEvery` cases.
    public var slow: Double?
    public var memoryEvery: UInt64?

    public init(settings: FuzzSettings) {
        self.settings = settings
        let memory = settings.memoryMB > 0 ? settings.memoryMB : 1 << 20
        monitor = CaseMonitor(softSeconds: settings.softSeconds, softMemoryMB: settings.softMemoryMB ?? memory / 2)
        // MemoryError past three quarters of the address-space limit: a case that goes on
        // allocating after its interrupt (`finally: f()`) meets MemoryError, not a failed malloc.
        let monitor = monitor
        Interpreter.residentMemory = (bytes: { monitor.residentBytes() }, limit: (memory << 20) / 4 * 3)
    }

    /// No input from a terminal, and the address-space limit: a case asking for more gets a
    /// failed allocation (a finding) instead of the machine's memory.
    public func isolateProcess() {
        let null = open("/dev/null", O_RDONLY)
        if null >= 0 {
            dup2(null, 0)
            close(null)
        }
        guard settings.memoryMB > 0 else { return }
        let resource = __rlimit_resource_t(RLIMIT_AS.rawValue)
        var limit = rlimit(rlim_cur: rlim_t(settings.memoryMB) << 20, rlim_max: rlim_t(settings.memoryMB) << 20)
        var current = rlimit()
        if getrlimit(resource, &current) == 0, current.rlim_max != rlim_t.max, current.rlim_max < limit.rlim_max {
            limit = rlimit(rlim_cur: current.rlim_max, rlim_max: current.rlim_max)
        }
        setrlimit(resource, &limit)
    }

    /// The crash handlers and the watchdog: after this, a crash or hang leaves its report.
    public func guardProcess(progress: ProgressFile?) {
        CrashGuard.install(monitor: monitor, chainToSwift: settings.chainToSwift)
        let memory = settings.memoryMB > 0 ? settings.memoryMB * 3 / 4 : 0
        Watchdog(monitor: monitor, hangSeconds: settings.hangSeconds, runawaySeconds: settings.runawaySeconds,
                 memoryMB: memory, progress: progress).start()
    }

    /// The generator for the seed (reads the corpus and derives the API surface: call it on a
    /// large stack, as it runs the interpreter).
    public func generator() -> CaseGenerator {
        CaseGenerator(seed: settings.seed, corpus: Corpus.load(root: settings.corpusRoot), surface: APISurface.derive())
    }

    /// Runs `cases`, writing each number to `progress` before the case starts. Interpreters
    /// leak what their reference cycles hold, so a process grown past a quarter of its memory
    /// limit stops early (`summary.end`; the progress file says `recycle K`).
    public func run(_ cases: Range<UInt64>, progress: ProgressFile?, report: @escaping (String) -> Void) -> FuzzSummary {
        var summary = FuzzSummary(cases: cases, end: cases.upperBound, seconds: 0, outcomes: [:], residentMB: 0)
        let recycleBytes = (settings.memoryMB > 0 ? settings.memoryMB / 4 : 1024) << 20
        runOnFuzzStack {
            let generator = self.generator()
            let runner = CaseRunner(monitor: self.monitor)
            let began = monotonicSeconds()
            for k in cases {
                if k > cases.lowerBound && self.monitor.residentBytes() > recycleBytes {
                    summary.end = k
                    break
                }
                progress?.record("run \(k)")
                let c = generator.makeCase(k)
                let caseBegan = monotonicSeconds()
                let outcome = runner.run(c, number: Int(truncatingIfNeeded: k))
                summary.outcomes[outcome, default: 0] += 1
                self.note(k, c, outcome, seconds: monotonicSeconds() - caseBegan, from: cases.lowerBound, report)
            }
            summary.seconds = monotonicSeconds() - began
        }
        progress?.record(summary.end == cases.upperBound ? "done \(summary.end)" : "recycle \(summary.end)")
        summary.residentMB = monitor.residentBytes() >> 20
        return summary
    }

    private func note(_ k: UInt64, _ c: FuzzCase, _ outcome: CaseOutcome, seconds: Double, from start: UInt64, _ report: (String) -> Void) {
        if let slow, seconds > slow {
            report("@ctxfuzz-slow case=\(k) seconds=\(oneDecimal(seconds)) outcome=\(outcome.rawValue) origin=\(c.origin)")
        }
        if outcome == .internalError { report("@ctxfuzz-internal-error case=\(k)") }
        if let every = memoryEvery, every > 0, (k - start) % every == every - 1 {
            report("@ctxfuzz-memory after case \(k): resident \(monitor.residentBytes() >> 20) MiB")
        }
    }

    /// Runs one saved case `repetitions` times; its outcome and the seconds it took.
    public func runSaved(_ c: FuzzCase, repetitions: Int, echo: ((String) -> Void)?) -> (CaseOutcome, Double) {
        var outcome = CaseOutcome.finished
        var seconds = 0.0
        runOnFuzzStack {
            var runner = CaseRunner(monitor: self.monitor)
            runner.echo = echo
            let began = monotonicSeconds()
            for _ in 0..<max(1, repetitions) { outcome = runner.run(c, number: 0) }
            seconds = monotonicSeconds() - began
        }
        return (outcome, seconds)
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// `12.3`: one decimal, without Foundation.
public func oneDecimal(_ x: Double) -> String {
    let scaled = Int((x * 10).rounded())
    return "\(scaled / 10).\(scaled % 10)"
}
