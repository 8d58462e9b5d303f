/// The syntax of Python's regular expressions, parsed as CPython's `Lib/re/_parser.py` parses
/// them: the same grammar, the same rules for escapes, repeats, groups and inline flags, and the
/// same error messages at the same positions. The tree it builds is compiled by
/// RegexProgram.swift and run by RegexMatcher.swift (CPython's `_compiler.py` and `_sre`).
///
/// Pure: no interpreter, no I/O. Positions are code-point offsets into the pattern.

/// A pattern error (`re.PatternError`): the message and the position `_parser.py` reports.
struct RegexSyntaxError: Error {
    var message: String
    var position: Int?
    /// `OverflowError` rather than `re.error` ("the repetition number is too large").
    var overflow = false
    /// `RecursionError` (a pattern nested past the parser's depth).
    var recursion = false
}

/// The inline and compile flags, with `re`'s values (`_constants.py`).
struct RegexFlags: OptionSet, Hashable {
    let rawValue: Int
    static let ignoreCase = RegexFlags(rawValue: 2)
    static let locale = RegexFlags(rawValue: 4)
    static let multiline = RegexFlags(rawValue: 8)
    static let dotAll = RegexFlags(rawValue: 16)
    static let unicode = RegexFlags(rawValue: 32)
    static let verbose = RegexFlags(rawValue: 64)
    static let debug = RegexFlags(rawValue: 128)
    static let ascii = RegexFlags(rawValue: 256)
}

/// `\d`, `\s`, `\w` and their negations; `ascii` under `re.ASCII`.
struct RegexCategory: Hashable {
    enum Kind { case digit, space, word }
    var kind: Kind
    var negated: Bool
    var ascii: Bool
}

enum RegexSetItem: Hashable {
    case literal(UInt32)
    case range(UInt32, UInt32)
    case category(RegexCategory)
}

/// `_constants.py`'s AT codes, resolved against the flags in force.
enum RegexAnchor: Hashable {
    case beginning, beginningLine, beginningString
    case end, endLine, endString
    case boundary(ascii: Bool), nonBoundary(ascii: Bool)
}

enum RegexRepeatKind { case greedy, lazy, possessive }

/// One item of a parsed pattern (`_parser.py`'s SubPattern entries). Flags scoped by `(?i:…)`
/// are already applied to the items they govern.
indirect enum RegexNode {
    case literal(UInt32, ignoreCase: Bool)
    case any(dotAll: Bool)
    case set([RegexSetItem], negated: Bool, ignoreCase: Bool)
    case anchor(RegexAnchor)
    case branch([[RegexNode]])
    /// A group: capturing with its number, or not (`(?:…)`, scoped flags).
    case group(Int?, [RegexNode])
    case repeatNode(min: Int, max: Int?, RegexRepeatKind, [RegexNode])
    case groupRef(Int, ignoreCase: Bool)
    case lookaround(behind: Bool, negated: Bool, [RegexNode])
    case groupExists(Int, yes: [RegexNode], no: [RegexNode])
    case atomic([RegexNode])
}

/// A parsed pattern: the items, the number of groups, the names.
struct ParsedRegex {
    var nodes: [RegexNode]
    var groups: Int
    var groupNames: [(String, Int)]
    var flags: RegexFlags
}

/// `_parser.py`'s MAXREPEAT and MAXGROUPS.
let regexMaxRepeat = 4_294_967_295
private let regexMaxGroups = 1_073_741_823
/// Nesting past this depth is a RecursionError, where CPython's recursive parser runs out of
/// stack; ctxlab's own parser stops well before its stack would.
private let regexMaxDepth = 400

struct RegexParser {
    private let s: [UInt32]
    private var i = 0
    private var flags: RegexFlags
    private var groupNames: [(String, Int)] = []
    private var groupCount = 0
    private var openGroups: Set<Int> = []
    private var lookbehindGroups: Int?
    private var depth = 0
    /// Conditional references to groups not yet defined, and where (`state.grouprefpos`).
    private var conditionalReferences: [Int: Int] = [:]

