import CtxCore

extension Interpreter {
    /// The modules ctxlab provides. Anything else is a clear ModuleNotFoundError.
    static let supportedModules = ["asyncio", "contextvars", "_thread", "uuid", "sys", "time", "math",
                                   "concurrent", "concurrent.futures", "traceback", "_contextvars", "_operator", "_functools", "_abc", "_sre", "_random", "_weakref", "linecache", "atexit", "builtins"]
        + Library.sources.keys.sorted()

    public func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        let m: PyModule
        switch name {
        case "contextvars", "_contextvars": m = makeContextvarsModule()
        case "asyncio": m = try makeAsyncioModule()
        case "_thread": m = makeThreadModule()
        case "uuid": m = makeUUIDModule()
        case "_functools": m = makeFunctoolsAccelerator()
        case "_abc": m = makeABCAccelerator()
        case "_sre": m = makeSreModule()
        case "sys": m = makeSysModule()
        case "time": m = makeTimeModule()
        case "math": m = makeMathModule()
        case "_random": m = makeRandomAccelerator()
        case "_weakref": m = makeWeakrefModule()
        case "atexit": m = makeAtexitModule()
        case "builtins": m = PyModule(runtime: rt, name: "builtins", namespace: builtins)
        case "linecache": m = makeLinecacheModule()
        case "traceback": m = makeTracebackModule()
        case "_operator": m = makeOperatorAccelerator()
        case "concurrent":
            m = PyModule(runtime: rt, name: "concurrent")
            m.namespace["futures"] = .object(try importModule("concurrent.futures"))
        case "concurrent.futures": m = makeConcurrentFuturesModule()
        default:
            if let m = try importLibraryModule(name) {
                // A submodule is an attribute of its package (`collections.abc`).
                if let dot = name.lastIndex(of: "."), let parent = try? importModule(String(name[..<dot])) {
                    parent.namespace[String(name[name.index(after: dot)...])] = .object(m)
                }
                return m
            }
            if let dot = name.firstIndex(of: "."), (try? importModule(String(name[..<dot]))) != nil {
                // A submodule of a package ctxlab provides: CPython's words, and whether CPython has it.
                let note = CPythonModuleNames.stdlibSubmodules.contains(name) ? " (\(name) exists in CPython but is not supported by ctxlab)" : ""
                throw rt.error(.ModuleNotFoundError, "No module named '\(name)'" + note)
            }
            throw rt.error(.ModuleNotFoundError, "No module named '\(name)' (ctxlab provides: \(Interpreter.supportedModules.filter { !$0.hasPrefix("_") && !$0.contains(".") }.joined(separator: ", ")))")
        }
        modules[name] = m
        return m
    }

    /// Adds what `modules` gained to `sys.modules` and drops what it lost.
    func syncSysModules() {
        for (name, m) in modules where sysModules.storage[HashKey(str: name)] == nil {
            sysModules.storage[HashKey(str: name)] = .object(m)
        }
        if sysModules.storage.count > modules.count {
            for key in sysModules.storage.keys {
                if case .str(let name) = key.value, modules[name] == nil { sysModules.storage.removeValue(forKey: key) }
            }
        }
    }

    /// For `import a.b`: the top package; for `from a.b import x`: the submodule (handled by the
    /// compiler through attribute loads).
    func importFrom(_ module: Value, _ name: String) throws -> Value {
        if let v = try findAttribute(module, name) { return v }
        let mname = (module.asObject as? PyModule)?.name ?? "?"
        // IMPORT_FROM's fallback: `from test import support` imports the submodule.
        if module.asObject is PyModule, Interpreter.supportedModules.contains("\(mname).\(name)") {
            return .object(try importModule("\(mname).\(name)"))
        }
        let note = unsupportedNote(mname, name)
        let e = rt.error(.ImportError, "cannot import name '\(name)' from '\(mname)'" + note)
        if module.asObject is PyModule, note.isEmpty { suggestForAttribute(e, module, name) }  // from dir(module)
        throw e
    }

    private func makeConcurrentFuturesModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "concurrent.futures")
        let cls = PyClass(runtime: rt, name: "ThreadPoolExecutor", module: "concurrent.futures.thread", bases: [classes.object])
        cls.namespace["__new_native__"] = .bool(true)
        m.namespace["ThreadPoolExecutor"] = function("ThreadPoolExecutor") { [unowned self] a in
            try a.check(maxPositional: 2, keywords: ["max_workers", "thread_name_prefix"])
            let n = try a.get(0, "max_workers").flatMap { $0.isIdentical(.none) ? nil : try self.expectInt($0, "max_workers") } ?? 6
            if n <= 0 { throw self.rt.error(.ValueError, "max_workers must be greater than 0") }
            let prefix = try a.get(1, "thread_name_prefix").flatMap { $0.isIdentical(.none) ? nil : try self.str($0) }
            self.executorCount += 1
            let ex = ThreadPoolExecutor(runtime: self.rt, maxWorkers: n, namePrefix: prefix ?? "ThreadPoolExecutor-\(self.executorCount - 1)")
            return .object(ex)
        }
        addConcurrentFuturesFunctions(m)
        return m
    }
}
