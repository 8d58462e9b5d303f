import CtxLang

/// What the prompt decides after each Enter, as CPython's own REPL (PyREPL) decides it: more
/// lines or run, the next line's auto-indentation, and how a paste is split into statements.
///
/// CPython: `Lib/_pyrepl/simple_interact.py` (`_strip_final_indent`, `_more_lines`, the
/// `REPL_COMMANDS` table) and `Lib/_pyrepl/readline.py` (`maybe_accept`,
/// `_get_previous_line_indent`, `_get_first_indentation`, `_should_auto_indent`). Pure: the
/// executable's loop feeds it lines and does what it says.
public enum PromptInput {
    /// `_strip_final_indent`: spaces and tabs at the very end go, but only when they follow a
    /// newline (the auto-indentation of a line left empty).
    public static func stripFinalIndent(_ text: String) -> String {
        var short = Substring(text)
        while let c = short.last, c == " " || c == "\t" { short = short.dropLast() }
        if let c = short.last, c == "\n" { return String(short) }
        return text
    }

    /// `_more_lines`: whether Enter asks for another line (true) or runs what was typed. The
    /// text is the lines typed so far joined with "\n"; an empty last line ends with "\n".
    ///
    /// codeop decides (see `classifyInteractiveInput`); when it says the input is invalid, a
    /// multi-line input still continues while its last line has text or indentation, so that
    /// `def f():` / `    pass` / `x = 1` runs as two statements once an empty line follows.
    public static func needsMoreLines(_ text: String) -> Bool {
        let source = stripFinalIndent(text)
        switch classifyInteractiveInput(source) {
        case .complete: return false
        case .incomplete: return true
        case .invalid:
            let lines = splitLinesKeepingEnds(source)
            guard lines.count > 1, let last = lines.last else { return false }
            let wasIndented = last.first == " " || last.first == "\t"
            let notEmpty = !last.allSatisfy(\.isWhitespace)
            let unterminated = !(last.hasSuffix("\n") || last.hasSuffix("\r"))
            return (wasIndented || notEmpty) && unterminated
        }
    }

    /// Python's `str.splitlines(keepends=True)` for the line ends the prompt can produce.
    static func splitLinesKeepingEnds(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let next = text.index(after: i)
            if text[i] == "\n" || text[i] == "\r\n" || text[i] == "\r" {
                lines.append(text[start..<next])
                start = next
            }
            i = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }

    /// The indentation the next line starts with, after `line` was entered (`maybe_accept`):
    /// the entered line's own indentation (none for a blank line), one level more when it ends
    /// with `:` (comments aside). A level is `indentUnit`: the first indentation the user typed
    /// in this session (`last_used_indentation`), four spaces until then.
    public static func nextIndent(after line: String, indentUnit: String?) -> String {
        let leading = line.prefix { $0 == " " || $0 == "\t" }
        let copied = leading.count == line.count ? "" : String(leading)
        return endsBlockHeader(line) ? copied + (indentUnit ?? "    ") : copied
    }

    /// `_get_first_indentation`: the indentation of the first indented line that has text,
    /// nil when no line is indented yet.
    public static func firstIndentation(_ lines: [String]) -> String? {
        for line in lines.dropFirst() {
            let leading = line.prefix { $0 == " " || $0 == "\t" }
            if !leading.isEmpty && leading.count < line.count { return String(leading) }
        }
        return nil
    }

    /// `_should_auto_indent`: the line's last character, ignoring white space and a comment,
    /// is `:`. (Like CPython's, the comment test is textual: a `#` inside a string counts.)
    static func endsBlockHeader(_ line: String) -> Bool {
        var last: Character?
        for c in line.reversed() {
            if last == nil {
                if !(c == " " || c == "\t" || c == "#") { last = c }
            } else if c == "#" {
                last = nil
            }
        }
        return last == ":"
    }

    /// A typed line, with the auto-indentation it was offered: when the line carries its own
    /// indentation on top of the offered one (text pasted or typed with its indentation, by a
    /// terminal without bracketed paste), the offered indentation is dropped instead of added.
    public static func line(_ typed: String, offered indent: String) -> String {
        guard !indent.isEmpty, typed.hasPrefix(indent) else { return typed }
        let rest = typed.dropFirst(indent.count)
        guard let c = rest.first, c == " " || c == "\t", rest.contains(where: { !$0.isWhitespace }) else { return typed }
        return String(rest)
    }

    /// The words that PyREPL runs as commands when typed alone and not bound to a name
    /// (`REPL_COMMANDS`): `exit` and `quit` leave, `help` shows the help.
    public enum Command: String, Sendable {
        case exit, quit, help
    }

    /// The command this input is, if any (`maybe_run_command`: the stripped text is one of the
    /// words and no variable of the session has that name).
    public static func command(_ input: String, boundNames: (String) -> Bool) -> Command? {
        let word = input.trimmingWhitespace
        guard let command = Command(rawValue: word), !boundNames(word) else { return nil }
        return command
    }
}
