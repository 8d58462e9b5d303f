import BigInt
import CtxCore
import OrderedCollections

/// A dictionary key: a hashable Python value with Python's equality (1 == 1.0 == True).
public struct HashKey: Hashable {
    public let value: Value
    /// `hash(value)` by the class's `__hash__`, for an instance of a class that defines one.
    private var userHash: Int? = nil

    /// Throws `TypeError: unhashable type: 'list'` for unhashable values, and whatever a user
    /// `__hash__` raises.
    public init(_ v: Value, _ rt: Runtime) throws {
        switch v {
        case .object(let o):
            if !(o is PyTuple), let name = unhashableTypeName(o) {
                throw rt.error(.TypeError, "unhashable type: '\(name)'")
            }
            if let t = o as? PyTuple { for item in t.items { _ = try HashKey(item, rt) } }
            if let w = o as? PyWeakRef, let interpreter = w.host {
                userHash = try interpreter.hash(v)  // weakref_hash: the referent's
            }
            if let i = o as? PyInstance, let interpreter = i.cls.interpreter, i.cls.lookup("__hash__") != nil {
                // (a class whose __hash__ is None was refused above)
                userHash = try interpreter.hash(v)
            }
        default: break
        }
        value = v
    }

    /// A str key (never unhashable).
    public init(str: String) { value = .str(str) }

    /// A key for a value known to be hashable without a user `__hash__` (a carried payload).
    init(unchecked v: Value) { value = v }

    public static func == (a: HashKey, b: HashKey) -> Bool {
        // A user `__eq__` decides (CPython's dict compares with PyObject_RichCompare); an error
        // in it counts as "not equal" here.
        if case .object(let i as PyInstance) = a.value, let interpreter = i.cls.interpreter, i.cls.lookup("__eq__") != nil {
            return a.value.isIdentical(b.value) || HashKey.userEquals(interpreter, a.value, b.value)
        }
        if case .object(let i as PyInstance) = b.value, let interpreter = i.cls.interpreter, i.cls.lookup("__eq__") != nil {
            return a.value.isIdentical(b.value) || HashKey.userEquals(interpreter, b.value, a.value)
        }
        // weakref_richcompare: two live references compare their referents
        if case .object(let x as PyWeakRef) = a.value, case .object(let y as PyWeakRef) = b.value, let interpreter = x.host {
            return x === y || HashKey.userEquals(interpreter, a.value, b.value)
        }
        // A str/int/float subclass's instance is the key of the value it carries (`StrEnum`
        // members find their str).
        if case .object(let i as PyInstance) = a.value, let p = i.payload {
            return a.value.isIdentical(b.value) || HashKey(unchecked: p) == b
        }
        if case .object(let i as PyInstance) = b.value, let p = i.payload {
            return a.value.isIdentical(b.value) || a == HashKey(unchecked: p)
        }
        // Equal ints are equal keys whatever their representation (a big int equals a float).
        if case .object(let x as PyBigInt) = a.value { return x.equals(b.value) }
        if case .object(let y as PyBigInt) = b.value { return y.equals(a.value) }
        return a.value.isIdentical(b.value) || ((try? a.value.pyEquals(b.value)) ?? false)  // identity first
    }

    /// A user `__eq__`; a Ctrl-C inside it is kept for the next poll (this cannot throw).
    private static func userEquals(_ interpreter: Interpreter, _ a: Value, _ b: Value) -> Bool {
        do {
            return try interpreter.equals(a, b)
        } catch let e as PyException where e.isInstance(of: .KeyboardInterrupt) {
            interpreter.interruptPending = true
            return false
        } catch {
            return false
        }
    }

    public func hash(into h: inout Hasher) {
        // As a number of that value hashes, so that an instance equal to an int finds it.
        if let userHash { h.combine(Double(userHash)) } else { HashKey.combine(value, into: &h) }
    }

