/// One generated input and how to run it.
///
/// A case is text plus a mode: a `.program` runs like `ctxlab run FILE.py`, a `.session` is fed
/// to the REPL engine statement by statement like `ctxlab < FILE.py` (top-level `await`,
/// meta-commands, the live tree after every input). Its source starts with a header comment that
/// names the mode and the budget, so that a saved case runs again the same way
/// (`ctxlab fuzz --run-file FILE`), and it is still a valid input for ctxlab itself.
public struct FuzzCase: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        case program, session
    }

    public var mode: Mode
    /// The input as bytes: a mutation may leave invalid UTF-8 (ctxlab must say so, not crash).
    public var body: [UInt8]
    /// Interrupt polls (one per 4,096 instructions) before the case is interrupted.
    public var pollBudget: Int
    /// The session's tree width (session mode).
    public var width: Int
    /// What the generator did, for people reading a reproducer.
    public var origin: String

    public init(mode: Mode, body: [UInt8], pollBudget: Int = FuzzCase.defaultPollBudget, width: Int = 80, origin: String = "") {
        self.mode = mode
        self.body = body
        self.pollBudget = pollBudget
        self.width = width
        self.origin = origin
    }

    public static let defaultPollBudget = 500
    static let headerTag = "# ctxlab-fuzz:"

    /// The header line and the body: what `--print-case` prints and reproducers hold.
    public var fileBytes: [UInt8] {
        let origin = self.origin.isEmpty ? "" : "# origin: \(self.origin.filter { $0 != "\n" && $0 != "\r" })\n"
        return Array("\(Self.headerTag) mode=\(mode.rawValue) budget=\(pollBudget) width=\(width)\n\(origin)".utf8) + body
    }

    /// A saved case: the header's settings (defaults where it has none) and the whole text as body.
    public init(fileBytes bytes: [UInt8]) {
        self.init(mode: .program, body: bytes)
        guard let end = bytes.firstIndex(of: 0x0A) else { return }
        let first = String(decoding: bytes[..<end], as: UTF8.self)
        guard first.hasPrefix(Self.headerTag) else { return }
        for field in first.dropFirst(Self.headerTag.count).split(separator: " ") {
            let kv = field.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { continue }
            switch kv[0] {
            case "mode": mode = Mode(rawValue: kv[1]) ?? .program
            case "budget": pollBudget = Int(kv[1]) ?? Self.defaultPollBudget
            case "width": width = Int(kv[1]) ?? 80
            default: break
            }
        }
    }
}
