import ArgumentParser
import CtxSession
import Foundation
import CtxView

#if canImport(Glibc)
import Glibc
#endif

/// `ctxlab bench-tree` (hidden; bench/run.sh calls it): how long drawing the live tree takes in a
/// real session holding N contexts: building the snapshot from the session plus rendering it, as
/// after every REPL command. Prints one line per scenario and size.
struct BenchTree: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-tree", abstract: "Time the live tree at N contexts (for bench/run.sh).",
        shouldDisplay: false)

    @Option(help: "Context counts to measure.")
    var nodes: [Int] = [50, 10_000]

    @Option(help: "Repetitions per figure (the median is printed).")
    var runs: Int = 5

    @Option(help: "Only these scenarios: render, copies, tasks (default: all).")
    var scenario: [String] = []

    /// Each scenario: what to call it and the statements that build it (`{N}` is the size).
    static let scenarios: [(String, [String])] = [
        ("copies", ["import contextvars", "v = contextvars.ContextVar('v', default=0)",
                    "many = [contextvars.copy_context() for i in range({N})]", "_ = many[{N} // 2].run(v.set, 1)"]),
        ("tasks", ["import contextvars", "v = contextvars.ContextVar('v', default=0)",
                   "async def w(i):\n    v.set(i)\n    await asyncio.sleep(100)\n",
                   "ts = [asyncio.create_task(w(i)) for i in range({N} // 2)]"]),
    ]

    func validate() throws {
        let known = ["render"] + Self.scenarios.map(\.0)
        for name in scenario where !known.contains(name) {
            throw ValidationError("unknown scenario '\(name)' (known: \(known.joined(separator: ", ")))")
        }
    }

    func run() throws {
        let wanted = { (name: String) in scenario.isEmpty || scenario.contains(name) }
        onLargeStack {
            // A leak of copies (1 context in 1,000 notable) and a busy program (1 in 30: a third of
            // the tree stays visible, thousands of lines).
            for (kind, every) in [("leak", 1_000), ("busy", 30)] {
                for n in nodes where wanted("render") {
                    let timings = (0..<max(1, runs)).map { _ in
                        TreeRenderer.benchmarkRender(nodes: n, notableEvery: every)
                    }
                    let median = timings.map(\.milliseconds).sorted()[timings.count / 2]
                    print("render alone, synthetic \(kind) \(n): \(timings[0].lines) lines, \(String(format: "%.2f", median)) ms (median of \(timings.count))")
                }
            }
            for (name, statements) in Self.scenarios where wanted(name) {
                for n in nodes { measure(name, statements, n) }
            }
        }
    }

    private func measure(_ name: String, _ statements: [String], _ n: Int) {
        var options = Session.Options()
        options.showTree = false
        options.hints = false
        options.render = RenderOptions(width: 80, color: false, unicode: true)
        var lines = 0
        let session = Session(options: options) { text, _ in lines += text.count { $0 == "\n" } }
        for s in statements { session.submit(s.replacingOccurrences(of: "{N}", with: String(n))) }
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            lines = 0
            times.append(clock.measure { session.showTree() }.milliseconds)
        }
        let median = times.sorted()[times.count / 2]
        let contexts = session.treeSnapshot().nodes.count
        print("tree \(name) \(n): \(contexts) contexts drawn in \(lines) lines, \(String(format: "%.2f", median)) ms (snapshot + render, median of \(times.count))")
    }
}
