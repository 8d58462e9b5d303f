/// Marks the non-printing parts of a prompt so libedit does not count them as columns.
///
/// libedit's `EL_PROMPT_ESC` takes an "ignore" character: text between two of them is written
/// to the terminal but takes no room. Every ANSI escape sequence (CSI `ESC [ ... final`, OSC
/// `ESC ] ... BEL|ESC \`, and two-byte `ESC x`) is wrapped in that character here.
enum PromptEscapes {
    /// The ignore character LineEditor gives libedit (SOH, which never appears in a prompt).
    static let marker: Character = "\u{01}"

    /// `prompt` with each escape sequence wrapped in `marker`s.
    static func wrap(_ prompt: String, marker: Character = marker) -> String {
        let scalars = Array(prompt.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\u{1B}" else {
                out.append(scalars[index])
                index += 1
                continue
            }
            let end = sequenceEnd(scalars, from: index)
            out.append(contentsOf: marker.unicodeScalars)
            out.append(contentsOf: scalars[index..<end])
            out.append(contentsOf: marker.unicodeScalars)
            index = end
        }
        return String(out)
    }

    /// The index just past the escape sequence starting at `start` (an ESC).
    static func sequenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        let next = start + 1
        guard next < scalars.count else { return next }
        switch scalars[next] {
        case "[":
            let final = scalars[(next + 1)...].firstIndex { (0x40...0x7E).contains($0.value) }
            return final.map { $0 + 1 } ?? scalars.count
        case "]":
            return oscEnd(scalars, from: next + 1)
        default:
            return next + 1
        }
    }

    private static func oscEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count {
            if scalars[index] == "\u{07}" { return index + 1 }
            if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
                return index + 2
            }
            index += 1
        }
        return scalars.count
    }
}
