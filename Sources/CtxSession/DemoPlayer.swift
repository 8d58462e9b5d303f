/// Plays a transcript as a demo: narration, inputs, their live output and tree, one step at a
/// time, with real back-steps (the session is restored to the state before the last input).
/// Pure logic; the front end reads keys and decides the pacing.
public final class DemoPlayer {
    public enum Step: Equatable {
        case narration(String)
        case pause
        case input(String, number: Int)
        case finished
    }

    public let transcript: Transcript
    public let session: Session
    /// Index of the next item to play.
    public private(set) var position = 0
    /// Positions of the inputs already run, for back-steps.
    private var ranInputs: [Int] = []

    public init(transcript: Transcript, session: Session) {
        self.transcript = transcript
        self.session = session
    }

    public var inputCount: Int { transcript.inputs.count }

    /// The next item, without playing it.
    public var upcoming: Step {
        guard position < transcript.items.count else { return .finished }
        switch transcript.items[position] {
        case .narration(let s): return .narration(s)
        case .pause: return .pause
        case .example(let input, _, _, _): return .input(input, number: ranInputs.count + 1)
        }
    }

    /// Advances past the upcoming item; an input runs in the session (its output goes to the
    /// session's `write`).
    @discardableResult
    public func advance() -> Step {
        let step = upcoming
        guard step != .finished else { return step }
        if case .input(let text, _) = step {
            ranInputs.append(position)
            session.submit(text)
        }
        position += 1
        return step
    }

    /// Goes back to just before the last input that ran: the session is restored (by replaying
    /// the inputs before it) and that input will be played again next. False at the start.
    @discardableResult
    public func back() -> Bool {
        guard let last = ranInputs.popLast() else { return false }
        session.undoLast()
        position = last
        return true
    }
}

extension Session {
    /// Restores the state before the last input, silently (no tree, no message).
    public func undoLast() {
        guard !undoLog.isEmpty else { return }
        replay(dropping: 1)
    }
}