    /// `_parser.parse(str, flags)`.
    static func parse(_ pattern: [UInt32], flags: RegexFlags) throws -> ParsedRegex {
        var p = RegexParser(s: pattern, flags: flags)
        var nodes = try p.parseSub(nested: 0)
        // Global flags found in the pattern may require parsing again (verbose found late is
        // an error in 3.11+, so only the flags themselves change).
        if p.flags.contains(.verbose) && !flags.contains(.verbose) {
            p = RegexParser(s: pattern, flags: p.flags)
            nodes = try p.parseSub(nested: 0)
        }
        if p.i < p.s.count {
            if p.s[p.i] == 0x29 { throw RegexSyntaxError(message: "unbalanced parenthesis", position: p.i) }
            throw RegexSyntaxError(message: "internal error in regular expression parser", position: p.i)
        }
        if let (g, pos) = p.conditionalReferences.filter({ $0.key > p.groupCount }).min(by: { $0.value < $1.value }) {
            throw RegexSyntaxError(message: "invalid group reference \(g)", position: pos)
        }
        var f = p.flags
        if !f.contains(.ascii) && !f.contains(.locale) { f.insert(.unicode) }
        return ParsedRegex(nodes: nodes, groups: p.groupCount, groupNames: p.groupNames, flags: f)
    }

    private init(s: [UInt32], flags: RegexFlags) {
        self.s = s
        self.flags = flags
    }

    // MARK: the source (_parser.py's Tokenizer)

    private var atEnd: Bool { i >= s.count }
    private func peek(_ k: Int = 0) -> UInt32? { i + k < s.count ? s[i + k] : nil }
    private mutating func take(_ c: Character) -> Bool {
        if let n = peek(), n == c.unicodeScalars.first!.value { i += 1; return true }
        return false
    }
    private static func text(_ cs: ArraySlice<UInt32>) -> String {
        String(String.UnicodeScalarView(cs.compactMap(Unicode.Scalar.init)))
    }
    private static func char(_ c: UInt32) -> String { text([c][...]) }
    private func err(_ m: String, _ pos: Int) -> RegexSyntaxError { RegexSyntaxError(message: m, position: pos) }

    private var verbose: Bool { flags.contains(.verbose) }
    private var ignoreCase: Bool { flags.contains(.ignoreCase) }

    // MARK: the grammar

    /// `_parse_sub`: alternatives separated by `|`.
    private mutating func parseSub(nested: Int) throws -> [RegexNode] {
        depth += 1
        defer { depth -= 1 }
        if depth > regexMaxDepth { throw RegexSyntaxError(message: "maximum recursion depth exceeded", position: nil, recursion: true) }
        var branches: [[RegexNode]] = []
        while true {
            branches.append(try parseSequence(nested: nested))
            if !take("|") { break }
        }
        if branches.count == 1 { return branches[0] }
        return [.branch(branches)]
    }

