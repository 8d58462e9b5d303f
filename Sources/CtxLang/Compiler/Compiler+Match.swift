import CtxCore

/// The state of compiling one `case` pattern (CPython: compile.c `pattern_context`).
///
/// Captured values are not stored as they are found: they wait on the stack, under the `onTop`
/// entries the pattern still works on, until the whole pattern has matched, and are stored then,
/// before the guard runs. So a failed pattern binds nothing and a failed guard leaves its
/// pattern's names bound, exactly as in CPython. Stack layout while matching, top last:
/// `stores[n-1] … stores[1] stores[0] <onTop entries>` (the newest store is the deepest).
struct PatternContext {
    /// The names captured so far, in the order they will be stored.
    var stores: [String] = []
    /// Whether an irrefutable pattern (a capture or `_`) is allowed here.
    var allowIrrefutable = false
    /// `failPop[n]`: the jumps to the code that pops `n` entries and then fails.
    var failPop: [[Int]] = []
    /// Entries above the stores that the rest of the pattern still needs.
    var onTop = 0
}

extension Compiler {
    /// CPython: compile.c `compiler_match_inner`. Every case but the last works on a copy of
    /// the subject; a trailing `case _:` (with more than one case) needs no pattern code.
    mutating func compileMatch(_ subject: Expr, _ cases: [MatchCase]) throws {
        try compile(subject)
        var toEnd: [Int] = []
        let hasDefault = cases.count > 1 && Self.isWildcard(cases[cases.count - 1].pattern)
        let patterned = cases.count - (hasDefault ? 1 : 0)
        for (i, c) in cases[..<patterned].enumerated() {
            line = c.pattern.pos.line
            let keepsSubject = i != patterned - 1
            if keepsSubject { emit(.copy(1)) }
            var pc = PatternContext()
            pc.allowIrrefutable = c.guardExpr != nil || i == cases.count - 1
            try pattern(c.pattern, &pc)
            precondition(pc.onTop == 0, "a pattern left entries on the stack")
            line = c.pattern.pos.line
            for name in pc.stores { storeName(name) }
            if let g = c.guardExpr {
                ensureFailPop(&pc, 0)
                try compile(g)
                pc.failPop[0].append(emit(.popJumpIfFalse(-1)))
            }
            if keepsSubject { emit(.pop) }
            try compileBody(c.body)
            toEnd.append(emit(.jump(-1)))
            line = c.pattern.pos.line
            emitAndResetFailPop(&pc)
        }
        if hasDefault {
            let c = cases[cases.count - 1]
            line = c.pattern.pos.line
            emit(.nop)
            if let g = c.guardExpr {
                try compile(g)
                toEnd.append(emit(.popJumpIfFalse(-1)))
            }
            try compileBody(c.body)
        }
        for j in toEnd { patch(j, to: here) }
    }

    static func isWildcard(_ p: Pattern) -> Bool {
        if case .asPattern(nil, nil) = p.kind { return true }
        return false
    }

    // MARK: failure paths

    mutating func ensureFailPop(_ pc: inout PatternContext, _ n: Int) {
        while pc.failPop.count <= n { pc.failPop.append([]) }
    }

    /// Fails the pattern (unconditionally, or when the top is false), popping what is on top
    /// and the values captured so far.
    mutating func jumpToFailPop(_ pc: inout PatternContext, conditional: Bool = true) {
        let pops = pc.onTop + pc.stores.count
        ensureFailPop(&pc, pops)
        pc.failPop[pops].append(emit(conditional ? .popJumpIfFalse(-1) : .jump(-1)))
    }

    /// The failure code: label n pops one entry and falls into label n-1.
    mutating func emitAndResetFailPop(_ pc: inout PatternContext) {
        guard !pc.failPop.isEmpty else { return }
        for n in stride(from: pc.failPop.count - 1, to: 0, by: -1) {
            for j in pc.failPop[n] { patch(j, to: here) }
            emit(.pop)
        }
        for j in pc.failPop[0] { patch(j, to: here) }
        pc.failPop = []
    }

    /// Moves the top entry `count - 1` entries down (CPython: `pattern_helper_rotate`).
    mutating func rotate(_ count: Int) {
        var count = count
        while count > 1 {
            emit(.swap(count))
            count -= 1
        }
    }

