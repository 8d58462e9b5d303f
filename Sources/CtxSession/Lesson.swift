import CtxLang

/// A lesson compiled into ctxlab: its file name (without .pycon), first narration line, text.
/// The lessons themselves are generated from transcripts/ by scripts/embed-lessons.py
/// (Sources/CtxSession/Lessons/).
public struct Lesson: Sendable {
    public let name: String
    public let title: String
    public let text: String

    public init(name: String, title: String, text: String) {
        self.name = name
        self.title = title
        self.text = text
    }

    /// The first narration line of the text (`# Lesson 1: …`).
    public var titleLine: String? {
        text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
    }

    /// One line for `ctxlab demo`'s list: the title without its "Lesson N: " prefix.
    public var summary: String {
        guard let colon = title.firstIndex(of: ":"), title.hasPrefix("Lesson ") else { return title }
        let rest = String(title[title.index(after: colon)...]).trimmingWhitespace
        return rest.prefix(1).uppercased() + String(rest.dropFirst())
    }
}

/// The lessons shipped inside the binary (`Lessons.all`, generated).
public enum Lessons {}
