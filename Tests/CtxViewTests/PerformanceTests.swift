import Testing

@testable import CtxView

/// Render time, measured on the synthetic tree (debug builds are several times slower than
/// release; the bound is deliberately generous, and the best of five runs is taken, so that a
/// busy machine running the other suites in parallel does not flake).
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
        #expect(best.milliseconds < 200)
    }

    @Test func syntheticTreeIsDeterministic() {
        #expect(TreeSnapshot.synthetic(nodeCount: 100) == TreeSnapshot.synthetic(nodeCount: 100))
        #expect(TreeSnapshot.synthetic(nodeCount: 0).nodes.isEmpty)
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
