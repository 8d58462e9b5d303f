import CtxCore
import CtxView

/// `:walk`: the last input, event by event, each with the line it happened on and the tree as it
/// was at that moment — contexts that are gone by the end included (Python Tutor's step, for
/// contexts).
///
/// The trees are rebuilt from the trace alone: every context the input touched was recorded with
/// its mapping when first seen, and each `set` says what changed, so the state after any event
/// is the first-seen state with the events before it applied.
public struct WalkFrame: Equatable, Sendable {
    /// `step 3 of 9 · line 5 in test_context`.
    public var heading: String
    /// The source lines around the event, the event's marked (empty when it has no line).
    public var source: [String]
    /// What happened, in words.
    public var caption: String
    /// The tree at that moment.
    public var tree: [String]

    /// Everything, one line per entry, in the order it is shown.
    public var lines: [String] { [heading] + source + [caption] + tree }
}

extension Session {
    /// The frames of the last input's walk; empty when nothing happened to contexts in it.
    public func walkFrames() -> [WalkFrame] {
        guard let t = trace.last else { return [] }
        let steps = t.events.indices.filter { isStory(t.events[$0], t) }
        guard !steps.isEmpty else { return [] }
        let labels = variableLabels()
        var defaults: [Int: String] = [:]
        for v in tracker.liveVariables {
            if let d = v.defaultValue { defaults[v.address] = shownRepr(d) ?? "<repr failed>" }
        }
        var state = WalkState(t, session: context.address)
        var frames: [WalkFrame] = []
        var applied = 0
        for (n, i) in steps.enumerated() {
            while applied <= i {
                state.apply(t.events[applied], index: applied)
                applied += 1
            }
            let e = t.events[i]
            let heading = "step \(n + 1) of \(steps.count)" + (e.position.map { " · " + where_($0).dropLast(2) } ?? "")
            frames.append(WalkFrame(
                heading: heading, source: sourceExcerpt(e.position),
                caption: (options.render.unicode ? "→ " : "-> ") + describe(e, t, labels: labels, withPosition: false),
                tree: TreeRenderer.render(state.snapshot(self, labels: labels, defaults: defaults, eventIndex: i),
                                          options: options.render)))
        }
        return frames
    }

    /// Up to three lines of source around `p`, its own marked with `▶`.
    func sourceExcerpt(_ p: SourcePosition?) -> [String] {
        guard let p, let lines = trace.sources[p.source], p.line >= 1, p.line <= lines.count else { return [] }
        let marker = options.render.unicode ? "▶" : ">"
        let from = max(1, p.line - 1), to = min(lines.count, p.line + 1)
        let width = String(to).count
        let style = Style(options.render)
        return (from...to).map { n in
            let number = String(repeating: " ", count: width - String(n).count) + String(n)
            let text = "  \(n == p.line ? marker : " ") \(number) │ \(lines[n - 1])"
            return n == p.line ? style.bold(text) : style.dim(text)
        }
    }

    /// Whether `input` is `:walk` alone (which a terminal front end steps through itself).
    public static func isInteractiveWalk(_ input: String) -> Bool {
        let words = input.trimmingWhitespace.split(separator: " ")
        guard words.count == 1, words[0].hasPrefix(":") else { return false }
        if case .success(.walk) = MetaCommand.resolve(String(words[0].dropFirst())) { return true }
        return false
    }

    /// `:walk` without a terminal to step on (a pipe, a transcript): every frame, one after
    /// another; `:walk N` shows frame N alone.
    func walkCommand(_ arg: String) {
        let frames = walkFrames()
        guard !frames.isEmpty else {
            info(trace.last == nil ? "nothing to walk yet: run an input first" : "nothing happened to contexts in the last input")
            return
        }
        if arg.isEmpty {
            write(frames.map { $0.lines.joined(separator: "\n") }.joined(separator: "\n\n") + "\n", .view)
            return
        }
        guard let n = Int(arg), n >= 1, n <= frames.count else {
            info("usage: :walk [N] with N from 1 to \(frames.count)")
            return
        }
        write(frames[n - 1].lines.joined(separator: "\n") + "\n", .view)
    }

