import CtxCore

/// The str methods that search: `find`/`index`/`count` and kin, `split`, `replace`, `partition`,
/// `startswith`, `in`. All go through `StrSearch`, so none is quadratic and each answers Ctrl-C.
extension Interpreter {
    /// A search of `pattern` in `text` that polls for Ctrl-C. Its table takes 4 bytes per
    /// pattern byte: MemoryError when that is past the memory limit (a pattern of over 1 GB).
    func search(_ text: String, _ pattern: String) throws -> StrSearch {
        try reserve(pattern.utf8.count, of: MemoryLayout<Int32>.stride)
        return StrSearch(text, pattern) { [unowned self] in try self.pollInterrupt() }
    }

    /// `ADJUST_INDICES` (Objects/stringlib/unicode_format.h era, now `Objects/unicodeobject.c`):
    /// the optional `start`/`end` arguments at `a.args[at]`, `a.args[at + 1]` as code-point
    /// offsets, clipped to `0...count`; `start` may end up past `end`.
    func searchWindow(_ a: Arguments, at position: Int, count: Int) throws -> (start: Int, end: Int) {
        func bound(_ i: Int, _ dflt: Int) throws -> Int {
            guard i < a.args.count else { return dflt }
            if case .none = a.args[i] { return dflt }
            guard let v = clippedIndex(a.args[i]) else {
                throw rt.error(.TypeError, "slice indices must be integers or None or have an __index__ method")
            }
            if v < 0 { return max(0, v.addingReportingOverflow(count).partialValue) }
            return min(v, count + 1)  // a start past the end stays past it: even '' is not there
        }
        return (try bound(position, 0), min(try bound(position + 1, count), count))
    }

    /// The String indices of code-point offsets `lo..<hi` of `s` (`lo <= hi <= len(s)`).
    func indices(_ s: String, _ lo: Int, _ hi: Int) -> Range<String.Index> {
        let l = s.codePointIndex(lo)
        return l..<s.unicodeScalars.index(l, offsetBy: hi - lo)
    }

    /// `str.find`, `rfind`, `index`, `rindex` and `count` (CPython: `any_find_slice`, `unicode_count`).
    func strFind(_ s: String, _ name: String, _ a: Arguments) throws -> Value {
        try a.check(maxPositional: 3, minPositional: 1)
        guard case .str(let sub) = a.args[0] else {
            throw rt.error(.TypeError, "\(name)() argument 1 must be str, not \(typeName(a.args[0]))")
        }
        let count = s.codePointCount
        let (start, end) = try searchWindow(a, at: 1, count: count)
        let backward = name.hasPrefix("r")
        if name == "count" {
            if start > end { return .int(0) }
            if sub.isEmpty { return .int(end - start + 1) }
            return .int(try search(s, sub).count(in: indices(s, start, end)))
        }
        var found: Int?
        if start <= end {
            if sub.isEmpty {
                found = backward ? end : start
            } else if let r = try search(s, sub).first(in: indices(s, start, end), backward: backward) {
                found = s.codePointOffset(of: r.lowerBound)
            }
        }
        if let found { return .int(found) }
        if name.hasSuffix("index") { throw rt.error(.ValueError, "substring not found") }
        return .int(-1)
    }

    /// `sub in s`.
    func strContains(_ s: String, _ sub: String) throws -> Bool {
        if sub.isEmpty { return true }
        return try search(s, sub).first(in: s.startIndex..<s.endIndex) != nil
    }

    /// `str.startswith` / `str.endswith` (CPython: `tailmatch`, one prefix or a tuple of them).
    func strTailMatch(_ s: String, _ name: String, _ a: Arguments) throws -> Value {
        try a.check(maxPositional: 3, minPositional: 1)
        let count = s.codePointCount
        let (start, end) = try searchWindow(a, at: 1, count: count)
        func matches(_ p: String) -> Bool {
            guard end - start >= p.codePointCount else { return false }
            let window = indices(s, start, end)
            return name == "startswith" ? s.hasCodePointPrefix(p, in: window) : s.hasCodePointSuffix(p, in: window)
        }
        if let t = a.args[0].asObject as? PyTuple {
            for item in t.items {
                guard case .str(let p) = item else {
                    throw rt.error(.TypeError, "tuple for \(name) must only contain str, not \(typeName(item))")
                }
                if matches(p) { return .bool(true) }
            }
            return .bool(false)
        }
        guard case .str(let p) = a.args[0] else {
            throw rt.error(.TypeError, "\(name) first arg must be str or a tuple of str, not \(typeName(a.args[0]))")
        }
        return .bool(matches(p))
    }

