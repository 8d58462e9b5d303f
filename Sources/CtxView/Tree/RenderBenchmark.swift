import CtxCore
/// How long one `TreeRenderer.render` took.
public struct RenderTiming: Equatable, Sendable {
    /// Contexts in the snapshot.
    public var nodes: Int
    /// Lines produced.
    public var lines: Int
    /// Wall-clock time of the render alone (building the snapshot is not counted).
    public var milliseconds: Double
}

extension TreeRenderer {
    /// Renders `TreeSnapshot.synthetic(nodeCount:notableEvery:)` and returns the time it took, so
    /// figures for "render time at N contexts" can be quoted from any build.
    public static func benchmarkRender(
        nodes: Int, notableEvery: Int = 30, options: RenderOptions = RenderOptions()
    ) -> RenderTiming {
        let snapshot = TreeSnapshot.synthetic(nodeCount: nodes, notableEvery: notableEvery)
        let clock = ContinuousClock()
        var lines: [String] = []
        let elapsed = clock.measure { lines = render(snapshot, options: options) }
        return RenderTiming(nodes: nodes, lines: lines.count, milliseconds: elapsed.milliseconds)
    }
}

extension Duration {
    /// The duration in milliseconds, for printed figures.
    public var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

extension TreeSnapshot {
    /// A deterministic, realistic-looking tree of `nodeCount` contexts for benchmarks and demos:
    /// random parents among earlier nodes (depth grows like log n), two variables each, a finished
    /// task on every 10th context, and the last context current with a changed variable.
    /// One context in `notableEvery` has a waiting task and another one a name, so folding keeps
    /// them: 30 is a busy program (a third of the tree stays visible), 1,000 a leak of copies.
    public static func synthetic(nodeCount: Int, notableEvery: Int = 30) -> TreeSnapshot {
        let every = max(2, notableEvery)
        var random = SplitMix64(seed: 0x5EED)
        let nodes = (0..<max(0, nodeCount)).map { i in
            var node = ContextNode(
                id: 0x7f00_0000_1000 + i * 0x40,
                parent: i == 0 ? nil : 0x7f00_0000_1000 + Int(random.next() % UInt64(i)) * 0x40,
                title: i == 0
                    ? "main thread" : "Context 0x\(String(0x7f00_0000_1000 + i * 0x40, radix: 16))",
                variables: [
                    VariableCell(name: "request_id", value: "'req-\(i % 97)'"),
                    VariableCell(name: "user", value: "None", kind: .defaultShown),
                ])
            if i % every == every / 2 { node.names = ["ctx\(i)"] }
            if i % 10 == 3 || i % every == 3 {
                let state: TaskState =
                    i % every == 3 ? .waiting(on: "sleep") : .done(result: "\(i)")
                node.tasks = [TaskBadge(name: "Task-\(i + 1)", state: state)]
            }
            return node
        }
        var snapshot = TreeSnapshot(nodes: nodes, unreachableCount: nodeCount / 20)
        if !snapshot.nodes.isEmpty {
            snapshot.nodes[snapshot.nodes.count - 1].isCurrent = true
            snapshot.nodes[snapshot.nodes.count - 1].variables[0].changed = true
        }
        return snapshot
    }
}