    /// Keeps the value on top for storing into `name` once the pattern matched (none: drops it).
    mutating func storeCapture(_ name: String?, _ pos: SourcePos, _ pc: inout PatternContext) throws {
        guard let name else {
            emit(.pop)
            return
        }
        if name == "__debug__" { throw CompileSyntaxError(message: "cannot assign to __debug__", pos: pos) }
        if pc.stores.contains(name) {
            throw CompileSyntaxError(message: "multiple assignments to name '\(name)' in pattern", pos: pos)
        }
        rotate(pc.onTop + pc.stores.count + 1)
        pc.stores.append(name)
    }

    // MARK: patterns

    /// Matches the subject on top of the stack, consuming it (CPython: `compiler_pattern`).
    mutating func pattern(_ p: Pattern, _ pc: inout PatternContext) throws {
        line = p.pos.line
        switch p.kind {
        case .value(let e):
            guard Self.patternConstant(e) != nil || Self.isAttribute(e) else {
                throw CompileSyntaxError(message: "patterns may only match literals and attribute lookups", pos: p.pos)
            }
            try compile(e)
            emit(.compare(.eq))
            jumpToFailPop(&pc)
        case .singleton(let c):
            emit(.loadConst(constant(c == .none ? .none : .bool(c == .bool(true)))))
            emit(.compare(.is))
            jumpToFailPop(&pc)
        case .sequence(let items): try sequencePattern(items, p, &pc)
        case .mapping(let keys, let patterns, let rest): try mappingPattern(keys, patterns, rest, p, &pc)
        case .classPattern(let cls, let patterns, let names, let kwdPatterns):
            try classPattern(cls, patterns, names, kwdPatterns, p, &pc)
        case .star(let name): try storeCapture(name, p.pos, &pc)
        case .asPattern(let inner, let name): try asPattern(inner, name, p, &pc)
        case .or(let alternatives): try orPattern(alternatives, p, &pc)
        }
    }

    /// A pattern inside another: captures and `_` are allowed there.
    mutating func subpattern(_ p: Pattern, _ pc: inout PatternContext) throws {
        let allow = pc.allowIrrefutable
        pc.allowIrrefutable = true
        try pattern(p, &pc)
        pc.allowIrrefutable = allow
    }

    /// The literal a value pattern or mapping key holds (CPython folds `-1` into a constant).
    static func patternConstant(_ e: Expr) -> Constant? {
        switch e.kind {
        case .constant(let c): return c
        case .unary(.neg, let inner):
            if case .constant(.bigInt(let digits)) = inner.kind { return .bigInt("-" + digits) }
            return nil
        default: return nil
        }
    }

    static func isAttribute(_ e: Expr) -> Bool {
        if case .attribute = e.kind { return true }
        return false
    }

    mutating func asPattern(_ inner: Pattern?, _ name: String?, _ p: Pattern, _ pc: inout PatternContext) throws {
        guard let inner else {
            if !pc.allowIrrefutable {
                if let name {
                    throw CompileSyntaxError(message: "name capture '\(name)' makes remaining patterns unreachable", pos: p.pos)
                }
                throw CompileSyntaxError(message: "wildcard makes remaining patterns unreachable", pos: p.pos)
            }
            try storeCapture(name, p.pos, &pc)
            return
        }
        pc.onTop += 1
        emit(.copy(1))
        try pattern(inner, &pc)
        line = p.pos.line
        pc.onTop -= 1
        try storeCapture(name, p.pos, &pc)
    }

    /// CPython: `compiler_pattern_sequence`, with the subscript form for a starred wildcard.
    mutating func sequencePattern(_ items: [Pattern], _ p: Pattern, _ pc: inout PatternContext) throws {
        var star = -1
        var onlyWildcard = true, starWildcard = false
        for (i, item) in items.enumerated() {
            if case .star(let name) = item.kind {
                if star >= 0 { throw CompileSyntaxError(message: "multiple starred names in sequence pattern", pos: p.pos) }
                starWildcard = name == nil
                onlyWildcard = onlyWildcard && starWildcard
                star = i
                continue
            }
            onlyWildcard = onlyWildcard && Self.isWildcard(item)
        }
        pc.onTop += 1
        emit(.matchSequence)
        jumpToFailPop(&pc)
        if star < 0 {
            emitLengthCheck(items.count, .eq, &pc)
        } else if items.count > 1 {
            emitLengthCheck(items.count - 1, .ge, &pc)
        }
        pc.onTop -= 1
        if onlyWildcard {
            emit(.pop)
        } else if starWildcard {
            try sequenceSubscripts(items, star: star, p, &pc)
        } else {
            if star >= 0 {
                emit(.unpackEx(before: star, after: items.count - star - 1))
            } else {
                emit(.unpackSequence(items.count))
            }
            pc.onTop += items.count
            for item in items {
                pc.onTop -= 1
                try subpattern(item, &pc)
            }
        }
    }

