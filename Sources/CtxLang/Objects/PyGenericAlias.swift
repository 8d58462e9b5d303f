import CtxCore

/// `types.GenericAlias`, what `list[int]`, `dict[str, int]` and `ContextVar[str]` make
/// (CPython's `Objects/genericaliasobject.c`): the class it was made from (`__origin__`), the
/// arguments (`__args__`), the type variables among them (`__parameters__`). Calling it calls
/// the class; every attribute but its own comes from the class.
public final class PyGenericAlias: PyObject {
    let origin: Value
    let args: [Value]
    init(runtime: Runtime, origin: Value, args: [Value]) {
        self.origin = origin
        self.args = args
        super.init(runtime: runtime)
    }
    override public var typeName: String { "types.GenericAlias" }
    override public func repr() throws -> String { try text { try $0.repr() } }
    /// `ga_repr`, with `repr` for the arguments that are neither classes nor aliases.
    func text(_ repr: (Value) throws -> String) throws -> String {
        let items = try args.map { try GenericAliasText.item($0, repr) }
        return try GenericAliasText.item(origin, repr) + "[" + (items.isEmpty ? "()" : items.joined(separator: ", ")) + "]"
    }
    override public func pyEquals(_ other: PyObject) throws -> Bool {
        guard let o = other as? PyGenericAlias else { return false }
        return try origin.pyEquals(o.origin) && args.count == o.args.count
            && zip(args, o.args).allSatisfy { try $0.pyEquals($1) }
    }
}

/// `types.UnionType`, what `int | None` makes (CPython's `Objects/unionobject.c`): its members
/// flattened and without repeats, None as `NoneType`.
public final class PyUnionType: PyObject {
    let args: [Value]
    init(runtime: Runtime, args: [Value]) {
        self.args = args
        super.init(runtime: runtime)
    }
    override public var typeName: String { "types.UnionType" }
    override public func repr() throws -> String { try text { try $0.repr() } }
    /// `union_repr`.
    func text(_ repr: (Value) throws -> String) throws -> String {
        try args.map { arg in
            if let c = arg.asObject as? PyClass, c.builtin == .noneType { return "None" }
            return try GenericAliasText.item(arg, repr)
        }.joined(separator: " | ")
    }
    override public func pyEquals(_ other: PyObject) throws -> Bool {
        // Order does not matter: `int | str == str | int` (union_richcompare compares sets).
        guard let o = other as? PyUnionType, o.args.count == args.count else { return false }
        return try args.allSatisfy { a in try o.args.contains { try a.pyEquals($0) } }
    }
}

/// `ga_repr_item`: how a class, an alias or anything else is written inside `[...]`.
enum GenericAliasText {
    static func item(_ v: Value, _ repr: (Value) throws -> String) throws -> String {
        switch v.asObject {
        case let c as PyClass: return c.module == "builtins" ? c.qualname : "\(c.module).\(c.qualname)"
        case let l as PyList: return "[" + (try l.items.map { try item($0, repr) }.joined(separator: ", ")) + "]"
        case let g as PyGenericAlias: return try g.text(repr)
        case let u as PyUnionType: return try u.text(repr)
        case let f as PyFunction:
            let module: String
            if case .str(let m)? = f.globals["__name__"] { module = m } else { return try repr(v) }
            return module == "builtins" ? f.qualname : "\(module).\(f.qualname)"
        case let o? where o.typeName == "ellipsis": return "..."
        default: return try repr(v)
        }
    }
}

extension Interpreter {
    /// `X[args]` for a class: its `__class_getitem__` (an implicit classmethod, PEP 560), a
    /// `types.GenericAlias` for the built-in classes that have one in CPython, else CPython's
    /// TypeError.
    func classGetItem(_ c: PyClass, _ index: Value) throws -> Value {
        if c.builtin == nil, let hook = c.lookup("__class_getitem__") {
            if hook.asObject is PyFunction { return try call(hook, [.object(c), index]) }
            return try call(try getAttribute(.object(c), "__class_getitem__"), [index])
        }
        // Built-in classes, and the classes of ctxlab's own Python library (asyncio's Queue is
        // Python in the prelude), where CPython's class has `__class_getitem__`.
        let ours = c.builtin != nil || Interpreter.supportedModules.contains(String(c.module.split(separator: ".").first ?? ""))
        if ours, c.builtin == .type || CPythonModuleNames.typeDunders[typeName(ofClass: c)]?.contains("__class_getitem__") == true {
            return .object(PyGenericAlias(runtime: rt, origin: .object(c), args: aliasArguments(index)))
        }
        throw rt.error(.TypeError, "type '\(typeName(ofClass: c))' is not subscriptable")
    }

