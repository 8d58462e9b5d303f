/// The lesson player's keys, decoded from terminal bytes: pure, so clicker and keyboard
/// sequences are tested without a terminal.
///
/// Presentation clickers send PageDown/PageUp (some send arrows, Space or `b`); terminals send
/// CSI sequences for the arrows (`ESC [ A`…, or `ESC O A` in application mode), `ESC [ 5~` /
/// `ESC [ 6~` for PageUp/PageDown, and several forms of Home and End.
public enum PlayerKey: Equatable, Sendable {
    case next, back, restart, end, quit, pause
    /// A digit typed after `g`: part of a step number.
    case digit(Int)
    case goTo, enter, other
}

public enum PlayerKeys {
    /// Decodes every complete key at the start of `bytes`; returns the keys and how many bytes
    /// they used (an incomplete escape sequence at the end is left for more input, unless
    /// `final`, when a lone ESC is the Escape key).
    public static func decode(_ bytes: [UInt8], final: Bool) -> (keys: [PlayerKey], used: Int) {
        var keys: [PlayerKey] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x1B else {
                keys.append(single(b))
                i += 1
                continue
            }
            guard i + 1 < bytes.count else {
                if final { keys.append(.quit); i += 1 }
                break
            }
            let introducer = bytes[i + 1]
            guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
                keys.append(.quit)  // ESC then another key: Escape
                i += 1
                continue
            }
            var j = i + 2
            while j < bytes.count, !(0x40...0x7E).contains(bytes[j]) { j += 1 }
            guard j < bytes.count else {
                if final { keys.append(.quit); i = bytes.count }
                break
            }
            let parameters = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
            keys.append(sequence(final: bytes[j], parameters: parameters))
            i = j + 1
        }
        return (keys, i)
    }

    static func single(_ b: UInt8) -> PlayerKey {
        switch b {
        case 0x0D, 0x0A: return .enter
        case UInt8(ascii: " "): return .pause
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "j"): return .next
        case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "k"), 0x7F, 0x08: return .back
        case UInt8(ascii: "r"), UInt8(ascii: "R"): return .restart
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x03, 0x04: return .quit
        case UInt8(ascii: "g"), UInt8(ascii: "G"): return .goTo
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit(Int(b - UInt8(ascii: "0")))
        default: return .other
        }
    }

    static func sequence(final: UInt8, parameters: String) -> PlayerKey {
        switch final {
        case UInt8(ascii: "A"), UInt8(ascii: "D"): return .back      // ↑ ←
        case UInt8(ascii: "B"), UInt8(ascii: "C"): return .next      // ↓ →
        case UInt8(ascii: "H"): return .restart                      // Home
        case UInt8(ascii: "F"): return .end                          // End
        case UInt8(ascii: "~"):
            switch parameters {
            case "5": return .back                                   // PageUp
            case "6": return .next                                   // PageDown
            case "1", "7": return .restart                           // Home
            case "4", "8": return .end                               // End
            default: return .other
            }
        default: return .other
        }
    }
}
