extension EventLoop {
    /// `asyncio.sleep(delay, result)` (CPython: tasks.py `sleep`, `__sleep0`).
    ///
    /// `delay <= 0` is a bare yield: the task is requeued at the end of the ready queue. NaN raises
    /// (3.13: `ValueError: Invalid delay: NaN (not a number)`, when the coroutine first runs).
    /// Otherwise a future resolved by a `call_later` timer; the timer is cancelled if the sleep is
    /// interrupted. `inf` waits for ever (see `VirtualClock.swift`).
    public func sleep(_ delay: Double, result: Value = .none) -> Coroutine {
        var timer: Handle?
        var waiter: Future?
        return StateMachineCoroutine(name: "sleep") { [unowned self] rt, resume in
            switch resume {
            case .start:
                if delay <= 0 { return .yielded }
                if delay.isNaN { throw rt.error(.ValueError, "Invalid delay: NaN (not a number)") }
                let f = self.createFuture()
                f.label = "sleep(" + FloatRepr.repr(delay) + ")"
                waiter = f
                timer = self.callLater(delay, "futures._set_result_unless_cancelled()") {
                    if !f.isCancelled { try f.setResult(result) }
                }
                return .awaiting(f)
            case .value:
                timer?.cancel()
                if let f = waiter { return .returned(try f.result()) }
                return .returned(result)
            case .failure(let e):
                timer?.cancel()
                throw e
            }
        }
    }
}
