/// The backtracking machine that runs a RegexProgram, with `_sre`'s semantics
/// (`Modules/_sre/sre_lib.h`): `match`, `fullmatch` and `search` from `pos` to `endpos`, the
/// anchors against the whole subject (`^` never matches at a `pos` past 0), `lastindex` as the
/// group closed last, and `must_advance` for the scanners of findall/finditer/sub/split (after
/// an empty match, the next may not be empty at the same place).
///
/// Choice points and the undo log of captures live on one explicit stack: no pattern or subject
/// can overflow the Swift stack. The caller's `poll` runs every few thousand steps (Ctrl-C).
/// Pure: no interpreter, no I/O.

struct RegexMatch {
    /// Two slots per group, group 0 first; -1 where a group did not take part.
    var slots: [Int]
    /// The number of the group that closed last, or -1.
    var lastIndex: Int
}

enum RegexMode { case match, fullmatch, search }

/// A subject too big for the machine's stack of choice points.
struct RegexStackExhausted: Error {}

struct RegexMatcher {
    private let program: RegexProgram
    private let s: [UInt32]
    private let end: Int
    private let poll: () throws -> Void
    private var slots: [Int]
    private var counts: [Int]
    private var lasts: [Int]
    private var lastIndex = -1
    private var stack: [Backtrack] = []
    private var steps = 0
    private var fullmatch = false
    private var mustAdvanceFrom: Int? = nil

    private enum Backtrack {
        case choice(pc: Int, pos: Int)
        case slot(Int, Int)
        case register(Int, count: Int, last: Int)
        case lastIndex(Int)
        /// A greedy run of `count` characters from `start`: retry with one fewer.
        case run(pc: Int, start: Int, count: Int, min: Int)
        /// A lazy run: retry with one more.
        case lazyRun(pc: Int, start: Int, count: Int, max: Int)
        /// A lazy general repeat at its loop head `pc`: retry with one more iteration.
        case lazyIterate(pc: Int, pos: Int)

        var isChoice: Bool {
            switch self {
            case .slot, .register, .lastIndex: return false
            default: return true
            }
        }
    }

    /// The most choice points kept at once (about 640 MB).
    private static let stackLimit = 16_000_000

    init(program: RegexProgram, subject: [UInt32], endpos: Int, poll: @escaping () throws -> Void) {
        self.program = program
        self.s = subject
        self.end = max(0, min(endpos, subject.count))
        self.poll = poll
        slots = Array(repeating: -1, count: 2 * (program.groups + 1))
        counts = Array(repeating: 0, count: program.registers)
        lasts = Array(repeating: -1, count: program.registers)
    }

    /// `pattern.match/fullmatch/search(string, pos, endpos)`; `mustAdvance`: an empty match at
    /// `pos` does not count (the scanners' `state->must_advance`).
    mutating func run(_ mode: RegexMode, from pos: Int, mustAdvance: Bool = false) throws -> RegexMatch? {
        fullmatch = mode == .fullmatch
        var start = max(0, pos)
        if start > end { return nil }
        mustAdvanceFrom = mustAdvance ? start : nil
        let firstLiteral: UInt32? = {
            if case .char(.literal(let c)) = program.programs[0].first { return c }
            return nil
        }()
        while true {
            if mode == .search, let c = firstLiteral {
                while start < end && s[start] != c { start += 1 }
                if start >= end { return nil }
            }
            for k in slots.indices { slots[k] = -1 }
            for k in counts.indices { counts[k] = 0; lasts[k] = -1 }
            lastIndex = -1
            stack.removeAll(keepingCapacity: true)
            if let e = try execute(0, at: start) {
                slots[0] = start
                slots[1] = e
                return RegexMatch(slots: slots, lastIndex: lastIndex)
            }
            guard mode == .search, start < end else { return nil }
            start += 1
            mustAdvanceFrom = nil
            try tick(64)
        }
    }

    @inline(__always)
    private mutating func tick(_ cost: Int = 1) throws {
        steps += cost
        if steps >= 65_536 {
            steps = 0
            try poll()
            if stack.count > Self.stackLimit { throw RegexStackExhausted() }
        }
    }

    private mutating func setSlot(_ i: Int, _ v: Int) {
        stack.append(.slot(i, slots[i]))
        slots[i] = v
        if i & 1 == 1 && i > 1 {
            stack.append(.lastIndex(lastIndex))
            lastIndex = i / 2
        }
    }

    private mutating func setRegister(_ r: Int, count: Int, last: Int) {
        stack.append(.register(r, count: counts[r], last: lasts[r]))
        counts[r] = count
        lasts[r] = last
    }

    /// Undoes the stack down to `base`, stopping at the newest choice point above it.
    private mutating func backtrack(to base: Int) -> (Int, Int)? {
        while stack.count > base {
            switch stack.removeLast() {
            case .slot(let i, let v): slots[i] = v
            case .register(let r, let c, let l): counts[r] = c; lasts[r] = l
            case .lastIndex(let v): lastIndex = v
            case .choice(let pc, let pos): return (pc, pos)
            case .run(let pc, let start, let count, let mn):
                let c = count - 1
                if c > mn { stack.append(.run(pc: pc, start: start, count: c, min: mn)) }
                return (pc + 1, start + c)
            case .lazyRun(let pc, let start, let count, let mx):
                let p = start + count
                guard case .charRun(let t, _, _, _) = program.programs[currentProgram][pc], p < end, t.matches(s[p]) else { continue }
                if count + 1 < mx { stack.append(.lazyRun(pc: pc, start: start, count: count + 1, max: mx)) }
                return (pc + 1, p + 1)
            case .lazyIterate(let pc, let pos):
                guard case .repeatLoop(let r, _, _, _, let body, _) = program.programs[currentProgram][pc] else { continue }
                setRegister(r, count: counts[r] + 1, last: pos)
                return (body, pos)
            }
        }
        return nil
    }

