@testable import CtxView

/// Hand-built snapshots shared by the tests.
enum Fixtures {
    /// Six contexts: the main thread, a named copy with a child, and `asyncio.run`'s context
    /// (current, running Task-1) with two task copies; two contexts are garbage.
    static let sixNodes = TreeSnapshot(
        nodes: [
            ContextNode(
                id: 1, title: "main thread",
                variables: [
                    VariableCell(name: "request_id", value: "None", kind: .defaultShown),
                    VariableCell(name: "user", kind: .absent),
                ]),
            ContextNode(
                id: 2, parent: 1, title: "Context 0x7f3a1040", names: ["ctx", "copy_ctx"],
                variables: [VariableCell(name: "request_id", value: "'abc'")]),
            ContextNode(
                id: 3, parent: 1, title: "asyncio.run",
                tasks: [TaskBadge(name: "Task-1", state: .running, isCurrent: true)],
                variables: [VariableCell(name: "request_id", value: "'xyz'", changed: true)],
                isCurrent: true, isEntered: true),
            ContextNode(
                id: 4, parent: 3, title: "Context 0x7f3a10c0",
                tasks: [TaskBadge(name: "Task-2", state: .waiting(on: "sleep"))],
                variables: [VariableCell(name: "request_id", value: "'xyz'")]),
            ContextNode(
                id: 5, parent: 3, title: "Context 0x7f3a1100",
                tasks: [TaskBadge(name: "Task-3", state: .done(result: "42"))],
                variables: [
                    VariableCell(name: "request_id", value: "'a very long request identifier'")
                ]),
            ContextNode(
                id: 6, parent: 2, title: "Context 0x7f3a1140",
                variables: [VariableCell(name: "user", value: "'アリス'")]),
        ],
        unreachableCount: 2)

    /// A root and `count` unremarkable children, with one notable child in the middle.
    static func wide(_ count: Int, notableAt notable: Int) -> TreeSnapshot {
        var nodes = [ContextNode(id: 0, title: "main thread", isCurrent: true)]
        for i in 1...count {
            nodes.append(
                ContextNode(
                    id: i, parent: 0, title: "Context \(i)",
                    variables: [VariableCell(name: "v", value: "\(i)", changed: i == notable)]))
        }
        return TreeSnapshot(nodes: nodes)
    }

    /// A chain of `depth` copies, each the parent of the next; the last one is current.
    static func chain(_ depth: Int) -> TreeSnapshot {
        let nodes = (0..<depth).map { i in
            ContextNode(
                id: i, parent: i == 0 ? nil : i - 1, title: "C\(i)", isCurrent: i == depth - 1)
        }
        return TreeSnapshot(nodes: nodes)
    }
}
