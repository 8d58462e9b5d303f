/// A parsed pattern compiled to the instructions of a backtracking machine, as CPython's
/// `Lib/re/_compiler.py` compiles for `_sre`. The instructions differ from `_sre`'s opcodes
/// (this machine keeps its choice points on an explicit stack, so no pattern or subject can
/// overflow the Swift stack), but the matching order is `_sre`'s: alternatives left to right,
/// greedy repeats longest first, lazy shortest first, and a repeat stops iterating on an empty
/// match once its minimum is met (sre_lib.h's MAX_UNTIL/MIN_UNTIL "zero-width match
/// protection").
///
/// Pure: no interpreter, no I/O.

enum RegexInstruction {
    /// One character: a literal, `.`, a set.
    case char(RegexCharTest)
    /// A repeat of one character test, without captures inside: matched as a run (the
    /// common `.*`, `\d+`, `[^,]*?`), backtracking a count rather than a choice per character.
    case charRun(RegexCharTest, min: Int, max: Int, RegexRepeatKind)
    case anchor(RegexAnchor)
    /// Capture slot `n` (group g's start is 2g, its end 2g+1) takes the position.
    case save(Int)
    /// Try `next` first, then `alternative`.
    case split(next: Int, alternative: Int)
    case jump(Int)
    /// A general repeat: counter register `r` starts at 0.
    case repeatStart(register: Int)
    /// The loop head of a general repeat: iterate into `body` or leave to `exit`.
    case repeatLoop(register: Int, min: Int, max: Int, lazy: Bool, body: Int, exit: Int)
    case groupRef(Int, ignoreCase: Bool)
    /// A sub-program run on its own: lookahead, lookbehind (stepping back `width`), atomic.
    case lookaround(program: Int, behind: Bool, negated: Bool, width: Int)
    case atomic(program: Int)
    /// Continue if group `g` matched, else jump.
    case groupExists(Int, otherwise: Int)
    case succeed
}

/// A test of one character.
enum RegexCharTest {
    case literal(UInt32)
    case literalIgnoringCase(UInt32)
    case any
    case anyButNewline
    case set(RegexCharSet)

    @inline(__always)
    func matches(_ c: UInt32) -> Bool {
        switch self {
        case .literal(let v): return c == v
        case .literalIgnoringCase(let v): return c == v || RegexCase.lower(c) == v || RegexCase.upper(c) == RegexCase.upper(v)
        case .any: return true
        case .anyButNewline: return c != 0x0A
        case .set(let s): return s.matches(c)
        }
    }
}

/// A character set: items, negation, case folding (`_compiler.py`'s `_optimize_charset` keeps
/// the same meaning; this keeps the items).
final class RegexCharSet {
    let items: [RegexSetItem]
    let negated: Bool
    let ignoreCase: Bool
    /// ASCII members as a bitmap, for speed.
    private var ascii: (UInt64, UInt64) = (0, 0)

    init(items: [RegexSetItem], negated: Bool, ignoreCase: Bool) {
        self.items = items
        self.negated = negated
        self.ignoreCase = ignoreCase
        var lo: UInt64 = 0, hi: UInt64 = 0
        for c in UInt32(0)..<128 where rawContains(c) || (ignoreCase && (rawContains(RegexCase.lower(c)) || rawContains(RegexCase.upper(c)))) {
            if c < 64 { lo |= 1 << UInt64(c) } else { hi |= 1 << UInt64(c - 64) }
        }
        ascii = (lo, hi)
    }

    private func rawContains(_ c: UInt32) -> Bool {
        for item in items {
            switch item {
            case .literal(let v): if c == v { return true }
            case .range(let a, let b): if a <= c && c <= b { return true }
            case .category(let cat): if RegexCase.inCategory(c, cat) { return true }
            }
        }
        return false
    }

    @inline(__always)
    func matches(_ c: UInt32) -> Bool {
        let inSet: Bool
        if c < 64 { inSet = ascii.0 & (1 << UInt64(c)) != 0 }
        else if c < 128 { inSet = ascii.1 & (1 << UInt64(c - 64)) != 0 }
        else {
            inSet = rawContains(c) || (ignoreCase && (rawContains(RegexCase.lower(c)) || rawContains(RegexCase.upper(c))))
        }
        return inSet != negated
    }
}

/// Unicode character classes as `_sre` tests them (`sre_category`, `sre_lower_unicode`…).
enum RegexCase {
    static func lower(_ c: UInt32) -> UInt32 {
        if c < 128 { return (0x41...0x5A).contains(c) ? c + 32 : c }
        guard let s = Unicode.Scalar(c) else { return c }
        let m = s.properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? m.first!.value : c
    }

    static func upper(_ c: UInt32) -> UInt32 {
        if c < 128 { return (0x61...0x7A).contains(c) ? c - 32 : c }
        guard let s = Unicode.Scalar(c) else { return c }
        let m = s.properties.uppercaseMapping.unicodeScalars
        return m.count == 1 ? m.first!.value : c
    }

