/// ANSI styling that turns into the identity function when colour is off.
///
/// Colour only ever *repeats* what the text already says (`← changed`, `(default)`, `current`),
/// so a monochrome projector or a pipe loses nothing.
public struct Style: Equatable, Sendable {
    /// Whether escapes are emitted at all.
    public var isEnabled: Bool
    /// The projector theme: dim (often invisible on a projector) is dropped and colours are
    /// their bright variants.
    public var projector = false

    /// Creates a style; `enabled: false` makes every method return its argument unchanged.
    public init(enabled: Bool, projector: Bool = false) {
        isEnabled = enabled
        self.projector = projector
    }

    /// The style a rendering with these options uses.
    public init(_ options: RenderOptions) { self.init(enabled: options.color, projector: options.projector) }

    /// Bold (SGR 1).
    public func bold(_ text: String) -> String { wrap(text, [1]) }
    /// Dim / faint (SGR 2).
    public func dim(_ text: String) -> String { wrap(text, [2]) }
    /// Red foreground.
    public func red(_ text: String) -> String { wrap(text, [31]) }
    /// Green foreground.
    public func green(_ text: String) -> String { wrap(text, [32]) }
    /// Yellow foreground.
    public func yellow(_ text: String) -> String { wrap(text, [33]) }
    /// Blue foreground.
    public func blue(_ text: String) -> String { wrap(text, [34]) }
    /// Magenta foreground.
    public func magenta(_ text: String) -> String { wrap(text, [35]) }
    /// Cyan foreground.
    public func cyan(_ text: String) -> String { wrap(text, [36]) }

    /// `text` between `ESC[<codes>m` and `ESC[0m`; unchanged when disabled, empty or no codes.
    public func wrap(_ text: String, _ codes: [Int]) -> String {
        let codes = projector ? codes.compactMap { $0 == 2 ? nil : (30...37).contains($0) ? $0 + 60 : $0 } : codes
        guard isEnabled, !codes.isEmpty, !text.isEmpty else { return text }
        let parameters = codes.map(String.init).joined(separator: ";")
        return "\u{1B}[\(parameters)m\(text)\u{1B}[0m"
    }

    /// `text` styled for `role`.
    public func apply(_ role: Role, to text: String) -> String { wrap(text, role.codes) }

    /// What a piece of text *is*; one place decides how each looks.
    public enum Role: Equatable, Hashable, Sendable {
        case plain, guide, title, names, current, tag, variable, value, defaultValue, absent
        case changed, fold, summary, hint, header
        case taskPending, taskRunning, taskWaiting, taskDone, taskFailed, taskCancelled

        /// The role of a task badge or state in `state`.
        public static func task(_ state: TaskState) -> Role {
            switch state {
            case .pending: .taskPending
            case .running: .taskRunning
            case .waiting: .taskWaiting
            case .done: .taskDone
            case .failed: .taskFailed
            case .cancelled: .taskCancelled
            }
        }

        /// SGR parameters for the role.
        var codes: [Int] {
            switch self {
            case .plain, .guide, .title, .value: []
            case .names, .header: [1]
            case .current: [1, 32]
            case .tag, .defaultValue, .absent, .fold, .summary, .hint: [2]
            case .variable: [36]
            case .changed: [1, 33]
            case .taskPending: [34]
            case .taskRunning: [1, 32]
            case .taskWaiting: [36]
            case .taskDone: [32]
            case .taskFailed: [31]
            case .taskCancelled: [35]
            }
        }
    }
}
