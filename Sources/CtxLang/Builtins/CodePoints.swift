/// Python's str is a sequence of code points (CPython: `Objects/unicodeobject.c`); Swift's String
/// is one of grapheme clusters compared by canonical equivalence. ctxlab keeps str values as
/// Strings and reads them through their scalar view wherever Python counts, indexes, slices or
/// compares: `len("e\u0301")` is 2, `"🇯🇵"[0]` is one regional indicator.
extension String {
    /// `len(s)`.
    var codePointCount: Int { unicodeScalars.count }

    /// The index of code point `offset` (`0...codePointCount`).
    func codePointIndex(_ offset: Int) -> String.Index {
        unicodeScalars.index(unicodeScalars.startIndex, offsetBy: offset)
    }

    /// The code-point offset of a scalar-aligned index.
    func codePointOffset(of i: String.Index) -> Int {
        unicodeScalars.distance(from: unicodeScalars.startIndex, to: i)
    }

    /// The text between scalar-aligned indices, even inside a grapheme cluster (the Character
    /// view would round them to cluster boundaries).
    func codePoints(_ r: Range<String.Index>) -> String { String(Substring(unicodeScalars[r])) }

    /// `s.startswith(p)` / `s.endswith(p)` within `window`: byte for byte, not by canonical equivalence.
    func hasCodePointPrefix(_ p: String, in window: Range<String.Index>) -> Bool {
        utf8[window].starts(with: p.utf8)
    }

    func hasCodePointSuffix(_ p: String, in window: Range<String.Index>) -> Bool {
        utf8[window].reversed().starts(with: p.utf8.reversed())
    }
}
