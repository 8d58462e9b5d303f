import CtxCore

/// The source lines under a traceback's `File` line, with their carets (CPython 3.13:
/// `Lib/traceback.py`, `StackSummary.format_frame_summary`, `_should_show_carets`,
/// `_extract_caret_anchors_from_line_segment`, `_display_width`; `textwrap.dedent`).
///
/// The instruction that was running has a span (`CodeObject.spans`), on one line or several. Its
/// lines are dedented together and its text re-parsed, as CPython re-parses it, to find the
/// anchors: a binary operator (`~~^~~`), the brackets of a subscript or of a call's arguments
/// (`~~~^^^^`), on whichever lines they fall. Without anchors the span is underlined with `^`,
/// unless it covers its lines whole; `return f(x)` and `y = f(x)` with a plain name show none. Of
/// a span over several lines, the first and last lines and those next to the anchors are shown,
/// a run of others as `...<N lines>...`.
extension Interpreter {
    /// Every line ends in a newline and starts with four spaces; "" when the lines are blank.
    func sourceBlock(_ entry: TracebackEntry, _ source: [String]) -> String {
        guard entry.line >= 1, entry.line <= source.count else { return "" }
        guard let column = entry.column, let endColumn = entry.endColumn, let endLine = entry.endLine,
              endLine >= entry.line else {
            let text = source[entry.line - 1].trimmingWhitespace
            return text.isEmpty ? "" : "    \(text)\n"
        }
        // FrameSummary._set_lines: each line of the span, right-stripped ('' past the end).
        let original: [[Unicode.Scalar]] = (entry.line...min(endLine, entry.line + Self.maxSpanLines)).map { n in
            n <= source.count ? Self.rstripped(Array(source[n - 1].unicodeScalars)) : []
        }
        let dedented = Self.dedent(original)
        guard dedented.contains(where: { $0.contains { !Self.isSpace($0) } }) else { return "" }
        let all = dedented
        let shift = original[0].count - all[0].count
        let start = max(0, min(original[0].count, column - 1) - shift)
        let end = max(0, min(original[original.count - 1].count, endColumn - 1) - shift)
        guard all.count > 1 || start < end else {
            return "    " + String(String.UnicodeScalarView(all[0])) + "\n"
        }
        let dpStart = Self.displayWidth(all[0].prefix(start))
        let dpEnd = Self.displayWidth(all[all.count - 1].prefix(end))
        // The instruction's own text: from `start` on the first line to `end` on the last.
        var segment: [[Unicode.Scalar]] = all
        segment[segment.count - 1] = Array(segment[segment.count - 1].prefix(end))
        segment[0] = Array(segment[0].dropFirst(min(start, segment[0].count)))
        let anchors = Self.caretAnchors(segment)
        let showCarets = Self.shouldShowCarets(start, end, all, hasAnchors: anchors != nil)

        var significant: Set<Int> = [0, all.count - 1]
        var primary: Character = "^", leftEnd = 0, rightStart = 0
        if let a = anchors {
            primary = "~"
            leftEnd = Self.displayWidth(all[a.leftLine].prefix(a.leftOffset + (a.leftLine == 0 ? start : 0)))
            rightStart = Self.displayWidth(all[a.rightLine].prefix(a.rightOffset + (a.rightLine == 0 ? start : 0)))
            significant.formUnion((a.leftLine - 1)...(a.leftLine + 1))
            significant.formUnion((a.rightLine - 1)...(a.rightLine + 1))
        }
        significant = significant.filter { $0 >= 0 && $0 < all.count }
        var result: [String] = []
        func output(_ n: Int) {
            result.append(String(String.UnicodeScalarView(all[n])))
            guard showCarets else { return }
            let spaces = all[n].prefix { Self.isSpace($0) }.count
            let count = n == all.count - 1 ? dpEnd : Self.displayWidth(all[n][...])
            var carets = ""
            for col in 0..<count {
                if col < spaces || (n == 0 && col < dpStart) {
                    carets.append(" ")
                } else if let a = anchors,
                          n > a.leftLine || (n == a.leftLine && col >= leftEnd),
                          n < a.rightLine || (n == a.rightLine && col < rightStart) {
                    carets.append("^")
                } else {
                    carets.append(primary)
                }
            }
            result.append(carets)
        }
        let shown = significant.sorted()
        for (i, n) in shown.enumerated() {
            if i > 0 {
                let gap = n - shown[i - 1]
                if gap == 2 { output(n - 1) } else if gap > 2 { result.append("...<\(gap - 1) lines>...") }
            }
            output(n)
        }
        // textwrap.indent(textwrap.dedent(...), '    ', lambda line: True)
        return Self.dedent(result.map { Array($0.unicodeScalars) }).map { "    " + String(String.UnicodeScalarView($0)) + "\n" }.joined()
    }

    /// Lines of one instruction read for its carets: a span longer than this (a call with a
    /// million argument lines) is cut there, its last line then taken as the span's end.
    static let maxSpanLines = 10_000

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    static func rstripped(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var line = line
        while let last = line.last, isSpace(last) { line.removeLast() }
        return line
    }

    /// `textwrap.dedent`: lines of only spaces and tabs become empty, and the longest run of
    /// spaces and tabs that starts every other line is removed from each.
    static func dedent(_ lines: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
        let blank: (([Unicode.Scalar]) -> Bool) = { $0.allSatisfy { $0 == " " || $0 == "\t" } }
        var margin: [Unicode.Scalar]?
        for line in lines where !blank(line) {
            let indent = Array(line.prefix { $0 == " " || $0 == "\t" })
            guard let m = margin else { margin = indent; continue }
            margin = Array(zip(m, indent).prefix { $0 == $1 }.map(\.0))
        }
        let cut = margin?.count ?? 0
        return lines.map { blank($0) ? [] : Array($0.dropFirst(cut)) }
    }

