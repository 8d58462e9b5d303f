import CtxCore

/// An object of a library type implemented in Swift (asyncio.Event, uuid.UUID, threading.local…):
/// a class for `type()`/`isinstance`, a table of attributes, and optional hooks.
public final class NativeObject: PyObject {
    let cls: PyClass
    var attributes: [String: Value] = [:]
    var reprBody: (() throws -> String)?
    var strBody: (() throws -> String)?
    var truthy: (() throws -> Bool)?
    /// Dynamic attribute lookup, tried before `attributes`.
    var getAttr: ((String) throws -> Value?)?
    /// Attribute assignment; returns false when the object refuses it.
    var setAttr: ((String, Value?) throws -> Bool)?
    var equals: ((PyObject) -> Bool)?
    var hashKey: Int?

    init(runtime: Runtime, cls: PyClass) {
        self.cls = cls
        super.init(runtime: runtime)
    }

    override public var typeName: String { cls.name }
    override public func repr() throws -> String {
        if let r = reprBody { return try r() }
        let q = cls.module == "builtins" ? cls.qualname : "\(cls.module).\(cls.qualname)"
        return "<\(q) object at \(hexAddress)>"
    }
    override public func str() throws -> String { try strBody?() ?? repr() }
    override public func pyEquals(_ other: PyObject) throws -> Bool { equals?(other) ?? (other === self) }
}