    /// `len(subject) op n`, failing when false; the subject stays.
    mutating func emitLengthCheck(_ n: Int, _ op: CompareOp, _ pc: inout PatternContext) {
        emit(.getLen)
        emit(.loadConst(constant(.int(n))))
        emit(.compare(op))
        jumpToFailPop(&pc)
    }

    /// `[first, *_, last]`: the elements are read by index, from the end as `len - k` (the
    /// subject may not support negative indices). CPython: `pattern_helper_sequence_subscr`.
    mutating func sequenceSubscripts(_ items: [Pattern], star: Int, _ p: Pattern, _ pc: inout PatternContext) throws {
        pc.onTop += 1
        for (i, item) in items.enumerated() where i != star && !Self.isWildcard(item) {
            line = p.pos.line
            emit(.copy(1))
            if i < star {
                emit(.loadConst(constant(.int(i))))
            } else {
                emit(.getLen)
                emit(.loadConst(constant(.int(items.count - i))))
                emit(.binary(.sub))
            }
            emit(.loadSubscript)
            try subpattern(item, &pc)
        }
        pc.onTop -= 1
        line = p.pos.line
        emit(.pop)
    }

    /// CPython: `compiler_pattern_mapping`.
    mutating func mappingPattern(
        _ keys: [Expr], _ patterns: [Pattern], _ rest: String?, _ p: Pattern, _ pc: inout PatternContext
    ) throws {
        pc.onTop += 1
        emit(.matchMapping)
        jumpToFailPop(&pc)
        if keys.isEmpty && rest == nil {
            pc.onTop -= 1
            emit(.pop)
            return
        }
        if !keys.isEmpty { emitLengthCheck(keys.count, .ge, &pc) }
        var seen: [Constant] = []
        for key in keys {
            if let c = Self.patternConstant(key) {
                if seen.contains(where: { Self.constantsEqual($0, c) }) {
                    throw CompileSyntaxError(message: "mapping pattern checks duplicate key (\(Self.constantRepr(c)))", pos: p.pos)
                }
                seen.append(c)
            } else if !Self.isAttribute(key) {
                throw CompileSyntaxError(message: "mapping pattern keys may only match literals and attribute lookups", pos: p.pos)
            }
            try compile(key)
        }
        line = p.pos.line
        emit(.buildTuple(keys.count))
        emit(.matchKeys)
        pc.onTop += 2
        emit(.copy(1))
        emit(.loadConst(constant(.none)))
        emit(.compare(.isNot))
        jumpToFailPop(&pc)
        emit(.unpackSequence(keys.count))
        pc.onTop += keys.count - 1
        for sub in patterns {
            pc.onTop -= 1
            try subpattern(sub, &pc)
        }
        line = p.pos.line
        pc.onTop -= 2
        guard let rest else {
            emit(.pop)  // the keys
            emit(.pop)  // the subject
            return
        }
        // rest = dict(subject); del rest[key] for each key: [subject, keys] → [rest].
        emit(.swap(2))
        emit(.buildMap(0))
        emit(.swap(2))
        emit(.dictUpdate)
        emit(.swap(2))
        emit(.unpackSequence(keys.count))
        var size = keys.count
        while size > 0 {
            emit(.copy(1 + size))
            emit(.swap(2))
            emit(.deleteSubscript)
            size -= 1
        }
        try storeCapture(rest, p.pos, &pc)
    }

