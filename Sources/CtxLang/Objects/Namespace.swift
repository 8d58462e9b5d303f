import CtxCore

/// A name → value mapping that remembers insertion order: module globals, class bodies and
/// instance `__dict__`s.
public final class Namespace {
    public private(set) var storage: [String: Value] = [:]
    public private(set) var order: [String] = []

    public init() {}

    deinit { if !storage.isEmpty { Teardown.release(&storage, empty: [:]) } }

    public subscript(name: String) -> Value? {
        get { storage[name] }
        set {
            if let v = newValue {
                if storage.updateValue(v, forKey: name) == nil { order.append(name) }
            } else if storage.removeValue(forKey: name) != nil {
                order.removeAll { $0 == name }
            }
        }
    }

    public var items: [(String, Value)] { order.map { ($0, storage[$0]!) } }
}

/// A closure cell: a variable shared between a function and the functions nested in it.
public final class PyCell: PyObject {
    public var value: Value?
    init(runtime: Runtime, _ value: Value?) {
        self.value = value
        super.init(runtime: runtime)
    }
    deinit { if value != nil { Teardown.release(&value, empty: nil) } }
    override public var typeName: String { "cell" }
}