    /// `_parse`: one alternative, up to `|`, `)` or the end.
    private mutating func parseSequence(nested: Int) throws -> [RegexNode] {
        var items: [RegexNode] = []
        while let c = peek() {
            if c == 0x7C || c == 0x29 { break }  // | )
            let here = i
            i += 1
            if verbose {
                if isVerboseSpace(c) { continue }
                if c == 0x23 {  // # comment to the end of the line
                    while let n = peek(), n != 0x0A { i += 1 }
                    continue
                }
            }
            switch c {
            case 0x5C:  // backslash
                items.append(try parseEscape(start: here))
            case 0x5B:  // [
                items.append(try parseSet(start: here))
            case 0x2A, 0x2B, 0x3F, 0x7B:  // * + ? {
                var minR = 0, maxR: Int? = nil
                if c == 0x2B { minR = 1 }
                else if c == 0x3F { maxR = 1 }
                else if c == 0x7B {
                    guard let (lo, hi) = try parseBraces() else {
                        i = here + 1
                        items.append(.literal(c, ignoreCase: ignoreCase))
                        continue
                    }
                    minR = lo; maxR = hi
                }
                guard let last = items.last else { throw err("nothing to repeat", here) }
                switch last {
                case .anchor: throw err("nothing to repeat", here)
                case .repeatNode: throw err("multiple repeat", here)
                default: break
                }
                if case .group(nil, let inner) = last, inner.isEmpty { throw err("nothing to repeat", here) }
                var kind = RegexRepeatKind.greedy
                if take("?") { kind = .lazy } else if take("+") { kind = .possessive }
                let body: [RegexNode]
                if case .group(nil, let inner) = last { body = inner } else { body = [last] }
                items[items.count - 1] = .repeatNode(min: minR, max: maxR, kind, body)
            case 0x2E:  // .
                items.append(.any(dotAll: flags.contains(.dotAll)))
            case 0x28:  // (
                if let node = try parseGroup(start: here, nested: nested) { items.append(node) }
            case 0x5E:  // ^
                items.append(.anchor(flags.contains(.multiline) ? .beginningLine : .beginning))
            case 0x24:  // $
                items.append(.anchor(flags.contains(.multiline) ? .endLine : .end))
            default:
                items.append(.literal(c, ignoreCase: ignoreCase))
            }
        }
        return items
    }

    private func isVerboseSpace(_ c: UInt32) -> Bool {
        c == 0x20 || (0x09...0x0D).contains(c)
    }

    /// `{m,n}` after an item: nil when the braces are not a repeat (then they are literal).
    private mutating func parseBraces() throws -> (Int, Int?)? {
        let start = i - 1
        var lo = "", hi = ""
        while let c = peek(), (0x30...0x39).contains(c) { lo.unicodeScalars.append(Unicode.Scalar(c)!); i += 1 }
        var sawComma = false
        if take(",") {
            sawComma = true
            while let c = peek(), (0x30...0x39).contains(c) { hi.unicodeScalars.append(Unicode.Scalar(c)!); i += 1 }
        } else {
            hi = lo
        }
        guard take("}") else { return nil }
        if lo.isEmpty && !sawComma { return nil }
        func number(_ t: String) throws -> Int {
            guard t.count < 12, let n = Int(t), n < regexMaxRepeat else {
                throw RegexSyntaxError(message: "the repetition number is too large", position: nil, overflow: true)
            }
            return n
        }
        let minR = lo.isEmpty ? 0 : try number(lo)
        let maxR: Int? = hi.isEmpty ? nil : try number(hi)
        if let m = maxR, m < minR { throw err("min repeat greater than max repeat", start + 1) }
        return (minR, maxR)
    }

    // MARK: escapes (_parser.py's _escape and _class_escape)

    private enum Escaped {
        case char(UInt32)
        case category(RegexCategory)
        case node(RegexNode)
    }

    /// An escape outside a set.
    private mutating func parseEscape(start: Int) throws -> RegexNode {
        switch try escape(start: start, inSet: false) {
        case .char(let c): return .literal(c, ignoreCase: ignoreCase)
        case .category(let cat): return .set([.category(cat)], negated: false, ignoreCase: false)
        case .node(let n): return n
        }
    }