    /// Python's `==` between two literals (`1 == 1.0 == True`), for duplicate mapping keys.
    static func constantsEqual(_ a: Constant, _ b: Constant) -> Bool {
        func number(_ c: Constant) -> Double? {
            switch c {
            case .int(let n): return Double(n)
            case .bool(let b): return b ? 1 : 0
            case .float(let d): return d
            default: return nil
            }
        }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .bool(let y)), (.bool(let y), .int(let x)): return x == (y ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y
        case (.bigInt(let x), .bigInt(let y)): return x == y
        case (.str(let x), .str(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.none, .none), (.ellipsis, .ellipsis): return true
        default:
            guard let x = number(a), let y = number(b) else { return false }
            return x == y
        }
    }

    static func constantRepr(_ c: Constant) -> String {
        switch c {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let n): return String(n)
        case .bigInt(let digits): return digits
        case .float(let d): return FloatRepr.repr(d)
        case .str(let s): return StringRepr.repr(s)
        case .bytes(let b): return PyBytes.repr(b)
        case .ellipsis: return "Ellipsis"
        }
    }

    /// CPython: `compiler_pattern_class` and `validate_kwd_attrs`.
    mutating func classPattern(
        _ cls: Expr, _ patterns: [Pattern], _ names: [String], _ kwdPatterns: [Pattern], _ p: Pattern,
        _ pc: inout PatternContext
    ) throws {
        for (i, name) in names.enumerated() {
            if name == "__debug__" { throw CompileSyntaxError(message: "cannot assign to __debug__", pos: kwdPatterns[i].pos) }
            if let j = names[(i + 1)...].firstIndex(of: name) {
                throw CompileSyntaxError(message: "attribute name repeated in class pattern: \(name)", pos: kwdPatterns[j].pos)
            }
        }
        try compile(cls)
        for name in names { emit(.loadConst(constant(.str(name)))) }
        emit(.buildTuple(names.count))
        emit(.matchClass(patterns.count))
        emit(.copy(1))
        emit(.loadConst(constant(.none)))
        emit(.compare(.isNot))
        pc.onTop += 1
        jumpToFailPop(&pc)
        let all = patterns + kwdPatterns
        emit(.unpackSequence(all.count))
        pc.onTop += all.count - 1
        for sub in all {
            pc.onTop -= 1
            if Self.isWildcard(sub) {
                emit(.pop)
                continue
            }
            try subpattern(sub, &pc)
            line = p.pos.line
        }
    }

    /// CPython: `compiler_pattern_or`. Each alternative works on a copy of the subject with
    /// its own stores; the names of later alternatives are reordered on the stack to the first
    /// one's order, and all of them are then rotated under the enclosing pattern's stores.
    mutating func orPattern(_ alternatives: [Pattern], _ p: Pattern, _ pc: inout PatternContext) throws {
        let old = pc
        var control: [String]?
        var toEnd: [Int] = []
        let differ = CompileSyntaxError(message: "alternative patterns bind different names", pos: p.pos)
        for (i, alt) in alternatives.enumerated() {
            pc.stores = []
            pc.allowIrrefutable = i == alternatives.count - 1 && old.allowIrrefutable
            pc.failPop = []
            pc.onTop = 0
            line = alt.pos.line
            emit(.copy(1))
            try pattern(alt, &pc)
            line = alt.pos.line
            if let control {
                guard pc.stores.count == control.count else { throw differ }
                var icontrol = control.count
                while icontrol > 0 {
                    icontrol -= 1
                    guard let istores = pc.stores.firstIndex(of: control[icontrol]) else { throw differ }
                    guard icontrol != istores else { continue }
                    let rotations = istores + 1
                    let rotated = Array(pc.stores[..<rotations])
                    pc.stores.removeFirst(rotations)
                    pc.stores.insert(contentsOf: rotated, at: icontrol - istores)
                    for _ in 0..<rotations { rotate(icontrol + 1) }
                }
            } else {
                control = pc.stores
            }
            toEnd.append(emit(.jump(-1)))
            emitAndResetFailPop(&pc)
        }
        pc = old
        line = p.pos.line
        emit(.pop)  // no alternative matched: the copy of the subject
        jumpToFailPop(&pc, conditional: false)
        for j in toEnd { patch(j, to: here) }
        let names = control ?? []
        let rotations = names.count + 1 + pc.onTop + pc.stores.count
        for name in names {
            rotate(rotations)
            if pc.stores.contains(name) {
                throw CompileSyntaxError(message: "multiple assignments to name '\(name)' in pattern", pos: p.pos)
            }
            pc.stores.append(name)
        }
        emit(.pop)  // the subject
    }
}
