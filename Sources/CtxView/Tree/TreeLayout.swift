/// What to draw, in what order: the snapshot's nodes as a forest, with unremarkable subtrees
/// folded when the tree is big.
///
/// Built in O(n) without recursion, so a 10,000-deep chain of copies cannot overflow the stack;
/// the items under a node are only materialised when the walker reaches it.
struct TreeLayout {
    /// One row of the outline: a node, or a run of sibling subtrees folded into one line.
    enum Item: Equatable {
        case node(Int)
        case folded(count: Int)
    }

    private let forest: Forest
    /// Per node: its subtree holds a notable node; nil when not folding.
    private let keep: [Bool]?
    private let sizes: [Int]

    init(_ snapshot: TreeSnapshot, foldThreshold: Int) {
        forest = Forest(snapshot.nodes)
        let fold = snapshot.nodes.count > foldThreshold
        keep = fold ? forest.keptSubtrees(snapshot.nodes) : nil
        sizes = fold ? forest.subtreeSizes() : []
    }

    /// Top-level items.
    var roots: [Item] { items(forest.roots) }

    /// Items under the node at `index` in the snapshot's `nodes`.
    func children(of index: Int) -> [Item] { items(forest.children(of: index)) }

    /// Whether the node at `index` has anything drawn under it.
    func hasChildren(_ index: Int) -> Bool { forest.firstChild[index] >= 0 }

    /// Kept nodes as themselves, each run of consecutive unkept siblings as one folded item
    /// counting all their descendants.
    private func items(_ nodes: [Int]) -> [Item] {
        guard let keep else { return nodes.map(Item.node) }
        var items: [Item] = []
        for node in nodes {
            if keep[node] {
                items.append(.node(node))
            } else if case .folded(let count)? = items.last {
                items[items.count - 1] = .folded(count: count + sizes[node])
            } else {
                items.append(.folded(count: sizes[node]))
            }
        }
        return items
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

    init(_ nodes: [ContextNode]) {
        let n = nodes.count
        (firstChild, nextSibling, parent) = (
            Array(repeating: -1, count: n), Array(repeating: -1, count: n),
            Array(repeating: -1, count: n)
        )
        var links = Links(count: n)
        var candidates: [Int] = []
        var indexOf: [Int: Int] = Dictionary(minimumCapacity: n)
        for i in nodes.indices where indexOf[nodes[i].id] == nil { indexOf[nodes[i].id] = i }
        for i in nodes.indices {
            if let p = nodes[i].parent.flatMap({ indexOf[$0] }), p != i {
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

    /// Number of nodes in each node's subtree, itself included.
    func subtreeSizes() -> [Int] {
        var sizes = Array(repeating: 1, count: parent.count)
        for node in topDown.reversed() where parent[node] >= 0 {
            sizes[parent[node]] += sizes[node]
        }
        return sizes
    }

    /// Whether each node's subtree contains a notable node (and so must stay unfolded).
    func keptSubtrees(_ nodes: [ContextNode]) -> [Bool] {
        var keep = [Bool]()
        keep.reserveCapacity(nodes.count)
        for node in nodes { keep.append(node.isNotable) }
        for node in topDown.reversed() where keep[node] && parent[node] >= 0 {
            keep[parent[node]] = true
        }
        return keep
    }
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
