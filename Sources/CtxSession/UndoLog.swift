import CtxCore
import CtxLang

/// What `:undo` replays: every step that changed the session, with what makes its replay land
/// in exactly the state it had, since the machine is deterministic (virtual time, no preemption):
///
/// - the address counter before the step: views (trees, `:vars`, completion) allocate objects
///   that a silent replay does not, so the replay jumps the counter to where it was and every
///   object gets its address back (what the user was following stays the same object);
/// - the interrupt polls at which Ctrl-C landed: the replay raises KeyboardInterrupt at the same
///   poll, so an input stopped by Ctrl-C (a runaway loop) replays at once, to the same point.
struct UndoStep {
    enum Kind {
        /// A typed input, with the filename it ran under (`<python-input-N>` keeps its N).
        case input(String, filename: String)
        case load(path: String, source: String)
        case step(Int)
    }

    var kind: Kind
    var addressBefore: Int
    var interruptPolls: [Int] = []
    /// The address counter before each later statement of a multi-statement input (the trees
    /// drawn between its statements allocate too).
    var statementAddresses: [Int] = []

    /// The Python text of the step, for `:save` and `:record` (nil for `:step`).
    var source: String? {
        switch kind {
        case .input(let s, _), .load(_, let s): return s
        case .step: return nil
        }
    }
}

/// The interrupt polls of the input being run, and those to replay.
struct InterruptClock {
    /// Polls made since the input began.
    var polls = 0
    /// Where Ctrl-C landed in this input.
    var landed: [Int] = []
    /// Replaying: the polls at which to raise KeyboardInterrupt.
    var replayAt: [Int] = []
    var replaying = false

    mutating func begin(replaying polls: [Int]?) {
        self.polls = 0
        landed = []
        replayAt = polls ?? []
        replaying = polls != nil
    }

    /// One poll: whether KeyboardInterrupt is raised here.
    mutating func poll(_ flag: () -> Bool) -> Bool {
        polls += 1
        if replaying {
            guard polls == replayAt.first else { return false }
            replayAt.removeFirst()
            return true
        }
        guard flag() else { return false }
        landed.append(polls)
        return true
    }
}

extension Session {
    /// Starts a step that may go into the undo log.
    func beginStep(replaying step: UndoStep?) -> UndoStep.Kind? {
        if let step { runtime.advanceAddresses(to: step.addressBefore) }
        interpreter.resetInterruptClock()
        statementAddresses = []
        interruptClock.begin(replaying: step?.interruptPolls)
        return step?.kind
    }

    /// Records a step that changed the session.
    func logStep(_ kind: UndoStep.Kind, addressBefore: Int) {
        undoLog.append(UndoStep(kind: kind, addressBefore: addressBefore, interruptPolls: interruptClock.landed,
                                statementAddresses: statementAddresses))
    }

    /// How many steps the undo log holds.
    public var undoDepth: Int { undoLog.count }

    /// Back to the state when the log held `depth` steps (a fresh session for 0).
    public func rewind(toDepth depth: Int) {
        replay(dropping: max(0, undoLog.count - depth))
    }

    /// Replays the log but its last `dropping` steps into a fresh session, silently.
    func replay(dropping count: Int) {
        let steps = undoLog.dropLast(count)
        reset()
        replaying = true
        defer { replaying = false }
        for step in steps { replayStep(step) }
    }

    private func replayStep(_ step: UndoStep) {
        let before = runtime.addressWatermark
        _ = beginStep(replaying: step)
        switch step.kind {
        case .input(let input, let filename):
            var marks = step.statementAddresses[...]
            _ = execute(input, filename: filename, between: marks.isEmpty ? nil : { [unowned self] in
                self.settle()  // as between the statements the first time
                if let mark = marks.popFirst() { self.runtime.advanceAddresses(to: mark) }
            })
        case .load(let path, let source):
            _ = execute(source, filename: path)
        case .step(let n):
            beginTrace(source: nil)  // as `:step` did: the inputs keep their numbers for `:why`
            _ = try? loop.step(n)
            endTrace()
        }
        var replayed = step
        replayed.addressBefore = max(before, step.addressBefore)
        undoLog.append(replayed)
    }
}
