/// A unified diff of two texts, line by line (Myers' O(ND) shortest edit script).
public enum LineDiff {
    enum Edit: Equatable { case same(String), removed(String), added(String) }

    /// Hunks with 3 lines of context, headed `@@ -a,b +c,d @@`, or "" when the texts are equal.
    public static func unified(_ old: String, _ new: String, oldName: String, newName: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
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
        return out
    }

    private static func lineText(_ e: Edit) -> String {
        switch e {
        case .same(let s), .removed(let s), .added(let s): return s
        }
    }

    /// The shortest edit script from `a` to `b`.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count, max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? v[max + k + 1] : v[max + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[max + k] = x
                if x >= n && y >= m { break outer }
            }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d], k = x - y
            let prevK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1
            let prevX = v[max + prevK], prevY = prevX - prevK
            while x > prevX && y > prevY {
                edits.append(.same(a[x - 1])); x -= 1; y -= 1
            }
            if d > 0 {
                if x == prevX { edits.append(.added(b[y - 1])); y -= 1 } else { edits.append(.removed(a[x - 1])); x -= 1 }
            }
        }
        return edits.reversed()
    }
}
