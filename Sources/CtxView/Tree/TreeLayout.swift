import CtxCore

/// What to draw, in what order: the outline's nodes as a forest, folded when the tree is big.
///
/// Folding (above `foldThreshold` nodes) keeps, in each list of siblings:
/// - every subtree holding a pinned node (current, entered, named, changed, current task);
/// - subtrees holding busy nodes (new, or running a live task) while there are few of them: when
///   more than `busyRunLimit` siblings are busy, only the first `busyHead` of them and the last
///   are drawn; a chain of busy nodes each under the one before (tasks each started by the
///   previous one: never two busy siblings) is drawn `busyChainLimit` levels deep; and at most
///   `busyBudget` busy nodes are drawn in the whole tree, so that the work of a drawing is bounded
///   whatever the shape;
/// - nothing else: consecutive siblings that are not drawn become one summary line.
///
/// Built in O(n) without recursion, so a 10,000-deep chain of copies cannot overflow the stack;
/// the items under a node are only materialised when the walker reaches it.
struct TreeLayout {
    /// One row of the outline: a node, or a run of sibling subtrees folded into one line.
    enum Item: Equatable {
        case node(Int)
        case folded(FoldSummary)
    }

    /// Busy siblings drawn in full before a long run of them is folded.
    static let busyHead = 4
    /// More busy siblings than this are thinned to `busyHead` plus the last one.
    static let busyRunLimit = 6
    /// Busy (not pinned) nodes drawn in full in one tree, in drawing order.
    static let busyBudget = 2_000
    /// Levels of a chain of busy (not pinned) nodes that are drawn.
    static let busyChainLimit = 100

    private let forest: Forest
    /// Per node, when folding: its subtree holds a pinned node, a busy node, and its summary.
    private let pinned: [Bool]?
    private let busy: [Bool]
    /// Per node, when folding: how many busy, unpinned nodes in a row end with it (0 if it is
    /// not one), counted down from the nearest ancestor that is not.
    private let chain: [Int]
    private let summaries: [FoldSummary]

    init(_ outlines: [NodeOutline], foldThreshold: Int) {
        forest = Forest(outlines)
        guard outlines.count > foldThreshold else {
            (pinned, busy, chain, summaries) = (nil, [], [], [])
            return
        }
        var pinned = outlines.map(\.isPinned)
        var busy = outlines.map(\.isBusy)
        var summaries = outlines.map(FoldSummary.init)
        for node in forest.topDown.reversed() where forest.parent[node] >= 0 {
            let up = forest.parent[node]
            pinned[up] = pinned[up] || pinned[node]
            busy[up] = busy[up] || busy[node]
            summaries[up].add(summaries[node])
        }
        var chain = Array(repeating: 0, count: outlines.count)
        for node in forest.topDown where !pinned[node] && busy[node] {
            let up = forest.parent[node]
            chain[node] = up >= 0 ? chain[up] + 1 : 1
        }
        (self.pinned, self.busy, self.chain, self.summaries) = (pinned, busy, chain, summaries)
    }

    /// Top-level items; `busyLeft` counts down the `busyBudget` (the walker asks in drawing order).
    func roots(busyLeft: inout Int) -> [Item] { items(forest.roots, busyLeft: &busyLeft) }

    /// Items under the node at `index` in the outline.
    func children(of index: Int, busyLeft: inout Int) -> [Item] {
        items(forest.children(of: index), busyLeft: &busyLeft)
    }

    /// Whether the node at `index` has anything drawn under it.
    func hasChildren(_ index: Int) -> Bool { forest.firstChild[index] >= 0 }

    /// Kept nodes as themselves, each run of consecutive folded siblings as one summary.
    private func items(_ nodes: [Int], busyLeft: inout Int) -> [Item] {
        guard let pinned else { return nodes.map(Item.node) }
        let busyOnly = nodes.filter { !pinned[$0] && busy[$0] }
        let thinned =
            busyOnly.count > Self.busyRunLimit
            ? Set(busyOnly.dropFirst(Self.busyHead).dropLast()) : []
        var items: [Item] = []
        for node in nodes {
            let drawnBusy =
                !pinned[node] && busy[node] && !thinned.contains(node) && busyLeft > 0
                && chain[node] <= Self.busyChainLimit
            if drawnBusy { busyLeft -= 1 }
            if pinned[node] || drawnBusy {
                items.append(.node(node))
            } else if case .folded(var summary)? = items.last {
                summary.add(summaries[node])
                items[items.count - 1] = .folded(summary)
            } else {
                items.append(.folded(summaries[node]))
            }
        }
        return items
    }
}