    /// Where the secondary (`^`) part begins and ends: line index in the segment and code-point
    /// offset on that line (on line 0, counted from the segment's start).
    private struct Anchors { var leftLine: Int, leftOffset: Int, rightLine: Int, rightOffset: Int }

    private static func caretAnchors(_ lines: [[Unicode.Scalar]]) -> Anchors? {
        let text = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
        guard let module = try? PythonParser.parseModule("(\n\(text)\n)"), module.body.count == 1,
              case .expr(let e) = module.body[0].kind else { return nil }
        typealias Position = (line: Int, col: Int)
        // next_valid_char: past the end of a line is the start of the next non-empty one.
        func valid(_ p: Position) -> Position? {
            var p = p
            while p.line < lines.count, p.col >= lines[p.line].count { p = (p.line + 1, 0) }
            return p.line < lines.count ? p : nil
        }
        // setup_positions: an expression's end (the parsed text has one line more in front).
        func endOf(_ x: Expr, forceValid: Bool = true) -> Position? {
            guard let end = x.end, end.line >= 2, end.line - 2 < lines.count else { return nil }
            let p = (end.line - 2, end.column - 1)
            return forceValid ? valid(p) : p
        }
        // increment_until: the next character (skipping a backslash's or a comment's rest of line) that `stop` accepts.
        func until(_ p: Position, _ stop: (Unicode.Scalar) -> Bool) -> Position? {
            var p = p
            while true {
                let ch = lines[p.line][p.col]
                if ch == "\\" || ch == "#" {
                    guard let next = valid((p.line + 1, 0)) else { return nil }
                    p = next
                } else if !stop(ch) {
                    guard let next = valid((p.line, p.col + 1)) else { return nil }
                    p = next
                } else {
                    return p
                }
            }
        }
        switch e.kind {
        case .binary(let l, _, let r):
            guard let leftEnd = endOf(l), let op = until(leftEnd, { !isSpace($0) && $0 != ")" }) else { return nil }
            let line = lines[op.line]
            var right = op.col + 1
            if right < line.count, r.pos.line - 2 > op.line || right < r.pos.column - 1,
               !isSpace(line[right]), line[right] != "\\", line[right] != "#" {
                right += 1
            }
            return Anchors(leftLine: op.line, leftOffset: op.col, rightLine: op.line, rightOffset: right)
        case .subscript(let value, _):
            guard let valueEnd = endOf(value), let bracket = until(valueEnd, { $0 == "[" }),
                  let end = endOf(e, forceValid: false) else { return nil }
            return Anchors(leftLine: bracket.line, leftOffset: bracket.col, rightLine: end.line, rightOffset: end.col)
        case .call(let fn, _, _):
            guard let fnEnd = endOf(fn), let paren = until(fnEnd, { $0 == "(" }),
                  let end = endOf(e, forceValid: false) else { return nil }
            return Anchors(leftLine: paren.line, leftOffset: paren.col, rightLine: end.line, rightOffset: end.col)
        default:
            return nil
        }
    }

    private static func shouldShowCarets(_ start: Int, _ end: Int, _ lines: [[Unicode.Scalar]], hasAnchors: Bool) -> Bool {
        let texts = lines.map { String(String.UnicodeScalarView($0)) }
        // ast.parse takes `return` anywhere; ctxlab's parser wants a function around it.
        var statements = (try? PythonParser.parseModule(texts.joined(separator: "\n")))?.body
        var shift = 0
        if statements == nil,
           let wrapped = try? PythonParser.parseModule("def _():\n" + texts.map { " " + $0 }.joined(separator: "\n")),
           case .functionDef(let f)? = wrapped.body.first?.kind {
            statements = f.body
            shift = 1
        }
        if let statement = statements?.first {
            var value: Expr?
            switch statement.kind {
            case .returnStmt(let v?):
                if case .call(let fn, _, _) = v.kind, case .name = fn.kind { value = v }
            case .assign(let targets, let v):
                if case .call = v.kind, targets.count == 1, case .name = targets[0].kind { value = v }
            default: break
            }
            // _spawns_full_line, which compares the node's offsets, in UTF-8 bytes, with the
            // span's, in characters: a line with non-ASCII text before the call shows carets.
            func bytes(_ line: [Unicode.Scalar], _ n: Int) -> Int { line.prefix(max(0, n)).reduce(0) { $0 + UTF8.width($1) } }
            if let value, let vEnd = value.end, value.pos.line - shift == 1, vEnd.line - shift == lines.count,
               bytes(lines[0], value.pos.column - 1 - shift) == start, bytes(lines[lines.count - 1], vEnd.column - 1 - shift) == end {
                return false
            }
        } else if statements != nil {
            return false
        }
        if hasAnchors { return true }
        let before = lines[0].prefix(start).contains { !isSpace($0) }
        let after = lines[lines.count - 1].dropFirst(end).contains { !isSpace($0) }
        return before || after
    }

    /// `_display_width`: East Asian wide and fullwidth characters take two columns.
    private static func displayWidth(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        scalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// East_Asian_Width W or F (the blocks that hold them; Swift has no UCD lookup for it).
    private static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF,
             0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
             0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
