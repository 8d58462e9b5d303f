/// The number of terminal columns `text` occupies.
///
/// Measured scalar by scalar, like `wcswidth`, with the fix-ups terminals make for emoji:
/// East Asian wide and fullwidth characters and emoji count 2; combining marks, format characters
/// (ZWJ, variation selectors) and controls 0; a scalar joined by ZWJ and the second regional
/// indicator of a flag and a skin-tone modifier after an emoji 0; U+FE0F widens a preceding narrow character to 2. ANSI escape sequences
/// (CSI `ESC [ … final` and two-character `ESC x`) count 0, so styled text measures like plain.
public func displayWidth(_ text: String) -> Int {
    if let width = asciiWidth(text) { return width }
    var meter = WidthMeter()
    for scalar in text.unicodeScalars { meter.add(scalar) }
    return meter.width
}

/// Width of ASCII text without escapes (other controls count 0), or nil for the slow path.
private func asciiWidth(_ text: String) -> Int? {
    var count = 0
    for byte in text.utf8 {
        if byte >= 0x80 || byte == 0x1B { return nil }
        if byte >= 0x20 && byte != 0x7F { count += 1 }
    }
    return count
}

/// Width of text made only of printable ASCII (no controls at all), or nil otherwise.
func printableASCIIWidth(_ text: String) -> Int? {
    // Scanning the contiguous buffer keeps this cheap in debug builds too: it runs for every span.
    let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 0x20 && bytes[i] < 0x7F else { return nil }
            i += 1
        }
        return bytes.count
    }
    if let fast { return fast }
    var count = 0
    for byte in text.utf8 {
        guard byte >= 0x20 && byte < 0x7F else { return nil }
        count += 1
    }
    return count
}

/// Accumulates the width of a scalar sequence, skipping escape sequences.
private struct WidthMeter {
    private enum Escape { case none, start, csi }
    private var escape = Escape.none
    /// The previous scalar was a ZWJ: this one joins the cluster and adds nothing.
    private var joined = false
    /// Regional indicators seen in a row; every second one completes a flag.
    private var indicators = 0
    /// Width of the last scalar that had one (what U+FE0F would widen).
    private var baseWidth = 0
    private(set) var width = 0

    mutating func add(_ scalar: Unicode.Scalar) {
        if consumeEscape(scalar) { return }
        var columns = DisplayWidth.columns(of: scalar)
        let isIndicator = (0x1F1E6...0x1F1FF).contains(scalar.value)
        indicators = isIndicator ? indicators + 1 : 0
        let isModifier = (0x1F3FB...0x1F3FF).contains(scalar.value)  // skin tones join their emoji
        if joined || (isIndicator && indicators % 2 == 0) || (isModifier && baseWidth == 2) {
            columns = 0
        } else if scalar == "\u{FE0F}" && baseWidth == 1 {
            columns = 1
            baseWidth = 2
        } else if columns > 0 {
            baseWidth = columns
        }
        joined = scalar == "\u{200D}"
        if joined { baseWidth = 0 }
        width += columns
    }

    /// True when `scalar` belongs to an escape sequence.
    private mutating func consumeEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch escape {
        case .none:
            guard scalar == "\u{1B}" else { return false }
            escape = .start
        case .start:
            escape = scalar == "[" ? .csi : .none
        case .csi:
            if (0x40...0x7E).contains(scalar.value) { escape = .none }
        }
        return true
    }
}

/// Per-character column counts.
enum DisplayWidth {
    /// Columns of a single scalar on its own.
    static func columns(of scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x7F { return scalar.value < 0x20 ? 0 : 1 }
        if isControl(scalar) { return 0 }
        if isCommonNarrow(scalar.value) { return 1 }
        if isWide(scalar) { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 1
        }
    }

    /// Columns of one grapheme cluster (used when cutting text, which must not split clusters).
    static func columns(of character: Character) -> Int {
        character.unicodeScalars.count == 1
            ? columns(of: character.unicodeScalars.first!) : displayWidth(String(character))
    }

    /// Punctuation, arrows, box drawing and shapes that trees and hints use all the time:
    /// narrow, no lookup needed (U+25FD and U+25FE are emoji, hence the upper bound).
    static func isCommonNarrow(_ v: UInt32) -> Bool {
        (0xA0...0x2FF).contains(v) || (0x2010...0x2027).contains(v) || (0x2190...0x21FF).contains(v)
            || (0x2500...0x25FC).contains(v)
    }

    /// C0 and C1 controls and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// East Asian Wide/Fullwidth blocks (condensed from EastAsianWidth.txt) and emoji presentation.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x1100 { return false }
        if wideRanges.contains(where: { $0.contains(v) }) { return true }
        return scalar.properties.isEmojiPresentation
    }

    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18AFF,
        0x1B000...0x1B2FF, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]
}
