import Testing

@testable import CtxView

/// Render time on the synthetic tree: a guard against a quadratic renderer (seconds to minutes at
/// 10,000 contexts), not a benchmark (`ctxlab bench-tree` prints the figures). The bound is ten
/// times a debug build's time on an idle machine, and the best of five runs is taken: a loaded
/// CI machine took 245 ms where an idle one takes 150 ms.
@Suite(.serialized) struct PerformanceTests {
    @Test(arguments: [(50, 30), (10_000, 30), (10_000, 1_000)])
    func rendersQuickly(nodes: Int, notableEvery: Int) {
        let runs = (0..<5).map { _ in
            TreeRenderer.benchmarkRender(nodes: nodes, notableEvery: notableEvery)
        }
        let best = runs.min { $0.milliseconds < $1.milliseconds }!
        print(
            "render \(best.nodes) contexts (1 in \(notableEvery) notable) -> \(best.lines) lines: \(best.milliseconds) ms"
        )
        #expect(best.milliseconds < 2_000)
    }

    @Test func syntheticTreeIsDeterministic() {
        #expect(TreeSnapshot.synthetic(nodeCount: 100) == TreeSnapshot.synthetic(nodeCount: 100))
        #expect(TreeSnapshot.synthetic(nodeCount: 0).nodes.isEmpty)
    }

    /// A ContextVar named with 10**6 characters (not ASCII, so measured the slow way), its value
    /// as long, in 300 contexts: each field is cut to `RenderOptions.longestField` characters and
    /// an ellipsis before it is cleaned and measured, so drawing costs what a short name costs.
    /// Before the cut, every line measured the whole name several times (minutes in debug).
    @Test func hugeNamesAndValuesAreCutBeforeTheyAreMeasured() {
        let name = String(repeating: "é", count: 1_000_000)
        let value = "'" + String(repeating: "e\u{301}", count: 1_000_000) + "'"
        var nodes = [ContextNode(id: 0, title: "main thread", isCurrent: true)]
        for i in 1...300 {
            nodes.append(
                ContextNode(
                    id: i, parent: 0, title: "Context \(i)", names: ["c\(i)"],
                    tasks: [TaskBadge(name: String(repeating: "t", count: 100_000), state: .pending)],
                    variables: [VariableCell(name: name, value: value)]))
        }
        let clock = ContinuousClock()
        var lines: [String] = []
        let elapsed = clock.measure { lines = render(TreeSnapshot(nodes: nodes), width: 60) }
        #expect(elapsed < .seconds(10))
        #expect(lines.allSatisfy { displayWidth($0) <= 60 })
        #expect(lines.contains { $0.contains("éééé…") })
        #expect(Truncation.capped(name, ellipsis: "...") == String(name.prefix(1_000)) + "...")
        #expect(Truncation.capped("short", ellipsis: "…") == "short")
        let exactly = String(repeating: "x", count: RenderOptions.longestField)
        #expect(Truncation.capped(exactly, ellipsis: "…") == exactly)
    }

    /// A chain of 100,000 new contexts (a task that starts a task that starts a task…): busy at
    /// every level but never two busy siblings, so it is drawn `TreeLayout.busyChainLimit` levels
    /// deep and the rest folds. Before, every level was drawn and kept the full guide text of its
    /// depth (memory quadratic in the depth: gigabytes, then the process was killed).
    @Test func aDeepChainOfBusyContextsFoldsPastItsLimit() {
        var nodes = [ContextNode(id: 0, title: "session", isCurrent: true)]
        for i in 1..<100_000 {
            nodes.append(ContextNode(id: i, parent: i - 1, title: "Task-\(i)", isNew: true))
        }
        let lines = render(TreeSnapshot(nodes: nodes), width: 80)
        #expect(lines.count == TreeLayout.busyChainLimit + 2)
        #expect(lines.last?.hasSuffix("└── … 99899 more contexts, 99899 new") == true)
        #expect(lines.allSatisfy { displayWidth($0) <= 80 })
    }

    /// Every node busy, five children each, six levels (19,531 contexts): no list of siblings is
    /// long enough to be thinned and no chain is deep, so only `TreeLayout.busyBudget` bounds
    /// what is drawn.
    @Test func aBushyTreeOfBusyContextsStopsAtTheBudget() {
        var nodes = [ContextNode(id: 0, title: "session", isCurrent: true)]
        var level = [0]
        for _ in 0..<6 {
            var next: [Int] = []
            for parent in level {
                for _ in 0..<5 {
                    next.append(nodes.count)
                    nodes.append(ContextNode(id: nodes.count, parent: parent, title: "T\(nodes.count)", isNew: true))
                }
            }
            level = next
        }
        let lines = render(TreeSnapshot(nodes: nodes), width: 80)
        #expect(lines.count > TreeLayout.busyBudget)
        #expect(lines.count < 2 * TreeLayout.busyBudget)
    }

    /// A chain 10,000 deep is walked without recursion and keeps every line short.
    @Test func deepChainDoesNotOverflowTheStack() {
        let lines = render(Fixtures.chain(10_000), width: 80)
        #expect(lines.count == 10_000)  // every node is an ancestor of the current one: all kept
        // 9,992 levels elided, the rest are blank guides.
        #expect(lines.last?.hasPrefix("+9k    ") == true)
        #expect(lines.last?.hasSuffix("└── ▶ C9999  current") == true)
        #expect(lines.allSatisfy { displayWidth($0) <= 80 })
    }
}
