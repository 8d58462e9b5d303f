import Foundation
import Testing

/// The promise that no input crashes ctxlab, checked on a bounded fuzz: generated cases (see
/// Sources/CtxFuzz) run through the real binary, `ctxlab fuzz`, in a subprocess. When the
/// process dies (a Swift trap, a stack overflow, a failed allocation, a hang Ctrl-C could not
/// end), the case it was running is read from its progress file, recorded, and the run goes on
/// from the next case. The test fails listing every crashing case with its source.
///
/// The long run is scripts/fuzz.py (minimized reproducers, crash sites); this is its smoke test.
/// `CTXLAB_FUZZ_CASES` (per half) and `CTXLAB_FUZZ_SEED` change the run.
@Suite("Fuzz: no generated input crashes ctxlab")
struct FuzzTests {
    static let casesPerHalf: UInt64 = UInt64(ProcessInfo.processInfo.environment["CTXLAB_FUZZ_CASES"] ?? "") ?? 1_000
    static let seed: UInt64 = UInt64(ProcessInfo.processInfo.environment["CTXLAB_FUZZ_SEED"] ?? "") ?? 1

    /// Two halves, so that the two run side by side.
    @Test("generated cases run without crashing ctxlab", arguments: [0, 1])
    func noCrash(half: Int) throws {
        let binary = try #require(FuzzHarness.binary, "no ctxlab binary: build it first (swift build --product ctxlab)")
        let start = UInt64(half) * Self.casesPerHalf
        let run = try FuzzHarness.run(binary: binary, seed: Self.seed, start: start, count: Self.casesPerHalf)
        print("FuzzTests: cases \(start)..<\(start + Self.casesPerHalf) of seed \(Self.seed): \(run.crashes.count) crashed, \(run.seconds) s")
        guard !run.crashes.isEmpty else { return }
        var report = "\(run.crashes.count) of \(Self.casesPerHalf) generated cases crashed ctxlab (seed \(Self.seed)); "
        report += "each is reproducible with `ctxlab fuzz --seed \(Self.seed) --print-case K > case.py` and "
        report += "`ctxlab fuzz --run-file case.py` (scripts/fuzz.py minimizes them):\n"
        for crash in run.crashes {
            report += "\n--- case \(crash.number): \(crash.reason)\n"
            report += FuzzHarness.source(binary: binary, seed: Self.seed, case: crash.number)
        }
        print(report)
        Issue.record(Comment(rawValue: report))
    }
}

/// Runs `ctxlab fuzz` the way scripts/fuzz.py does, without Python.
enum FuzzHarness {
    struct Crash {
        var number: UInt64
        var reason: String
    }

