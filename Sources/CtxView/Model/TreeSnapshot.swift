/// A frozen picture of every live context, taken by the session after each command.
///
/// The renderer never looks at the simulator: it only sees this plain value, so a tree can be
/// built by hand in a test and rendered at any width.
///
/// ```
/// nodes (creation order)          drawn as
/// ┌────┬────────┬─────────────┐   main thread
/// │ id │ parent │ title       │   ├── Context 0x…1040 (ctx)
/// │  1 │  nil   │ main thread │   └── ▶ asyncio.run  current, entered
/// │  2 │   1    │ Context …   │       └── Context 0x…10c0  [Task-2 waiting on sleep]
/// │  3 │   1    │ asyncio.run │
/// │  4 │   3    │ Context …   │
/// └────┴────────┴─────────────┘
/// ```
///
/// Invariants the renderer relies on, and what it does when they are broken:
/// - `id`s are unique (a duplicate id is drawn, but children attach to the first one);
/// - a `parent` that is missing, the node itself, or part of a cycle makes the node a root,
///   so no node is ever dropped.
public struct TreeSnapshot: Equatable, Sendable {
    /// Every live context, in creation order; siblings are drawn in this order (a parent need not
    /// come before its children).
    public var nodes: [ContextNode]
    /// Contexts that no longer have a live reference but have not been collected yet.
    public var unreachableCount: Int

    /// Creates a snapshot.
    public init(nodes: [ContextNode], unreachableCount: Int = 0) {
        self.nodes = nodes
        self.unreachableCount = unreachableCount
    }
}

/// One `Context` object as the renderer sees it.
public struct ContextNode: Equatable, Sendable {
    /// Stable identity (the simulated object address).
    public var id: Int
    /// The context this one was copied from; nil for roots (`Context()`, a thread's own context).
    public var parent: Int?
    /// What to call it: `"Context 0x7f…1040"`, `"main thread"`, `"asyncio.run"`.
    public var title: String
    /// User names bound to this object, e.g. `["ctx", "copy_ctx"]`.
    public var names: [String]
    /// Tasks whose steps run in this context.
    public var tasks: [TaskBadge]
    /// The variables to show, in the order to show them.
    public var variables: [VariableCell]
    /// The context the session is in now.
    public var isCurrent: Bool
    /// Inside a `Context.run` (or a task step) at the moment.
    public var isEntered: Bool
    /// Created by the last command.
    public var isNew: Bool

    /// Creates a node; everything but identity and title defaults to empty/false.
    public init(
        id: Int, parent: Int? = nil, title: String, names: [String] = [],
        tasks: [TaskBadge] = [], variables: [VariableCell] = [],
        isCurrent: Bool = false, isEntered: Bool = false, isNew: Bool = false
    ) {
        self.id = id
        self.parent = parent
        self.title = title
        self.names = names
        self.tasks = tasks
        self.variables = variables
        self.isCurrent = isCurrent
        self.isEntered = isEntered
        self.isNew = isNew
    }

    /// What folding needs to know about this node.
    public var outline: NodeOutline {
        var live = TaskCounts()
        var hasCurrentOrNamedTask = false
        for task in tasks {
            live.add(task.state)
            hasCurrentOrNamedTask = hasCurrentOrNamedTask || task.isCurrent || !task.names.isEmpty
        }
        // Plain loop: this runs for every node of a 10,000-node tree, also in debug builds.
        var changed = false
        for variable in variables where variable.changed {
            changed = true
            break
        }
        return NodeOutline(
            id: id, parent: parent,
            isPinned: NodeOutline.pins(
                isCurrent: isCurrent, isEntered: isEntered, isNamed: !names.isEmpty, hasChange: changed,
                runsCurrentOrNamedTask: hasCurrentOrNamedTask),
            isNew: isNew, liveTasks: live)
    }
}

/// What the layout needs to know about a context to place and fold it: cheap enough to work out
/// for every live context, while the full `ContextNode` is built only for the ones drawn.
public struct NodeOutline: Equatable, Sendable {
    /// As `ContextNode.id`.
    public var id: Int
    /// As `ContextNode.parent`.
    public var parent: Int?
    /// Always drawn, with its ancestors, even in a folded tree: current, entered, named, holding
    /// a changed value, or running the current task or a task bound to a name.
    public var isPinned: Bool
    /// Created by the last command.
    public var isNew: Bool
    /// Its unfinished tasks, by state.
    public var liveTasks: TaskCounts

    /// Creates an outline.
    public init(
        id: Int, parent: Int? = nil, isPinned: Bool = false, isNew: Bool = false,
        liveTasks: TaskCounts = TaskCounts()
    ) {
        self.id = id
        self.parent = parent
        self.isPinned = isPinned
        self.isNew = isNew
        self.liveTasks = liveTasks
    }

    /// The one rule for `isPinned`, for whoever builds outlines (a `ContextNode`, or the session
    /// without building nodes).
    public static func pins(
        isCurrent: Bool, isEntered: Bool, isNamed: Bool, hasChange: Bool, runsCurrentOrNamedTask: Bool
    ) -> Bool {
        isCurrent || isEntered || isNamed || hasChange || runsCurrentOrNamedTask
    }

    /// Worth drawing in a folded tree unless there are many like it: new, or running a task.
    public var isBusy: Bool { isNew || liveTasks.total > 0 }
}

/// Unfinished tasks counted by state (finished ones are not counted).
public struct TaskCounts: Equatable, Sendable {
    public var pending = 0
    public var running = 0
    public var waiting = 0

    /// No tasks.
    public init() {}

    /// All of them.
    public var total: Int { pending + running + waiting }

    /// Counts one more task in `state` if it is live.
    public mutating func add(_ state: TaskState) {
        switch state {
        case .pending: pending += 1
        case .running: running += 1
        case .waiting: waiting += 1
        case .done, .failed, .cancelled: break
        }
    }

    /// Adds another count to this one.
    public mutating func add(_ other: TaskCounts) {
        pending += other.pending
        running += other.running
        waiting += other.waiting
    }
}
