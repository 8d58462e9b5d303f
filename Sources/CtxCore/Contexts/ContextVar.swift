/// `contextvars.ContextVar` (CPython: Python/context.c).
///
/// A variable is a key: its values live in Contexts, never in the variable. The default is the
/// object given at construction, returned as-is every time (a mutable default is shared by every
/// context and thread). Equality is identity.
public final class ContextVar: PyObject, Hashable {
    public let name: String
    /// The default, or nil when the variable was created without one.
    public let defaultValue: Value?
    /// Creation order: the deterministic stand-in for CPython's hash order when iterating a Context.
    let serial: Int

    public init(runtime: Runtime, name: String, default defaultValue: Value? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.serial = runtime.allocateSerial()
        super.init(runtime: runtime)
    }

    override public var typeName: String { "_contextvars.ContextVar" }

    /// CPython: `contextvar_tp_repr`.
    override public func repr() throws -> String {
        var s = "<ContextVar name=\(StringRepr.repr(name))"
        if let d = defaultValue { s += " default=\(try d.repr())" }
        return s + " at \(hexAddress)>"
    }

    public static func == (a: ContextVar, b: ContextVar) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }

    /// `var.get([default])` (CPython: `PyContextVar_Get`): the current context's value, else the
    /// argument, else the variable's default, else `LookupError(var)`.
    public func get(_ rt: Runtime, default fallback: Value? = nil) throws -> Value {
        // A thread that never touched contexts has none: nothing is found and none is created.
        if let ctx = rt.currentThread.context, let v = ctx.vars[self] { return v }
        if let f = fallback { return f }
        if let d = defaultValue { return d }
        throw PyException(runtime: rt, .LookupError, args: [.object(self)])
    }

    /// `var.set(value)` (CPython: `PyContextVar_Set`): records the old value of the *current
    /// context* (not the default) in a new Token, then replaces the context's mapping.
    @discardableResult
    public func set(_ rt: Runtime, _ value: Value) -> Token {
        let ctx = rt.currentContext()
        let token = Token(runtime: rt, context: ctx, variable: self, oldValue: ctx.vars[self])
        rt.emit(.set(self, in: ctx, old: token.oldValue, new: value, isReset: false))
        ctx.assign(rt, self, value)
        return token
    }

    /// `var.reset(token)` (CPython: `PyContextVar_Reset`), with its checks in CPython's order.
    public func reset(_ rt: Runtime, _ token: Token) throws {
        if token.used {
            throw rt.error(.RuntimeError, "\(try rt.repr(.object(token))) has already been used once")
        }
        if token.variable !== self {
            throw rt.error(.ValueError, "\(try rt.repr(.object(token))) was created by a different ContextVar")
        }
        let ctx = rt.currentContext()
        if token.context !== ctx {
            throw rt.error(.ValueError, "\(try rt.repr(.object(token))) was created in a different Context")
        }
        token.used = true
        rt.emit(.set(self, in: ctx, old: ctx.vars[self], new: token.oldValue, isReset: true))
        if let old = token.oldValue {
            ctx.assign(rt, self, old)
        } else {
            ctx.remove(rt, self)  // MISSING: the variable is removed, not set to its default
        }
    }
}
