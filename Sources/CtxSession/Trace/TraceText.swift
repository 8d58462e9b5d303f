import CtxCore
import CtxLang
import CtxView

/// The words for traced events: the account before the tree, `:trace`'s list, `:walk`'s captions.
extension Session {
    /// The account of `range`: the story (`full` false: what contexts did, callbacks' copies and
    /// task steps that changed nothing left out), or every event (`full`).
    func account(_ t: InputTrace, _ range: Range<Int>, full: Bool) -> [String] {
        let labels = variableLabels()
        var lines: [String] = []
        var stepLine: String?  // a task step, told only if something happens in it
        var drops: [Int] = []
        func flushDrops() {
            guard !drops.isEmpty else { return }
            let names = drops.map { contextLabel($0) }
            lines.append(names.count == 1
                ? "\(names[0]) was dropped: nothing refers to it any more"
                : "\(englishList(names)) were dropped: nothing refers to them any more")
            drops = []
        }
        for i in range {
            let e = t.events[i]
            if case .dropped(let c) = e.kind {
                if full || t.contexts[c]?.quiet == false { drops.append(c) }
                continue
            }
            flushDrops()
            guard full ? !isStepEntry(e) : isStory(e, t) && !isBookkeeping(e) else { continue }
            let text = describe(e, t, labels: labels)
            if !full {
                switch e.kind {
                case .taskStepBegan:
                    stepLine = text
                    continue
                case .taskStepEnded:
                    if stepLine == nil { lines.append(text) }
                    stepLine = nil
                    continue
                default:
                    if let s = stepLine {
                        lines.append(s)
                        stepLine = nil
                    }
                }
            }
            lines.append(text)
        }
        flushDrops()
        if t.omitted > 0, range.upperBound == t.events.count {
            lines.append("… and \(t.omitted) more events, not recorded (the first \(InputTrace.eventLimit) are)")
        }
        let most = 24
        if !full, lines.count > most {
            let rest = lines.count - most
            lines = Array(lines.prefix(most)) + ["… \(rest) more (:trace lists every event)"]
        }
        return lines
    }

    /// Whether an event is part of the story (the account and the walk), not bookkeeping.
    func isStory(_ e: TraceEvent, _ t: InputTrace) -> Bool {
        let quiet = t.contexts[e.context]?.quiet ?? false
        switch e.kind {
        case .created, .dropped: return !quiet
        case .entered(_, let reason), .exited(_, let reason):
            switch reason {
            case .contextRun, .thread: return true
            case .taskStep, .callback: return false
            }
        case .set, .coroutineCreated, .coroutineAwaited, .taskCreated: return true
        case .taskStepBegan, .taskStepEnded: return !quiet
        }
    }

    /// A task step's entry and exit of its context: told as the step itself.
    private func isStepEntry(_ e: TraceEvent) -> Bool {
        switch e.kind {
        case .entered(_, .taskStep), .exited(_, .taskStep): return true
        default: return false
        }
    }

    /// What the account leaves to `:walk` and `:trace`: the steps of the input's own task (the
    /// REPL's, for a top-level `await`), and `await`s that run a coroutine where it was made.
    private func isBookkeeping(_ e: TraceEvent) -> Bool {
        switch e.kind {
        case .taskCreated(let task, _), .taskStepBegan(let task, _), .taskStepEnded(let task, _, _):
            return trace.inputTasks.contains(task)
        case .coroutineAwaited(_, _, let c, let made): return made == nil || made == c
        default: return false
        }
    }

    /// A value's repr, cut to fit a line of the account.
    private func short(_ text: String) -> String {
        text.count > 60 ? text.prefix(59) + (options.render.unicode ? "…" : "...") : text
    }

