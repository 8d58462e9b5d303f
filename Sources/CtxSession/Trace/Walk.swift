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

/// The frames of a walk, each built when it is asked for: a trace holds up to 5,000 events and
/// the tree at each can hold thousands of contexts, so building every frame up front (what
/// `:walk 9` used to do) took minutes that Ctrl-C could not end.
///
/// Stepping forward applies the events between the two frames; stepping back replays from the
/// start (linear in the trace, once per key press).
public final class WalkFrames {
    private unowned let session: Session
    private let trace: InputTrace
    /// The indices of the events shown as steps.
    private let steps: [Int]
    private let labels: [Int: String]
    private let defaults: [Int: String]
    private var state: WalkState
    /// Events applied to `state` so far.
    private var applied = 0

    fileprivate init?(_ session: Session) {
        guard let t = session.trace.last else { return nil }
        let steps = t.events.indices.filter { session.isStory(t.events[$0], t) }
        guard !steps.isEmpty else { return nil }
        self.session = session
        trace = t
        self.steps = steps
        labels = session.variableLabels()
        var defaults: [Int: String] = [:]
        for v in session.tracker.liveVariables {
            if let d = v.defaultValue { defaults[v.address] = session.shownRepr(d) ?? "<repr failed>" }
        }
        self.defaults = defaults
        state = WalkState(t, session: session.context.address)
    }

    public var count: Int { steps.count }

    /// Frame `n` (0-based, `0..<count`).
    public func frame(_ n: Int) -> WalkFrame {
        let i = steps[n]
        if applied > i + 1 {
            state = WalkState(trace, session: session.context.address)
            applied = 0
        }
        while applied <= i {
            state.apply(trace.events[applied], index: applied)
            applied += 1
        }
        let e = trace.events[i]
        let s = session
        let heading = "step \(n + 1) of \(steps.count)" + (e.position.map { " · " + s.where_($0).dropLast(2) } ?? "")
        return WalkFrame(
            heading: heading, source: s.sourceExcerpt(e.position),
            caption: (s.options.render.unicode ? "→ " : "-> ") + s.describe(e, trace, labels: labels, withPosition: false),
            tree: TreeRenderer.render(state.snapshot(s, labels: labels, defaults: defaults, eventIndex: i),
                                      options: s.options.render))
    }
}

extension Session {
    /// The last input's walk; nil when nothing happened to contexts in it.
    public func walk() -> WalkFrames? { WalkFrames(self) }

    /// Every frame of the last input's walk (tests; `:walk` builds them one at a time).
    public func walkFrames() -> [WalkFrame] {
        guard let w = walk() else { return [] }
        return (0..<w.count).map { w.frame($0) }
    }

    /// The most frames `:walk` without a terminal prints in a row; `:walk N` shows any other.
    static let printedWalkLimit = 200

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
        guard let walk = walk() else {
            info(trace.last == nil ? "nothing to walk yet: run an input first" : "nothing happened to contexts in the last input")
            return
        }
        if arg.isEmpty {
            let shown = min(walk.count, Session.printedWalkLimit)
            var text = ""
            for n in 0..<shown {
                if interruptFlag() {
                    write(text, .view)
                    info("walk interrupted at step \(n + 1) of \(walk.count)")
                    return
                }
                text += (n == 0 ? "" : "\n") + walk.frame(n).lines.joined(separator: "\n") + "\n"
            }
            write(text, .view)
            if shown < walk.count {
                info("steps \(shown + 1) to \(walk.count) not shown: :walk N shows step N")
            }
            return
        }
        guard let n = Int(arg), n >= 1, n <= walk.count else {
            info("usage: :walk [N] with N from 1 to \(walk.count)")
            return
        }
        write(walk.frame(n - 1).lines.joined(separator: "\n") + "\n", .view)
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
        // Each context's tasks in the order they were seen, in one pass over the tasks.
        var tasksByContext: [Int: [Int]] = [:]
        for task in trace.taskOrder {
            if let c = taskContext[task] { tasksByContext[c, default: []].append(task) }
        }
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
            let badges = (tasksByContext[address] ?? []).compactMap { task -> TaskBadge? in
                guard let state = tasks[task], let traced = trace.tasks[task] else { return nil }
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

