/// `asyncio.gather` (CPython: tasks.py `gather`, `_GatheringFuture`).
///
/// The children are futures already (a coroutine argument becomes a Task at `gather()` call time,
/// each copying the context then). Each child gets a done callback; the first exception wins when
/// `return_exceptions` is false, and the last child to finish sets the list of results in argument
/// order.
public final class GatheringFuture: Future {
    public let children: [Future]
    var cancelRequested = false

    init(loop: EventLoop, children: [Future]) {
        self.children = children
        super.init(loop: loop)
    }

    override var reprClassName: String { "_GatheringFuture" }

    // Cancelling the gather cancels the children that are not done: see `Cancellation.swift`.
}

extension EventLoop {
    public func gather(_ children: [Future], returnExceptions: Bool = false) -> Future {
        if children.isEmpty {
            let outer = createFuture()
            try! outer.setResult(.object(PyList(runtime: runtime, [])))
            return outer
        }
        let outer = GatheringFuture(loop: self, children: children)
        var finished = 0
        let total = Set(children.map { ObjectIdentifier($0) }).count
        let doneCallback: (Future) throws -> Void = { [unowned self] fut in
            finished += 1
            if outer.isDone {
                if !fut.isCancelled { _ = try? fut.exception() }
                return
            }
            if !returnExceptions {
                if fut.isCancelled {
                    try outer.setException(fut.makeCancelledError())
                    return
                }
                if let e = try fut.exception() {
                    try outer.setException(e)
                    return
                }
            }
            guard finished == total else { return }
            var results: [Value] = []
            for c in outer.children {
                if c.isCancelled {
                    results.append(.object(PyException(runtime: self.runtime, .CancelledError, args: [c.cancelMessage ?? .str("")])))
                } else if let e = try c.exception() {
                    results.append(.object(e))
                } else {
                    results.append(try c.result())
                }
            }
            if outer.cancelRequested {
                try outer.setException(fut.makeCancelledError())
            } else {
                try outer.setResult(.object(PyList(runtime: self.runtime, results)))
            }
        }
        // CPython 3.12+ (Lib/asyncio/tasks.py gather): children already done run the callback
        // right away, after the outer future exists, so a gather of finished tasks is itself
        // finished before it is awaited (no trip through the ready queue).
        var seen = Set<ObjectIdentifier>()
        var alreadyDone: [Future] = []
        for c in children where seen.insert(ObjectIdentifier(c)).inserted {
            if c.isDone { alreadyDone.append(c) } else { c.addDoneCallback("gather.<locals>._done_callback()", doneCallback) }
        }
        for c in alreadyDone { try? doneCallback(c) }
        return outer
    }
}
