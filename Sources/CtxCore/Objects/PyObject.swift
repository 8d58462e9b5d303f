/// Base of every heap object of the simulated language: identity and an address.
///
/// Python objects are reference types with identity (`is`, `id()`); subclasses add state. The
/// machine is single-threaded by design; only `PyException` is marked `@unchecked Sendable`, so
/// that it can travel as a Swift error.
open class PyObject {
    /// The deterministic address shown as `at 0x…`.
    public let address: Int

    /// The weak references to this object, once one is made.
    public final var weakReferents: WeakReferents?

    public init(runtime: Runtime) {
        address = runtime.allocateAddress()
    }

    /// PyObject_ClearWeakRefs: the live weak references with a callback are handed to their
    /// `fire`, newest first (the language queues the callback for the next instruction boundary).
    deinit {
        if let w = weakReferents {
            for entry in w.entries.reversed() { if let ref = entry.ref { entry.fire(ref) } }
        }
    }

    /// The qualified type name used in default reprs and error messages (`_contextvars.Context`).
    open var typeName: String { "object" }

    /// `repr(self)`. Subclasses override; the default is CPython's `object.__repr__`.
    open func repr() throws -> String {
        "<\(typeName) object at \(hexAddress)>"
    }

    /// `str(self)`; by default the same as `repr`, as in CPython.
    open func str() throws -> String { try repr() }

    /// Python `==` against another object; identity by default.
    open func pyEquals(_ other: PyObject) throws -> Bool { self === other }

    public var hexAddress: String { "0x" + String(address, radix: 16) }
}

/// The weak references to one object (CPython's `tp_weaklist`): its shared basic reference, and
/// those with a callback, each with what to do when the object dies.
public final class WeakReferents {
    public weak var basic: PyObject?
    public struct Entry {
        public weak var ref: PyObject?
        public let fire: (PyObject) -> Void
        public init(ref: PyObject, fire: @escaping (PyObject) -> Void) {
            self.ref = ref
            self.fire = fire
        }
    }
    public var entries: [Entry] = []
    public init() {}
}

/// A Python `list`: the core needs it for `gather()` results.
public final class PyList: PyObject {
    public var items: [Value]
    /// The class of an instance of a Python subclass of list, nil for a plain list: the
    /// instance is the list itself, as in CPython, where the subclass's layout begins with list's.
    public var subclass: PyObject?
    /// Such an instance's `__dict__` (the language's dict, made on the first attribute set).
    public var attributes: PyObject?
    public init(runtime: Runtime, _ items: [Value]) {
        self.items = items
        super.init(runtime: runtime)
    }
    deinit { if !items.isEmpty { Teardown.release(&items, empty: []) } }
    override public var typeName: String { "list" }
    private var reprActive = false
    override public func repr() throws -> String {
        if reprActive { return "[...]" }  // CPython's Py_ReprEnter guard
        reprActive = true
        defer { reprActive = false }
        return "[" + (try items.map { try $0.repr() }.joined(separator: ", ")) + "]"
    }
    override public func pyEquals(_ other: PyObject) throws -> Bool {
        guard let o = other as? PyList else { return false }
        if o === self { return true }
        guard o.items.count == items.count else { return false }
        for (a, b) in zip(items, o.items) where !(try a.pyEquals(b)) { return false }
        return true
    }
}

/// A Python `tuple`.
public final class PyTuple: PyObject {
    public private(set) var items: [Value]
    /// The class of an instance of a tuple subclass (a namedtuple), nil for a plain tuple.
    public var subclass: PyObject?
    public init(runtime: Runtime, _ items: [Value]) {
        self.items = items
        super.init(runtime: runtime)
    }
    deinit { if !items.isEmpty { Teardown.release(&items, empty: []) } }
    override public var typeName: String { "tuple" }
    override public func repr() throws -> String {
        let parts = try items.map { try $0.repr() }
        return parts.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
    }
    override public func pyEquals(_ other: PyObject) throws -> Bool {
        guard let o = other as? PyTuple, o.items.count == items.count else { return false }
        for (a, b) in zip(items, o.items) where !(try a.pyEquals(b)) { return false }
        return true
    }
}
