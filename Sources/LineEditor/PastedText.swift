/// Assembling what a bracketed paste puts in the line: pure, so it is tested off a terminal.
///
/// The terminal sends `ESC[200~`, the pasted text as typed keys, then `ESC[201~` (xterm's
/// bracketed-paste mode 2004). Inside, Enter arrives as CR (tmux and most terminals) or LF.
public enum PastedText {
    /// The sequences that open and close a paste.
    public static let start = "\u{1B}[200~"
    public static let end = "\u{1B}[201~"
    /// Turning the mode on and off (written by the editor around each line it reads).
    public static let enable = "\u{1B}[?2004h"
    public static let disable = "\u{1B}[?2004l"

    /// Collects the pasted characters up to the closing sequence.
    public struct Collector {
        public private(set) var text = ""
        private var pending = ""

        public init() {}

        /// Feeds one character; returns true once the closing sequence has arrived.
        public mutating func push(_ c: Character) -> Bool {
            pending.append(c)
            if pending == PastedText.end {
                pending = ""
                return true
            }
            if !PastedText.end.hasPrefix(pending) {
                // Not the closing sequence after all: the first character is text.
                text.append(pending.removeFirst())
                while !pending.isEmpty && !PastedText.end.hasPrefix(pending) { text.append(pending.removeFirst()) }
            }
            return false
        }
    }

    /// CR LF and lone CR become LF.
    public static func normalizingLineEnds(_ s: String) -> String {
        s.replacingCRLF()
    }

    /// The text of the line once the paste is in: `before` and `after` are the line's text on
    /// either side of the cursor. When everything before the cursor is indentation the prompt
    /// offered and the pasted text brings its own, the offered indentation is dropped, so
    /// auto-indent never adds to the pasted indentation.
    public static func line(before: String, pasted: String, after: String) -> String {
        let text = normalizingLineEnds(pasted)
        let offeredIndentOnly = !before.isEmpty && before.allSatisfy { $0 == " " || $0 == "\t" }
        let bringsIndent = text.first == " " || text.first == "\t"
        return (offeredIndentOnly && bringsIndent ? "" : before) + text + after
    }
}

extension String {
    func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out.unicodeScalars.append("\n")
                previousCR = true
                continue
            }
            if scalar == "\n" && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
