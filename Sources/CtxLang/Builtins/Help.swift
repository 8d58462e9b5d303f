import CtxCore

/// `help(obj)` and `__doc__` for ctxlab's own objects (CPython: `Lib/pydoc.py` prints a page
/// from an object's signature and docstring; `site` puts `help` in builtins).
///
/// `__doc__` is exactly CPython's (`CPythonDocs`, generated from CPython; None where CPython
/// has no docstring, as for `ContextVar` and `copy_context`). `help()` shows CPython's
/// docstring when there is one and otherwise ctxlab's own short note below, so that a learner
/// always gets a sentence about what the object is for.
public enum Help {
    /// ctxlab's notes, for the objects CPython documents with no docstring.
    static let notes: [String: (signature: String, text: String)] = [
        "contextvars.ContextVar": ("ContextVar(name, *, default=<no default>)", """
            A context variable: a name for a value that each Context holds separately.
            var.get() reads it in the current context (its default, or LookupError, when the
            context has none); var.set(value) sets it in the current context and returns a
            Token; var.reset(token) puts back the value the token remembers.
            """),
        "contextvars.Context": ("Context()", """
            A mapping from ContextVars to values. Every thread has a current Context; each asyncio
            task runs in its own, copied when the task is created. Context() is a new empty one;
            copy_context() copies the current one; ctx.run(f, *args) calls f inside ctx.
            """),
        "contextvars.Context.run": ("Context.run(callable, *args, **kwargs)", """
            Calls callable(*args, **kwargs) with this Context as the current one, and makes the
            previous one current again when it returns: every set() inside lands in this Context.
            A coroutine function called this way only creates the coroutine; its body runs later,
            in the context of whoever awaits it.
            """),
        "contextvars.Token": ("Token (made by ContextVar.set)", """
            What ContextVar.set() returns: token.var is the variable, token.old_value the value
            before the set (Token.MISSING if there was none). var.reset(token) restores it, once,
            and only in the Context the token was made in. A Token is also a context manager
            (3.14): `with var.set(x):` resets on exit.
            """),
        "contextvars.copy_context": ("copy_context()", """
            Returns a copy of the current Context: the same values now, independent afterwards.
            asyncio copies the context this way for every task and callback it schedules.
            """),
        "asyncio.Task.get_name": ("Task.get_name()", "The task's name: Task-N unless name= was given."),
        "asyncio.Task.get_context": ("Task.get_context()", "The Context the task's steps run in (3.12+)."),
    ]

    /// The public dotted name of one of ctxlab's contextvars/asyncio objects, if it is one.
    static func publicName(of value: Value, in interpreter: Interpreter) -> String? {
        guard case .object(let o) = value else { return nil }
        for module in ["contextvars", "asyncio"] {
            guard let m = try? interpreter.importModule(module) else { continue }
            for (name, v) in m.namespace.items {
                guard case .object(let candidate) = v else { continue }
                if candidate === o { return "\(module).\(name)" }
                if let c = candidate as? PyClass {
                    for (method, mv) in c.namespace.items where mv.asObject === o { return "\(module).\(name).\(method)" }
                }
            }
        }
        if let m = o as? PyBoundMethod, let fn = (m.function.asObject as? PyFunction)?.name ?? (m.function.asObject as? PyBuiltin)?.name,
           let owner = publicName(of: .object(interpreter.classOf(m.receiver)), in: interpreter) {
            return owner + "." + fn
        }
        if o is PyBuiltin, let text = try? o.repr(), let name = methodName(fromRepr: text) { return name }
        return nil
    }

    /// `<built-in method get of _contextvars.ContextVar object at 0x…>` → contextvars.ContextVar.get
    static func methodName(fromRepr text: String) -> String? {
        let prefix = "<built-in method "
        guard text.hasPrefix(prefix), let of = text.range(of: " of ") else { return nil }
        let method = text[text.index(text.startIndex, offsetBy: prefix.count)..<of.lowerBound]
        let type = text[of.upperBound...].prefix { $0 != " " }
        let publicType = type.hasPrefix("_contextvars.") ? "contextvars." + type.dropFirst(13)
            : type.hasPrefix("_asyncio.") ? "asyncio." + type.dropFirst(9) : String(type)
        return "\(publicType).\(method)"
    }

    /// CPython's `__doc__` for one of ctxlab's objects: nil when it is not one of them,
    /// `.none` when CPython has no docstring.
    static func cpythonDoc(of value: Value, in interpreter: Interpreter) -> Value? {
        guard let name = publicName(of: value, in: interpreter), let entry = CPythonDocs.entries[name] else { return nil }
        return entry.doc.map { .str($0) } ?? Value.none
    }

    /// The page `help(obj)` prints.
    static func page(for value: Value, in interpreter: Interpreter) throws -> String {
        if let name = publicName(of: value, in: interpreter) {
            let cpython = CPythonDocs.entries[name]
            let note = notes[name]
            let signature = note?.signature ?? (name.split(separator: ".").last.map(String.init) ?? name) + (cpython?.signature ?? "")
            let text = cpython?.doc.map(cleanDoc) ?? note?.text ?? "(no documentation: CPython has no docstring for it)"
            return "Help on \(name):\n\n\(signature)\n" + indented(text) + "\n"
        }
        let doc = (try? interpreter.getAttribute(value, "__doc__")) ?? Value.none
        let heading: String
        switch value.asObject {
        case let f as PyFunction: heading = "function \(f.qualname)"
        case let c as PyClass: heading = "class \(c.qualname)"
        default: heading = "\(interpreter.typeName(value)) object"
        }
        guard case .str(let text) = doc else {
            return "Help on \(heading):\n\n    (no docstring; ctxlab's help covers ContextVar, Context, Token, copy_context and asyncio)\n"
        }
        return "Help on \(heading):\n\n" + indented(cleanDoc(text)) + "\n"
    }

    /// `inspect.cleandoc`: the first line as is, the common indentation of the rest removed,
    /// blank lines at both ends dropped.
    static func cleanDoc(_ doc: String) -> String {
        var lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rest = lines.dropFirst().filter { !$0.allSatisfy(\.isWhitespace) }
        let margin = rest.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        for i in lines.indices.dropFirst() { lines[i] = String(lines[i].dropFirst(min(margin, lines[i].prefix { $0 == " " }.count))) }
        if let first = lines.first { lines[0] = first.trimmingWhitespace }
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
    }
}

extension Interpreter {
    /// `help`, the `_sitebuiltins._Helper` object: its repr says how to use it; called with no
    /// argument it prints a short orientation (CPython opens pydoc's interactive help), with
    /// one the object's page.
    func installHelp() {
        let helper = PyClass(runtime: rt, name: "_Helper", module: "_sitebuiltins", bases: [classes.object])
        helper.namespace["__repr__"] = builtin("__repr__") { _, _ in
            .str("Type help() for interactive help, or help(object) for help about object.")
        }
        helper.namespace["__call__"] = builtin("__call__") { [unowned self] args, _ in
            guard args.count > 1 else {
                self.rt.write(Help.orientation + "\n", false)
                return .none
            }
            self.rt.write(try Help.page(for: args[1], in: self), false)
            return .none
        }
        builtins["help"] = .object(PyInstance(runtime: rt, cls: helper))
    }
}

extension Help {
    /// What `help()` and the prompt's `help` command print.
    public static let orientation = """
        help(obj) shows what an object is for: try help(ContextVar), help(copy_context) or
        help(asyncio.create_task). :help lists ctxlab's own commands and keys.
        ctxlab runs a subset of Python 3.14; asyncio's clock is virtual (sleep(10) takes no time).
        """
}
