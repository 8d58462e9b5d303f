import CtxCore

/// Tasks grouped by the context they run in, without an array per context or hashing: contexts
/// are found by their tracker entry.
struct TasksByContext {
    private let tasks: [Task]
    private let tracker: Tracker
    /// Per tracker entry, its first task (index in `tasks`), or -1.
    private var first: [Int]
    /// For contexts the tracker never saw.
    private var firstUntracked: [ObjectIdentifier: Int] = [:]
    /// The next task in the same context, or -1.
    private var next: [Int]

    init(_ tasks: [Task], tracker: Tracker) {
        (self.tasks, self.tracker) = (tasks, tracker)
        first = Array(repeating: -1, count: tracker.count)
        next = Array(repeating: -1, count: tasks.count)
        var last = first
        var lastUntracked: [ObjectIdentifier: Int] = [:]
        for (i, t) in tasks.enumerated() {
            if let entry = tracker.entry(at: t.context.address) {
                if last[entry] >= 0 { next[last[entry]] = i } else { first[entry] = i }
                last[entry] = i
            } else {
                let id = ObjectIdentifier(t.context)
                if let previous = lastUntracked[id] { next[previous] = i } else { firstUntracked[id] = i }
                lastUntracked[id] = i
            }
        }
    }

    /// Calls `body` with each task running in `context` (whose tracker entry is `entry`, when
    /// the caller knows it), in the order given.
    func forEach(in context: Context, entry: Int? = nil, _ body: (Task) -> Void) {
        var i =
            (entry ?? tracker.entry(at: context.address)).map { first[$0] }
            ?? firstUntracked[ObjectIdentifier(context)] ?? -1
        while i >= 0 {
            body(tasks[i])
            i = next[i]
        }
    }

    /// The tasks running in `context`.
    func tasks(in context: Context) -> [Task] {
        var result: [Task] = []
        forEach(in: context) { result.append($0) }
        return result
    }
}
