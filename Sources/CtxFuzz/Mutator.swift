/// Mutations of a program's bytes: line edits, token edits, edge values spliced in, indentation
/// changes, truncation and random bytes. Each keeps going on whatever the last one left.
struct Mutator {
    let corpus: Corpus
    let calls: EdgeCalls

    static let keywords = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
        "except*", "print", "self", "super", "asyncio", "contextvars",
    ]
    static let punctuation = ["(", ")", "[", "]", "{", "}", ":", ",", ".", ";", "=", "*", "**", "@", "->", ":=", "\\", "'", "\"", "\"\"\"", "f'", "#", "`", "$", "?", "!"]

    /// What each mutation is called in a case's origin line.
    enum Kind: String, CaseIterable {
        case deleteLine, duplicateLine, swapLines, moveLine, replaceToken, deleteToken, duplicateToken, numberEdge,
             stringEdge, indent, truncate, randomBytes, insertStatement, crossover, wrapInLoop, renameEverywhere,
             insertKeyword, oddCharacters, deleteRange
    }

    func mutate(_ text: [UInt8], _ r: inout FuzzRandom, _ prelude: inout Prelude) -> ([UInt8], [Kind]) {
        var s = text
        var done: [Kind] = []
        for _ in 0..<r.geometric(max: 8) {
            let kind = r.weighted([
                (6, Kind.deleteLine), (4, .duplicateLine), (3, .swapLines), (2, .moveLine), (8, .replaceToken),
                (3, .deleteToken), (2, .duplicateToken), (8, .numberEdge), (6, .stringEdge), (3, .indent),
                (2, .truncate), (2, .randomBytes), (8, .insertStatement), (3, .crossover), (2, .wrapInLoop),
                (3, .renameEverywhere), (2, .insertKeyword), (1, .oddCharacters), (2, .deleteRange),
            ])
            s = apply(kind, s, &r, &prelude)
            done.append(kind)
        }
        return (s, done)
    }

    func apply(_ kind: Kind, _ s: [UInt8], _ r: inout FuzzRandom, _ prelude: inout Prelude) -> [UInt8] {
        var lines = Self.lines(s)
        switch kind {
        case .deleteLine:
            guard !lines.isEmpty else { return s }
            lines.remove(at: r.below(lines.count))
        case .duplicateLine:
            guard !lines.isEmpty else { return s }
            let i = r.below(lines.count)
            lines.insert(lines[i], at: i)
        case .swapLines:
            guard lines.count > 1 else { return s }
            lines.swapAt(r.below(lines.count), r.below(lines.count))
        case .moveLine:
            guard lines.count > 1 else { return s }
            let line = lines.remove(at: r.below(lines.count))
            lines.insert(line, at: r.below(lines.count + 1))
        case .insertStatement, .wrapInLoop:
            let i = r.below(lines.count + 1)
            let indent = i < lines.count ? Array(lines[i].prefix { $0 == 0x20 || $0 == 0x09 }) : []
            if kind == .wrapInLoop, i < lines.count {
                let header = r.pick(["for _ in range(\(r.pick(EdgeValues.sizes))):", "while True:", "with _C():", "try:", "if True:", "async def _f():", "def _f():", "class _K:"])
                lines[i] = indent + Array(header.utf8) + [0x0A] + [0x20, 0x20, 0x20, 0x20] + lines[i]
            } else {
                let st = r.chance(0.3) ? Scenarios.statement(&r, &prelude).0 : calls.statement(&r, &prelude)
                let block = st.lines.map { indent + Array($0.utf8) + [0x0A] }
                lines.insert(contentsOf: block, at: i)
            }
        case .crossover:
            let other = Self.lines(Array(r.pick(corpus.seeds).text.utf8))
            guard !other.isEmpty else { return s }
            let a = r.below(other.count), n = r.inRange(1, 6)
            lines.insert(contentsOf: other[a..<min(other.count, a + n)], at: r.below(lines.count + 1))
        case .indent:
            guard !lines.isEmpty else { return s }
            let i = r.below(lines.count)
            switch r.below(4) {
            case 0: lines[i] = Array(lines[i].drop { $0 == 0x20 || $0 == 0x09 })
            case 1: lines[i] = [UInt8](repeating: 0x20, count: r.inRange(1, 8)) + lines[i]
            case 2: lines[i] = [0x09] + lines[i]
            default: lines[i] = Array(lines[i].dropFirst(r.inRange(1, 4)))
            }
        case .truncate:
            guard !s.isEmpty else { return s }
            return Array(s.prefix(r.below(s.count)))
        case .randomBytes:
            var out = s
            let at = r.below(s.count + 1)
            let bytes = (0..<r.inRange(1, 8)).map { _ in UInt8(truncatingIfNeeded: r.next()) }
            out.insert(contentsOf: bytes, at: at)
            return out
        case .oddCharacters:
            var out = s
            let odd = r.pick(["\u{FEFF}", "\u{2028}", "\r", "\u{0C}", "\t", "\u{0}", "\u{200B}", "\u{0301}", "é", "\\\n", "\r\n", "\u{1B}[2J", "\u{10FFFF}", "𝕏", "\u{85}"])
            out.insert(contentsOf: Array(odd.utf8), at: r.below(s.count + 1))
            return out
        case .deleteRange:
            guard !s.isEmpty else { return s }
            let a = r.below(s.count)
            let b = min(s.count, a + r.inRange(1, 40))
            return Array(s[..<a] + s[b...])
        case .replaceToken, .deleteToken, .duplicateToken, .numberEdge, .stringEdge, .renameEverywhere, .insertKeyword:
            return mutateToken(kind, s, &r, &prelude)
        }
        return lines.flatMap { $0 }
    }

    /// Lines with their line feeds.
    static func lines(_ s: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var current: [UInt8] = []
        for b in s {
            current.append(b)
            if b == 0x0A {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    func mutateToken(_ kind: Kind, _ s: [UInt8], _ r: inout FuzzRandom, _ prelude: inout Prelude) -> [UInt8] {
        let tokens = Tokenizer.tokens(s)
        let solid = tokens.filter { $0.kind != .space && $0.kind != .newline && $0.kind != .comment }
        guard !solid.isEmpty else { return s }
        func pickToken(_ kinds: [Tokenizer.Kind]) -> Tokenizer.Token? {
            let matching = solid.filter { kinds.contains($0.kind) }
            return matching.isEmpty ? nil : r.pick(matching)
        }
        func replaced(_ t: Tokenizer.Token, _ with: [UInt8]) -> [UInt8] { Array(s[..<t.range.lowerBound]) + with + Array(s[t.range.upperBound...]) }
        switch kind {
        case .deleteToken:
            return replaced(r.pick(solid), [])
        case .duplicateToken:
            let t = r.pick(solid)
            return replaced(t, Array(s[t.range]) + [0x20] + Array(s[t.range]))
        case .numberEdge:
            guard let t = pickToken([.number]) ?? pickToken([.name]) else { return s }
            return replaced(t, Array(("(" + EdgeValues.number(&r) + ")").utf8))
        case .stringEdge:
            guard let t = pickToken([.string]) ?? pickToken([.name]) else { return s }
            let v = r.chance(0.7) ? r.pick(EdgeValues.strings) : EdgeValues.any(&r, &prelude)
            return replaced(t, Array(("(" + v + ")").utf8))
        case .renameEverywhere:
            guard let t = pickToken([.name]) else { return s }
            let old = Array(s[t.range])
            let new = Array(r.pick(solid.filter { $0.kind == .name }.map { String(decoding: s[$0.range], as: UTF8.self) } + Self.keywords).utf8)
            var out: [UInt8] = []
            for tok in tokens { out += tok.kind == .name && Array(s[tok.range]) == old ? new : Array(s[tok.range]) }
            return out
        case .insertKeyword:
            let t = r.pick(solid)
            let word = r.pick(["await ", "yield ", "return ", "lambda: ", "async ", "not ", "*", "**", "-", "~", "del ", "global x; ", "nonlocal x; ", "raise ", "import ", "(", "[", "{", ")", "]", "}"])
            return replaced(t, Array(word.utf8) + Array(s[t.range]))
        default:
            let t = r.pick(solid)
            let replacement: String
            switch r.below(6) {
            case 0: replacement = String(decoding: s[r.pick(solid).range], as: UTF8.self)
            case 1: replacement = r.pick(Self.keywords)
            case 2: replacement = r.pick(Self.punctuation + Operators.binary)
            case 3: replacement = calls.surface.builtins.isEmpty ? "len" : r.pick(calls.surface.builtins)
            case 4: replacement = EdgeValues.any(&r, &prelude)
            default: replacement = r.pick(EdgeValues.ints)
            }
            return replaced(t, Array(replacement.utf8))
        }
    }
}
