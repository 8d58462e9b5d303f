import CtxLang

/// What a Python user types first, mapped onto the subcommands before argument parsing:
/// `ctxlab FILE.py` runs the file as `ctxlab run FILE.py` does (as `python3 FILE.py` would),
/// and a misspelt subcommand gets a "did you mean" instead of a list of unexpected arguments.
enum Shortcuts {
    enum Outcome: Equatable {
        case arguments([String])
        case unknownCommand(String, suggestion: String?)
    }

    static func rewrite(_ arguments: [String], subcommands: [String]) -> Outcome {
        guard let first = arguments.first, !first.hasPrefix("-"), !subcommands.contains(first) else {
            return .arguments(arguments)
        }
        if first.hasSuffix(".py") || first.hasSuffix(".pyw") || first == "-" { return .arguments(["run"] + arguments) }
        return .unknownCommand(first, suggestion: Suggestions.closest(to: first, among: subcommands))
    }
}
