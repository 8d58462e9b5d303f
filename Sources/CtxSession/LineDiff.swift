/// A unified diff of two texts, line by line (Myers' O(ND) shortest edit script).
///
/// Bounded whatever the inputs: the common head and tail are set aside first; Myers' search
/// stops after `maxEdits` edits (its memory grows with the square of the edits, never with the
/// texts' length), falling back to "all of the middle changed"; and the printed diff stops after
/// `maxOutputLines`, saying how much more differs.
public enum LineDiff {
    enum Edit: Equatable { case same(String), removed(String), added(String) }

    static let maxEdits = 1000
    static let maxOutputLines = 400

    /// Hunks with 3 lines of context, headed `@@ -a,b +c,d @@`, or "" when the texts are equal.
    public static func unified(_ old: String, _ new: String, oldName: String, newName: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = boundedScript(a, b)
        guard edits.contains(where: { if case .same = $0 { false } else { true } }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var i = 0, oldLine = 1, newLine = 1
        while i < edits.count {
            guard edits[i] != .same(lineText(edits[i])) || false else {
                i += 1; oldLine += 1; newLine += 1; continue
            }
            // A hunk: back up to 3 lines of context, run until 3+3 unchanged lines.
            let start = max(0, i - 3)
            var end = i
            var quiet = 0
            while end < edits.count {
                if case .same = edits[end] { quiet += 1 } else { quiet = 0 }
                if quiet > 6 { break }
                end += 1
            }
            end = min(edits.count, end - max(0, quiet - 3))
            let back = i - start
            var oc = 0, nc = 0, body = ""
            for e in edits[start..<end] {
                switch e {
                case .same(let s): body += " \(s)\n"; oc += 1; nc += 1
                case .removed(let s): body += "-\(s)\n"; oc += 1
                case .added(let s): body += "+\(s)\n"; nc += 1
                }
            }
            out += "@@ -\(oldLine - back),\(oc) +\(newLine - back),\(nc) @@\n" + body

            for e in edits[i..<end] {
                switch e {
                case .same: oldLine += 1; newLine += 1
                case .removed: oldLine += 1
                case .added: newLine += 1
                }
            }
            i = end
        }
        return cut(out)
    }

    /// The first `maxOutputLines` lines of a diff, and how many more there were.
    static func cut(_ diff: String) -> String {
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > maxOutputLines + 1 else { return diff }
        return lines.prefix(maxOutputLines).joined(separator: "\n")
            + "\n... (diff cut short: \(lines.count - 1 - maxOutputLines) more lines)\n"
    }

    private static func lineText(_ e: Edit) -> String {
        switch e {
        case .same(let s), .removed(let s), .added(let s): return s
        }
    }

    /// The common head and tail unchanged, the middle by `script` (or, past `maxEdits`, all of
    /// it removed and added).
    static func boundedScript(_ a: [String], _ b: [String]) -> [Edit] {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let midA = Array(a[head..<(a.count - tail)]), midB = Array(b[head..<(b.count - tail)])
        let middle = script(midA, midB, maxEdits: maxEdits) ?? (midA.map { .removed($0) } + midB.map { .added($0) })
        return a[..<head].map { .same($0) } + middle + a[(a.count - tail)...].map { .same($0) }
    }

    /// The shortest edit script from `a` to `b`, or nil when it needs more than `maxEdits`.
    /// Each round of the search keeps only its diagonals -d...d, so memory is O(maxEdits²).
    static func script(_ a: [String], _ b: [String], maxEdits: Int = .max) -> [Edit]? {
        let n = a.count, m = b.count
        let limit = min(n + m, maxEdits)
        var v: [Int: Int] = [1: 0]
        var trace: [[Int: Int]] = []
        var found = false
        outer: for d in 0...max(0, limit) {
            trace.append(v)
            var next: [Int: Int] = [:]
            for k in stride(from: -d, through: d, by: 2) {
                let down = k == -d || (k != d && (v[k - 1] ?? -1) < (v[k + 1] ?? -1))
                var x = down ? (v[k + 1] ?? 0) : (v[k - 1] ?? 0) + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                next[k] = x
                if x >= n && y >= m {
                    v = next
                    found = true
                    break outer
                }
            }
            v = next
        }
        guard found else { return nil }
        trace.append(v)
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d], k = x - y
            let down = k == -d || (k != d && (v[k - 1] ?? -1) < (v[k + 1] ?? -1))
            let prevK = down ? k + 1 : k - 1
            let prevX = d == 0 ? 0 : (v[prevK] ?? 0), prevY = prevX - prevK
            while x > prevX && y > prevY {
                edits.append(.same(a[x - 1])); x -= 1; y -= 1
            }
            if d > 0 {
                if x == prevX { edits.append(.added(b[y - 1])); y -= 1 } else { edits.append(.removed(a[x - 1])); x -= 1 }
            }
        }
        while x > 0 && y > 0 { edits.append(.same(a[x - 1])); x -= 1; y -= 1 }
        return edits.reversed()
    }
}
