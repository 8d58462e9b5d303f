/// Deciding whether REPL input is complete, like CPython's `codeop` and basic REPL.

/// The state of (possibly multi-line) interactive input.
public enum InputStatus: Equatable {
    /// The input parses; run it.
    case complete(Module)
    /// The input is valid so far but unfinished: ask for a continuation line.
    case incomplete
    /// The input can never become valid: report the error.
    case invalid(SyntaxError)
}

/// For the REPL, like CPython's codeop: is this (possibly multi-line) interactive input complete?
///
/// `source` is the lines entered so far joined with "\n" (a final empty line, entered to close
/// a block, shows up as a trailing "\n"). The input is incomplete when it stops inside open
/// brackets, an unterminated triple-quoted string, after a trailing backslash, after a line
/// ending with ':' that opens a block, or when its last statement is a compound statement whose
/// block has not yet been closed by an empty line. Empty, blank or comment-only input is
/// complete with an empty module. Several statements in one input are accepted.
public func classifyInteractiveInput(_ source: String) -> InputStatus {
    let module: Module
    do throws(SyntaxError) {
        module = try PythonParser.parseReportingEndOfInput(source)
    } catch {
        return error.kind == .incomplete ? .incomplete : .invalid(error)
    }
    if let last = module.body.last, isCompound(last), !endsWithEmptyLine(source) {
        return .incomplete
    }
    return .complete(module)
}

/// Whether a statement has a block that more lines could extend.
func isCompound(_ stmt: Stmt) -> Bool {
    switch stmt.kind {
    case .functionDef, .classDef, .ifStmt, .whileStmt, .forStmt, .tryStmt, .with: return true
    default: return false
    }
}

/// Whether the input's last line is empty (or whitespace only) after at least one other line.
func endsWithEmptyLine(_ source: String) -> Bool {
    guard let newline = source.lastIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else { return false }
    return source[source.index(after: newline)...].allSatisfy { $0 == " " || $0 == "\t" }
}