/// What a fold line says about the contexts it stands for (whole subtrees).
struct FoldSummary: Equatable {
    var contexts = 1
    var new = 0
    var tasks = TaskCounts()

    init(_ outline: NodeOutline) {
        new = outline.isNew ? 1 : 0
        tasks = outline.liveTasks
    }

    mutating func add(_ other: FoldSummary) {
        contexts += other.contexts
        new += other.new
        tasks.add(other.tasks)
    }
}

/// The parent links of a snapshot turned into a spanning forest in which every node appears
/// exactly once, stored as first-child/next-sibling index arrays (no per-node allocation).
struct Forest {
    private(set) var roots: [Int] = []
    /// First tree child of each node, -1 for none.
    private(set) var firstChild: [Int]
    /// Next tree sibling of each node, -1 for none.
    private(set) var nextSibling: [Int]
    /// Tree parent of each node, -1 for roots.
    private(set) var parent: [Int]
    /// Every node, parents before their descendants.
    private(set) var topDown: [Int] = []

    init(_ nodes: [NodeOutline]) {
        let n = nodes.count
        (firstChild, nextSibling, parent) = (
            Array(repeating: -1, count: n), Array(repeating: -1, count: n),
            Array(repeating: -1, count: n)
        )
        var links = Links(count: n)
        var candidates: [Int] = []
        let index = IdIndex(nodes)
        for i in nodes.indices {
            if let p = nodes[i].parent.flatMap(index.callAsFunction), p != i {
                links.append(i, to: p)
            } else {
                candidates.append(i)
            }
        }
        var visited = Array(repeating: false, count: n)
        // Nodes caught in a parent cycle are never reached from a true root: adopt them as roots.
        for root in candidates + Array(nodes.indices) where !visited[root] {
            roots.append(root)
            walk(from: root, links: links, visited: &visited)
        }
    }

    /// Breadth-first walk from `root` that records the tree edges actually used (and so the
    /// order in `topDown`); no recursion, no per-node allocation.
    private mutating func walk(from root: Int, links: Links, visited: inout [Bool]) {
        var next = topDown.count
        topDown.append(root)
        visited[root] = true
        while next < topDown.count {
            let node = topDown[next]
            next += 1
            var last = -1
            var child = links.first[node]
            while child >= 0 {
                if !visited[child] {
                    visited[child] = true
                    parent[child] = node
                    if last < 0 { firstChild[node] = child } else { nextSibling[last] = child }
                    last = child
                    topDown.append(child)
                }
                child = links.next[child]
            }
        }
    }

    /// Tree children of `node`, in snapshot order.
    func children(of node: Int) -> [Int] {
        var result: [Int] = []
        var child = firstChild[node]
        while child >= 0 {
            result.append(child)
            child = nextSibling[child]
        }
        return result
    }
}

/// Finds a node's index from its id: by binary search when the ids increase (as the session gives
/// them: addresses in creation order), else through a dictionary. A duplicate id finds the first.
private struct IdIndex {
    private let ids: [Int]?
    private let dictionary: [Int: Int]

    init(_ nodes: [NodeOutline]) {
        let ids = nodes.map(\.id)
        if zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) {
            (self.ids, dictionary) = (ids, [:])
        } else {
            var dictionary: [Int: Int] = Dictionary(minimumCapacity: ids.count)
            for (i, id) in ids.enumerated() where dictionary[id] == nil { dictionary[id] = i }
            (self.ids, self.dictionary) = (nil, dictionary)
        }
    }

    func callAsFunction(_ id: Int) -> Int? { ids.map { $0.sortedIndex(of: id) } ?? dictionary[id] }
}

/// Candidate child lists (from the `parent` fields) as linked lists in index arrays.
private struct Links {
    var first: [Int]
    var next: [Int]
    private var last: [Int]

    init(count: Int) {
        (first, next, last) = (
            Array(repeating: -1, count: count), Array(repeating: -1, count: count),
            Array(repeating: -1, count: count)
        )
    }

    mutating func append(_ child: Int, to parent: Int) {
        if last[parent] < 0 { first[parent] = child } else { next[last[parent]] = child }
        last[parent] = child
    }
}
