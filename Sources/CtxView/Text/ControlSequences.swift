/// Text from a transcript or a program, made safe to show on a terminal: escape sequences
/// (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \` such as a clipboard write, and two-character
/// `ESC x`) and other control characters are removed; newlines and tabs stay. The player adds
/// its own styling afterwards.
public func strippingControlSequences(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
        let c = scalars[i]
        if c == "\u{1B}" {
            i += 1
            guard i < scalars.count else { break }
            switch scalars[i] {
            case "[":
                i += 1
                while i < scalars.count, !(0x40...0x7E).contains(scalars[i].value) { i += 1 }
                i += 1
            case "]", "P", "X", "^", "_":
                i += 1
                while i < scalars.count {
                    if scalars[i] == "\u{07}" { i += 1; break }
                    if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "\\" { i += 2; break }
                    i += 1
                }
            default:
                i += 1
            }
            continue
        }
        let v = c.value
        if v == 0x0A || v == 0x09 || (v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v)) { out.append(c) }
        i += 1
    }
    return String(out)
}