    static func combine(_ v: Value, into h: inout Hasher) {
        switch v {
        case .none: h.combine(0)
        case .bool(let b): h.combine(b ? 1.0 : 0.0)
        case .int(let i): h.combine(Double(i))
        case .float(let d): h.combine(d)
        case .str(let s): h.combine(s)
        case .object(let o):
            if let t = o as? PyTuple {
                h.combine(t.items.count)
                for item in t.items { combine(item, into: &h) }
            } else if let b = o as? PyBigInt {
                // Numbers hash by their double value, so that equal numbers of any type collide;
                // a big int no double equals hashes by its digits too (else 2**100 + i for all i
                // would share one bucket: quadratic sets and dicts).
                let d = PyBigInt.toDouble(b.value)
                h.combine(d)
                if !d.isFinite || BigInt(d) != b.value { h.combine(b.value) }
            } else if let b = o as? PyBytes {
                h.combine(b.bytes)
            } else if let g = o as? PyGenericAlias {
                combine(g.origin, into: &h)
                for a in g.args { combine(a, into: &h) }
            } else if let u = o as? PyUnionType {
                // Order-free, as the union's equality is (`union_hash`: a frozenset's hash).
                var total = 0
                for a in u.args {
                    var one = Hasher()
                    combine(a, into: &one)
                    total &+= one.finalize()
                }
                h.combine(total)
            } else if let n = o as? NativeObject, let key = n.hashKey {
                h.combine(key)  // equal by value (uuid.UUID)
            } else if let i = o as? PyInstance, let interpreter = i.cls.interpreter, i.cls.lookup("__hash__") != nil,
                      let userHash = try? interpreter.hash(v) {
                h.combine(Double(userHash))  // inside a tuple key
            } else if let p = (o as? PyInstance)?.payload {
                combine(p, into: &h)
            } else {
                h.combine(ObjectIdentifier(o))
            }
        }
    }
}

/// The type names CPython reports as unhashable.
func unhashableTypeName(_ o: PyObject) -> String? {
    switch o {
    case is PyList: return "list"
    case let d as PyDict:
        guard let c = d.subclass as? PyClass else { return "dict" }
        return c.interpreter?.typeName(.object(d)) ?? c.name  // 'Counter', 'collections.OrderedDict'
    case is PySet: return "set"
    case is Context: return "_contextvars.Context"
    case is Token: return "_contextvars.Token"
    case let i as PyInstance where i.cls.lookup("__hash__")?.isIdentical(.none) == true
        || (i.cls.lookup("__eq__") != nil && i.cls.lookup("__hash__") == nil):
        return i.cls.interpreter?.typeName(.object(i)) ?? i.cls.name  // 'collections.deque'
    default: return nil
    }
}

/// A Python `dict`: insertion-ordered.
public final class PyDict: PyObject {
    public var storage: OrderedDictionary<HashKey, Value> = [:]
    /// The class of an instance of a Python subclass of dict (`defaultdict`, `Counter`), nil
    /// for a plain dict: the instance is the dict itself, as in CPython, where the subclass's
    /// object layout begins with dict's.
    public var subclass: PyObject?
    /// Such an instance's `__dict__` (made on the first attribute set).
    var attributes: PyDict?
    deinit { if !storage.isEmpty { Teardown.release(&storage, empty: [:]) } }

    override public var typeName: String { "dict" }
    private var reprActive = false

    override public func repr() throws -> String {
        if reprActive { return "{...}" }
        reprActive = true
        defer { reprActive = false }
        let parts = try storage.map { "\(try $0.key.value.repr()): \(try $0.value.repr())" }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    override public func pyEquals(_ other: PyObject) throws -> Bool {
        guard let o = other as? PyDict, o.storage.count == storage.count else { return false }
        for (k, v) in storage {
            guard let w = o.storage[k], try v.isIdentical(w) || v.pyEquals(w) else { return false }
        }
        return true
    }
}

/// A Python `set` (iteration in insertion order; CPython's is hash order).
public final class PySet: PyObject {
    public var storage: OrderedSet<HashKey> = []
    deinit { if !storage.isEmpty { Teardown.release(&storage, empty: []) } }
    public var isFrozen = false

    override public var typeName: String { isFrozen ? "frozenset" : "set" }

    override public func repr() throws -> String {
        if storage.isEmpty { return isFrozen ? "frozenset()" : "set()" }
        let inner = "{" + (try storage.map { try $0.value.repr() }.joined(separator: ", ")) + "}"
        return isFrozen ? "frozenset(\(inner))" : inner
    }

    override public func pyEquals(_ other: PyObject) throws -> Bool {
        guard let o = other as? PySet else { return false }
        return Set(storage) == Set(o.storage)
    }
}

/// An instance of a Python subclass of a built-in container that ctxlab keeps as the container
/// itself (dict, list: CPython's subclass layout begins with the base's): its class, and its
/// `__dict__` once an attribute is set.
protocol NativeSubclassInstance: PyObject {
    var subclass: PyObject? { get }
    var subclassDict: PyDict? { get set }
}

extension PyDict: NativeSubclassInstance {
    var subclassDict: PyDict? {
        get { attributes }
        set { attributes = newValue }
    }
}

extension PyList: NativeSubclassInstance {
    var subclassDict: PyDict? {
        get { attributes as? PyDict }
        set { attributes = newValue }
    }
}
