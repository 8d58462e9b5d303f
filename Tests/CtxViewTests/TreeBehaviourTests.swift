import Testing

@testable import CtxView

/// Properties every rendering must have, whatever the tree and the width.
@Suite struct TreeBehaviourTests {
    static let snapshots: [TreeSnapshot] = [
        Fixtures.sixNodes, Fixtures.wide(49, notableAt: 7), Fixtures.chain(30),
        .synthetic(nodeCount: 300),
        TreeSnapshot(nodes: [
            ContextNode(
                id: 1, title: "上下文 0x1 😀", names: ["名前", "x\ny"],
                tasks: [
                    TaskBadge(
                        name: "タスク-1", state: .failed(exception: "ValueError('失敗')"),
                        isCurrent: true)
                ],
                variables: [VariableCell(name: "ユーザー", value: "'アリス\u{1B}[31m'", changed: true)],
                isCurrent: true)
        ]),
    ]

    @Test(arguments: [1, 2, 3, 5, 8, 12, 20, 30, 40, 41, 60, 80, 132])
    func noLineIsWiderThanTheWidth(width: Int) {
        for snapshot in Self.snapshots {
            for (unicode, color) in [(true, false), (false, false), (true, true), (false, true)] {
                for line in render(snapshot, width: width, unicode: unicode, color: color) {
                    #expect(
                        displayWidth(line) <= width, "\(line.debugDescription) at width \(width)")
                }
            }
        }
    }

    /// A context shows at most `variableLimit` variables and counts the rest on one line: a
    /// thousand variables in every context used to make a tree of 100,000 lines.
    @Test func manyVariablesAreCountedNotDrawn() {
        let variables = (0..<1_000).map { VariableCell(name: "v\($0)", value: "\($0)") }
        let snapshot = TreeSnapshot(nodes: [ContextNode(id: 1, title: "Context 0x1", variables: variables, isCurrent: true)])
        let lines = render(snapshot, width: 80)
        #expect(lines.count == 1 + NodeLineBuilder.variableLimit + 1)
        #expect(lines.contains { $0.contains("v39 = 39") })
        #expect(!lines.contains { $0.contains("v40 = 40") })
        #expect(lines.last?.contains("\u{2026} 960 more variables") == true)
        let few = TreeSnapshot(nodes: [ContextNode(id: 1, title: "Context 0x1", variables: Array(variables.prefix(40)))])
        #expect(!render(few, width: 80).contains { $0.contains("more variable") })
    }

    @Test func asciiModeDecoratesWithAsciiOnly() {
        let lines = render(Fixtures.chain(20), width: 40, unicode: false)
        #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func colorOffEmitsNoEscapes() {
        #expect(!render(Fixtures.sixNodes, width: 80).joined().contains("\u{1B}"))
    }

    /// Colour is never the only signal: stripping escapes gives exactly the monochrome picture.
    @Test func colorOnlyRepeatsTheText() {
        let plain = render(Fixtures.sixNodes, width: 50)
        let colored = render(Fixtures.sixNodes, width: 50, color: true)
        #expect(colored.map(stripEscapes) == plain)
    }

    @Test func controlCharactersInUserDataCannotBreakLines() {
        let node = ContextNode(
            id: 1, title: "a\nb", variables: [VariableCell(name: "v", value: "'x\u{1B}[2Jy'")])
        #expect(render(TreeSnapshot(nodes: [node]), width: 40) == ["a?b", "    v = 'x?[2Jy'"])
    }

    @Test func emptySnapshot() {
        #expect(render(TreeSnapshot(nodes: []), width: 40) == ["(no contexts)"])
        #expect(
            render(TreeSnapshot(nodes: [], unreachableCount: 1), width: 40)
                == ["(no contexts)", "+ 1 unreachable context (garbage)"])
    }

    @Test func childrenKeepTheGivenOrder() {
        let nodes =
            [ContextNode(id: 9, title: "root")]
            + [5, 3, 7].map { ContextNode(id: $0, parent: 9, title: "c\($0)") }
        #expect(
            render(TreeSnapshot(nodes: nodes), width: 40) == ["root", "├── c5", "├── c3", "└── c7"])
    }

    /// Broken input is still drawn completely: a missing parent, a self-parent and a cycle all
    /// become roots, and no node is lost or repeated.
    @Test func brokenParentLinksBecomeRoots() {
        let nodes = [
            ContextNode(id: 1, parent: 99, title: "orphan"),
            ContextNode(id: 2, parent: 2, title: "self"),
            ContextNode(id: 3, parent: 4, title: "cycle-a"),
            ContextNode(id: 4, parent: 3, title: "cycle-b"),
        ]
        #expect(
            render(TreeSnapshot(nodes: nodes), width: 40) == [
                "orphan", "self", "cycle-a", "└── cycle-b",
            ])
    }

    @Test func noFoldingAtOrBelowTheThreshold() {
        let lines = render(Fixtures.wide(39, notableAt: 1), width: 80)
        #expect(!lines.contains { $0.contains("more contexts") })
        #expect(lines.count == 1 + 39 * 2)
    }

    /// Folded counts add up: every context is either drawn or counted in a fold line.
    @Test(arguments: [41, 300, 2_000])
    func foldedCountsAddUp(nodes: Int) {
        let lines = render(.synthetic(nodeCount: nodes), width: 100)
        let drawn = lines.filter { $0.contains("Context 0x") || $0.hasSuffix("main thread") }.count
        let folded = lines.compactMap(foldedCount).reduce(0, +)
        #expect(drawn + folded == nodes)
    }

    @Test func notableNodesSurviveFolding() {
        var snapshot = Fixtures.wide(60, notableAt: 0)
        snapshot.nodes[10].names = ["keep_me"]
        snapshot.nodes[20].tasks = [TaskBadge(name: "Task-9", state: .pending)]
        snapshot.nodes[30].tasks = [TaskBadge(name: "Task-10", state: .done(result: nil))]
        snapshot.nodes[40].isNew = true
        let text = render(snapshot, width: 80).joined(separator: "\n")
        #expect(text.contains("Context 10 (keep_me)"))
        #expect(text.contains("[Task-9 pending]"))
        #expect(!text.contains("Task-10"))  // finished tasks are not a reason to unfold
        #expect(text.contains("Context 40  new"))
    }

    /// A long run of busy siblings (each running a live task, or new) keeps its first four and
    /// its last; the middle becomes one line that says what it holds.
    @Test func longRunsOfBusySiblingsAreThinned() {
        var nodes = [ContextNode(id: 0, title: "session", isCurrent: true)]
        for i in 1...100 {
            nodes.append(ContextNode(
                id: i, parent: 0, title: "Context \(i)",
                tasks: [TaskBadge(name: "Task-\(i)", state: i == 50 ? .pending : .waiting(on: "sleep"))],
                isNew: true))
        }
        let lines = render(TreeSnapshot(nodes: nodes), width: 80)
        #expect(lines == [
            "▶ session  current",
            "├── Context 1  new  [Task-1 waiting on sleep]",
            "├── Context 2  new  [Task-2 waiting on sleep]",
            "├── Context 3  new  [Task-3 waiting on sleep]",
            "├── Context 4  new  [Task-4 waiting on sleep]",
            "├── … 95 more contexts, 95 new, 94 tasks waiting, 1 task pending",
            "└── Context 100  new  [Task-100 waiting on sleep]",
        ])
    }

    /// Pinned nodes (here: named, and holding a changed value) are drawn wherever they sit in a
    /// long busy run, and only the busy nodes around them are folded.
    @Test func pinnedNodesInterruptAThinnedRun() {
        var nodes = [ContextNode(id: 0, title: "session", isCurrent: true)]
        for i in 1...60 {
            nodes.append(ContextNode(
                id: i, parent: 0, title: "Context \(i)", names: i == 30 ? ["keep"] : [],
                tasks: [TaskBadge(name: "Task-\(i)", state: .waiting(on: "sleep"))],
                variables: [VariableCell(name: "v", value: "\(i)", changed: i == 45)]))
        }
        let text = render(TreeSnapshot(nodes: nodes), width: 80).joined(separator: "\n")
        #expect(text.contains("Context 30 (keep)"))
        #expect(text.contains("v = 45  ← changed"))
        #expect(text.contains("Context 60"))
        #expect(!text.contains("Context 5 "))
        let folded = text.split(separator: "\n").compactMap { foldedCount(String($0)) }
        #expect(folded.reduce(0, +) == 60 - 4 - 3)
    }

    /// A run of up to six busy siblings is drawn whole, even in a folded tree.
    @Test func shortBusyRunsAreDrawnWhole() {
        var snapshot = Fixtures.wide(60, notableAt: 0)
        for i in [5, 6, 7, 30, 31, 59] {
            snapshot.nodes[i].tasks = [TaskBadge(name: "Task-\(i)", state: .waiting(on: "sleep"))]
        }
        let text = render(snapshot, width: 80).joined(separator: "\n")
        for i in [5, 6, 7, 30, 31, 59] { #expect(text.contains("[Task-\(i) waiting on sleep]")) }
    }

    /// The renderer asks a lazy tree only for the nodes it draws, and draws what the same nodes
    /// built in advance would give.
    @Test(arguments: [10, 300, 10_000])
    func lazyTreesBuildOnlyTheDrawnNodes(count: Int) {
        let snapshot = TreeSnapshot.synthetic(nodeCount: count, notableEvery: 1_000)
        var asked = Set<Int>()
        let lazy = LazyTree(
            outlines: snapshot.nodes.map(\.outline), unreachableCount: snapshot.unreachableCount
        ) { i in
            asked.insert(i)
            return snapshot.nodes[i]
        }
        let lines = TreeRenderer.render(lazy, options: RenderOptions())
        #expect(lines == render(snapshot, width: 80))
        let drawn = lines.filter { $0.contains("Context 0x") || $0.hasSuffix("main thread") }.count
        #expect(asked.count == drawn)
        if count > 40 { #expect(asked.count < count / 4) }
    }

    @Test func renderingIsDeterministic() {
        let snapshot = TreeSnapshot.synthetic(nodeCount: 500)
        #expect(render(snapshot, width: 80) == render(snapshot, width: 80))
    }

    @Test func shortensNamesBeforeTheTitleAndKeepsTags() {
        let node = ContextNode(
            id: 1, title: "Context 0x7f3a1040", names: ["first_name", "second_name"],
            isCurrent: true)
        #expect(
            render(TreeSnapshot(nodes: [node]), width: 36) == [
                "▶ Context 0x7f3a1040 (firs…  current"
            ])
    }

    private func foldedCount(_ line: String) -> Int? {
        guard let range = line.firstRange(of: "… ") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Removes ANSI escape sequences.
func stripEscapes(_ line: String) -> String {
    visibleEscapes(line).replacing(/\{[0-9;]*\}/, with: "")
}