    /// One event in words, with where it happened.
    func describe(_ e: TraceEvent, _ t: InputTrace, labels: [Int: String], withPosition: Bool = true) -> String {
        let what: String
        switch e.kind {
        case .created(let c, let origin, let provenance):
            let made: String
            switch provenance {
            case "copy_context()": made = "copy_context() made \(contextLabel(c))"
            case "Context()": made = "Context() made \(contextLabel(c)), empty"
            case "copy": made = "ctx.copy() made \(contextLabel(c))"
            default:
                if provenance.hasPrefix("thread ") {
                    made = "\(contextLabel(c)) was made for \(provenance.dropFirst(7)), empty"
                } else if isCallbackCopy(provenance) {
                    made = "\(contextLabel(c)) was copied for a callback"
                } else {
                    made = "\(contextLabel(c)) was made for \(provenance)"
                }
            }
            what = made + (origin.map { ", a copy of \(contextLabel($0))" } ?? "")
        case .entered(let c, let reason):
            switch reason {
            case .contextRun: what = "Context.run entered \(contextLabel(c))"
            case .taskStep(let name): what = "\(name)'s step entered \(contextLabel(c))"
            case .callback(let label): what = "callback \(label) entered \(contextLabel(c))"
            case .thread(let name): what = "\(name) entered \(contextLabel(c)) to run its target"
            }
        case .exited(let c, let reason):
            switch reason {
            case .contextRun: what = "Context.run returned: back out of \(contextLabel(c))"
            case .taskStep(let name): what = "\(name)'s step left \(contextLabel(c))"
            case .callback(let label): what = "callback \(label) left \(contextLabel(c))"
            case .thread(let name): what = "\(name) left \(contextLabel(c))"
            }
        case .set(let v, let c, let old, let new, let isReset):
            let name = labels[v] ?? t.variableNames[v] ?? "?"
            let was = old.map { short(t.text($0)) } ?? "no value"
            let now = new.map { short(t.text($0)) } ?? "no value"
            what = isReset
                ? "\(name).reset() in \(contextLabel(c)): \(was) \(options.render.unicode ? "→" : "->") \(now)"
                : "\(name) = \(now) in \(contextLabel(c)) (had \(was))"
        case .taskCreated(let task, let c):
            what = "\(taskLabel(task, t)) was created, to run in \(contextLabel(c))"
        case .taskStepBegan(let task, let c):
            what = "\(taskLabel(task, t)) runs a step in \(contextLabel(c))"
        case .taskStepEnded(let task, _, let state):
            what = "\(taskLabel(task, t))'s step ended: " + (state == .pending ? "ready for its next step" : state.text(unicode: options.render.unicode))
        case .coroutineCreated(let name, _, let c):
            what = "\(name)() made a coroutine in \(contextLabel(c)); its body has not run yet"
        case .coroutineAwaited(let name, _, let c, let made):
            var s = "await runs \(name)() in \(contextLabel(c))"
            if let made, made != c { s += ", not in \(contextLabel(made)) where it was made" }
            what = s
        case .dropped(let c):
            what = "\(contextLabel(c)) was dropped: nothing refers to it any more"
        }
        return withPosition ? where_(e.position) + what : what
    }

    /// `line 5 in test_context: `, or `line 2: ` at top level.
    func where_(_ p: SourcePosition?) -> String {
        guard let p else { return "" }
        return p.function == "<module>" ? "line \(p.line): " : "line \(p.line) in \(p.function): "
    }

    /// `Context 0x7f0000003080` (or `C2` with `--short-ids`), by address; the session's own
    /// context says so.
    func contextLabel(_ address: Int) -> String {
        address == context.address ? "the session context" : name(address: address)
    }

    func taskLabel(_ task: Int, _ t: InputTrace) -> String {
        let name = t.tasks[task]?.name ?? "a task"
        return trace.inputTasks.contains(task) ? "\(name) (this input's await)" : name
    }

    /// What each live variable is called in views: its `name=`, after the Python names bound to
    /// it when they differ (`ctx → test_context`); two still alike get their address.
    func variableLabels() -> [Int: String] {
        let variables = tracker.liveVariables
        var bound: [Int: [String]] = [:]
        for (name, value) in namespace.items where !name.hasPrefix("_") {
            if let v = value.asObject as? ContextVar { bound[v.address, default: []].append(name) }
        }
        let arrow = options.render.unicode ? "→" : "->"
        var labels: [Int: String] = [:]
        var seen: [String: Int] = [:]
        for v in variables {
            let names = bound[v.address, default: []].sorted()
            let label = names.isEmpty || names.contains(v.name) ? v.name : "\(names.joined(separator: ", ")) \(arrow) \(v.name)"
            labels[v.address] = label
            seen[label, default: 0] += 1
        }
        for v in variables where seen[labels[v.address]!, default: 0] > 1 {
            labels[v.address]! += " (\(v.hexAddress))"
        }
        return labels
    }
}

extension Session {
    /// An account's lines as printed: under a heading, indented, wrapped to the width.
    func printAccount(_ heading: String, _ lines: [String]) {
        let width = options.render.width
        let wrapped = lines.flatMap { WordWrap.lines($0, width: width - 2, indent: "    ").map { "  " + $0 } }
        write(([heading] + wrapped).joined(separator: "\n") + "\n", .view)
    }
}

/// `a`, `a and b`, `a, b and c`.
func englishList(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
}