    /// A subscript's arguments: the items of a tuple, else the one value.
    func aliasArguments(_ index: Value) -> [Value] {
        if let t = index.asObject as? PyTuple { return t.items }
        return [index]
    }

    /// `_Py_make_parameters`: the type variables of the arguments, in order, each once: an
    /// argument with `__typing_subst__` is one, an alias contributes its `__parameters__`, a
    /// list (Callable's) is looked into.
    func aliasParameters(_ args: [Value]) throws -> [Value] {
        var out: [Value] = []
        func add(_ v: Value) { if !out.contains(where: { $0.isIdentical(v) }) { out.append(v) } }
        for a in args {
            if a.asObject is PyClass { continue }
            if let l = a.asObject as? PyList {
                try aliasParameters(l.items).forEach(add)
            } else if try findAttribute(a, "__typing_subst__") != nil {
                add(a)
            } else if let p = try? getAttribute(a, "__parameters__"), let t = p.asObject as? PyTuple {
                t.items.forEach(add)
            }
        }
        return out
    }

    /// `list[T][int]` (`_Py_subs_parameters`): each parameter replaced by its argument.
    func substitute(_ alias: PyGenericAlias, _ index: Value) throws -> Value {
        let parameters = try aliasParameters(alias.args)
        guard !parameters.isEmpty else { throw rt.error(.TypeError, "\(try repr(.object(alias))) is not a generic class") }
        let given = aliasArguments(index)
        guard given.count == parameters.count else {
            let which = given.count > parameters.count ? "many" : "few"
            throw rt.error(.TypeError, "Too \(which) arguments for \(try repr(.object(alias))); actual \(given.count), expected \(parameters.count)")
        }
        func replaced(_ v: Value) throws -> Value {
            if let i = parameters.firstIndex(where: { $0.isIdentical(v) }) {
                return try call(try getAttribute(v, "__typing_subst__"), [given[i]])
            }
            if let l = v.asObject as? PyList { return .object(PyList(runtime: rt, try l.items.map(replaced))) }
            if let inner = v.asObject as? PyGenericAlias, !(try aliasParameters(inner.args)).isEmpty {
                let sub = try aliasParameters(inner.args).map(replaced)
                return try substitute(inner, sub.count == 1 ? sub[0] : .object(PyTuple(runtime: rt, sub)))
            }
            return v
        }
        return .object(PyGenericAlias(runtime: rt, origin: alias.origin, args: try alias.args.map(replaced)))
    }

    /// The attributes of an alias (`ga_getattro`): its own, else the class's.
    func genericAliasAttribute(_ alias: PyGenericAlias, _ name: String) throws -> Value? {
        switch name {
        case "__origin__": return alias.origin
        case "__args__": return .object(PyTuple(runtime: rt, alias.args))
        case "__parameters__": return .object(PyTuple(runtime: rt, try aliasParameters(alias.args)))
        case "__unpacked__": return .bool(false)
        case "__class__": return .object(classOf(object: alias))
        case "__mro_entries__":
            return function("__mro_entries__") { [unowned self] _ in .object(PyTuple(runtime: self.rt, [alias.origin])) }
        default: return try getAttribute(alias.origin, name)
        }
    }

    /// `int | None` (`_Py_union_type_or`): nil when an operand cannot be in a union (the caller
    /// then raises the usual TypeError).
    func unionOf(_ a: Value, _ b: Value) -> Value? {
        func unionable(_ v: Value) -> Bool {
            if case .none = v { return true }
            return v.asObject is PyClass || v.asObject is PyGenericAlias || v.asObject is PyUnionType
        }
        guard unionable(a), unionable(b) else { return nil }
        var members: [Value] = []
        for v in [a, b] {
            let items = (v.asObject as? PyUnionType)?.args ?? [v]
            for item in items {
                let member: Value
                if case .none = item { member = .object(classes.noneType) } else { member = item }
                let seen = members.contains { m in m.isIdentical(member) || ((try? m.pyEquals(member)) ?? false) }
                if !seen { members.append(member) }
            }
        }
        if members.count == 1 { return members[0] }
        return .object(PyUnionType(runtime: rt, args: members))
    }

    /// The attributes of a union.
    func unionAttribute(_ u: PyUnionType, _ name: String) throws -> Value? {
        switch name {
        case "__args__": return .object(PyTuple(runtime: rt, u.args))
        case "__parameters__": return .object(PyTuple(runtime: rt, try aliasParameters(u.args)))
        case "__class__": return .object(classOf(object: u))
        default: return nil
        }
    }
}