    /// `:trace`: every event of the last input; `:trace on|off|auto` sets when the account shows.
    func traceCommand(_ arg: String) {
        switch arg {
        case "":
            guard let t = trace.last else {
                info("nothing traced yet: run an input first")
                return
            }
            let lines = account(t, 0..<t.events.count, full: true)
            if lines.isEmpty {
                info("nothing happened to contexts in the last input")
            } else {
                printAccount("Every event of the last input:", lines)
            }
        case "on", "off", "auto":
            options.traceMode = TraceMode(rawValue: arg)!
            switch options.traceMode {
            case .auto: info("trace auto: after an input, what the tree cannot show (a context made and dropped, a coroutine run elsewhere than it was made)")
            case .on: info("trace on: after every input in which contexts did something, what they did")
            case .off: info("trace off (:trace still lists the last input's events)")
            }
        default: info("usage: :trace [on|off|auto]")
        }
    }
}

/// The contexts and tasks of a trace as they stood after some event.
private struct WalkState {
    let trace: InputTrace
    let session: Int
    /// Per context alive now: the values set since it was first seen (variable address →
    /// value index, nil: removed), over its first-seen mapping.
    var values: [Int: [Int: Int?]] = [:]
    var alive: Set<Int> = []
    var entered: [Int] = []
    var tasks: [Int: TaskState] = [:]
    var taskContext: [Int: Int] = [:]
    var changed: (context: Int, variable: Int)?

    init(_ t: InputTrace, session: Int) {
        trace = t
        self.session = session
        for (address, c) in t.contexts where c.createdAt == nil {
            alive.insert(address)
            values[address] = [:]
        }
        for (address, task) in t.tasks where task.createdAt == nil {
            tasks[address] = task.initial
            taskContext[address] = task.context
        }
    }

    mutating func apply(_ e: TraceEvent, index: Int) {
        changed = nil
        switch e.kind {
        case .created(let c, _, _):
            alive.insert(c)
            values[c] = [:]
        case .entered(let c, _): entered.append(c)
        case .exited(let c, _): if let i = entered.lastIndex(of: c) { entered.remove(at: i) }
        case .set(let v, let c, _, let new, _):
            values[c, default: [:]][v] = .some(new)
            changed = (c, v)
        case .taskCreated(let task, let c):
            tasks[task] = .pending
            taskContext[task] = c
        case .taskStepBegan(let task, let c):
            tasks[task] = .running
            taskContext[task] = c
        case .taskStepEnded(let task, _, let state): tasks[task] = state
        case .dropped(let c):
            alive.remove(c)
            values[c] = nil
        case .coroutineCreated, .coroutineAwaited: break
        }
    }

    func snapshot(_ s: Session, labels: [Int: String], defaults: [Int: String], eventIndex: Int) -> TreeSnapshot {
        let variables = Set(trace.variableNames.keys).union(labels.keys).sorted()
        let current = entered.last
        var nodes: [ContextNode] = []
        for address in trace.contextOrder where alive.contains(address) {
            guard let c = trace.contexts[address], !c.quiet || address == session || address == current else { continue }
            let own = values[address] ?? [:]
            var base: [Int: Value] = [:]
            for (v, value) in c.initial.items { base[v.address] = value }
            let cells = variables.map { v -> VariableCell in
                let name = labels[v] ?? trace.variableNames[v] ?? "?"
                var cell: VariableCell
                if let changed = own[v] {
                    if let value = changed {
                        cell = VariableCell(name: name, value: trace.text(value), kind: .set)
                    } else {
                        cell = defaults[v].map { VariableCell(name: name, value: $0, kind: .defaultShown) }
                            ?? VariableCell(name: name, value: "", kind: .absent)
                    }
                } else if let value = base[v] {
                    cell = VariableCell(name: name, value: s.shownRepr(value) ?? "<repr failed>", kind: .set)
                } else if let d = defaults[v] {
                    cell = VariableCell(name: name, value: d, kind: .defaultShown)
                } else {
                    cell = VariableCell(name: name, value: "", kind: .absent)
                }
                cell.changed = changed.map { $0.context == address && $0.variable == v } ?? false
                return cell
            }
            let badges = trace.taskOrder.compactMap { task -> TaskBadge? in
                guard taskContext[task] == address, let state = tasks[task], let traced = trace.tasks[task] else { return nil }
                let names = s.trace.inputTasks.contains(task) ? ["this input's await"] : []
                return TaskBadge(name: traced.name, state: state, isCurrent: state == .running, names: names)
            }
            nodes.append(ContextNode(
                id: address, parent: c.origin, title: s.title(address: address, provenance: c.provenance), tasks: badges,
                variables: cells, isCurrent: address == current, isEntered: entered.contains(address),
                isNew: c.createdAt == eventIndex))
        }
        return TreeSnapshot(nodes: nodes)
    }
}

