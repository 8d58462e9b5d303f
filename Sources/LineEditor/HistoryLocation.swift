#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where ctxlab keeps its REPL history: the XDG state directory.
///
/// `$XDG_STATE_HOME/ctxlab/history` when `XDG_STATE_HOME` is an absolute path (the XDG spec
/// says relative values are to be ignored), else `$HOME/.local/state/ctxlab/history`.
public enum HistoryLocation {
    /// The history file path for an environment, or nil when neither variable is usable.
    public static func resolve(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "ctxlab/history")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return join(home, ".local/state/ctxlab/history")
        }
        return nil
    }

    /// `resolve(environment:)` applied to this process's environment.
    public static func resolveForCurrentProcess() -> String? {
        var environment: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return resolve(environment: environment)
    }

    private static func join(_ directory: String, _ relative: String) -> String {
        var base = directory
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        return base == "/" ? "/" + relative : base + "/" + relative
    }
}