    struct Run {
        var crashes: [Crash]
        var seconds: Int
    }

    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `CTXLAB_BINARY`, else the ctxlab built next to this test bundle (the same build), else
    /// `.build/debug/ctxlab` (what `bin/test` builds).
    static let binary: String? = {
        let fm = FileManager.default
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["CTXLAB_BINARY"] { candidates.append(explicit) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<3 {
            candidates.append(dir.appendingPathComponent("ctxlab").path)
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/ctxlab").path)
        return candidates.first { fm.isExecutableFile(atPath: $0) && !isDirectory($0) }
    }()

    static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    /// Runs cases `start ..< start + count`, restarting after each case that killed the process.
    static func run(binary: String, seed: UInt64, start: UInt64, count: UInt64) throws -> Run {
        let began = Date()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ctxfuzz-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let progress = dir.appendingPathComponent("progress").path
        let errors = dir.appendingPathComponent("stderr").path
        var next = start
        let end = start + count
        var crashes: [Crash] = []
        while next < end {
            let arguments = [
                "fuzz", "--seed", "\(seed)", "--start", "\(next)", "--count", "\(end - next)", "--progress", progress,
                "--corpus", packageRoot.path, "--soft-seconds", "0.1", "--hang-seconds", "3",
                "--runaway-seconds", "3", "--memory-mb", "2048",
            ]
            let outcome = try spawn(binary, arguments, stderrPath: errors, progressPath: progress, stall: 60)
            let record = (try? String(contentsOfFile: progress, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let words = record.split(separator: " ")
            if (outcome.status == 0 || outcome.status == 3) && !outcome.signaled && !outcome.stalled {
                // `recycle K`: the process had grown too big (interpreters leak) and stopped before K.
                if words.count == 2, words[0] == "recycle", let k = UInt64(words[1]), k > next, k < end {
                    next = k
                    continue
                }
                break
            }
            guard words.count == 2, let k = UInt64(words[1]), k >= next, k < end else {
                let text = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
                throw HarnessFailure(description: "ctxlab fuzz failed before its first case (status \(outcome.status)): \(text.suffix(2000))")
            }
            if words[0] == "runaway" && outcome.status == 125 {
                next = k + 1  // the case swallows KeyboardInterrupt: not a crash
                continue
            }
            let stderr = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            crashes.append(Crash(number: k, reason: describe(outcome, record: record, stderr: stderr)))
            next = k + 1
        }
        return Run(crashes: crashes, seconds: Int(Date().timeIntervalSince(began)))
    }

    /// "SIGILL (trap)", "hang (no interrupt poll for 20 s)", with Swift's fatal error message.
    static func describe(_ outcome: Outcome, record: String, stderr: String) -> String {
        let names: [Int32: String] = [4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV"]
        var reason: String
        if outcome.stalled {
            reason = "timeout (no progress for 60 s; killed)"
        } else if record.hasPrefix("hang") || outcome.status == 124 {
            reason = "hang (no interrupt poll for 3 s of CPU time: Ctrl-C could not stop it)"
        } else if outcome.signaled {
            reason = names[outcome.status] ?? "signal \(outcome.status)"
        } else {
            reason = "exit status \(outcome.status)"
        }
        if let line = stderr.split(separator: "\n").last(where: { $0.hasPrefix("@ctxfuzz-crash") }),
           let kind = line.split(separator: " ").first(where: { $0.hasPrefix("kind=") }) {
            reason += " (\(kind.dropFirst(5)))"
        }
        if let fatal = stderr.split(separator: "\n").last(where: { $0.contains("Fatal error") }) {
            reason += ": " + fatal
        }
        return reason
    }

    static func source(binary: String, seed: UInt64, case number: UInt64) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ctxfuzz-case-\(UUID().uuidString).py").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let args = ["fuzz", "--seed", "\(seed)", "--print-case", "\(number)", "--corpus", packageRoot.path]
        guard let pid = try? launch(binary, args, stdoutPath: path, stderrPath: "/dev/null") else { return "(could not print the case)\n" }
        _ = wait(pid)
        var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(could not print the case)"
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    struct Outcome {
        var status: Int32
        var signaled: Bool
        var stalled: Bool
    }

    struct HarnessFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the fuzzer, killing it when its progress file stops changing for `stall` seconds.
    static func spawn(_ exe: String, _ args: [String], stderrPath: String, progressPath: String, stall: TimeInterval) throws -> Outcome {
        let pid = try launch(exe, args, stdoutPath: "/dev/null", stderrPath: stderrPath)
        var last = ""
        var changed = Date()
        var stalled = false
        while true {
            var status: Int32 = 0
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return outcome(status, stalled: false) }
            if r < 0 && errno != EINTR { return Outcome(status: -1, signaled: false, stalled: false) }
            Thread.sleep(forTimeInterval: 0.1)
            let record = (try? String(contentsOfFile: progressPath, encoding: .utf8)) ?? ""
            if record != last {
                last = record
                changed = Date()
            } else if Date().timeIntervalSince(changed) > stall, !stalled {
                stalled = true
                kill(pid, SIGKILL)
                return outcome(wait(pid), stalled: true)
            }
        }
    }

    static func outcome(_ status: Int32, stalled: Bool) -> Outcome {
        let signal = status & 0x7f
        if signal != 0 { return Outcome(status: signal, signaled: true, stalled: stalled) }
        return Outcome(status: (status >> 8) & 0xff, signaled: false, stalled: stalled)
    }

    /// The raw wait status of `pid`.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// Starts `exe` with posix_spawn, not Foundation's Process: the tests run side by side and
    /// Process is not safe to use from several threads at once on Linux. Signal dispositions
    /// and the mask are reset in the child (Swift Testing's threads block most signals, and the
    /// fuzzer's hang report needs SIGUSR2); Swift's own backtracer is off (the fuzzer reports
    /// crashes itself, faster).
    static func launch(_ exe: String, _ args: [String], stdoutPath: String, stderrPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        let argv: [UnsafeMutablePointer<CChar>?] = ([exe] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let r = posix_spawn(&pid, exe, &actions, &attr, argv, envp)
        guard r == 0 else { throw HarnessFailure(description: "could not start \(exe): \(String(cString: strerror(r)))") }
        return pid
    }
}
