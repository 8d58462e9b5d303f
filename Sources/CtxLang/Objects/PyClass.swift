import CtxCore

/// A class: a user class, or one of the built-in types as a first-class object (`int`, `list`,
/// `ValueError`, `contextvars.ContextVar`).
public final class PyClass: PyObject {
    public let name: String
    public var qualname: String
    public internal(set) var module: String
    public let bases: [PyClass]
    public private(set) var mro: [PyClass] = []
    public let namespace: Namespace
    /// For exception classes: the exception type their instances carry.
    public let exceptionType: ExceptionType?
    /// For built-in types: how to recognise their instances and how to call them.
    let builtin: BuiltinType?
    /// For classes made by a `class` statement: the interpreter that runs their dunders when
    /// Swift code needs Python's `==` or `hash()` of an instance (dict and set keys).
    weak var interpreter: Interpreter?
    /// The class's type when it is not `type`: a Python subclass of `type` (Metaclasses.swift).
    public internal(set) var metaclass: PyClass?
    /// The descriptors type_new_descriptors adds to the class's `__dict__` (`__dict__`,
    /// `__weakref__`), and whether type_new_set_doc added `__doc__` (after them).
    var layoutDescriptors: [String] = []
    /// Where they stand among the namespace's names: before a `__doc__` that type_new added.
    var layoutPosition = Int.max
    /// Py_TPFLAGS_SEQUENCE (1 << 5) / Py_TPFLAGS_MAPPING (1 << 6) of a Python class: what a
    /// `match` statement's sequence and mapping patterns accept (set by collections.abc's ABCs,
    /// inherited from the bases).
    var collectionFlags = 0

    init(runtime: Runtime, name: String, qualname: String? = nil, module: String = "builtins", bases: [PyClass],
         namespace: Namespace = Namespace(), exceptionType: ExceptionType? = nil, builtin: BuiltinType? = nil) {
        self.name = name
        self.qualname = qualname ?? name
        self.module = module
        self.bases = bases
        self.namespace = namespace
        self.exceptionType = exceptionType
        self.builtin = builtin
        super.init(runtime: runtime)
        mro = [self] + PyClass.linearize(bases)
        for b in bases { b.subclassRefs.append(WeakClass(self)) }
    }

    /// `type.__subclasses__()`: the live classes that name this one among their bases, oldest first.
    private var subclassRefs: [WeakClass] = []
    public var subclasses: [PyClass] {
        subclassRefs.removeAll { $0.cls == nil }
        return subclassRefs.compactMap(\.cls)
    }

    private struct WeakClass {
        weak var cls: PyClass?
        init(_ c: PyClass) { cls = c }
    }

    /// A simplified C3: depth-first, left to right, keeping the last occurrence of each class.
    static func linearize(_ bases: [PyClass]) -> [PyClass] {
        var out: [PyClass] = []
        for b in bases {
            for c in b.mro {
                out.removeAll { $0 === c }
                out.append(c)
            }
        }
        return out
    }

    override public var typeName: String { "type" }

    override public func repr() throws -> String {
        module == "builtins" ? "<class '\(qualname)'>" : "<class '\(module).\(qualname)'>"
    }

    /// Attribute lookup along the MRO.
    public func lookup(_ name: String) -> Value? {
        for c in mro {
            if let v = c.namespace[name] { return v }
            // A str, int or float base defines what CPython's type defines (its __dict__): a
            // class after it in the MRO does not override that (`class Mode(str, Enum)` hashes
            // and compares as a str). ctxlab's payload-carrying types act natively on a nil.
            if let b = c.builtin, b == .str || b == .int || b == .float, PyClass.definesNatively(c.name, name) { return nil }
        }
        return nil
    }

    /// Whether CPython's built-in type `typeName` has `name` in its own `__dict__`.
    static func definesNatively(_ typeName: String, _ name: String) -> Bool {
        ownNames[typeName]?.contains(name) == true
    }

    /// Whether the generated table knows `typeName`'s own names.
    static func knowsOwnNames(_ typeName: String) -> Bool { ownNames[typeName] != nil }

    private static let ownNames = CPythonModuleNames.typeOwnNames.mapValues(Set.init)

    public func isSubclass(of other: PyClass) -> Bool { mro.contains { $0 === other } }
}

/// Which built-in type a class object stands for.
enum BuiltinType {
    case object, type, int, float, str, bool, list, tuple, dict, set, frozenset, noneType, function
    case builtinFunction, method, module, coroutine, generator, range, slice, cell
    case contextVar, context, token, tokenMissing, future, task, loop, handle, thread, local, threadLock
    case uuid, partial, event, lock, queue, semaphore, taskGroup, timeout, runner, iterator, descriptor
    case baseException
}

