import CtxCore

/// A thread's Python target, run on a frame stack of its own so that it can stop at `time.sleep`
/// and go on at its next turn (the rules are in CtxCore's `PyThread.swift`).
///
/// Only a sleep called from these frames stops the thread: one inside a built-in's nested run
/// (`ctx.run(f)`, a `key=` function) cannot keep its Swift caller waiting, and sleeps on the
/// thread's own timeline as before.
final class PythonThreadTarget: ResumableTarget {
    unowned let interpreter: Interpreter
    let target: Value
    let args: [Value]
    let kwargs: [(String, Value)]
    private var stack: FrameStack?

    init(_ interpreter: Interpreter, _ target: Value, _ args: [Value], _ kwargs: [(String, Value)]) {
        self.interpreter = interpreter
        self.target = target
        self.args = args
        self.kwargs = kwargs
    }

    /// The context each turn runs in, for `to_thread`'s `partial(ctx.run, f, ...)`.
    var context: Context?

    func resume(_ rt: Runtime) throws -> Turn {
        if let context { return try context.run(rt) { try turn() } }
        return try turn()
    }

    private func turn() throws -> Turn {
        let stack: FrameStack
        if let s = self.stack {
            stack = s
        } else {
            switch try interpreter.prepareCall(target, args, kwargs) {
            case .value(let v): return .returned(v)
            case .frame(let f): stack = FrameStack(f)
            }
            self.stack = stack
        }
        let saved = interpreter.suspendableStack
        interpreter.suspendableStack = stack
        defer { interpreter.suspendableStack = saved }
        let outcome: RunOutcome
        do {
            outcome = try interpreter.execute(stack, resumeWith: nil)
        } catch {
            self.stack = nil
            throw error
        }
        switch outcome {
        case .returned(let v):
            self.stack = nil
            return .returned(v)
        case .suspended:
            guard let wake = interpreter.threadBlock else { preconditionFailure("a thread stopped without a sleep") }
            interpreter.threadBlock = nil
            return .blocked(until: wake)
        case .yielded: preconditionFailure("a thread's function frame yielded")
        }
    }
}

extension Interpreter {
    /// `time.sleep(seconds)`: in a thread's own frames, the thread stops until it wakes
    /// (`threadBlock` tells the run loop to return); elsewhere the clock moves (`Runtime.sleep`).
    func timeSleep(_ seconds: Double) throws {
        guard let s = suspendableStack, activeStacks.last === s, seconds > 0 else {
            try rt.timeSleep(seconds)
            return
        }
        try rt.checkSleepArgument(seconds)
        threadBlock = rt.clock + seconds
    }
}

extension Interpreter {
    /// Whether `fn` is a plain Python function or a method of one (not a coroutine or generator
    /// function): its frames can stop where it sleeps.
    static func runsInFrames(_ fn: Value) -> Bool {
        switch fn.asObject {
        case let f as PyFunction: return !f.code.isAsync && !f.code.isGenerator
        case let m as PyBoundMethod: return runsInFrames(m.function)
        default: return false
        }
    }

    /// An executor job that can stop where it sleeps: a Python function, or `partial(ctx.run, f,
    /// ...)` of one (what `asyncio.to_thread` submits), each turn inside `ctx`. Nil for others.
    func resumableJob(_ fn: Value, _ args: [Value]) -> PythonThreadTarget? {
        if Self.runsInFrames(fn) { return PythonThreadTarget(self, fn, args, []) }
        guard let p = fn.asObject as? PyPartial, let run = p.function.asObject as? PyBuiltin, run.name == "run",
              let ctx = run.boundSelf as? Context, let f = p.args.first, Self.runsInFrames(f)
        else { return nil }
        let job = PythonThreadTarget(self, f, Array(p.args.dropFirst()) + args, p.kwargs)
        job.context = ctx
        return job
    }
}
