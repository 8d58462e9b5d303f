import Foundation
import TestSupport
import Testing

/// The live cross-check: when a CPython >= 3.13 is installed, every conformance program is run
/// under it as well and its output compared with ctxlab's (programs marked `# expect: 3.14` need
/// 3.14). Without one, the suite says it was skipped.
@Suite struct LiveCPythonTests {
    static let python: (path: String, minor: Int)? = findCPython()

    static func findCPython() -> (String, Int)? {
        var candidates: [String] = []
        let env = ProcessInfo.processInfo.environment
        if let p = env["CTXLAB_CPYTHON"] { candidates.append(p) }
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            for name in ["python3.14", "python3.13"] { candidates.append("\(dir)/\(name)") }
        }
        let pyenvRoot = env["PYENV_ROOT"] ?? "\(NSHomeDirectory())/.pyenv"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "\(pyenvRoot)/versions")) ?? []
        for v in versions.sorted(by: >) { candidates.append("\(pyenvRoot)/versions/\(v)/bin/python3") }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) {
            guard let out = try? run(c, ["-c", "import sys; print(sys.version_info[1], getattr(sys, '_is_gil_enabled', lambda: True)())"]),
                  out.status == 0 else { continue }
            let parts = out.stdout.split(separator: " ")
            if let minor = Int(parts.first ?? ""), minor >= 13, parts.last?.hasPrefix("True") == true { return (c, minor) }
        }
        return nil
    }

    static func run(_ exe: String, _ args: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
        let r = try ChildProcess.run(
            exe, args, environment: ["PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"],
            timeout: 120)
        return (r.stdout, r.stderr, r.status)
    }

    @Test func reportsWhichCPythonIsUsed() {
        if let py = Self.python {
            print("live cross-check: CPython 3.\(py.minor) at \(py.path)")
        } else {
            print("live cross-check SKIPPED: no CPython >= 3.13 found (set CTXLAB_CPYTHON to enable it)")
        }
    }

    @Test(arguments: ConformanceTests.programs)
    func sameOutputAsLocalCPython(_ name: String) throws {
        guard let py = Self.python, let live = try Self.liveRun(name, py) else { return }
        let cpython = ConformanceTests.normalized(live.stdout, live.stderr, live.status)
        let ctxlab = try ConformanceTests.runUnderCtxlab(name)
        ConformanceTests.expectMatch(name) {
            #expect(ctxlab == cpython, "\(name): ctxlab differs from the live CPython 3.\(py.minor)")
        }
    }

    /// The live CPython's run of a conformance program, made once for both tests (each program
    /// is run by the stdout and the stderr test); nil when the program wants a newer CPython.
    static func liveRun(_ name: String, _ py: (path: String, minor: Int)) throws -> (stdout: String, stderr: String, status: Int32)? {
        if let cached = liveRuns.get(name) { return cached }
        let path = ConformanceTests.root.appendingPathComponent("programs").appendingPathComponent(name)
        let firstLine = (try String(contentsOf: path, encoding: .utf8)).split(separator: "\n").first ?? ""
        if firstLine.contains("expect: 3.14") && py.minor < 14 { return nil }
        let live = try Self.run(py.path, ["-X", "utf8", "-B", path.path])
        liveRuns.set(name, live)
        return live
    }

    final class RunCache: @unchecked Sendable {
        private var runs: [String: (stdout: String, stderr: String, status: Int32)] = [:]
        private let lock = NSLock()
        func get(_ name: String) -> (stdout: String, stderr: String, status: Int32)? { lock.withLock { runs[name] } }
        func set(_ name: String, _ run: (stdout: String, stderr: String, status: Int32)) { lock.withLock { runs[name] = run } }
    }
    static let liveRuns = RunCache()

    /// Programs whose standard error differs from CPython's beyond library frames, and why. Each
    /// is a recorded known issue, so the list cannot go stale.
    static let stderrDifferences: [String: String] = [
        "418": "no carets under a class pattern that raises in a case clause",
    ]

    /// The whole standard error, compared as CPython prints it (the conformance files keep only
    /// its last line): traceback order, chained exceptions, carets. Frames inside the standard
    /// library are left out of both sides, since ctxlab's library is its own (asyncio's runners
    /// and event loop are native in ctxlab; its re is one file where CPython's is a package).
    @Test(arguments: ConformanceTests.programs)
    func sameStandardErrorAsLocalCPython(_ name: String) throws {
        guard let py = Self.python, let live = try Self.liveRun(name, py) else { return }
        var n = Normalizer()
        let cpython = n.normalize(Self.withoutLibraryFrames(live.stderr))
        var m = Normalizer()
        let ctxlab = m.normalize(Self.withoutLibraryFrames(try ConformanceTests.runRaw(name).stderr))
        let check = { #expect(ctxlab == cpython, "\(name): standard error differs from the live CPython 3.\(py.minor)") }
        if let reason = Self.stderrDifferences[String(name.prefix(3))] {
            withKnownIssue(Comment(rawValue: reason)) { check() }
        } else {
            check()
        }
    }

    /// A traceback without the frames of library files (`File "<ctxlab>/Lib/…"`, `File
    /// "…/lib/python3.N/…"`): each such frame's `File` line and the source and caret lines under it.
    static func withoutLibraryFrames(_ text: String) -> String {
        var out: [Substring] = []
        var skipping = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  File \"") {
                skipping = line.contains("\"<ctxlab>/Lib/") || line.contains("/lib/python3.")
                if skipping { continue }
            } else if skipping, line.hasPrefix("    ") {
                continue
            } else {
                skipping = false
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }
}
