import CtxSession
import Foundation
import TestSupport
import Testing

/// The lessons in `transcripts/` are spec, demo and test at once (docs/transcripts.md):
/// - each one must replay in a fresh session exactly as recorded (addresses compared loosely);
/// - their Python inputs must print the same in real CPython, replayed the way 3.14's asyncio
///   REPL runs them (`Tests/TranscriptCrossCheck/crosscheck.py`), when a CPython >= 3.11 is found.
@Suite struct CurriculumTests {
    /// The package root, three levels up from this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let transcripts = root.appendingPathComponent("transcripts")
    static let crossCheck = root.appendingPathComponent("Tests/TranscriptCrossCheck/crosscheck.py")

    /// Every `transcripts/*.pycon`, sorted.
    static let lessons: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: transcripts.path)) ?? [])
        .filter { $0.hasSuffix(".pycon") }.sorted()

    @Test func thereAreSixLessons() {
        #expect(Self.lessons.count >= 6, "expected the six lessons in \(Self.transcripts.path)")
    }

    @Test(arguments: lessons)
    func lessonReplaysAsRecorded(_ name: String) throws {
        let text = try String(contentsOf: Self.transcripts.appendingPathComponent(name), encoding: .utf8)
        let replayed = Self.onLargeStack { Transcript(parsing: text).replayed().text }
        let same = Self.loosened(replayed) == Self.loosened(text)
        #expect(same, "\(name) differs from what ctxlab prints now (ctxlab check --update rewrites it):\n\(LineDiff.unified(text, replayed, oldName: "\(name) (recorded)", newName: "\(name) (ctxlab now)"))")
    }

    @Test func lessonsAgreeWithCPython() throws {
        guard let python = Self.newestCPython() else {
            print("transcript cross-check SKIPPED: no CPython >= 3.11 found (set CTXLAB_CPYTHON to choose one)")
            return
        }
        print("transcript cross-check: CPython \(python.version.map(String.init).joined(separator: ".")) at \(python.path)")
        let result = try Self.run(python.path, [Self.crossCheck.path])
        print(result.stdout, terminator: "")
        #expect(result.status == 0, "crosscheck.py failed under \(python.path):\n\(result.stdout)\(result.stderr)")
    }

    // MARK: - Support

    /// Addresses compared loosely, exactly as `ctxlab check` compares them.
    static func loosened(_ text: String) -> String { text.addressesLoosened }

    /// The newest CPython >= 3.11 among: $CTXLAB_CPYTHON (which wins when it qualifies),
    /// python3.14 and python3.13 on the PATH, every pyenv version, python3 on the PATH.
    static func newestCPython() -> (path: String, version: [Int])? {
        let env = ProcessInfo.processInfo.environment
        if let chosen = env["CTXLAB_CPYTHON"], let version = cpythonVersion(chosen) { return (chosen, version) }
        var candidates: [String] = []
        let path = (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["python3.14", "python3.13"] { candidates += path.map { "\($0)/\(name)" } }
        let pyenvRoot = env["PYENV_ROOT"] ?? "\(NSHomeDirectory())/.pyenv"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "\(pyenvRoot)/versions")) ?? []
        candidates += versions.map { "\(pyenvRoot)/versions/\($0)/bin/python3" }
        candidates += path.map { "\($0)/python3" }
        var best: (path: String, version: [Int])?
        var seen = Set<String>()
        for candidate in candidates where seen.insert(candidate).inserted {
            guard let version = cpythonVersion(candidate) else { continue }
            if let current = best, !current.version.lexicographicallyPrecedes(version) { continue }
            best = (candidate, version)
        }
        return best
    }

    /// `[3, 13, 0]` when `path` is a working CPython >= 3.11, else nil.
    static func cpythonVersion(_ path: String) -> [Int]? {
        guard FileManager.default.isExecutableFile(atPath: path),
              let out = try? run(path, ["-c", "import sys; print(sys.implementation.name, *sys.version_info[:3])"]),
              out.status == 0 else { return nil }
        let words = out.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.first == "cpython" else { return nil }
        let version = words.dropFirst().compactMap { Int($0) }
        return version.count == 3 && version.lexicographicallyPrecedes([3, 11]) == false ? version : nil
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
        var env = ProcessInfo.processInfo.environment
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONSTARTUP"] = nil
        let r = try ChildProcess.run(executable, arguments, environment: env, timeout: 120)
        return (r.stdout, r.stderr, r.status)
    }

    /// Runs `body` on a thread with a 1 GiB stack, as the ctxlab executable does: deep Python
    /// recursion in a lesson must not depend on the test runner's thread size.
    static func onLargeStack<T>(_ body: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 1 << 30
        thread.start()
        done.wait()
        return box.value!
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
