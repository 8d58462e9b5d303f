/// "Task exception was never retrieved" (CPython: `Future.__del__` in Lib/asyncio/futures.py,
/// `TaskObj_finalize` / `FutureObj_finalize` in Modules/_asynciomodule.c).
///
/// A future (or task) that finished with an exception nobody retrieved (`result()`, `exception()`,
/// `await`, `gather`, a TaskGroup, `wait_for` all retrieve it; `asyncio.wait` does not) reports it
/// when it is destroyed, through its loop's exception handler:
///
///     Task exception was never retrieved
///     future: <Task finished name='Task-2' coro=<job() done, defined at x.py:3> exception=ValueError('x')>
///     Traceback (most recent call last):
///       ...
///     ValueError: x
///
/// CPython destroys it when its reference count drops to zero, which ctxlab does not model. It
/// reports at the points where the ordinary programs' failed tasks die, in the order their
/// exceptions were set:
///
/// 1. **When `asyncio.run`'s (or `Runner.run`'s) main coroutine has finished**: a task nobody
///    holds dies right after its failing step, and one held by a local of `main` (or in a list a
///    local holds) dies with `main`'s frame; both are reported by then in CPython. (ctxlab reports
///    the first kind a little later, when `main` ends: standard error gets the same text.) Those
///    that a global holds (directly, or in a list, tuple, dict or set a global holds) are left for
///    rule 3: the program may still retrieve them.
/// 2. **When the runner closes**: tasks that failed during the shutdown (cancelled tasks whose
///    clean-up raised and nobody awaited), again except those a global holds.
/// 3. **At the end of the program**, after an uncaught exception's traceback, as CPython's
///    finalization does for objects that globals held (loops run with `run_until_complete`).
///
/// A failed task held only deeper inside the globals (an attribute of an object a global holds)
/// is reported at rule 1 or 2 (CPython: at exit, or never if the program retrieves it later); the
/// REPL reports nothing (its names hold tasks).
/// A future whose exception may go unretrieved, and its loop, kept alive until the report:
/// `Future.loop` is unowned, and the report (the future's repr, the loop's handler) needs it.
struct UnretrievedFuture {
    let future: Future
    let loop: EventLoop

    init(_ future: Future) {
        self.future = future
        self.loop = future.loop
    }
}

extension Runtime {
    /// Remembers a future given an exception. Those retrieved since are dropped whenever the list
    /// has doubled, so that a long run of failures that are handled keeps nothing alive.
    func noteUnretrieved(_ f: Future) {
        unretrieved.append(UnretrievedFuture(f))
        if unretrieved.count >= unretrievedPruneAt {
            unretrieved.removeAll { !$0.future.logTraceback }
            unretrievedPruneAt = max(64, unretrieved.count * 2)
        }
    }

    /// Reports every future of `loop` (every loop when nil) whose exception was never retrieved.
    public func reportUnretrieved(of loop: EventLoop? = nil) {
        var kept: [UnretrievedFuture] = []
        let pending = unretrieved
        unretrieved = []
        var held: Set<ObjectIdentifier>?
        for entry in pending where entry.future.logTraceback {
            let f = entry.future
            if loop != nil && held == nil { held = heldByGlobals?() ?? [] }
            guard loop == nil || (entry.loop === loop && !held!.contains(ObjectIdentifier(f))) else {
                kept.append(entry)
                continue
            }
            f.logTraceback = false
            let report = LoopError(
                message: "\(f.reprClassName) exception was never retrieved", exception: f.exceptionValue,
                future: f, showsTraceback: true)
            entry.loop.callExceptionHandler(report)
        }
        unretrieved = kept + unretrieved
    }
}
