/// A lesson compiled into ctxlab: its file name (without .pycon), first narration line, text.
/// The lessons themselves are generated from transcripts/ by scripts/embed-lessons.py
/// (Sources/CtxSession/Lessons/).
public struct Lesson: Sendable {
    public let name: String
    public let title: String
    public let text: String
}

/// The lessons shipped inside the binary (`Lessons.all`, generated).
public enum Lessons {}
