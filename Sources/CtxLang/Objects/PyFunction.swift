import CtxCore

/// A Python function: code, the globals it closes over, defaults and closure cells.
public final class PyFunction: PyObject {
    public let code: CodeObject
    let globals: Namespace
    var defaults: [Value]
    var kwDefaults: [String: Value]
    let closure: [PyCell]
    public var name: String
    public var qualname: String
    /// The slot-like attributes CPython keeps outside `__dict__`: `__doc__`, `__module__` once
    /// set, `__type_params__`, `__annotations__`.
    public var attributes = Namespace()
    /// `__dict__`: every other attribute (`f.calls = 0`, `__wrapped__`), made on first use.
    var dictObject: PyDict?

    static let slotNames: Set<String> = ["__doc__", "__module__", "__type_params__", "__annotations__", "__annotate__"]

    func funcDict(_ rt: Runtime) -> PyDict {
        if let d = dictObject { return d }
        let d = PyDict(runtime: rt)
        dictObject = d
        return d
    }

    init(runtime: Runtime, code: CodeObject, globals: Namespace, defaults: [Value], kwDefaults: [String: Value], closure: [PyCell]) {
        self.code = code
        self.globals = globals
        self.defaults = defaults
        self.kwDefaults = kwDefaults
        self.closure = closure
        self.name = code.name
        self.qualname = code.qualname
        super.init(runtime: runtime)
    }

    override public var typeName: String { "function" }
    override public func repr() throws -> String { "<function \(qualname) at \(hexAddress)>" }
}

/// A function implemented in Swift: builtins, methods of built-in types, module functions.
public final class PyBuiltin: PyObject {
    public typealias Body = (_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value
    public let name: String
    /// For a bound built-in method, what `repr` shows after "of" (`<built-in method set of ...>`).
    let ownerRepr: (() throws -> String)?
    let body: Body
    /// The object a bound built-in method belongs to (`ctx` of `ctx.run`).
    var boundSelf: PyObject?
    /// A repr of its own: a slot wrapper's (`<slot wrapper '__eq__' of 'object' objects>`).
    var reprText: (() throws -> String)?
    /// A module's function (`len`, `print`), not a method descriptor: stored in a class, it is
    /// called without the instance (`__len__ = len` makes `len(x)` call `len()`).
    var isModuleFunction = false

    public init(runtime: Runtime, _ name: String, owner: (() throws -> String)? = nil, _ body: @escaping Body) {
        self.name = name
        self.ownerRepr = owner
        self.body = body
        super.init(runtime: runtime)
    }

    override public var typeName: String { "builtin_function_or_method" }
    override public func repr() throws -> String {
        if let text = reprText { return try text() }
        if let owner = ownerRepr { return "<built-in method \(name) of \(try owner())>" }
        return "<built-in function \(name)>"
    }
}

/// A function bound to an instance: `obj.method`.
public final class PyBoundMethod: PyObject {
    public let receiver: Value
    public let function: Value

    init(runtime: Runtime, receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
        super.init(runtime: runtime)
    }

    override public var typeName: String { "method" }
    override public func repr() throws -> String {
        // method_repr: the function's __qualname__ (an lru_cache wrapper's is the function's).
        let fname: String
        switch function.asObject {
        case let f as PyFunction: fname = f.qualname
        case let b as PyBuiltin: fname = b.name
        case let i as PyInstance:
            if case .str(let q)? = i[attribute: "__qualname__"] { fname = q } else { fname = "?" }
        default: fname = "?"
        }
        return "<bound method \(fname) of \(try receiver.repr())>"
    }
    override public func pyEquals(_ other: PyObject) throws -> Bool {
        guard let o = other as? PyBoundMethod else { return false }
        return o.receiver.isIdentical(receiver) && o.function.isIdentical(function)
    }
}

/// `staticmethod(f)`, `classmethod(f)` and `property(fget, fset)` descriptors.
public final class PyDescriptor: PyObject {
    public enum Kind { case staticMethod, classMethod, property }
    public let kind: Kind
    public let function: Value
    public var setter: Value?
    /// A property's deleter and doc; the name `__set_name__` gave it.
    public var deleter: Value?
    public var doc: Value?
    public var name: String?

    init(runtime: Runtime, kind: Kind, function: Value) {
        self.kind = kind
        self.function = function
        super.init(runtime: runtime)
    }

    override public var typeName: String {
        switch kind {
        case .staticMethod: return "staticmethod"
        case .classMethod: return "classmethod"
        case .property: return "property"
        }
    }
}

/// `functools.partial(f, *args, **kwargs)`.
public final class PyPartial: PyObject {
    public let function: Value
    public let args: [Value]
    public let kwargs: [(String, Value)]
    /// `__dict__` (partial objects take attributes: partialmethod sets `__self__`).
    var attributes: [String: Value] = [:]

    init(runtime: Runtime, function: Value, args: [Value], kwargs: [(String, Value)]) {
        self.function = function
        self.args = args
        self.kwargs = kwargs
        super.init(runtime: runtime)
    }

    override public var typeName: String { "functools.partial" }
    override public func repr() throws -> String {
        var parts = [try function.repr()]
        parts += try args.map { try $0.repr() }
        parts += try kwargs.map { "\($0.0)=\(try $0.1.repr())" }
        return "functools.partial(" + parts.joined(separator: ", ") + ")"
    }
}

/// A module object: `asyncio`, `contextvars`, the program's `__main__`.
public final class PyModule: PyObject {
    public let name: String
    public let namespace: Namespace

    init(runtime: Runtime, name: String, namespace: Namespace = Namespace()) {
        self.name = name
        self.namespace = namespace
        super.init(runtime: runtime)
        namespace["__name__"] = .str(name)
    }

    override public var typeName: String { "module" }
    override public func repr() throws -> String {
        name == "__main__" || name == "builtins" || name == "sys"
            ? "<module '\(name)' (built-in)>" : "<module '\(name)' from '/usr/lib/python3.14/\(name)/__init__.py'>"
    }
}
