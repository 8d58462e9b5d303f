/// What one Tab press does to the line.
enum CompletionAction: Equatable {
    /// Type this text at the cursor.
    case insert(String)
    /// Delete `scalarCount` Unicode scalars before the cursor (the word), then type `text`.
    case replaceWord(scalarCount: Int, text: String)
    /// Show these candidates below the prompt, then redraw the line.
    case list([String])
    /// Nothing to complete.
    case beep
}

/// Decides what Tab does. Pure string work, so it is tested without a terminal.
///
/// Candidates replace the word before the cursor. That word is the text after the last
/// delimiter (CPython's readline delimiters by default: no `.` and no `_`, so candidates are
/// whole dotted names such as `ctx.run(`), extended to the left when every candidate starts
/// with a longer suffix of the line (so `:he` → `:help` works although `:` is a delimiter).
/// Tab on a line that is blank up to the cursor indents instead, as in the Python REPL.
enum CompletionPlanner {
    /// CPython `Modules/readline.c`: the default `completer_delims`.
    static let pythonDelimiters: Set<Character> = Set(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?")

    /// The text one Tab inserts on a blank line.
    static let indentUnit = "    "

    /// The action for a Tab press.
    static func plan(
        lineUpToCursor: String, candidates: [String],
        delimiters: Set<Character> = pythonDelimiters
    ) -> CompletionAction {
        if lineUpToCursor.allSatisfy({ $0 == " " || $0 == "\t" }) { return .insert(indentUnit) }
        let unique = deduplicated(candidates)
        guard !unique.isEmpty else { return .beep }
        let prefix = commonPrefix(unique)
        let word = replacedWord(in: lineUpToCursor, sharedPrefix: prefix, delimiters: delimiters)
        if prefix.count > word.count || (unique.count == 1 && prefix != word) {
            return extend(word: word, to: prefix)
        }
        return unique.count == 1 ? .beep : .list(unique.sorted())
    }

    /// The text the candidates replace: the longest suffix of the line that the candidates'
    /// shared prefix starts with, unless the delimiter-bounded word is longer.
    static func replacedWord(
        in line: String, sharedPrefix: String, delimiters: Set<Character>
    ) -> String {
        let word = currentWord(in: line, delimiters: delimiters)
        let characters = Array(line)
        let shortestStart = max(0, characters.count - sharedPrefix.count)
        for start in shortestStart..<characters.count {
            let suffix = String(characters[start...])
            if suffix.count < word.count { break }
            if sharedPrefix.hasPrefix(suffix) { return suffix }
        }
        return word
    }

    /// The word at the end of `text`: everything after the last delimiter.
    static func currentWord(in text: String, delimiters: Set<Character>) -> String {
        guard let last = text.lastIndex(where: { delimiters.contains($0) }) else { return text }
        return String(text[text.index(after: last)...])
    }

    /// The longest string every element starts with (Character by Character).
    static func commonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = Array(first)
        for string in strings.dropFirst() {
            let shared = zip(prefix, string).prefix { $0 == $1 }.count
            prefix.removeLast(prefix.count - shared)
        }
        return String(prefix)
    }

    private static func extend(word: String, to text: String) -> CompletionAction {
        if text.hasPrefix(word) { return .insert(String(text.dropFirst(word.count))) }
        return .replaceWord(scalarCount: word.unicodeScalars.count, text: text)
    }

    private static func deduplicated(_ candidates: [String]) -> [String] {
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }
}
