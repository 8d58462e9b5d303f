import CtxCore
import CtxLang
import CtxView

extension Session {
    /// The contexts worth drawing: the session's own, those bound to names, those of `tasks`,
    /// callbacks and threads, and the contexts they were copied from.
    func reachableContexts(tasks: [Task]) -> Reachable {
        var found = Reachable(tracker: tracker)
        found.add(context)
        for (name, value) in namespace.items where !name.hasPrefix("__") {
            forEachContext(in: value, depth: 0) { c in
                found.add(c)
                if value.asObject === c { found.names[ObjectIdentifier(c), default: []].append(name) }
            }
            if let t = value.asObject as? Task { found.taskNames[ObjectIdentifier(t), default: []].append(name) }
        }
        for t in tasks { found.add(t.context) }
        for h in loop.ready where !h.isCancelled { found.add(h.context) }
        for h in loop.scheduledTimers where !h.isCancelled { found.add(h.context) }
        // A finished thread's context stays reachable only through the Thread object (3.14 keeps
        // it in `Thread._context`): it is drawn when a name holds the thread (above).
        for t in runtime.threads.dropFirst() where t.state != .finished {
            if let c = t.runContext { found.add(c) }
        }
        // Ancestors, so that every node hangs under the context it was copied from.
        var i = 0
        while i < found.contexts.count {
            let c = found.contexts[i]
            if let o = c.originAddress, !found.contains(address: o), let origin = c.origin {
                found.add(origin)
            }
            i += 1
        }
        return found
    }

    /// What `reachableContexts` found.
    struct Reachable {
        let tracker: Tracker
        /// In the order found.
        private(set) var contexts: [Context] = []
        /// Per tracker entry: the index of its context in `contexts`, or -1.
        private var tracked: [Int]
        /// Index in `contexts` by address, for contexts the tracker never saw.
        private var untracked: [Int: Int] = [:]
        /// The names bound to each context that has some.
        var names: [ObjectIdentifier: [String]] = [:]
        /// The names bound to each task that has some.
        var taskNames: [ObjectIdentifier: [String]] = [:]

        init(tracker: Tracker) {
            self.tracker = tracker
            tracked = Array(repeating: -1, count: tracker.count)
        }

        mutating func add(_ c: Context) {
            if let entry = tracker.entry(at: c.address) {
                guard tracked[entry] < 0 else { return }
                tracked[entry] = contexts.count
            } else {
                guard untracked[c.address] == nil else { return }
                untracked[c.address] = contexts.count
            }
            contexts.append(c)
        }

        /// The index in `contexts` of the context of tracker entry `entry`.
        func index(ofEntry entry: Int) -> Int? { tracked[entry] < 0 ? nil : tracked[entry] }

        func contains(address: Int) -> Bool {
            if let entry = tracker.entry(at: address) { return tracked[entry] >= 0 }
            return untracked[address] != nil
        }
    }

    /// Pending tasks, and finished ones that the last command created or that a name holds.
    func visibleTasks() -> [Task] {
        let named = Set(namespace.items.compactMap { $0.1.asObject.map(ObjectIdentifier.init) })
        return loop.tasks.filter { !$0.isDone || tracker.isNew($0) || named.contains(ObjectIdentifier($0)) }
    }

    /// Contexts held by a value: itself, a task's, or those inside a list/tuple/dict (one level).
    private func forEachContext(in v: Value, depth: Int, _ body: (Context) -> Void) {
        switch v.asObject {
        case let c as Context: body(c)
        case let t as Task: body(t.context)
        case let t as PyThread: if let c = t.runContext { body(c) }
        case let l as PyList where depth == 0: for item in l.items { forEachContext(in: item, depth: 1, body) }
        case let t as PyTuple where depth == 0: for item in t.items { forEachContext(in: item, depth: 1, body) }
        case let d as PyDict where depth == 0:
            for item in d.storage.values { forEachContext(in: item, depth: 1, body) }
        default: break
        }
    }

    /// The live tree: an outline of every reachable context, whose full nodes (titles, reprs,
    /// badges) are built only for the contexts the renderer draws. Also remembers what was shown,
    /// so that the next drawing can mark what changed.
    ///
    /// Work per drawing is O(contexts) for the outline plus O(mappings × variables) reprs: contexts
    /// sharing a mapping (copies not changed since) share one row of cells (`mappingStamp`).
    public func tree() -> LazyTree {
        tracker.drawing {
            let tasks = visibleTasks()
            return buildTree(tasks, reachableContexts(tasks: tasks))
        }
    }

