#if canImport(Glibc)
import Glibc
#endif

/// Substring search in str values, linear in the text whatever the pattern.
///
/// CPython (`Objects/stringlib/fastsearch.h`) mixes a skip-table scan with the two-way algorithm
/// so that no search is quadratic. This is Knuth–Morris–Pratt over UTF-8 bytes, with `memchr`
/// (backwards, a plain loop) jumping to the next candidate first byte: O(text + pattern) time
/// and a table of 4 bytes per pattern byte. UTF-8 is self-synchronising, so a byte match always
/// starts and ends on a code point, which is what Python's str is a sequence of. The scan calls `poll` every 65,536 steps, so that Ctrl-C ends a long search.
struct StrSearch {
    let text: String
    let pattern: String
    private let poll: () throws -> Void
    static let pollStride = 1 << 16

    /// `pattern` must not be empty (each caller has its own rule for the empty string).
    init(_ text: String, _ pattern: String, poll: @escaping () throws -> Void) {
        precondition(!pattern.isEmpty)
        self.text = text
        self.pattern = pattern
        self.poll = poll
    }

    /// Calls `body` with each match inside `bounds` that does not overlap the ones before it, in
    /// scan order (from the end when `backward`), until it returns false.
    func forEachMatch(
        in bounds: Range<String.Index>, backward: Bool = false,
        _ body: (Range<String.Index>) throws -> Bool
    ) throws {
        let m = pattern.utf8.count
        try scanBytes(in: bounds, backward: backward) { start in
            return try body(self.range(start, start + m)) ? .taken : .stop
        }
    }

    /// The scan itself: `found` gets the lowest byte offset of each byte match.
    private func scanBytes(
        in bounds: Range<String.Index>, backward: Bool, _ found: (Int) throws -> Scan.Verdict
    ) throws {
        let utf8 = text.utf8
        let lo = utf8.distance(from: utf8.startIndex, to: bounds.lowerBound)
        let hi = utf8.distance(from: utf8.startIndex, to: bounds.upperBound)
        guard hi - lo >= pattern.utf8.count else { return }
        let needle = backward ? Array(pattern.utf8.reversed()) : Array(pattern.utf8)
        let table = Self.failureTable(needle)
        var copy = text
        try copy.withUTF8 { bytes in
            try Scan(bytes: bytes, needle: needle, table: table, poll: poll).run(lo, hi, backward: backward, found: found)
        }
    }

    /// How many matches `forEachMatch` would visit, up to `limit` (without making their ranges).
    func count(in bounds: Range<String.Index>, backward: Bool = false, limit: Int = .max) throws -> Int {
        guard limit > 0 else { return 0 }
        var n = 0
        try scanBytes(in: bounds, backward: backward) { _ in
            n += 1
            return n < limit ? .taken : .stop
        }
        return n
    }

    /// The first match in `bounds` (the last one when `backward`).
    func first(in bounds: Range<String.Index>, backward: Bool = false) throws -> Range<String.Index>? {
        var found: Range<String.Index>?
        try forEachMatch(in: bounds, backward: backward) { found = $0; return false }
        return found
    }

    /// The indices of bytes `a..<b` (a match: both ends on code points).
    private func range(_ a: Int, _ b: Int) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: a)
        return lower..<utf8.index(lower, offsetBy: b - a)
    }

    /// KMP's failure function: for each prefix of `needle`, the length of its longest proper
    /// border.
    static func failureTable(_ needle: [UInt8]) -> [Int32] {
        var table = [Int32](repeating: 0, count: needle.count)
        var k = 0
        for i in needle.indices.dropFirst() {
            while k > 0 && needle[i] != needle[k] { k = Int(table[k - 1]) }
            if needle[i] == needle[k] { k += 1 }
            table[i] = Int32(k)
        }
        return table
    }
}

/// One KMP scan over a byte buffer.
struct Scan {
    enum Verdict { case taken, rejected, stop }
    let bytes: UnsafeBufferPointer<UInt8>
    let needle: [UInt8]
    let table: [Int32]
    let poll: () throws -> Void

    /// Feeds bytes `lo..<hi` (backwards: from `hi - 1` down) to the automaton; `found` gets the
    /// lowest byte offset of each match. After a taken match the scan restarts past it (no
    /// overlap); after a rejected one it goes on as if there had been no match.
    func run(_ lo: Int, _ hi: Int, backward: Bool, found: (Int) throws -> Verdict) throws {
        let m = needle.count
        var q = 0
        var i = backward ? hi - 1 : lo
        var nextPoll = StrSearch.pollStride
        var scanned = 0
        while backward ? i >= lo : i < hi {
            scanned += 1
            if scanned >= nextPoll {
                try poll()
                nextPoll = scanned + StrSearch.pollStride
            }
            if q == 0 {
                guard let at = skip(to: needle[0], from: i, lo, hi, backward: backward) else { return }
                i = at
            }
            let c = bytes[i]
            while q > 0 && c != needle[q] { q = Int(table[q - 1]) }
            if c == needle[q] { q += 1 }
            if q == m {
                switch try found(backward ? i : i - m + 1) {
                case .stop: return
                case .taken: q = 0
                case .rejected: q = Int(table[m - 1])
                }
            }
            i += backward ? -1 : 1
        }
    }

    /// The next offset holding `byte`, from `i` on in the scan direction, within `lo..<hi`.
    private func skip(to byte: UInt8, from i: Int, _ lo: Int, _ hi: Int, backward: Bool) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        if backward {  // Glibc's memrchr is not visible to Swift
            var j = i
            while j >= lo && base[j] != byte { j -= 1 }
            return j >= lo ? j : nil
        }
        guard let p = memchr(base + i, Int32(byte), hi - i) else { return nil }
        return base.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }
}
