import CtxCore

/// `traceback`: `format_exception`, `format_exception_only`, `format_exc`, `print_exc`,
/// `print_exception`, `format_tb` (CPython's Lib/traceback.py API), printing what ctxlab's own
/// traceback printer prints for an uncaught exception (`formatTraceback`).
extension Interpreter {
    func makeTracebackModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "traceback")
        m.namespace["format_exception"] = function("format_exception") { [unowned self] a in
            try a.check(maxPositional: 3, minPositional: 1, keywords: ["limit", "chain"])
            return self.list(self.tracebackItems(self.formatTraceback(try self.exceptionArgument(a.args))).map { .str($0) })
        }
        m.namespace["format_exception_only"] = function("format_exception_only") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1, keywords: ["show_group"])
            let e = try self.exceptionArgument(a.args)
            return self.list([.str(self.exceptionLine(e) + "\n")] + self.noteLines(e).split(separator: "\n").map { .str($0 + "\n") })
        }
        m.namespace["format_exc"] = function("format_exc") { [unowned self] a in
            try a.check(maxPositional: 2, keywords: ["limit", "chain"])
            return .str(self.handledException().map { self.formatTraceback($0) } ?? "NoneType: None\n")
        }
        m.namespace["format_tb"] = function("format_tb") { [unowned self] a in
            try a.check(maxPositional: 2, minPositional: 1, keywords: ["limit"])
            guard case .object(let tb as PyTraceback) = a.args[0] else { return self.list([]) }
            let e = PyException(runtime: self.rt, .Exception, args: [])
            e.traceback = tb.chain
            let items = self.tracebackItems(self.formatTraceback(e))
            return self.list(items.dropFirst().dropLast().map { .str($0) })
        }
        for name in ["print_exc", "print_exception"] {
            m.namespace[name] = function(name) { [unowned self] a in
                let text: String
                if name == "print_exc" {
                    try a.check(maxPositional: 3, keywords: ["limit", "file", "chain"])
                    text = self.handledException().map { self.formatTraceback($0) } ?? "NoneType: None\n"
                } else {
                    try a.check(maxPositional: 6, minPositional: 1, keywords: ["value", "tb", "limit", "file", "chain"])
                    text = self.formatTraceback(try self.exceptionArgument(a.args))
                }
                if let file = a.kwargs.first(where: { $0.0 == "file" })?.1, !file.isIdentical(.none) {
                    guard let write = try self.findAttribute(file, "write") else {
                        throw self.rt.error(.AttributeError, "'\(self.typeName(file))' object has no attribute 'write'")
                    }
                    _ = try self.call(write, [.str(text)])
                } else {
                    self.rt.write(text, true)
                }
                return .none
            }
        }
        return m
    }

    /// The exception of `format_exception(exc)` or of the old `(type, value, tb)` form.
    private func exceptionArgument(_ args: [Value]) throws -> PyException {
        if case .object(let e as PyException) = args[0] { return e }
        if args.count > 1, case .object(let e as PyException) = args[1] { return e }
        throw rt.error(.TypeError, "Exception expected for value, \(typeName(args.count > 1 ? args[1] : args[0])) found")
    }

    /// A traceback's text as `format_exception` lists it: one item per frame (its `File` line
    /// with the source line under it), one per other line.
    func tracebackItems(_ text: String) -> [String] {
        var items: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("    "), let last = items.last, last.hasPrefix("  File ") {
                items[items.count - 1] += line + "\n"
            } else {
                items.append(line + "\n")
            }
        }
        return items
    }
}