    private func buildTree(_ tasks: [Task], _ reachable: Reachable) -> LazyTree {
        let variables = tracker.liveVariables
        let labels = variableLabels()
        let byContext = TasksByContext(tasks, tracker: tracker)
        let currentTask = loop.currentTask
        let before = tracker.shownMappings
        let columns = before.columns(of: variables)

        var table = MappingTable(width: variables.count)
        let count = reachable.contexts.count
        // Per drawn node, in creation order: its index in `reachable.contexts`, its table row.
        var order: [Int] = [], rows: [Int] = [], outlines: [NodeOutline] = []
        order.reserveCapacity(count)
        rows.reserveCapacity(count)
        outlines.reserveCapacity(count)
        var changes: [Int: [Bool]] = [:]  // by node; only where something changed
        // Copies made together share their mappings, before and now: remember the last answer.
        var lastPair: (before: Int, now: Int, changes: [Bool]?)? = nil

        /// Adds a node; returns the stamp its cells were made from (a `__repr__` run here may
        /// change the mapping afterwards: the next drawing compares with what this one showed).
        @discardableResult
        func add(_ c: Context, at index: Int, entry: Int?, shownStamp: Int?) -> Int {
            let i = order.count, stamp = c.mappingStamp
            let row = table.row(for: stamp) { variableCell(variables[$0], in: c, labels: labels) }
            order.append(index)
            rows.append(row)
            // Changed: shown last time with another value, or a variable that did not exist at
            // the last drawing and now has a value of its own here. Nothing is "changed" in a
            // context drawn for the first time (one the command created says `new`).
            if let old = shownStamp {
                if let last = lastPair, last.before == old, last.now == stamp {
                    if let found = last.changes { changes[i] = found }
                } else {
                    let found = before.changes(before: old, now: table[row], columns: columns)
                    lastPair = (old, stamp, found)
                    if let found { changes[i] = found }
                }
            }
            var live = TaskCounts()
            var runsCurrentOrNamedTask = false
            byContext.forEach(in: c, entry: entry) { t in
                live.add(taskState(t, describing: false))
                runsCurrentOrNamedTask =
                    runsCurrentOrNamedTask || t === currentTask || reachable.taskNames[ObjectIdentifier(t)] != nil
            }
            let pinned = NodeOutline.pins(
                isCurrent: c === context, isEntered: c.isEntered, isNamed: reachable.names[ObjectIdentifier(c)] != nil,
                hasChange: changes[i] != nil, runsCurrentOrNamedTask: runsCurrentOrNamedTask)
            // Every live ancestor of a reachable context is reachable; a collected one is not
            // among the nodes, which makes this one a root.
            outlines.append(NodeOutline(
                id: c.address, parent: c.originAddress, isPinned: pinned, isNew: tracker.isNew(c),
                liveTasks: live))
            return stamp
        }

        var listed = Array(repeating: false, count: count)
        let unreachable = tracker.visitLive { entry, c, shownStamp in
            guard let index = reachable.index(ofEntry: entry) else { return nil }
            listed[index] = true
            return add(c, at: index, entry: entry, shownStamp: shownStamp)
        }
        if order.count < count {  // contexts the tracker never saw
            for (index, c) in reachable.contexts.enumerated() where !listed[index] {
                add(c, at: index, entry: nil, shownStamp: nil)
            }
        }
        tracker.shownMappings = ShownMappings(table: table, variables: variables.map(\.address))
        let names = reachable.names, taskNames = reachable.taskNames
        let contexts = reachable.contexts
        return LazyTree(outlines: outlines, unreachableCount: unreachable) { [self] i in
            let c = contexts[order[i]], outline = outlines[i]
            var cells = Array(table[rows[i]])
            if let changed = changes[i] {
                for j in cells.indices { cells[j].changed = changed[j] }
            }
            return ContextNode(
                id: outline.id, parent: outline.parent, title: title(of: c),
                names: names[ObjectIdentifier(c)] ?? [], tasks: byContext.tasks(in: c).map { badge($0, names: taskNames[ObjectIdentifier($0)] ?? []) },
                variables: cells, isCurrent: c === context, isEntered: c.isEntered, isNew: outline.isNew)
        }
    }