/// An instance of a user class.
public final class PyInstance: PyObject {
    public let cls: PyClass
    /// The built-in value an instance of a subclass of str, int or float carries (CPython's
    /// subclass layout begins with the base's): what the base's methods and operators act on.
    public internal(set) var payload: Value?
    /// The attributes, until `__dict__` is first asked for: a name-keyed table is the fast path.
    private let names = Namespace()
    /// `__dict__` once it exists: from then on it holds the attributes, so that writes through
    /// it (`self.__dict__.update(kw)`, `vars(obj)[k] = v`) are attribute writes, as in CPython.
    private var dictObject: PyDict?

    init(runtime: Runtime, cls: PyClass) {
        self.cls = cls
        super.init(runtime: runtime)
    }

    /// `obj.name` as stored on the instance.
    public subscript(attribute name: String) -> Value? {
        get { dictObject.map { $0.storage[HashKey(str: name)] } ?? names[name] }
        set {
            if let d = dictObject { d.storage[HashKey(str: name)] = newValue } else { names[name] = newValue }
        }
    }

    /// The instance's attribute names, in the order they were set.
    public var attributeNames: [String] {
        guard let d = dictObject else { return names.order }
        return d.storage.keys.compactMap { if case .str(let s) = $0.value { s } else { nil } }
    }

    /// `obj.__dict__`: made on first use from the attributes set so far, then kept.
    func instanceDict(_ rt: Runtime) -> PyDict {
        if let d = dictObject { return d }
        let d = PyDict(runtime: rt)
        for (k, v) in names.items { d.storage[HashKey(str: k)] = v }
        for k in names.order { names[k] = nil }
        dictObject = d
        return d
    }

    /// `obj.__dict__ = d`.
    func replaceDict(_ d: PyDict) { dictObject = d }

    override public var typeName: String { cls.name }

    /// `==` from Swift code (a tuple or list holding the instance): the class's `__eq__`.
    override public func pyEquals(_ other: PyObject) throws -> Bool {
        guard let interpreter = cls.interpreter, cls.lookup("__eq__") != nil else { return other === self }
        return try interpreter.equals(.object(self), .object(other))
    }

    /// Reprs of user instances that define `__repr__` are produced by the interpreter, which can
    /// run Python code; this is the default `object.__repr__`.
    override public func repr() throws -> String {
        let q = cls.module == "builtins" ? cls.qualname : "\(cls.module).\(cls.qualname)"
        return "<\(q) object at \(hexAddress)>"
    }
}

/// `Token.MISSING`.
public final class MissingMarker: PyObject {
    override public var typeName: String { "Token.MISSING" }
    override public func repr() throws -> String { "<Token.MISSING>" }
}

/// `slice(start, stop, step)`.
public final class PySlice: PyObject {
    public let start: Value, stop: Value, step: Value
    init(runtime: Runtime, start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(runtime: runtime)
    }
    override public var typeName: String { "slice" }
    override public func repr() throws -> String {
        "slice(\(try start.repr()), \(try stop.repr()), \(try step.repr()))"
    }
}

/// `range(start, stop, step)`.
public final class PyRange: PyObject {
    public let start: Int, stop: Int, step: Int
    init(runtime: Runtime, start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        super.init(runtime: runtime)
    }
    override public var typeName: String { "range" }
    /// The number of elements: the distance between two Ints always fits a UInt, and so does
    /// the count.
    public var unsignedCount: UInt {
        let distance: UInt, stepSize: UInt
        if step > 0 {
            guard start < stop else { return 0 }
            distance = UInt(bitPattern: stop &- start)
            stepSize = UInt(step)
        } else {
            guard start > stop else { return 0 }
            distance = UInt(bitPattern: start &- stop)
            stepSize = step.magnitude
        }
        return (distance - 1) / stepSize + 1
    }
    /// The number of elements, if it fits an Int (`len()` raises OverflowError otherwise).
    public var exactCount: Int? { Int(exactly: unsignedCount) }
    /// `range[i]` for any Int index, exact even when the range has more than Int.max elements.
    public func element(at index: Int) -> Int? {
        let n = unsignedCount
        let j: UInt
        if index >= 0 {
            j = UInt(index)
            guard j < n else { return nil }
        } else {
            guard index.magnitude <= n else { return nil }
            j = n - index.magnitude
        }
        return Int(truncatingIfNeeded: UInt(bitPattern: start) &+ j &* UInt(bitPattern: step))
    }
    /// The number of elements, saturated at Int.max (for iteration and truth).
    public var count: Int { exactCount ?? Int.max }
    /// Element `i` (0 <= i < count): the product may wrap, the true result fits.
    public func element(_ i: Int) -> Int { start &+ i &* step }
    override public func repr() throws -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }
}

/// Any iterator implemented in Swift (list, range, dict views, zip, enumerate, map, …).
public final class PyIterator: PyObject {
    let name: String
    let nextValue: () throws -> Value?
    let remaining: (() -> Int)?

    init(runtime: Runtime, name: String, remaining: (() -> Int)? = nil, _ next: @escaping () throws -> Value?) {
        self.name = name
        self.nextValue = next
        self.remaining = remaining
        super.init(runtime: runtime)
    }
    override public var typeName: String { name }
}
