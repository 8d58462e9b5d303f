#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A host error of the line editor, rendered as one line by `description`.
public enum LineEditorError: Error, Equatable, CustomStringConvertible {
    /// The directory of the history file could not be created.
    case historyDirectory(path: String, reason: String)
    /// The history file could not be written or renamed into place.
    case historyWrite(path: String, reason: String)
    /// The history file exists but could not be read.
    case historyRead(path: String, reason: String)
    /// libedit could not be set up; read lines without editing instead.
    case unavailable(reason: String)

    public var description: String {
        switch self {
        case .historyDirectory(let path, let reason):
            return "cannot create history directory \(path): \(reason)"
        case .historyWrite(let path, let reason):
            return "cannot save history to \(path): \(reason)"
        case .historyRead(let path, let reason):
            return "cannot read history from \(path): \(reason)"
        case .unavailable(let reason):
            return "line editing unavailable: \(reason)"
        }
    }

    /// The text of the current `errno`.
    static func currentReason() -> String {
        String(cString: strerror(errno))
    }
}
