import CtxCore

extension Interpreter {
    /// `atexit` (Modules/atexitmodule.c): functions called at interpreter exit, last registered
    /// first, after the threads are joined (Py_FinalizeEx's order). `ctxlab run` calls them when
    /// the program ends, also after an uncaught exception or `sys.exit()`.
    func makeAtexitModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "atexit")
        m.namespace["register"] = function("register") { [unowned self] a in
            guard let f = a.args.first else {
                throw self.rt.error(.TypeError, "register() takes at least 1 argument (0 given)")
            }
            guard self.isCallable(f) else { throw self.rt.error(.TypeError, "the first argument must be callable") }
            self.atexitCallbacks.append(AtexitCallback(function: f, args: Array(a.args.dropFirst()), kwargs: a.kwargs))
            return f
        }
        m.namespace["unregister"] = function("unregister") { [unowned self] a in
            try a.exactly(1)
            // atexit_delete_cb: the slots are emptied, _ncallbacks still counts them
            for i in self.atexitCallbacks.indices {
                if let f = self.atexitCallbacks[i]?.function, try f.isIdentical(a.args[0]) || self.equals(f, a.args[0]) {
                    self.atexitCallbacks[i] = nil
                }
            }
            return .none
        }
        m.namespace["_run_exitfuncs"] = function("_run_exitfuncs") { [unowned self] a in
            try a.exactly(0)
            self.runAtexitCallbacks()
            return .none
        }
        m.namespace["_clear"] = function("_clear") { [unowned self] a in
            try a.exactly(0)
            self.atexitCallbacks = []
            return .none
        }
        m.namespace["_ncallbacks"] = function("_ncallbacks") { [unowned self] a in
            try a.exactly(0)
            return .int(self.atexitCallbacks.count)
        }
        return m
    }

    /// atexit_callfuncs: newest first; an exception is reported and the next one runs.
    public func runAtexitCallbacks() {
        let callbacks = atexitCallbacks
        atexitCallbacks = []
        for entry in callbacks.reversed() {
            guard let entry else { continue }
            do {
                _ = try call(entry.function, entry.args, entry.kwargs)
            } catch let e as PyException {
                if e.isInstance(of: .SystemExit) { continue }
                let shown = (try? repr(entry.function)) ?? "<callback>"
                writeUnraisable(e, "Exception ignored in atexit callback \(shown):")
            } catch {}
            runFinalizers()
        }
    }
}

struct AtexitCallback {
    let function: Value
    let args: [Value]
    let kwargs: [(String, Value)]
}
