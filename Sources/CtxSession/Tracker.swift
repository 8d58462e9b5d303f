import CtxCore

/// Remembers, weakly, every context and variable the session created, what the tree showed last
/// time (to mark changes), and what existed when the current command began (to mark new nodes).
final class Tracker {
    private struct WeakContext {
        weak var context: Context?
    }
    private struct WeakVariable {
        weak var variable: ContextVar?
    }
    private var contexts: [WeakContext] = []
    private var variables: [WeakVariable] = []
    private var createdSinceCommand = 0
    private var existingAtCommandStart = Set<ObjectIdentifier>()
    /// Last shown value of each (context, variable), by address, to mark what the last command
    /// changed.
    var lastShown: [Int: [Int: String]] = [:]
    /// Whether a task was created by the last command.
    func isNew(_ t: Task) -> Bool { !tasksAtCommandStart.contains(ObjectIdentifier(t)) }

    func contextCreated(_ c: Context) {
        contexts.append(WeakContext(context: c))
        createdSinceCommand += 1
        if createdSinceCommand > 4096 {
            contexts.removeAll { $0.context == nil }
            createdSinceCommand = 0
        }
    }

    func variableCreated(_ v: ContextVar) {
        variables.append(WeakVariable(variable: v))
    }

    private var tasksAtCommandStart = Set<ObjectIdentifier>()

    func beginCommand(_ session: Session) {
        contexts.removeAll { $0.context == nil }
        tasksAtCommandStart = Set(session.loop.tasks.map(ObjectIdentifier.init))
        existingAtCommandStart = Set(contexts.compactMap { $0.context.map(ObjectIdentifier.init) })
    }

    func isNew(_ c: Context) -> Bool { !existingAtCommandStart.isEmpty && !existingAtCommandStart.contains(ObjectIdentifier(c)) }

    var liveContexts: [Context] { contexts.compactMap(\.context) }
    var liveVariables: [ContextVar] { variables.compactMap(\.variable) }
}
