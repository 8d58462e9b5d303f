import CtxCore

extension Interpreter {
    /// `linecache` (CPython's Lib/linecache.py API): the lines of the sources ctxlab knows — the
    /// program, earlier REPL inputs and its own Lib files — as tracebacks show them. ctxlab reads no
    /// other files, so any other name has no lines ('' and []), as CPython's has for a missing file.
    func makeLinecacheModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "linecache")
        func lines(_ a: Arguments) throws -> [String] {
            guard case .str(let name) = a.args[0] else { return [] }
            if let known = sources[name] { return known }
            if name.hasPrefix("<ctxlab>/Lib/"), name.hasSuffix(".py") {
                let module = String(name.dropFirst("<ctxlab>/Lib/".count).dropLast(3))
                return Library.lines(of: module) ?? []
            }
            return []
        }
        m.namespace["getline"] = function("getline") { [unowned self] a in
            try a.check(maxPositional: 3, minPositional: 2, keywords: ["module_globals"])
            let all = try lines(a)
            let n = try self.expectInt(a.args[1], "lineno")
            guard n >= 1, n <= all.count else { return .str("") }
            return .str(all[n - 1] + "\n")
        }
        m.namespace["getlines"] = function("getlines") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1, keywords: ["module_globals"])
            var all = try lines(a)
            if all.last == "" { all.removeLast() }
            return self.list(all.map { .str($0 + "\n") })
        }
        for name in ["clearcache", "checkcache", "lazycache"] {
            m.namespace[name] = function(name) { _ in .none }
        }
        return m
    }
}
