/// The user's `--color` choice.
public enum ColorFlag: String, CaseIterable, Equatable, Sendable {
    /// Decide from the environment and the terminal.
    case auto
    /// Always emit ANSI styles.
    case always
    /// Never emit ANSI styles.
    case never
}

/// Whether to colour output, decided the way most command-line tools do.
public enum ColorPolicy {
    /// In this order: an explicit flag; `NO_COLOR` set and non-empty → off (no-color.org);
    /// `FORCE_COLOR` set and non-empty → on; `TERM=dumb` → off; otherwise on iff a TTY.
    public static func decide(flag: ColorFlag, environment: [String: String], isTTY: Bool) -> Bool {
        switch flag {
        case .always: return true
        case .never: return false
        case .auto: break
        }
        if environment["NO_COLOR"].isNonEmpty { return false }
        if environment["FORCE_COLOR"].isNonEmpty { return true }
        if environment["TERM"] == "dumb" { return false }
        return isTTY
    }
}

extension String? {
    fileprivate var isNonEmpty: Bool { self.map { !$0.isEmpty } ?? false }
}