    private var currentProgram = 0

    /// Drops the choice points above `base`, keeping the undo entries (an atomic group or a
    /// lookaround that matched: the outer match may still undo its captures).
    private mutating func commit(above base: Int) {
        var k = base
        for j in base..<stack.count where !stack[j].isChoice {
            stack[k] = stack[j]
            k += 1
        }
        stack.removeLast(stack.count - k)
    }

    private func anchorHolds(_ a: RegexAnchor, _ pos: Int) -> Bool {
        switch a {
        case .beginning, .beginningString: return pos == 0
        case .beginningLine: return pos == 0 || s[pos - 1] == 0x0A
        case .end: return pos == end || (pos == end - 1 && s[pos] == 0x0A)
        case .endLine: return pos == end || s[pos] == 0x0A
        case .endString: return pos == end
        case .boundary(let ascii), .nonBoundary(let ascii):
            let before = pos > 0 && (ascii ? RegexCase.isASCIIWord(s[pos - 1]) : RegexCase.isWord(s[pos - 1]))
            let after = pos < end && (ascii ? RegexCase.isASCIIWord(s[pos]) : RegexCase.isWord(s[pos]))
            if case .boundary = a { return end > 0 && before != after }
            return end > 0 && before == after
        }
    }

    /// Runs program `p` from `pos`: its end position, or nil (everything it did undone).
    private mutating func execute(_ p: Int, at startPos: Int) throws -> Int? {
        let code = program.programs[p]
        let outer = currentProgram
        currentProgram = p
        defer { currentProgram = outer }
        let base = stack.count
        var pc = 0
        var pos = startPos
        while true {
            try tick()
            var ok = true
            switch code[pc] {
            case .char(let t):
                if pos < end && t.matches(s[pos]) { pos += 1; pc += 1 } else { ok = false }
            case .charRun(let t, let mn, let mx, let kind):
                if kind == .lazy {
                    var k = 0
                    while k < mn, pos + k < end, t.matches(s[pos + k]) { k += 1 }
                    if k < mn { ok = false; break }
                    if mn < mx { stack.append(.lazyRun(pc: pc, start: pos, count: mn, max: mx)) }
                    pos += mn
                } else {
                    var k = 0
                    let limit = min(mx, end - pos)
                    while k < limit, t.matches(s[pos + k]) {
                        k += 1
                        if k & 0xFFFF == 0 { try poll() }
                    }
                    if k < mn { ok = false; break }
                    if kind == .greedy && k > mn { stack.append(.run(pc: pc, start: pos, count: k, min: mn)) }
                    pos += k
                }
                pc += 1
            case .anchor(let a):
                if anchorHolds(a, pos) { pc += 1 } else { ok = false }
            case .save(let n):
                setSlot(n, pos)
                pc += 1
            case .split(let next, let alternative):
                stack.append(.choice(pc: alternative, pos: pos))
                pc = next
            case .jump(let target):
                pc = target
            case .repeatStart(let r):
                setRegister(r, count: 0, last: -1)
                pc += 1
            case .repeatLoop(let r, let mn, let mx, let lazy, let body, let exit):
                let c = counts[r]
                if c < mn {
                    setRegister(r, count: c + 1, last: lasts[r])
                    pc = body
                } else if c < mx && pos != lasts[r] {
                    if lazy {
                        stack.append(.lazyIterate(pc: pc, pos: pos))
                        pc = exit
                    } else {
                        stack.append(.choice(pc: exit, pos: pos))
                        setRegister(r, count: c + 1, last: pos)
                        pc = body
                    }
                } else {
                    pc = exit
                }
            case .groupRef(let g, let ic):
                let a = slots[2 * g], b = slots[2 * g + 1]
                guard a >= 0, b >= a else { ok = false; break }
                let n = b - a
                guard pos + n <= end else { ok = false; break }
                for k in 0..<n {
                    let x = s[a + k], y = s[pos + k]
                    if x != y && !(ic && RegexCase.lower(x) == RegexCase.lower(y)) { ok = false; break }
                }
                if ok { pos += n; pc += 1 }
            case .lookaround(let sub, let behind, let negated, let width):
                let from = behind ? pos - width : pos
                let mark = stack.count
                var matched = false
                if from >= 0 {
                    if let e = try execute(sub, at: from) { matched = !behind || e == pos }
                    if !matched { backtrackAll(to: mark) }
                }
                if matched == negated {
                    if matched { backtrackAll(to: mark) }
                    ok = false
                } else {
                    commit(above: mark)
                    pc += 1
                }
            case .atomic(let sub):
                let mark = stack.count
                if let e = try execute(sub, at: pos) {
                    commit(above: mark)
                    pos = e
                    pc += 1
                } else {
                    ok = false
                }
            case .groupExists(let g, let otherwise):
                pc = slots[2 * g] >= 0 && slots[2 * g + 1] >= 0 ? pc + 1 : otherwise
            case .succeed:
                if p == 0 && ((fullmatch && pos != end) || (mustAdvanceFrom == startPos && pos == startPos)) {
                    ok = false
                } else {
                    return pos
                }
            }
            if !ok {
                guard let (npc, npos) = backtrack(to: base) else { return nil }
                pc = npc
                pos = npos
            }
        }
    }

    /// Undoes everything above `base`, choice points included.
    private mutating func backtrackAll(to base: Int) {
        while stack.count > base {
            switch stack.removeLast() {
            case .slot(let i, let v): slots[i] = v
            case .register(let r, let c, let l): counts[r] = c; lasts[r] = l
            case .lastIndex(let v): lastIndex = v
            default: break
            }
        }
    }
}