    private mutating func escape(start: Int, inSet: Bool) throws -> Escaped {
        guard let c = peek() else { throw err("bad escape (end of pattern)", start) }
        i += 1
        let ascii = flags.contains(.ascii)
        switch Unicode.Scalar(c).map(Character.init) ?? "\0" {
        case "d": return .category(RegexCategory(kind: .digit, negated: false, ascii: ascii))
        case "D": return .category(RegexCategory(kind: .digit, negated: true, ascii: ascii))
        case "s": return .category(RegexCategory(kind: .space, negated: false, ascii: ascii))
        case "S": return .category(RegexCategory(kind: .space, negated: true, ascii: ascii))
        case "w": return .category(RegexCategory(kind: .word, negated: false, ascii: ascii))
        case "W": return .category(RegexCategory(kind: .word, negated: true, ascii: ascii))
        case "a": return .char(7)
        case "f": return .char(12)
        case "n": return .char(10)
        case "r": return .char(13)
        case "t": return .char(9)
        case "v": return .char(11)
        case "\\": return .char(0x5C)
        case "b":
            if inSet { return .char(8) }
            return .node(.anchor(.boundary(ascii: ascii)))
        case "B" where !inSet: return .node(.anchor(.nonBoundary(ascii: ascii)))
        case "A" where !inSet: return .node(.anchor(.beginningString))
        case "Z" where !inSet: return .node(.anchor(.endString))
        case "x":
            return .char(try hexDigits(2, start: start, letter: "x"))
        case "u":
            return .char(try hexDigits(4, start: start, letter: "u"))
        case "U":
            let v = try hexDigits(8, start: start, letter: "U")
            if v > 0x10FFFF { throw err("bad escape \\U\(Self.text(s[(start + 2)..<i]))", start) }
            return .char(v)
        case "N":
            guard take("{") else { throw err("missing {", i) }
            let nameStart = i
            while let n = peek(), n != 0x7D { i += 1 }
            guard take("}") else { throw err("missing }, unterminated name", nameStart) }
            let name = Self.text(s[nameStart..<(i - 1)])
            guard let v = UnicodeNames.lookup(name)?.value else {
                throw err("undefined character name '\(name)'", start)
            }
            return .char(v)
        case "0":
            var v: UInt32 = 0
            var n = 0
            while n < 2, let d = peek(), (0x30...0x37).contains(d) { v = v * 8 + (d - 0x30); i += 1; n += 1 }
            return .char(v)
        case "1"..."9":
            // Octal with three digits, else (outside a set) a group reference.
            if let d1 = peek(), (0x30...0x39).contains(d1) {
                if (0x30...0x37).contains(c), (0x30...0x37).contains(d1), let d2 = peek(1), (0x30...0x37).contains(d2) {
                    i += 2
                    let v = (c - 0x30) * 64 + (d1 - 0x30) * 8 + (d2 - 0x30)
                    if v > 0o377 {
                        throw err("octal escape value \\\(Self.text(s[(start + 1)..<i])) outside of range 0-0o377", start)
                    }
                    return .char(v)
                }
                if !inSet { i += 1 }
            }
            if inSet { throw err("bad escape \\\(Self.char(c))", start) }
            let n = Int(Self.text(s[(start + 1)..<i]))!
            guard n <= groupCount, !openGroups.contains(n) else {
                if openGroups.contains(n) { throw err("cannot refer to an open group", start) }
                throw err("invalid group reference \(n)", start + 1)
            }
            try checkLookbehindReference(n, start)
            return .node(.groupRef(n, ignoreCase: ignoreCase))
        default:
            if c < 0x80, let sc = Unicode.Scalar(c), sc.properties.isAlphabetic || (0x30...0x39).contains(c) {
                throw err("bad escape \\\(Self.char(c))", start)
            }
            return .char(c)
        }
    }

