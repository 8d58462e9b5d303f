import CtxCore

/// "RuntimeWarning: coroutine '…' was never awaited", as CPython issues it when a coroutine that
/// never started is destroyed (Objects/genobject.c `_PyGen_Finalize` →
/// Python/_warnings.c `_PyErr_WarnUnawaitedCoroutine` → Lib/warnings.py
/// `_warn_unawaited_coroutine`), and "coroutine method 'asend' of 'agen' was never awaited" for an
/// async generator's `__anext__()`/`asend()`/`athrow()`/`aclose()` awaitable destroyed before its
/// first step (`async_gen_asend_finalize`, `async_gen_athrow_finalize` →
/// `_PyErr_WarnUnawaitedAgenMethod`).
///
/// CPython warns inside the release, so the warning's location is the Python frame running at
/// that moment (`<sys>:0` when none runs, as at interpreter exit). ctxlab records that frame's
/// position when the object is released and issues the warning at the next instruction boundary,
/// where finalisers run, through `warnings._warn_unawaited` (Lib/warnings.py): filters, the
/// registries, `catch_warnings` and `showwarning` treat it as CPython's warnings module does.
/// An exception the warning raises (an "error" filter) is printed as unraisable, as CPython's
/// `PyErr_WriteUnraisable` does.
struct WarningSite {
    var filename = "<sys>"
    var line = 0
    var module = "sys"
    var globals: Namespace?
}

extension Interpreter {
    /// Where a warning issued now would point: the innermost frame (CPython's stack level 1).
    func warningSite() -> WarningSite {
        guard let running = visibleFrames().first else { return WarningSite() }
        var site = WarningSite(filename: running.frame.code.filename, line: running.line.line, globals: running.frame.globals)
        if case .str(let name)? = running.frame.globals["__name__"] { site.module = name } else { site.module = "<string>" }
        return site
    }

    /// Queues the never-awaited warning `message` at `site`; `source` is the warning's `source`
    /// (the coroutine, or the async generator); `owner` names the object in an unraisable report.
    func warnNeverAwaited(_ message: String, at site: WarningSite, source: Value, owner: String) {
        addFinalizer { [unowned self] in
            do {
                let warnings = try self.importModule("warnings")
                guard let warn = warnings.namespace["_warn_unawaited"] else { return }
                let globals: Value = site.globals.map { .object(self.namespaceDict($0)) } ?? .none
                _ = try self.call(warn, [.str(message), .str(site.filename), .int(site.line), .str(site.module),
                                         globals, source, .bool(self.isFinalizing)])
            } catch let e as PyException {
                self.writeUnraisable(e, "Exception ignored in: \(owner)")
            } catch {}
        }
    }

    /// CPython's finalisation of `__main__` (Python/pylifecycle.c `finalize_modules` →
    /// Objects/moduleobject.c `_PyModule_ClearDict`): the names starting with one underscore are
    /// set to None first, then every other name but `__builtins__`, in the dictionary's order;
    /// what each held is released then, so a generator suspended in a global runs its `finally`
    /// and a coroutine never awaited warns (at `<sys>:0`), as at CPython's exit.
    func finalizeMain(_ namespace: Namespace) {
        isFinalizing = true
        let names = namespace.order.filter { $0 != "__builtins__" }
        let single = { (name: String) in name.hasPrefix("_") && !name.hasPrefix("__") }
        for name in names.filter(single) + names.filter({ !single($0) }) where namespace[name] != nil {
            namespace[name] = Value.none
            runFinalizers()
        }
    }
}

extension Interpreter {
    /// What the asyncio REPL's completeness check does at every input (Lib/codeop.py
    /// `_maybe_compile` runs under `warnings.catch_warnings()`, whose exit calls
    /// `warnings._filters_mutated()`): the registries of warnings already shown are out of date,
    /// so a warning repeated by a later input is shown again, as at CPython's prompt.
    public func warningFiltersMutated() {
        guard let warnings = modules["warnings"], let mutated = warnings.namespace["_filters_mutated"] else { return }
        _ = try? call(mutated, [])
    }
}
