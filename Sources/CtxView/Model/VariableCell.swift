/// One `ContextVar` as seen from one context: `request_id = 'abc'`.
public struct VariableCell: Equatable, Sendable {
    /// The variable's name (`ContextVar.name`, or the user's binding for it).
    public var name: String
    /// The repr of the value; ignored when `kind` is `.absent`.
    public var value: String
    /// Whether the value is set here, comes from the default, or is missing.
    public var kind: Kind
    /// The last command changed this value in this context.
    public var changed: Bool

    /// How the value came to be visible in this context.
    public enum Kind: Equatable, Sendable {
        /// Set in this context's mapping (directly or inherited by a copy).
        case set
        /// Not in the mapping; `value` is the variable's default.
        case defaultShown
        /// Not in the mapping and no default: `get()` would raise `LookupError`.
        case absent
    }

    /// Creates a cell.
    public init(name: String, value: String = "", kind: Kind = .set, changed: Bool = false) {
        self.name = name
        self.value = value
        self.kind = kind
        self.changed = changed
    }
}
