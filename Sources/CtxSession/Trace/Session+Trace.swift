import CtxCore
import CtxLang
import CtxView

/// When the account of an input is printed before the tree (`:trace on|off|auto`).
public enum TraceMode: String, Equatable, Sendable {
    /// Only when something happened that the tree cannot show (the default).
    case auto
    /// After every input in which contexts did anything.
    case on
    /// Never (`:trace`, `:walk` and `:why` still work).
    case off
}

/// What the session keeps of the events, across inputs.
struct TraceState {
    /// The input running now (nil between inputs).
    var current: InputTrace?
    /// The last input's, for `:trace` and `:walk`.
    var last: InputTrace?
    /// Events of `current` already told about (a paste draws a tree after each statement).
    var told = 0
    /// Inputs run so far: the source tag of the next is `inputs + 1`.
    var inputs = 0
    /// Each input's lines, by source tag, to show the line an event happened on.
    var sources: [Int: [String]] = [:]
    /// Where each variable's value in each context came from (`:why`).
    var histories = ValueHistories()
    /// The tasks the REPL made for inputs with a top-level `await`, by address.
    var inputTasks: Set<Int> = []
}

extension Session {
    /// Listens to the core's events for the rest of the session.
    func wireTrace() {
        trace = TraceState()
        runtime.onEvent = { [unowned self] event in self.record(event) }
    }

    /// Starts the trace of an input whose lines are `source` (empty for `:step`); returns its tag.
    @discardableResult
    func beginTrace(source: String?) -> Int {
        trace.inputs += 1
        let tag = trace.inputs
        if let source {
            trace.sources[tag] = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Old inputs' lines are kept only while a function may still point at them: a
            // session of ten thousand pasted lines keeps the last thousand inputs.
            if trace.sources.count > 1_000 { trace.sources[tag - 1_000] = nil }
        }
        trace.current = InputTrace(source: tag)
        trace.told = 0
        return tag
    }

    /// Ends the input's trace: values become reprs (the program's `__repr__` may run now).
    func endTrace() {
        guard var t = trace.current else { return }
        trace.current = nil
        t.finish { [unowned self] v in self.shownRepr(v) ?? "<repr failed>" }
        // The previous trace is released after the write, not inside it: a Context it alone
        // held reports its end (`record`), which reads `trace` (fuzzer seed 404, case 2564).
        let previous = trace.last
        withExtendedLifetime(previous) { trace.last = t }
    }

    private func record(_ event: ContextEvent) {
        let position = runtime.position()
        trace.histories.record(event, input: trace.current?.source ?? trace.inputs, position: position)
        guard var t = trace.current, !tracker.isDrawing else { return }
        trace.current = nil  // no copy-on-write while it changes
        defer { trace.current = t }
        guard !t.isFull else {
            t.overflow(event)
            return
        }
        switch event {
        case .created(let c, let origin):
            if let origin { t.seeWithAncestors(origin) }
            t.see(c, createdAt: t.events.count)
            t.append(.created(context: c.address, origin: origin?.address, provenance: c.provenance), at: position)
        case .entered(let c, let reason):
            t.seeWithAncestors(c)
            t.append(.entered(context: c.address, reason: reason), at: position)
        case .exited(let c, let reason):
            t.seeWithAncestors(c)
            t.append(.exited(context: c.address, reason: reason), at: position)
        case .set(let v, let c, let old, let new, let isReset):
            t.seeWithAncestors(c)
            t.noteVariable(v)
            t.markAudible(c.address)
            t.append(.set(variable: v.address, context: c.address, old: old.map { t.keep($0) },
                          new: new.map { t.keep($0) }, isReset: isReset), at: position)
        case .taskCreated(let task):
            t.seeWithAncestors(task.context)
            t.seeTask(task, state: .pending, createdAt: t.events.count)
            t.append(.taskCreated(task: task.address, context: task.context.address), at: position)
        case .taskStepBegan(let task):
            t.seeWithAncestors(task.context)
            t.seeTask(task, state: tracedState(task), createdAt: nil)
            t.append(.taskStepBegan(task: task.address, context: task.context.address), at: position)
        case .taskStepEnded(let task):
            t.append(.taskStepEnded(task: task.address, context: task.context.address, state: tracedState(task)),
                     at: position)
        case .coroutineCreated(let name, let address, let c):
            // Told only inside a `Context.run`: that is where making is not running.
            guard let c, t.isInsideRun(of: c.address) else { return }
            t.append(.coroutineCreated(name: name, address: address, context: c.address), at: position)
        case .coroutineAwaited(let name, let address, let c):
            t.seeWithAncestors(c)
            t.append(.coroutineAwaited(name: name, address: address, context: c.address,
                                       made: t.madeIn(coroutine: address)), at: position)
        case .dropped(let address, let mapping):
            t.dropped(address, mapping, provenance: trace.histories.provenance(of: address))
            if t.contexts[address] != nil { t.append(.dropped(context: address), at: position) }
        }
        if case .dropped(let address, _) = event { trace.histories.forget(address) }
    }

    /// A task's state for the trace, without running the program's code (no result reprs but
    /// plain values').
    private func tracedState(_ task: Task) -> TaskState {
        if task.isCancelled { return .cancelled }
        if task.isDone {
            if let e = try? task.exception() { return .failed(exception: e.type.name) }
            if let v = try? task.result(), v.asObject == nil { return .done(result: try? v.repr()) }
            return .done(result: nil)
        }
        if task.isRunning { return .running }
        if let w = task.waitingOn { return .waiting(on: describeAwaitable(w)) }
        return .pending
    }

    /// Prints the account of the events since the last one told, if the mode asks for it.
    func tellTrace() {
        trace.current?.finish { [unowned self] v in self.shownRepr(v) ?? "<repr failed>" }
        guard let t = trace.current ?? trace.last else { return }
        let range = min(trace.told, t.events.count)..<t.events.count
        if trace.current != nil { trace.told = t.events.count }
        let show: Bool
        switch options.traceMode {
        case .off: show = false
        case .on: show = true  // when there is something to tell (below)
        case .auto:
            // What the tree draws is worked out only when the input made or changed a context:
            // it walks every name (a list of a hundred million items too).
            var shown: Set<Int>?
            show = t.hasHiddenStory(in: range) { address in
                if shown == nil {
                    shown = tracker.drawing { Set(reachableContexts(tasks: visibleTasks()).contexts.map(\.address)) }
                }
                return shown!.contains(address)
            }
        }
        guard show else { return }
        let lines = account(t, range, full: false)
        guard !lines.isEmpty else { return }
        printAccount("During this input (:walk steps through it, :trace lists every event):", lines)
    }
}

