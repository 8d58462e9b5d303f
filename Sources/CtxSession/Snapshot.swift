import CtxCore
import CtxLang
import CtxView

extension Session {
    /// The contexts worth drawing: the session's own, those bound to names, those of `tasks`,
    /// callbacks and threads, and the contexts they were copied from; in creation order (the
    /// order of `live`, every context the session has seen that still exists).
    func reachableContexts(tasks: [Task], live: [Context]) -> (contexts: [Context], names: [ObjectIdentifier: [String]]) {
        var order: [Context] = []
        var seen = Set<ObjectIdentifier>()
        var names: [ObjectIdentifier: [String]] = [:]
        func add(_ c: Context) {
            if seen.insert(ObjectIdentifier(c)).inserted { order.append(c) }
        }
        add(context)
        for (name, value) in namespace.items where !name.hasPrefix("__") {
            for c in contexts(in: value, depth: 0) {
                add(c)
                if value.asObject === c { names[ObjectIdentifier(c), default: []].append(name) }
            }
        }
        for t in tasks { add(t.context) }
        for h in loop.ready where !h.isCancelled { add(h.context) }
        for h in loop.scheduledTimers where !h.isCancelled { add(h.context) }
        // A finished thread's context stays reachable only through the Thread object (3.14 keeps
        // it in `Thread._context`): it is drawn when a name holds the thread (above).
        for t in runtime.threads.dropFirst() where t.state != .finished {
            if let c = t.runContext { add(c) }
        }
        // Ancestors, so that every node hangs under the context it was copied from.
        var i = 0
        while i < order.count {
            if let o = order[i].origin { add(o) }
            i += 1
        }
        let creation = Dictionary(uniqueKeysWithValues: live.enumerated().map { (ObjectIdentifier($1), $0) })
        order.sort { (creation[ObjectIdentifier($0)] ?? Int.max) < (creation[ObjectIdentifier($1)] ?? Int.max) }
        return (order, names)
    }

    /// Pending tasks, and finished ones that the last command created or that a name holds.
    func visibleTasks() -> [Task] {
        let named = Set(namespace.items.compactMap { $0.1.asObject.map(ObjectIdentifier.init) })
        return loop.tasks.filter { !$0.isDone || tracker.isNew($0) || named.contains(ObjectIdentifier($0)) }
    }

    /// Contexts held by a value: itself, a task's, or those inside a list/tuple/dict (one level).
    private func contexts(in v: Value, depth: Int) -> [Context] {
        switch v.asObject {
        case let c as Context: return [c]
        case let t as Task: return [t.context]
        case let t as PyThread: return t.runContext.map { [$0] } ?? []
        case let l as PyList where depth == 0: return l.items.flatMap { contexts(in: $0, depth: 1) }
        case let t as PyTuple where depth == 0: return t.items.flatMap { contexts(in: $0, depth: 1) }
        case let d as PyDict where depth == 0: return d.storage.values.flatMap { contexts(in: $0, depth: 1) }
        default: return []
        }
    }

    /// The model the tree renderer draws.
    public func treeSnapshot() -> TreeSnapshot {
        let tasks = visibleTasks(), live = tracker.liveContexts
        let (contexts, names) = reachableContexts(tasks: tasks, live: live)
        let shown = Set(contexts.map(ObjectIdentifier.init))
        let variables = tracker.liveVariables
        var nodes: [ContextNode] = []
        var tasksByContext: [ObjectIdentifier: [Task]] = [:]
        for t in tasks { tasksByContext[ObjectIdentifier(t.context), default: []].append(t) }
        // Keyed by address (from a counter, never reused), not by object identity.
        var shownValues: [Int: [Int: String]] = [:]
        for c in contexts {
            let id = ObjectIdentifier(c)
            let parent = c.origin.flatMap { shown.contains(ObjectIdentifier($0)) ? $0.address : nil }
            var cells: [VariableCell] = []
            var values: [Int: String] = [:]
            let before = tracker.lastShown[c.address]
            for v in variables {
                let cell = variableCell(v, in: c)
                values[v.address] = "\(cell.kind)=\(cell.value)"
                var shownCell = cell
                // Changed: shown last time with another value, or a variable that did not exist
                // at the last drawing and now has a value of its own here. Nothing is "changed"
                // in a context drawn for the first time (one the command created says `new`).
                if let before {
                    shownCell.changed = before[v.address].map { $0 != values[v.address] } ?? (cell.kind == .set)
                } else {
                    shownCell.changed = false
                }
                cells.append(shownCell)
            }
            shownValues[c.address] = values
            nodes.append(ContextNode(
                id: c.address, parent: parent, title: title(of: c), names: names[id] ?? [],
                tasks: (tasksByContext[id] ?? []).map(badge),
                variables: cells, isCurrent: c === context, isEntered: c.isEntered, isNew: tracker.isNew(c)))
        }
        tracker.lastShown = shownValues
        let unreachable = live.filter { !shown.contains(ObjectIdentifier($0)) }.count
        return TreeSnapshot(nodes: nodes, unreachableCount: unreachable)
    }

    func title(of c: Context) -> String {
        let where_: String
        if c === context {
            where_ = "REPL session context"
        } else if c.provenance == "thread MainThread" {
            where_ = "main thread"
        } else if c.provenance.hasPrefix("Handle ") || c.provenance.hasPrefix("callback ") {
            where_ = "copied for a callback"
        } else {
            where_ = c.provenance
        }
        return "Context \(c.hexAddress) (\(where_))"
    }

    func variableCell(_ v: ContextVar, in c: Context) -> VariableCell {
        if let value = c.value(of: v) {
            return VariableCell(name: v.name, value: (try? interpreter.repr(value)) ?? "<repr failed>", kind: .set)
        }
        if let d = v.defaultValue {
            return VariableCell(name: v.name, value: (try? interpreter.repr(d)) ?? "<repr failed>", kind: .defaultShown)
        }
        return VariableCell(name: v.name, value: "", kind: .absent)
    }

    func badge(_ t: Task) -> TaskBadge {
        TaskBadge(name: t.name, state: taskState(t), isCurrent: loop.currentTask === t)
    }

    func taskState(_ t: Task) -> TaskState {
        if t.isCancelled { return .cancelled }
        if t.isDone {
            if let e = try? t.exception() { return .failed(exception: (try? interpreter.repr(.object(e))) ?? e.type.name) }
            return .done(result: (try? t.result()).flatMap { try? interpreter.repr($0) })
        }
        if t.isRunning { return .running }
        if let w = t.waitingOn { return .waiting(on: describeAwaitable(w)) }
        return .pending
    }

    func describeAwaitable(_ f: Future) -> String {
        if let t = f as? Task { return t.name }
        if f is GatheringFuture { return "gather" }
        return f.label ?? "a future"
    }

    /// Draws the tree (after every command unless `:tree off`).
    public func showTree() {
        let lines = TreeRenderer.render(treeSnapshot(), options: options.render)
        write(lines.joined(separator: "\n") + "\n", .view)
    }
}