    private mutating func hexDigits(_ n: Int, start: Int, letter: String) throws -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<n {
            guard let d = peek(), let h = hexValue(d) else {
                throw err("incomplete escape \\\(letter)\(Self.text(s[(start + 2)..<(start + 2 + k)]))", start)
            }
            v = v * 16 + h
            i += 1
        }
        return v
    }

    private func hexValue(_ d: UInt32) -> UInt32? {
        switch d {
        case 0x30...0x39: return d - 0x30
        case 0x41...0x46: return d - 0x41 + 10
        case 0x61...0x66: return d - 0x61 + 10
        default: return nil
        }
    }

    // MARK: sets

    /// `[...]` (the position `start` is the `[`).
    private mutating func parseSet(start: Int) throws -> RegexNode {
        var items: [RegexSetItem] = []
        let negated = take("^")
        var first = true
        while true {
            guard let c = peek() else { throw err("unterminated character set", start) }
            let here = i
            i += 1
            if c == 0x5D && !first { break }  // ]
            first = false
            let (code1, isCategory) = try setMember(c, at: here)
            // A range?
            if peek() == 0x2D, let after = peek(1), after != 0x5D {
                i += 1
                let hereTo = i
                i += 1
                let (code2, cat2) = try setMember(after, at: hereTo)
                if isCategory != nil || cat2 != nil {
                    throw err("bad character range \(Self.text(s[here..<i]))", here)
                }
                if code2 < code1 {
                    throw err("bad character range \(Self.text(s[here..<i]))", here)
                }
                items.append(.range(code1, code2))
            } else if let cat = isCategory {
                items.append(.category(cat))
            } else {
                items.append(.literal(code1))
            }
        }
        if !negated, items.count == 1, case .literal(let v) = items[0] { return .literal(v, ignoreCase: ignoreCase) }
        return .set(items, negated: negated, ignoreCase: ignoreCase)
    }

    /// One member of a set, `c` read at `here`: a character, or (after a backslash) an escape
    /// or a category (`_parser.py`'s `_class_escape`).
    private mutating func setMember(_ c: UInt32, at here: Int) throws -> (UInt32, RegexCategory?) {
        guard c == 0x5C else { return (c, nil) }
        switch try escape(start: here, inSet: true) {
        case .char(let v): return (v, nil)
        case .category(let cat): return (0, cat)
        case .node: throw err("bad escape", here)
        }
    }

    // MARK: groups

    /// After `(`: a group, an extension, a comment (nil), or inline global flags (nil).
    private mutating func parseGroup(start: Int, nested: Int) throws -> RegexNode? {
        var capture = true
        var name: String? = nil
        var scoped: (add: RegexFlags, remove: RegexFlags)? = nil
        if take("?") {
            guard let c = peek() else { throw err("unexpected end of pattern", i) }
            i += 1
            switch c {
            case 0x50:  // P
                if take("<") {
                    name = try groupName(terminator: 0x3E)
                    if let prior = groupNames.first(where: { $0.0 == name! }) {
                        throw err("redefinition of group name '\(name!)' as group \(groupCount + 1); was group \(prior.1)", i - 1 - name!.unicodeScalars.count)
                    }
                } else if take("=") {
                    let nameStart = i
                    let n = try groupName(terminator: 0x29)
                    guard let g = groupNames.first(where: { $0.0 == n })?.1 else {
                        throw err("unknown group name '\(n)'", nameStart)
                    }
                    if openGroups.contains(g) { throw err("cannot refer to an open group", nameStart) }
                    try checkLookbehindReference(g, nameStart)
                    return .groupRef(g, ignoreCase: ignoreCase)
                } else {
                    guard let n = peek() else { throw err("unexpected end of pattern", i) }
                    throw err("unknown extension ?P\(Self.char(n))", i - 1)
                }
            case 0x3A:  // :
                capture = false
            case 0x23:  // #
                while let n = peek(), n != 0x29 { i += 1 }
                guard take(")") else { throw err("missing ), unterminated comment", start) }
                return nil
            case 0x3D, 0x21:  // = !
                let body = try parseSub(nested: nested + 1)
                guard take(")") else { throw err("missing ), unterminated subpattern", start) }
                return .lookaround(behind: false, negated: c == 0x21, body)
            case 0x3C:  // <
                guard let n = peek() else { throw err("unexpected end of pattern", i) }
                i += 1
                guard n == 0x3D || n == 0x21 else { throw err("unknown extension ?<\(Self.char(n))", start + 1) }
                let outer = lookbehindGroups
                if lookbehindGroups == nil { lookbehindGroups = groupCount }
                let body = try parseSub(nested: nested + 1)
                if outer == nil { lookbehindGroups = nil }
                guard take(")") else { throw err("missing ), unterminated subpattern", start) }
                let (lo, hi) = Self.width(body)
                guard lo == hi else { throw RegexSyntaxError(message: "look-behind requires fixed-width pattern", position: nil) }
                // _compiler.py: a width past MAXCODE.
                guard lo < regexMaxRepeat else { throw RegexSyntaxError(message: "looks too much behind", position: nil) }
                return .lookaround(behind: true, negated: n == 0x21, body)
            case 0x28:  // ( conditional
                let condStart = i
                while let n = peek(), n != 0x29 { i += 1 }
                let condName = Self.text(s[condStart..<i])
                guard take(")") else { throw err("missing ), unterminated name", condStart) }
                if condName.isEmpty { throw err("missing group name", condStart) }
                let g: Int
                if let named = groupNames.first(where: { $0.0 == condName }) {
                    g = named.1
                } else if condName.allSatisfy(\.isASCII), condName.allSatisfy(\.isNumber), let n = Int(condName) {
                    if n == 0 { throw err("bad group number", condStart) }
                    guard n < regexMaxGroups else { throw err("invalid group reference \(n)", condStart) }
                    // A later group may be named: checked when the pattern is parsed (grouprefpos).
                    if n > groupCount && conditionalReferences[n] == nil { conditionalReferences[n] = condStart }
                    g = n
                } else if Self.isIdentifier(condName) {
                    throw err("unknown group name '\(condName)'", condStart)
                } else {
                    throw err("bad character in group name '\(condName)'", condStart)
                }
                try checkLookbehindReference(g, condStart)
                let yes = try parseSequence(nested: nested + 1)
                var no: [RegexNode] = []
                if take("|") {
                    no = try parseSequence(nested: nested + 1)
                    if peek() == 0x7C { throw err("conditional backref with more than two branches", i) }
                }
                guard take(")") else { throw err("missing ), unterminated subpattern", start) }
                return .groupExists(g, yes: yes, no: no)
            case 0x3E:  // > atomic
                let body = try parseSub(nested: nested + 1)
                guard take(")") else { throw err("missing ), unterminated subpattern", start) }
                return .atomic(body)
            default:
                if Self.flagOf(c) != nil || c == 0x2D {
                    i -= 1
                    let (add, remove, global) = try parseFlags()
                    if global {
                        if start != 0 || nested > 0 {
                            throw err("global flags not at the start of the expression", start)
                        }
                        flags.formUnion(add)
                        return nil
                    }
                    scoped = (add, remove)
                    capture = false
                } else {
                    throw err("unknown extension ?\(Self.char(c))", start + 1)
                }
            }
        }
        var group: Int? = nil
        if capture {
            groupCount += 1
            if groupCount >= regexMaxGroups { throw err("too many groups", start) }
            group = groupCount
            if let name { groupNames.append((name, groupCount)) }
            openGroups.insert(groupCount)
        }
        let saved = flags
        if let scoped { flags = flags.union(scoped.add).subtracting(scoped.remove) }
        let body = try parseSub(nested: nested + 1)
        flags = saved
        guard take(")") else { throw err("missing ), unterminated subpattern", start) }
        if let group { openGroups.remove(group) }
        return .group(group, body)
    }

    private static func isIdentifier(_ t: String) -> Bool {
        guard let f = t.unicodeScalars.first, f.properties.isXIDStart || f == "_" else { return false }
        return t.unicodeScalars.allSatisfy { $0.properties.isXIDContinue }
    }

    private mutating func groupName(terminator: UInt32) throws -> String {
        let nameStart = i
        while let n = peek(), n != terminator { i += 1 }
        let name = Self.text(s[nameStart..<i])
        guard i < s.count else {
            throw err(terminator == 0x3E ? "missing >, unterminated name" : "missing ), unterminated name", nameStart)
        }
        i += 1
        if name.isEmpty { throw err("missing group name", nameStart) }
        guard Self.isIdentifier(name) else { throw err("bad character in group name '\(name)'", nameStart) }
        return name
    }

    private func checkLookbehindReference(_ g: Int, _ pos: Int) throws {
        if let lb = lookbehindGroups, g > lb {
            throw err("cannot refer to group defined in the same lookbehind subpattern", pos)
        }
    }

    private static func flagOf(_ c: UInt32) -> RegexFlags? {
        switch c {
        case 0x69: return .ignoreCase  // i
        case 0x4C: return .locale  // L
        case 0x6D: return .multiline  // m
        case 0x73: return .dotAll  // s
        case 0x78: return .verbose  // x
        case 0x61: return .ascii  // a
        case 0x75: return .unicode  // u
        default: return nil
        }
    }

    /// `_parse_flags`: `aiLmsux` flags, `-imsx` removed, then `)` (global) or `:` (scoped).
    private mutating func parseFlags() throws -> (RegexFlags, RegexFlags, Bool) {
        var add: RegexFlags = [], remove: RegexFlags = []
        while let c = peek(), let f = Self.flagOf(c) {
            i += 1
            if f == .locale { throw err("bad inline flags: cannot use 'L' flag with a str pattern", i - 1) }
            add.insert(f)
            if add.contains(.ascii) && add.contains(.unicode) {
                throw err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", i - 1)
            }
        }
        if take(")") { return (add, remove, true) }
        if take("-") {
            guard let first = peek(), Self.flagOf(first) != nil else {
                throw err(peek() == nil ? "missing flag" : "unknown flag", i)
            }
            while let c = peek(), let f = Self.flagOf(c) {
                i += 1
                if f == .ascii || f == .unicode || f == .locale {
                    throw err("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", i - 1)
                }
                remove.insert(f)
            }
            if !add.intersection(remove).isEmpty {
                throw err("bad inline flags: flag turned on and off", i)
            }
        }
        guard let c = peek() else { throw err("missing -, : or )", i) }
        guard c == 0x3A else {
            throw err(Self.flagOf(c) == nil && c != 0x29 ? "unknown flag" : "missing :", i)
        }
        i += 1
        return (add, remove, false)
    }

    // MARK: widths (_parser.py's SubPattern.getwidth)

    /// The least and greatest number of characters a sequence matches (nil: unbounded), both
    /// saturating at MAXREPEAT as _parser.py's getwidth caps them (nested repeats of huge
    /// counts must not overflow).
    static func width(_ nodes: [RegexNode]) -> (Int, Int?) {
        var lo = 0
        var hi: Int? = 0
        for n in nodes {
            let (a, b) = width(n)
            lo = saturatingSum(lo, a)
            if let h = hi, let b { hi = saturatingSum(h, b) } else { hi = nil }
        }
        return (lo, hi)
    }

    private static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (r, overflow) = a.addingReportingOverflow(b)
        return overflow ? regexMaxRepeat : min(r, regexMaxRepeat)
    }

    private static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (r, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? regexMaxRepeat : min(r, regexMaxRepeat)
    }

    static func width(_ n: RegexNode) -> (Int, Int?) {
        switch n {
        case .literal, .any, .set: return (1, 1)
        case .anchor, .lookaround: return (0, 0)
        case .branch(let bs):
            let ws = bs.map(width)
            let lo = ws.map(\.0).min() ?? 0
            let his = ws.map(\.1)
            return (lo, his.contains { $0 == nil } ? nil : his.compactMap { $0 }.max() ?? 0)
        case .group(_, let b), .atomic(let b): return width(b)
        case .repeatNode(let mn, let mx, _, let b):
            let (lo, hi) = width(b)
            let h: Int? = (hi != nil && mx != nil) ? saturatingProduct(hi!, mx!) : (hi == 0 ? 0 : nil)
            return (saturatingProduct(lo, mn), h)
        case .groupRef: return (0, nil)
        case .groupExists(_, let y, let no):
            let (a, b) = width(y), (c, d) = width(no)
            return (min(a, c), (b == nil || d == nil) ? nil : max(b!, d!))
        }
    }
}
