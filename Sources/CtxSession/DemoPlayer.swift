import CtxView

/// Plays a transcript as a lesson, one step at a time: a step is an input with the narration
/// before it. Forward runs the input in the session; back, jump and restart really restore the
/// state (the session replays its undo log, so objects keep their addresses). Pure logic: the
/// front end reads keys, draws slides and decides the pacing.
///
/// A bare `:tree` input is not a step: the tree is drawn after every step anyway, so the
/// lesson would show it twice (its narration moves on to the next step).
public final class DemoPlayer {
    public struct Step: Equatable, Sendable {
        public var narration: [String]
        public var input: String
    }

    /// What one step put on the screen.
    public struct Slide: Equatable {
        /// 1...count; 0 is the title slide before the first step.
        public var number: Int
        public var count: Int
        public var narration: [String]
        public var input: String?
        public var output: [Output]
        /// The narration after the last input, on the last slide.
        public var closing: [String]
    }

    public struct Output: Equatable {
        public var text: String
        public var kind: OutputKind
    }

    public let steps: [Step]
    public let closing: [String]
    public private(set) var session: Session!
    /// The slide on screen: 0 before the first step.
    public private(set) var shown = 0
    private var outputs: [[Output]] = []
    private var capture: [Output] = []
    /// Before each step that ran: the undo depth and the options (meta-commands change them).
    private var before: [(depth: Int, options: Session.Options)] = []

    public init(transcript: Transcript, options: Session.Options) {
        (steps, closing) = Self.lessonSteps(of: transcript)
        session = Session(options: options) { [unowned self] text, kind in
            self.capture.append(Output(text: text, kind: kind))
        }
    }

    public var count: Int { steps.count }

    /// The narration text of a transcript line (`# text` → `text`, `#` → an empty line).
    static func narrationText(_ line: String) -> String {
        line == "#" ? "" : line.hasPrefix("# ") ? String(line.dropFirst(2)) : line
    }

    public static func lessonSteps(of transcript: Transcript) -> (steps: [Step], closing: [String]) {
        var steps: [Step] = []
        var narration: [String] = []
        for item in transcript.items {
            switch item {
            case .narration(let line): narration.append(narrationText(line))
            case .pause: continue
            case .example(let input, _, _, _):
                if input.trimmingWhitespace == ":tree" { continue }
                steps.append(Step(narration: narration, input: input))
                narration = []
            }
        }
        return (steps, narration)
    }

    /// The slide of step `k` as it was drawn (0: the title slide).
    public func slide(_ k: Int) -> Slide {
        guard k > 0, k <= outputs.count else {
            return Slide(number: 0, count: count, narration: [], input: nil, output: [], closing: [])
        }
        let step = steps[k - 1]
        return Slide(number: k, count: count, narration: step.narration, input: step.input, output: outputs[k - 1],
                     closing: k == count ? closing : [])
    }

    /// Runs the next step; nil at the end.
    @discardableResult
    public func next() -> Slide? {
        guard shown < count else { return nil }
        if shown == outputs.count { run(shown) }
        shown += 1
        return slide(shown)
    }

    private func run(_ index: Int) {
        before.append((session.undoDepth, session.options))
        capture = []
        session.submit(steps[index].input)
        outputs.append(capture)
        capture = []
    }

    /// One step back: the state before the step on screen is restored and the step before it
    /// is shown again. Nil at the title slide.
    @discardableResult
    public func back() -> Slide? {
        guard shown > 0 else { return nil }
        return goTo(shown - 1)
    }

    /// Shows step `k` (clamped to 0...count) with the session in the state right after it.
    @discardableResult
    public func goTo(_ k: Int) -> Slide {
        let target = max(0, min(count, k))
        if target < outputs.count {
            let mark = before[target]
            session.options = mark.options
            session.rewind(toDepth: mark.depth)
            outputs.removeLast(outputs.count - target)
            before.removeLast(before.count - target)
        }
        while outputs.count < target { run(outputs.count) }
        shown = target
        return slide(target)
    }

    /// Back to the title slide with a fresh session.
    @discardableResult
    public func restart() -> Slide { goTo(0) }
}
