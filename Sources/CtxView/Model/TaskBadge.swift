/// A task drawn on the line of the context it runs in: `[Task-3 waiting on sleep]`.
public struct TaskBadge: Equatable, Sendable {
    /// The task's name, `Task-3` or whatever `name=` gave it.
    public var name: String
    /// Where the task is in its life.
    public var state: TaskState
    /// The task whose step is running now.
    public var isCurrent: Bool
    /// User names bound to the Task object (`t = asyncio.create_task(…)`).
    public var names: [String]

    /// Creates a badge.
    public init(name: String, state: TaskState, isCurrent: Bool = false, names: [String] = []) {
        self.name = name
        self.state = state
        self.isCurrent = isCurrent
        self.names = names
    }
}

/// The life of an asyncio task, as far as a picture needs it.
public enum TaskState: Equatable, Sendable {
    /// Created, first step not run yet.
    case pending
    /// Its step is executing now.
    case running
    /// Suspended on an awaitable, described briefly (`"sleep"`, `"Task-4"`).
    case waiting(on: String)
    /// Returned; `result` is the repr of the return value, nil to leave it out.
    case done(result: String?)
    /// Raised; `exception` is e.g. `"ValueError('boom')"`.
    case failed(exception: String)
    /// Cancelled.
    case cancelled

    /// Not finished yet: pending, running or waiting.
    public var isLive: Bool {
        switch self {
        case .pending, .running, .waiting: true
        case .done, .failed, .cancelled: false
        }
    }

    /// Plain words for the state: `waiting on sleep`, `done → 42` (`->` when `unicode` is off).
    public func text(unicode: Bool = true) -> String {
        switch self {
        case .pending: "pending"
        case .running: "running"
        case .waiting(let on): "waiting on \(on)"
        case .done(let result?): "done \(unicode ? "→" : "->") \(result)"
        case .done(nil): "done"
        case .failed(let exception): "failed: \(exception)"
        case .cancelled: "cancelled"
        }
    }
}
