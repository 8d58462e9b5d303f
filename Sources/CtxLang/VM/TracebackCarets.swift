import CtxCore

/// The caret line under a traceback's source line (CPython 3.13: `Lib/traceback.py`,
/// `StackSummary.format_frame_summary`, `_should_show_carets`,
/// `_extract_caret_anchors_from_line_segment`, `_display_width`).
///
/// The instruction that was running has a span (`CodeObject.spans`); its text is re-parsed, as
/// CPython re-parses it, to find the anchors: a binary operator (`~~^~~`), the brackets of a
/// subscript or of a call's arguments (`~~~^^^^`). Without anchors the span is underlined with
/// `^`, unless it covers the whole line; `return f(x)` and `y = f(x)` with a plain name show none.
/// ctxlab shows carets for an instruction on one line; for one spanning lines it prints the
/// first line alone (CPython prints every line of it).
extension Interpreter {
    func caretLine(_ entry: TracebackEntry, sourceLine: String) -> String? {
        guard let column = entry.column, let endColumn = entry.endColumn, entry.endLine == entry.line else { return nil }
        let original = Array(sourceLine.unicodeScalars)
        let indent = original.prefix { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }.count
        var line = Array(original[indent...])
        while let last = line.last, last == " " || last == "\t" || last == "\r" || last == "\n" { line.removeLast() }
        let start = max(0, column - 1 - indent), end = min(line.count, max(0, endColumn - 1 - indent))
        guard start < end else { return nil }
        let segment = String(String.UnicodeScalarView(line[start..<end]))
        let anchors = Self.caretAnchors(segment)
        guard Self.shouldShowCarets(start, end, line, hasAnchors: anchors != nil) else { return nil }
        let dpStart = Self.displayWidth(line[..<start]), dpEnd = Self.displayWidth(line[..<end])
        var left = 0, right = 0
        if let anchors {
            left = Self.displayWidth(line[..<(start + anchors.left)])
            right = Self.displayWidth(line[..<min(line.count, start + anchors.right)])
        }
        var carets = ""
        for col in 0..<dpEnd {
            if col < dpStart {
                carets += " "
            } else if anchors != nil {
                carets += col >= left && col < right ? "^" : "~"
            } else {
                carets += "^"
            }
        }
        return carets
    }

    /// Code-point offsets in the segment: where the secondary (`^`) part begins and ends.
    private static func caretAnchors(_ segment: String) -> (left: Int, right: Int)? {
        guard let module = try? PythonParser.parseModule("(\n\(segment)\n)"), module.body.count == 1,
              case .expr(let e) = module.body[0].kind else { return nil }
        let text = Array(segment.unicodeScalars)
        // Offsets of an expression's end on the segment's line (line 2 of the parsed text).
        func endOffset(_ x: Expr) -> Int? {
            guard let end = x.end, end.line == 2 else { return nil }
            return end.column - 1
        }
        func increment(from i: Int, until stop: (Unicode.Scalar) -> Bool) -> Int? {
            var i = i
            while i < text.count {
                if text[i] == "\\" || text[i] == "#" { return nil }  // the rest is on another line
                if stop(text[i]) { return i }
                i += 1
            }
            return nil
        }
        switch e.kind {
        case .binary(let l, _, let r):
            guard let leftEnd = endOffset(l),
                  let op = increment(from: leftEnd, until: { !$0.properties.isWhitespace && $0 != ")" }) else { return nil }
            var rightCol = op + 1
            if rightCol < text.count, r.pos.line > 2 || rightCol < r.pos.column - 1,
               !text[rightCol].properties.isWhitespace, text[rightCol] != "\\", text[rightCol] != "#" {
                rightCol += 1
            }
            return (op, rightCol)
        case .subscript(let value, _):
            guard let valueEnd = endOffset(value), let bracket = increment(from: valueEnd, until: { $0 == "[" }),
                  let end = endOffset(e) else { return nil }
            return (bracket, end)
        case .call(let fn, _, _):
            guard let fnEnd = endOffset(fn), let paren = increment(from: fnEnd, until: { $0 == "(" }),
                  let end = endOffset(e) else { return nil }
            return (paren, end)
        default:
            return nil
        }
    }

    private static func shouldShowCarets(_ start: Int, _ end: Int, _ line: [Unicode.Scalar], hasAnchors: Bool) -> Bool {
        let text = String(String.UnicodeScalarView(line))
        // ast.parse takes `return` anywhere; ctxlab's parser wants a function around it.
        var statements = (try? PythonParser.parseModule(text))?.body
        var shift = 0
        if statements == nil, let wrapped = try? PythonParser.parseModule("def _():\n " + text),
           case .functionDef(let f)? = wrapped.body.first?.kind {
            statements = f.body
            shift = 1
        }
        if let statements {
            guard let first = statements.first else { return false }
            let statement = first
            var value: Expr?
            switch statement.kind {
            case .returnStmt(let v?):
                if case .call(let fn, _, _) = v.kind, case .name = fn.kind { value = v }
            case .assign(let targets, let v):
                if case .call = v.kind, targets.count == 1, case .name = targets[0].kind { value = v }
            default: break
            }
            if let value, let vEnd = value.end, value.pos.line - shift == 1, vEnd.line - shift == 1,
               value.pos.column - 1 - shift == start, vEnd.column - 1 - shift == end {
                return false
            }
        }
        if hasAnchors { return true }
        let before = line[..<start].contains { !$0.properties.isWhitespace }
        let after = line[end...].contains { !$0.properties.isWhitespace }
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
