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
    /// The lock acquire the frames stopped in: its outcome is the call's result when they go on.
    private var parkedIn: LockWaiter?

    init(_ interpreter: Interpreter, _ target: Value, _ args: [Value], _ kwargs: [(String, Value)]) {
        self.interpreter = interpreter
        self.target = target
        self.args = args
        self.kwargs = kwargs
    }

    /// The context each turn runs in, for `to_thread`'s `partial(ctx.run, f, ...)`.
    var context: Context?

    func resume(_ rt: Runtime) throws -> Turn {
        if let context { return try context.run(rt) { try turn(rt) } }
        return try turn(rt)
    }

    private func turn(_ rt: Runtime) throws -> Turn {
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
        if let w = parkedIn {
            // Woken (or timed out): the acquire's outcome replaces the placeholder it returned.
            guard let acquired = rt.settle(w) else { return .waiting(w) }
            parkedIn = nil
            let f = stack.top
            f.stack[f.stack.count - 1] = .bool(acquired)
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
            guard let block = interpreter.threadBlock else { preconditionFailure("a thread stopped without a sleep") }
            interpreter.threadBlock = nil
            switch block {
            case .sleep(let wake): return .blocked(until: wake)
            case .lock(let w):
                parkedIn = w
                return .waiting(w)
            }
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
        threadBlock = .sleep(until: rt.clock + seconds)
    }

    /// Whether the running code is a thread's own frames, which can stop where it blocks.
    var canStopThread: Bool {
        guard let s = suspendableStack else { return false }
        return activeStacks.last === s
    }
}

/// Why a thread's frames stopped: the run loop returns at the end of the call that blocked.
enum ThreadBlock {
    /// `time.sleep`: until this time.
    case sleep(until: Double)
    /// A lock's `acquire` parked the thread; the call's result is its outcome, set when the
    /// frames go on.
    case lock(LockWaiter)
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

    /// The context of a bound `ctx.run`, nil for anything else.
    static func contextRun(_ fn: Value) -> Context? {
        guard let run = fn.asObject as? PyBuiltin, run.name == "run" else { return nil }
        return run.boundSelf as? Context
    }

    /// A thread's target that can stop where it sleeps: a Python function or `ctx.run` with one
    /// as its first argument (`Thread(target=ctx.run, args=(f, ...))`, each turn inside `ctx`),
    /// or a `functools.partial` of either. Nil for others.
    func resumableTarget(_ target: Value, _ args: [Value], _ kwargs: [(String, Value)]) -> PythonThreadTarget? {
        var (fn, args, kwargs) = (target, args, kwargs)
        if let p = target.asObject as? PyPartial {
            // partial's call: (*p.args, *args) and {**p.keywords, **kwargs}
            (fn, args, kwargs) = (p.function, p.args + args, p.kwargs.filter { k in !kwargs.contains { $0.0 == k.0 } } + kwargs)
        }
        if Self.runsInFrames(fn) { return PythonThreadTarget(self, fn, args, kwargs) }
        guard let ctx = Self.contextRun(fn), let f = args.first, Self.runsInFrames(f) else { return nil }
        let t = PythonThreadTarget(self, f, Array(args.dropFirst()), kwargs)
        t.context = ctx
        return t
    }

    /// An executor job that can stop where it sleeps: a Python function, or `partial(ctx.run, f,
    /// ...)` of one (what `asyncio.to_thread` submits), each turn inside `ctx`. Nil for others.
    func resumableJob(_ fn: Value, _ args: [Value]) -> PythonThreadTarget? {
        if Self.runsInFrames(fn) { return PythonThreadTarget(self, fn, args, []) }
        guard let p = fn.asObject as? PyPartial, let ctx = Self.contextRun(p.function), let f = p.args.first,
              Self.runsInFrames(f)
        else { return nil }
        let job = PythonThreadTarget(self, f, Array(p.args.dropFirst()) + args, p.kwargs)
        job.context = ctx
        return job
    }
}
