/// A value of the simulated language: immutable scalars inline, everything else a heap object.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case object(PyObject)

    /// `repr(value)`, byte-for-byte as CPython prints it.
    public func repr() throws -> String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return FloatRepr.repr(d)
        case .str(let s): return StringRepr.repr(s)
        case .object(let o): return try o.repr()
        }
    }

    /// `str(value)`.
    public func str() throws -> String {
        switch self {
        case .str(let s): return s
        case .object(let o): return try o.str()
        default: return try repr()
        }
    }

    /// Python `==` (numbers compare across int/float/bool; objects decide for themselves).
    public func pyEquals(_ other: Value) throws -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.str(let a), .str(let b)): return Value.sameCodePoints(a, b)
        case (.object(let a), .object(let b)): return a === b ? true : try a.pyEquals(b)
        default:
            if let a = numeric, let b = other.numeric { return a == b }
            return false
        }
    }

    /// `is`: identity for objects, value identity for the inline scalars (CPython caches them).
    public func isIdentical(_ other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.str(let a), .str(let b)): return Value.sameCodePoints(a, b)
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }

    /// Python's str equality: the same code points. Swift's `==` holds for canonically
    /// equivalent strings too (`"\u{e9}" == "e\u{301}"`), so it only rules out.
    public static func sameCodePoints(_ a: String, _ b: String) -> Bool {
        a == b && a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    private var numeric: Double? {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    public var asObject: PyObject? {
        if case .object(let o) = self { return o }
        return nil
    }
}
