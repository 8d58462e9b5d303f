/// `fut.cancel(msg)` along chains of futures (CPython: `Task.cancel` in Modules/_asynciomodule.c,
/// `_GatheringFuture.cancel` in Lib/asyncio/tasks.py, `Future.cancel`).
///
/// A task's cancel calls the cancel of the future it waits on; a gather's calls its children's.
/// CPython recurses, so a cycle (a task gathering itself, two tasks awaiting each other) or a very
/// deep chain ends in `RecursionError`: a gather level is a Python frame (the limit of 1000, message
/// "maximum recursion depth exceeded"), every level is a C call (the C limit of 10,000, message
/// "... while calling a Python object"). ctxlab walks the same chain with an explicit stack, in the
/// same order and with the same side effects (each task on the way counts the request, as
/// `cancelling()` shows), and raises the same error at those depths: never a Swift stack overflow.
/// When the error is raised, nothing below it is undone and nothing after it runs, as in CPython.
extension Future {
    /// CPython's default recursion limit (a gather level is one Python frame).
    static let pythonRecursionLimit = 1000
    /// CPython 3.13's `Py_C_RECURSION_LIMIT` (every level is a C call).
    static let cRecursionLimit = 10_000

    private enum Frame {
        /// A task waiting for its waiter's answer.
        case task(Task)
        /// A gather that has asked its children before `next`; `any` is whether one said yes.
        case gather(GatheringFuture, next: Int, any: Bool)
    }

    private enum Move {
        case call(Future)
        case answer(Bool)
    }

    /// `fut.cancel(msg)` as Python calls it: false when already done; raises `RecursionError`
    /// where CPython's recursion would.
    public func cancelChecked(message: Value? = nil) throws -> Bool {
        var stack: [Frame] = []
        var gathers = 0
        var move = Move.call(self)
        while true {
            switch move {
            case .call(let f):
                if f.isDone {
                    move = .answer(false)
                } else if let t = f as? Task {
                    t.cancelRequests += 1
                    if let w = t.waitingOn {
                        stack.append(.task(t))
                        try checkDepth(stack.count, gathers)
                        move = .call(w)
                    } else {
                        t.requestCancelAtNextStep(message)
                        move = .answer(true)
                    }
                } else if let g = f as? GatheringFuture {
                    stack.append(.gather(g, next: 0, any: false))
                    gathers += 1
                    try checkDepth(stack.count, gathers)
                    move = Future.nextChild(&stack, &gathers, message)
                } else {
                    move = .answer(f.cancelFuture(message: message))
                }
            case .answer(let yes):
                guard let top = stack.popLast() else { return yes }
                switch top {
                case .task(let t):
                    // The waiter refused (it was done): the task's step is already scheduled.
                    if !yes { t.requestCancelAtNextStep(message) }
                    move = .answer(true)
                case .gather(let g, let next, let any):
                    stack.append(.gather(g, next: next, any: any || yes))
                    move = Future.nextChild(&stack, &gathers, message)
                }
            }
        }
    }

    /// The gather on top of the stack asks its next child, or answers when all were asked.
    private static func nextChild(_ stack: inout [Frame], _ gathers: inout Int, _ message: Value?) -> Move {
        guard case .gather(let g, let next, let any)? = stack.last else { preconditionFailure("not a gather frame") }
        if next < g.children.count {
            stack[stack.count - 1] = .gather(g, next: next + 1, any: any)
            return .call(g.children[next])
        }
        stack.removeLast()
        gathers -= 1
        // Any child actually cancelled: propagate the cancellation whatever return_exceptions says.
        if any { g.cancelRequested = true }
        return .answer(any)
    }

    private func checkDepth(_ levels: Int, _ gathers: Int) throws {
        if gathers >= Future.pythonRecursionLimit {
            throw runtime.error(.RecursionError, "maximum recursion depth exceeded")
        }
        if levels >= Future.cRecursionLimit {
            throw runtime.error(.RecursionError, "maximum recursion depth exceeded while calling a Python object")
        }
    }
}
