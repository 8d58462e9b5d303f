/// The event loop's async-generator hooks (CPython: Lib/asyncio/base_events.py
/// `_asyncgen_firstiter_hook`, `_asyncgen_finalizer_hook`, `shutdown_asyncgens`).
///
/// CPython installs the two hooks with `sys.set_asyncgen_hooks` while `run_forever` runs; an
/// async generator takes them when it is first iterated (`__anext__`, `asend`, `athrow`,
/// `aclose`). The first-iteration hook adds it to the loop's weak set; the finaliser, called
/// when an unfinished generator is garbage-collected, schedules `create_task(agen.aclose())`
/// with `call_soon_threadsafe` (so the `aclose()` task copies the context current at collection
/// time); `shutdown_asyncgens`, run by `asyncio.run` at the end, gathers `aclose()` of every
/// generator still alive.
///
/// ctxlab's objects are reference counted by Swift, as CPython's are: a generator dropped by a
/// `break` out of `async for` is finalised at the same point of the program. (Reference cycles
/// are never collected here, where CPython's cycle collector would eventually finalise them.)

/// An async generator as the loop's hooks see it.
public protocol AsyncGeneratorHooks: AnyObject {
    /// `agen.aclose()`: the awaitable the finaliser and `shutdown_asyncgens` run in a Task.
    func acloseCoroutine() -> Coroutine
    /// `repr(agen)`, for the shutdown's error report.
    func agenRepr() -> String
}

struct WeakAsyncGenerator {
    weak var value: AsyncGeneratorHooks?
}

extension EventLoop {
    /// CPython: `_asyncgen_firstiter_hook` (its ResourceWarning after shutdown is ignored by
    /// the default warning filters, so it prints nothing).
    public func asyncgenFirstIter(_ agen: AsyncGeneratorHooks) {
        asyncgens.removeAll { $0.value == nil }
        asyncgens.append(WeakAsyncGenerator(value: agen))
    }

    /// CPython: `_asyncgen_finalizer_hook`: `call_soon_threadsafe(self.create_task, agen.aclose())`.
    /// `agen` is what is left of the generator once its Python object is gone (the weak set has
    /// already lost it, as CPython clears weak references before finalising).
    public func asyncgenFinalize(_ agen: AsyncGeneratorHooks) {
        guard !isClosed else { return }
        let aclose = agen.acloseCoroutine()
        callSoon("BaseEventLoop.create_task()") { [unowned self] in _ = self.createTask(aclose) }
    }

    /// CPython: `BaseEventLoop.shutdown_asyncgens`.
    public func shutdownAsyncgens() -> Coroutine {
        var closing: [AsyncGeneratorHooks] = []
        var children: [Task] = []
        return StateMachineCoroutine(name: "BaseEventLoop.shutdown_asyncgens") { [unowned self] _, resume in
            switch resume {
            case .start:
                self.asyncgensShutdownCalled = true
                closing = self.asyncgens.compactMap(\.value)
                self.asyncgens = []
                if closing.isEmpty { return .returned(.none) }
                children = closing.map { self.createTask($0.acloseCoroutine()) }
                return .awaiting(self.gather(children, returnExceptions: true))
            case .value:
                for (agen, t) in zip(closing, children) where !t.isCancelled {
                    guard let e = try t.exception(), e.isInstance(of: .Exception) else { continue }
                    self.callExceptionHandler(LoopError(
                        message: "an error occurred during closing of asynchronous generator \(agen.agenRepr())",
                        exception: e, extra: [("asyncgen", agen.agenRepr())]))
                }
                return .returned(.none)
            case .failure(let e): throw e
            }
        }
    }
}