    /// Every node of the live tree, built in full (for tests and figures; drawing uses `tree()`).
    public func treeSnapshot() -> TreeSnapshot {
        tracker.drawing {
            let tree = tree()
            return TreeSnapshot(nodes: tree.outlines.indices.map(tree.node), unreachableCount: tree.unreachableCount)
        }
    }

    func title(of c: Context) -> String { title(address: c.address, provenance: c.provenance) }

    /// A node's title: its name and why it exists (also for contexts a walk remembers).
    func title(address: Int, provenance: String) -> String {
        let why: String
        if address == context.address {
            why = "REPL session context"
        } else if provenance == "thread MainThread" {
            why = "main thread"
        } else if isCallbackCopy(provenance) {
            why = "copied for a callback"
        } else {
            why = provenance
        }
        return "\(name(address: address)) (\(why))"
    }

    /// `Context 0x7f0000003080`, or `C2` with `--short-ids`.
    func name(of c: Context) -> String { name(address: c.address) }

    func name(address: Int) -> String {
        if options.shortIds, let n = tracker.shortIds[address] { return "C\(n)" }
        return "Context 0x" + String(address, radix: 16)
    }

    func variableCell(_ v: ContextVar, in c: Context, labels: [Int: String]) -> VariableCell {
        let name = labels[v.address] ?? v.name
        if let value = c.value(of: v) {
            return VariableCell(name: name, value: shownRepr(value) ?? "<repr failed>", kind: .set)
        }
        if let d = v.defaultValue {
            return VariableCell(name: name, value: shownRepr(d) ?? "<repr failed>", kind: .defaultShown)
        }
        return VariableCell(name: name, value: "", kind: .absent)
    }

    /// The repr the tree shows, nil when it raised. A str too long for the tree
    /// (`RenderOptions.longestField`) is cut here, before its whole repr is built: the tree would
    /// cut it anyway, and making it would cost time proportional to the string at every drawing.
    func shownRepr(_ v: Value) -> String? {
        if case .str(let s) = v, let head = StringRepr.reprPrefix(s, limit: RenderOptions.longestField) {
            return head + (options.render.unicode ? "…" : "...")
        }
        return try? interpreter.repr(v)
    }

    func badge(_ t: Task, names: [String]) -> TaskBadge {
        let names = trace.inputTasks.contains(t.address) ? names + ["this input's await"] : names
        return TaskBadge(name: t.name, state: taskState(t), isCurrent: loop.currentTask === t, names: names)
    }

    /// Where `t` is in its life; with `describing` off, without the reprs and labels (enough to
    /// count tasks by state).
    func taskState(_ t: Task, describing: Bool = true) -> TaskState {
        if t.isCancelled { return .cancelled }
        if t.isDone {
            if !describing { return .done(result: nil) }
            if let e = try? t.exception() { return .failed(exception: shownRepr(.object(e)) ?? e.type.name) }
            return .done(result: (try? t.result()).flatMap(shownRepr))
        }
        if t.isRunning { return .running }
        if let w = t.waitingOn { return .waiting(on: describing ? describeAwaitable(w) : "") }
        return .pending
    }

    func describeAwaitable(_ f: Future) -> String {
        if let t = f as? Task { return t.name }
        if f is GatheringFuture { return "gather" }
        return f.label ?? "a future"
    }

    /// Draws the tree (after every command unless `:tree off`), or says in one line that it has
    /// more than `options.maxTreeContexts` contexts.
    public func showTree() {
        // One drawing from snapshot to the last line: nodes are built (and reprs run) lazily.
        let lines = tracker.drawing { () -> [String] in
            let tasks = visibleTasks()
            let reachable = reachableContexts(tasks: tasks)
            let count = reachable.contexts.count
            guard count <= options.maxTreeContexts else {
                let live = tasks.count { !$0.isDone }
                return ["(tree not drawn: \(count) contexts, \(live) live tasks; it draws up to \(options.maxTreeContexts))"]
            }
            return TreeRenderer.render(buildTree(tasks, reachable), options: options.render)
        }
        write(lines.joined(separator: "\n") + "\n", .view)
    }
}


/// Whether a context with this provenance is the copy a loop callback runs in (`Handle …` for
/// `call_soon`/`call_later`, `callback …` for a future's done callback).
func isCallbackCopy(_ provenance: String) -> Bool {
    provenance.hasPrefix("Handle ") || provenance.hasPrefix("callback ")
}
