import Foundation
import Testing

/// CPython's own tests of contextvars, `Lib/test/test_context.py`, run under ctxlab from the
/// installed CPython (read at test time, never copied into the project). Its HAMT tests need
/// CPython's `_testinternalcapi` and are skipped, as unittest reports a skip; everything else
/// must pass. Without an installed CPython 3.13+ that has the file, the test says it was skipped.
@Suite struct PeerTestSuiteTests {
    static var testContext: String? { peerTest("test/test_context.py") }

    /// Runs a peer test file with `-v` under ctxlab, prints its summary and expects status 0:
    /// (the run, its stderr lines, the "Ran N tests" line, the OK/FAILED verdict).
    static func runPeer(_ path: String, _ label: String) throws -> ((stdout: String, stderr: String, status: Int32), [String], String, String) {
        let run = ConformanceTests.runSource(try String(contentsOfFile: path, encoding: .utf8), filename: path, arguments: ["-v"])
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let ran = lines.first { $0.hasPrefix("Ran ") } ?? "(no summary)"
        let verdict = lines.last { $0.hasPrefix("OK") || $0.hasPrefix("FAILED") } ?? "(no verdict)"
        print("CPython's \(label) under ctxlab: \(ran); \(verdict)")
        #expect(run.status == 0, "\(label) failed under ctxlab:\n\(run.stderr)")
        return (run, lines, ran, verdict)
    }

    /// `relative` inside the installed CPython's Lib/, when it is there.
    static func peerTest(_ relative: String) -> String? {
        guard let py = LiveCPythonTests.python,
              let out = try? LiveCPythonTests.run(py.path, ["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"]),
              out.status == 0 else { return nil }
        let path = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/" + relative
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// `Lib/test/test_asyncio/test_context.py`: decimal's context is a context variable, so two
    /// tasks each with their own `localcontext()` precision divide at their own precision.
    @Test func cpythonsAsyncioTestContextPassesUnderCtxlab() throws {
        guard let path = Self.peerTest("test/test_asyncio/test_context.py") else {
            print("CPython's test_asyncio/test_context.py SKIPPED: no installed CPython 3.13+ with it")
            return
        }
        let (_, lines, ran, verdict) = try Self.runPeer(path, "test_asyncio/test_context.py")
        #expect(ran.hasPrefix("Ran 1 test"))
        #expect(verdict == "OK")
        #expect(lines.contains("test_asyncio_task_decimal_context (__main__.DecimalContextTest.test_asyncio_task_decimal_context) ... ok"))
    }

    @Test func cpythonsTestContextPassesUnderCtxlab() throws {
        guard let path = Self.testContext else {
            print("CPython's test_context.py SKIPPED: no installed CPython 3.13+ with Lib/test/test_context.py")
            return
        }
        let (_, lines, _, verdict) = try Self.runPeer(path, "test_context.py")
        #expect(verdict.hasPrefix("OK"))
        // Only the HAMT tests (CPython internals) may be skipped.
        for line in lines where line.contains("... skipped") {
            #expect(line.contains("HamtTest") && line.contains("_testinternalcapi.hamt() not available"), "unexpected skip: \(line)")
        }
        #expect(lines.filter { $0.hasSuffix("... ok") }.count >= 20, "fewer tests passed than test_context.py has outside HAMT")
    }
}