    /// How many non-overlapping matches of `pattern` there are in `s`, counting at most `limit`.
    func matchCount(_ s: String, _ pattern: String, limit: Int, backward: Bool = false) throws -> Int {
        try search(s, pattern).count(in: s.startIndex..<s.endIndex, backward: backward, limit: limit)
    }

    /// `str.split(sep)` / `rsplit(sep)` with a separator: at most `maxsplit` cuts (all when
    /// negative), found from the end for `rsplit` (`'aaa'.rsplit('aa')` is `['a', '']`). The
    /// matches are counted first, so that a list past the memory limit is MemoryError.
    func splitOn(_ s: String, _ sep: String, _ maxsplit: Int, fromRight: Bool) throws -> [Value] {
        if sep.isEmpty { throw rt.error(.ValueError, "empty separator") }
        let limit = maxsplit < 0 ? Int.max : maxsplit
        let n = try matchCount(s, sep, limit: limit, backward: fromRight)
        try reserve(n + 1, of: MemoryLayout<Value>.stride + MemoryLayout<String>.stride)
        var parts: [Value] = []
        parts.reserveCapacity(n + 1)
        var edge = fromRight ? s.endIndex : s.startIndex
        if n > 0 {
            try search(s, sep).forEachMatch(in: s.startIndex..<s.endIndex, backward: fromRight) { r in
                parts.append(.str(fromRight ? s.codePoints(r.upperBound..<edge) : s.codePoints(edge..<r.lowerBound)))
                edge = fromRight ? r.lowerBound : r.upperBound
                return parts.count < n
            }
        }
        parts.append(.str(fromRight ? s.codePoints(s.startIndex..<edge) : s.codePoints(edge..<s.endIndex)))
        if fromRight { parts.reverse() }
        return parts
    }

    /// `str.replace(old, new, count)` (CPython: `replace`): sized before it is built, so a result
    /// past the memory limit is MemoryError. An empty `old` inserts `new` around every code point.
    func strReplace(_ s: String, _ old: String, _ new: String, _ count: Int) throws -> String {
        let limit = count < 0 ? Int.max : count
        let n = old.isEmpty ? min(limit, s.codePointCount + 1) : try matchCount(s, old, limit: limit)
        if n == 0 { return s }
        let (added, overflow) = new.utf8.count.multipliedReportingOverflow(by: n)
        let (total, overflow2) = (s.utf8.count - old.utf8.count * n).addingReportingOverflow(added)
        if overflow || overflow2 { throw rt.error(.OverflowError, "replace string is too long") }
        try reserve(total, of: 1)
        var out = ""
        out.reserveCapacity(total)
        var from = s.startIndex
        if old.isEmpty {
            for k in 0..<n {
                if k & 0xFFFF == 0xFFFF { try pollInterrupt() }
                out += new
                if from < s.endIndex {
                    out.unicodeScalars.append(s.unicodeScalars[from])
                    from = s.unicodeScalars.index(after: from)
                }
            }
            out += s.codePoints(from..<s.endIndex)
            return out
        }
        var done = 0
        try search(s, old).forEachMatch(in: s.startIndex..<s.endIndex) { r in
            out += s.codePoints(from..<r.lowerBound)
            out += new
            from = r.upperBound
            done += 1
            return done < n
        }
        out += s.codePoints(from..<s.endIndex)
        return out
    }

    /// `str.partition` / `rpartition`.
    func strPartition(_ s: String, _ sep: String, fromRight: Bool) throws -> Value {
        if sep.isEmpty { throw rt.error(.ValueError, "empty separator") }
        guard let r = try search(s, sep).first(in: s.startIndex..<s.endIndex, backward: fromRight) else {
            return fromRight ? tuple([.str(""), .str(""), .str(s)]) : tuple([.str(s), .str(""), .str("")])
        }
        return tuple([.str(s.codePoints(s.startIndex..<r.lowerBound)), .str(sep), .str(s.codePoints(r.upperBound..<s.endIndex))])
    }
}
