/// `contextvars.Token` (CPython: Python/context.c, `token_tp_*`).
///
/// Remembers the Context object that was current at `set()`, the variable and its old value in
/// that context (nil is `Token.MISSING`). Single use.
public final class Token: PyObject {
    public let context: Context
    public let variable: ContextVar
    /// The value before `set()`, or nil for `Token.MISSING`.
    public let oldValue: Value?
    public internal(set) var used = false

    init(runtime: Runtime, context: Context, variable: ContextVar, oldValue: Value?) {
        self.context = context
        self.variable = variable
        self.oldValue = oldValue
        super.init(runtime: runtime)
    }

    override public var typeName: String { "_contextvars.Token" }

    /// CPython: `token_tp_repr`.
    override public func repr() throws -> String {
        "<Token\(used ? " used" : "") var=\(try variable.repr()) at \(hexAddress)>"
    }

    /// 3.14 `Token.__exit__`: resets the variable, with all of reset's checks.
    public func exit(_ rt: Runtime) throws {
        try variable.reset(rt, self)
    }
}