    /// `\s`, `\d`, `\w` (SRE_UNI_IS_SPACE, _DIGIT, _WORD: alphanumeric or '_').
    static func isSpace(_ c: UInt32) -> Bool { UnicodeClass.isSpace(c) }
    static func isDecimal(_ c: UInt32) -> Bool { UnicodeClass.isDecimal(c) }
    static func isWord(_ c: UInt32) -> Bool { c == 0x5F || UnicodeClass.isAlnum(c) }

    static func isASCIIWord(_ c: UInt32) -> Bool { c < 128 && isWord(c) }

    static func inCategory(_ c: UInt32, _ cat: RegexCategory) -> Bool {
        let r: Bool
        switch cat.kind {
        case .digit: r = cat.ascii ? (0x30...0x39).contains(c) : isDecimal(c)
        case .space: r = cat.ascii ? (c == 0x20 || (0x09...0x0D).contains(c)) : isSpace(c)
        case .word: r = cat.ascii ? isASCIIWord(c) : isWord(c)
        }
        return r != cat.negated
    }
}

/// A compiled pattern: the main program and the sub-programs of lookarounds and atomic groups.
struct RegexProgram {
    var programs: [[RegexInstruction]] = [[]]
    var registers = 0
    var groups = 0

    /// Compiles a parsed pattern (`_compiler.compile`).
    static func compile(_ parsed: ParsedRegex) -> RegexProgram {
        var p = RegexProgram()
        p.groups = parsed.groups
        var main: [RegexInstruction] = []
        p.emit(parsed.nodes, into: &main)
        main.append(.succeed)
        p.programs[0] = main
        return p
    }

    private mutating func subProgram(_ nodes: [RegexNode]) -> Int {
        var code: [RegexInstruction] = []
        emit(nodes, into: &code)
        code.append(.succeed)
        programs.append(code)
        return programs.count - 1
    }

    private mutating func emit(_ nodes: [RegexNode], into code: inout [RegexInstruction]) {
        for n in nodes { emit(n, into: &code) }
    }

    private static func charTest(_ n: RegexNode) -> RegexCharTest? {
        switch n {
        case .literal(let c, let ic):
            if ic, RegexCase.lower(c) != c || RegexCase.upper(c) != c { return .literalIgnoringCase(RegexCase.lower(c)) }
            return .literal(c)
        case .any(let all): return all ? .any : .anyButNewline
        case .set(let items, let neg, let ic): return .set(RegexCharSet(items: items, negated: neg, ignoreCase: ic))
        default: return nil
        }
    }

    private mutating func emit(_ n: RegexNode, into code: inout [RegexInstruction]) {
        if let t = Self.charTest(n) {
            code.append(.char(t))
            return
        }
        switch n {
        case .literal, .any, .set: break
        case .anchor(let a): code.append(.anchor(a))
        case .branch(let alternatives):
            // split L1, next; L1: alt1; jump end; next: split …
            var jumps: [Int] = []
            for (k, alt) in alternatives.enumerated() {
                if k < alternatives.count - 1 {
                    let split = code.count
                    code.append(.split(next: split + 1, alternative: -1))
                    emit(alt, into: &code)
                    jumps.append(code.count)
                    code.append(.jump(-1))
                    code[split] = .split(next: split + 1, alternative: code.count)
                } else {
                    emit(alt, into: &code)
                }
            }
            for j in jumps { code[j] = .jump(code.count) }
        case .group(let g, let body):
            if let g { code.append(.save(2 * g)) }
            emit(body, into: &code)
            if let g { code.append(.save(2 * g + 1)) }
        case .repeatNode(let mn, let mx, let kind, let body):
            let maxCount = mx ?? Int.max
            if body.count == 1, let t = Self.charTest(body[0]) {
                code.append(.charRun(t, min: mn, max: maxCount, kind))
                return
            }
            if kind == .possessive {
                let sub = subProgram([.repeatNode(min: mn, max: mx, .greedy, body)])
                code.append(.atomic(program: sub))
                return
            }
            let r = registers
            registers += 1
            code.append(.repeatStart(register: r))
            let head = code.count
            code.append(.jump(-1))  // patched below
            emit(body, into: &code)
            code.append(.jump(head))
            code[head] = .repeatLoop(register: r, min: mn, max: maxCount, lazy: kind == .lazy, body: head + 1, exit: code.count)
        case .groupRef(let g, let ic): code.append(.groupRef(g, ignoreCase: ic))
        case .lookaround(let behind, let negated, let body):
            let width = RegexParser.width(body).0
            let sub = subProgram(body)
            code.append(.lookaround(program: sub, behind: behind, negated: negated, width: width))
        case .atomic(let body):
            code.append(.atomic(program: subProgram(body)))
        case .groupExists(let g, let yes, let no):
            let test = code.count
            code.append(.groupExists(g, otherwise: -1))
            emit(yes, into: &code)
            let skip = code.count
            code.append(.jump(-1))
            code[test] = .groupExists(g, otherwise: code.count)
            emit(no, into: &code)
            code[skip] = .jump(code.count)
        }
    }
}
