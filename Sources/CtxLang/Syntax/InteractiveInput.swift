/// Deciding whether REPL input is complete, as CPython's `codeop` does (`Lib/codeop.py`,
/// `_maybe_compile`, compiling in mode 'single' with `PyCF_ALLOW_INCOMPLETE_INPUT`).

/// The state of (possibly multi-line) interactive input.
public enum InputStatus: Equatable {
    /// The input compiles as one interactive statement; run it.
    case complete(Module)
    /// The input is valid so far but unfinished: ask for a continuation line.
    case incomplete
    /// The input can never become one valid interactive statement.
    case invalid(SyntaxError)
}

/// CPython's `codeop.compile_command(source, "<stdin>", "single")`, with the asyncio REPL's
/// top-level await: is this interactive input complete, incomplete or invalid?
///
/// `source` is the lines entered so far joined with "\n" (a final empty line, entered to close
/// a block, shows up as a trailing "\n"). The rules, each checked against CPython 3.13 by the
/// recorded table in `Tests/CtxLangTests/Fixtures/codeop-cases.json`:
/// - blank or comment-only input is complete (codeop compiles `pass` instead);
/// - an error caused by reaching the end of the input is "incomplete": open brackets, an
///   unterminated triple-quoted string, a trailing backslash, a block header whose body has not
///   been typed yet at any depth (`def f():` / `    if x:`), a `try:` with no handler yet;
/// - mode 'single' takes one statement: a compound statement is complete only once an empty
///   line follows it (a line of spaces is not empty), and a second statement on a later line
///   is an error (`multiple statements found while compiling a single statement`);
/// - errors CPython's compiler raises (`'return' outside function`) make the input invalid.
///
/// The REPL itself (PyREPL's `_more_lines`) builds its decision on this one: see
/// `PromptInput` in CtxSession.
public func classifyInteractiveInput(_ source: String) -> InputStatus {
    if isBlankOrComments(source) { return .complete(Module(body: [])) }
    let (parsed, starts) = PythonParser.parseCountingStatements(source)
    if starts.count > 1 {
        // CPython's 'single' grammar reads one statement and its NEWLINE; what follows is an
        // error: at the next token after a compound statement, else the tokenizer's check.
        if case .success(let module) = parsed, let first = module.body.first, isCompound(first) {
            return .invalid(SyntaxError(.invalid, "invalid syntax", starts[1]))
        }
        return .invalid(SyntaxError(.invalid, "multiple statements found while compiling a single statement", starts[0]))
    }
    let module: Module
    switch parsed {
    case .success(let m): module = m
    case .failure(let error): return error.kind == .incomplete ? .incomplete : .invalid(error)
    }
    if let last = module.body.last, isCompound(last), !endsWithEmptyLine(source) {
        return .incomplete
    }
    do {
        _ = try Compiler.compile(module, filename: "<stdin>", mode: .interactive)
    } catch let e as CompileSyntaxError {
        return .invalid(SyntaxError(.invalid, e.message, e.pos))
    } catch {
        // Constructs ctxlab does not support are reported when the input runs.
    }
    return .complete(module)
}

/// Whether every line is blank or a comment.
func isBlankOrComments(_ source: String) -> Bool {
    source.split(separator: "\n", omittingEmptySubsequences: false).allSatisfy { line in
        let t = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" || $0 == "\r" }
        return t.isEmpty || t.first == "#"
    }
}

/// Whether a statement has a block that more lines could extend.
func isCompound(_ stmt: Stmt) -> Bool {
    switch stmt.kind {
    case .functionDef, .classDef, .ifStmt, .whileStmt, .forStmt, .tryStmt, .with, .match: return true
    default: return false
    }
}

/// Whether the input's last line is empty (nothing after the last newline). A line of spaces
/// does not count: codeop keeps asking for more after it, which is why PyREPL strips the
/// auto-indentation off the last line before it asks.
func endsWithEmptyLine(_ source: String) -> Bool {
    source.hasSuffix("\n") || source.hasSuffix("\r")
}
