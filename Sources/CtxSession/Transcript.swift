import CtxCore
import CtxLang
import CtxView

/// A `.pycon` transcript: a Python console session that is spec, demo and test at once.
///
/// Format (documented in docs/transcripts.md):
/// - `>>> ` starts an input, `... ` continues it (a bare `...` is an empty continuation line);
/// - the lines after an input, up to the next input, narration or pause, are exactly what the
///   REPL printed for it with colour off and width 80 (blank lines at the end of a block are
///   layout, not output);
/// - errors appear in doctest's form: `Traceback (most recent call last):`, `  ...`, last line;
/// - `# ` lines (and a bare `#`) before an input are narration;
/// - a line `# pause` marks a pause in demos;
/// - the tree appears only where an input asks for it with `:tree`.
public struct Transcript: Equatable, Sendable {
    public enum Item: Equatable, Sendable {
        case narration(String)
        case pause
        /// An input, the output recorded under it, and the blank lines that followed it.
        case example(input: String, output: String, line: Int, trailingBlankLines: Int)
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// Parses transcript text. Never fails: any line that is not an input, narration or pause
    /// belongs to the output of the input before it (or is narration at the top).
    public init(parsing text: String) {
        var items: [Item] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix(">>>") {
                let start = i + 1
                var input = [String(line.dropFirst(line.hasPrefix(">>> ") ? 4 : 3))]
                i += 1
                while i < lines.count, lines[i].hasPrefix("...") && (lines[i] == "..." || lines[i].hasPrefix("... ")) {
                    input.append(String(lines[i].dropFirst(lines[i] == "..." ? 3 : 4)))
                    i += 1
                }
                var output: [String] = []
                while i < lines.count, !lines[i].hasPrefix(">>>"), !Transcript.isNarration(lines[i]) {
                    output.append(lines[i])
                    i += 1
                }
                var blanks = 0
                while output.last == "" {
                    output.removeLast()
                    blanks += 1
                }
                items.append(.example(input: input.joined(separator: "\n"), output: output.map { $0 + "\n" }.joined(),
                                      line: start, trailingBlankLines: blanks))
            } else if line == "# pause" {
                items.append(.pause)
                i += 1
            } else {
                items.append(.narration(line))
                i += 1
            }
        }
        self.items = items
    }

    static func isNarration(_ line: String) -> Bool { line == "#" || line.hasPrefix("# ") }

    /// The transcript as text.
    public var text: String {
        var out = ""
        for item in items {
            switch item {
            case .narration(let s): out += s + "\n"
            case .pause: out += "# pause\n"
            case .example(let input, let output, _, let blanks):
                for (n, l) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    out += n == 0 ? ">>> " + l + "\n" : (l.isEmpty ? "...\n" : "... " + l + "\n")
                }
                out += output
                out += String(repeating: "\n", count: blanks)
            }
        }
        return out
    }

    public var inputs: [String] {
        items.compactMap { if case .example(let input, _, _, _) = $0 { return input } else { return nil } }
    }
}

extension Transcript {
    /// The options under which transcripts are recorded and checked, whatever the terminal.
    public static var checkOptions: Session.Options {
        var o = Session.Options()
        o.showTree = false
        o.hints = false
        o.render = RenderOptions(width: 80, color: false, unicode: true)
        o.seed = 0
        return o
    }

    /// Replays the inputs in a fresh session and returns the same transcript with the outputs
    /// ctxlab prints now.
    public func replayed() -> Transcript {
        var outputs: [String] = []
        var current = ""
        let session = Session(options: Transcript.checkOptions) { text, kind in
            current += kind == .stderr ? Transcript.doctestForm(text) : text
        }
        var result: [Item] = []
        for item in items {
            guard case .example(let input, _, let line, let blanks) = item else {
                result.append(item)
                continue
            }
            current = ""
            session.submit(input)
            outputs.append(current)
            result.append(.example(input: input, output: current, line: line, trailingBlankLines: blanks))
        }
        return Transcript(items: result)
    }

    /// A traceback as doctest shows it: the header, `  ...`, and the last line.
    static func doctestForm(_ text: String) -> String {
        guard text.hasPrefix("Traceback (most recent call last):\n") else { return text }
        let lines = text.split(separator: "\n").map(String.init)
        guard let last = lines.last else { return text }
        return "Traceback (most recent call last):\n  ...\n" + last + "\n"
    }

    /// A new transcript of `inputs` as the session prints them now.
    public static func record(inputs: [String], options: Session.Options) -> String {
        Transcript(items: inputs.map { .example(input: $0, output: "", line: 0, trailingBlankLines: 0) }).replayed().text
    }
}

extension String {
    /// Addresses (`0x` and hex digits) replaced by `0x…`: they shift whenever ctxlab allocates a
    /// different number of objects, so transcripts compare them loosely.
    public var addressesLoosened: String {
        var out = "", chars = Array(self), i = 0
        while i < chars.count {
            if chars[i] == "0", i + 2 < chars.count, chars[i + 1] == "x", chars[i + 2].isHexDigit {
                out += "0x\u{2026}"
                i += 2
                while i < chars.count, chars[i].isHexDigit { i += 1 }
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}
