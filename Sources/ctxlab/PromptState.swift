import CtxLang
import CtxSession

/// The lines of one input being typed at the prompt, and what the next prompt offers: the
/// executable's half of `PromptInput` (which decides; this only keeps the state between reads).
struct PromptState {
    /// What to do after a read.
    enum Step: Equatable {
        /// Ask for another line.
        case more
        /// Run this input (its final auto-indentation stripped, as PyREPL does).
        case run(String)
    }

    private(set) var lines: [String] = []
    /// The text the next line starts with: the auto-indentation, or the unfinished last line
    /// of a paste, left for the user to edit.
    private(set) var initialText = ""
    /// The indentation of one level, once the user has typed one (PyREPL's last_used_indentation).
    private(set) var indentUnit: String?

    init(indentUnit: String? = nil) { self.indentUnit = indentUnit }

    var isContinuing: Bool { !lines.isEmpty }

    /// A line accepted with Enter (a recalled multi-line history entry comes back whole).
    mutating func entered(_ text: String) -> Step {
        if text.contains("\n") {
            lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        } else {
            lines.append(PromptInput.line(text, offered: initialText))
        }
        return decide()
    }

    /// A paste with line breaks; its first line is on the screen already. Returns the lines to
    /// show under it and the step. A paste that ends with a line break is taken as if Enter had
    /// been pressed on the empty line after it; otherwise its last line waits to be edited.
    mutating func pasted(_ text: String) -> (shown: [String], Step) {
        var pieces = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let last = pieces.removeLast()
        let shown = Array(pieces.dropFirst())
        lines += pieces
        guard last.isEmpty else {
            initialText = last
            return (shown + [], .more)
        }
        if !PromptInput.needsMoreLines(source + "\n") { return (shown, finish(source + "\n")) }
        return (shown, offerIndent())
    }

    private var source: String { lines.joined(separator: "\n") }

    private mutating func decide() -> Step {
        if lines.count == 1, lines[0].trimmingWhitespace.hasPrefix(":") { return finish(lines[0]) }
        if PromptInput.needsMoreLines(source) { return offerIndent() }
        return finish(source)
    }

    private mutating func offerIndent() -> Step {
        indentUnit = PromptInput.firstIndentation(lines) ?? indentUnit
        initialText = lines.last.map { PromptInput.nextIndent(after: $0, indentUnit: indentUnit) } ?? ""
        return .more
    }

    private mutating func finish(_ text: String) -> Step {
        let input = PromptInput.stripFinalIndent(text)
        self = PromptState(indentUnit: indentUnit)
        var trimmed = Substring(input)
        while trimmed.last == "\n" { trimmed = trimmed.dropLast() }
        return .run(String(trimmed))
    }
}
