import CtxCore

/// CPython's "Did you mean" suggestions for NameError, AttributeError and ImportError (3.12+; the
/// traceback module computes them when it prints the exception, with Python/suggestions.c's
/// algorithm: a Levenshtein distance over UTF-8 bytes where a case flip costs 1 and any other
/// edit 2; a candidate qualifies when at most a third of the characters involved change).
public enum Suggestions {
    static let maxCandidates = 750
    static let maxStringSize = 40
    static let moveCost = 2
    static let caseCost = 1

    /// The candidate closest to `name`, or nil (none close enough, or 750 candidates or more).
    /// The first of equally close candidates wins.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        guard candidates.count < maxCandidates else { return nil }
        let wrong = Array(name.utf8)
        var best: (name: String, distance: Int)? = nil
        for candidate in candidates where candidate != name {
            let bytes = Array(candidate.utf8)
            var maxDistance = (wrong.count + bytes.count + 3) * moveCost / 6
            if let best { maxDistance = min(maxDistance, best.distance - 1) }
            let distance = levenshtein(wrong, bytes, maxCost: maxDistance)
            if distance > maxDistance { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Python/suggestions.c `levenshtein_distance`: the cost of turning `a` into `b`, or
    /// `maxCost + 1` as soon as it is certain to exceed `maxCost`.
    static func levenshtein(_ a: [UInt8], _ b: [UInt8], maxCost: Int) -> Int {
        var a = a[...], b = b[...]
        while let x = a.first, let y = b.first, x == y {
            a = a.dropFirst()
            b = b.dropFirst()
        }
        while let x = a.last, let y = b.last, x == y {
            a = a.dropLast()
            b = b.dropLast()
        }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let short = Array(a)
        var row = (1...short.count).map { $0 * moveCost }  // cost from b[:0] to a[:i+1]
        var result = 0
        for (bIndex, code) in b.enumerated() {
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for index in short.indices {
                let substitute = distance + substitutionCost(code, short[index])
                distance = row[index]
                result = min(min(result, distance) + moveCost, substitute)
                row[index] = result
                minimum = min(minimum, result)
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }

    private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a & 31 != b & 31 { return moveCost }
        if a == b { return 0 }
        func lower(_ c: UInt8) -> UInt8 { (65...90).contains(c) ? c + 32 : c }
        return lower(a) == lower(b) ? caseCost : moveCost
    }
}

extension Interpreter {
    /// Gives a NameError raised in `frame` CPython's trailer: `. Did you mean: 'print'?`,
    /// `. Did you forget to import 'asyncio'?`, or both.
    func suggestForName(_ e: PyException, _ name: String, in raising: Frame) {
        // List, set and dict comprehensions run inline in CPython 3.12+ (PEP 709), in the frame
        // of the code around them, whose locals do not show the comprehension's own variables.
        var frame = raising
        if let frames = activeStacks.last?.frames, var i = frames.lastIndex(where: { $0 === raising }) {
            while Self.isInlinedComprehension(frames[i].code), i > 0 {
                i -= 1
                frame = frames[i]
            }
        }
        // What the frame holds now is what CPython's traceback finds in the dead frame later.
        let locals = localNames(frame), globals = frame.globals
        let me = locals.contains("self") ? localValue(frame, "self") : nil
        e.trailer = { [weak self] in
            guard let self else { return "" }
            let suggestion: String?
            if let me, (try? self.findAttribute(me, name)) != nil {
                suggestion = "self.\(name)"
            } else {
                suggestion = Suggestions.closest(
                    to: name, among: locals + globals.order + CPythonModuleNames.builtins)
            }
            let stdlib = CPythonModuleNames.stdlibModules.contains(name)
            switch (suggestion, stdlib) {
            case (_, false): return Self.didYouMean(suggestion)
            case (let s?, true): return ". Did you mean: '\(s)'? Or did you forget to import '\(name)'?"
            case (nil, true): return ". Did you forget to import '\(name)'?"
            }
        }
    }

    /// Gives an AttributeError from looking `name` up on `obj` CPython's `. Did you mean: …?`:
    /// the candidates are `dir(obj)` without underscored names (unless `name` has one), CPython's
    /// own names for its modules and built-in types.
    func suggestForAttribute(_ e: PyException, _ obj: Value, _ name: String) {
        // Underscored names are candidates too when the innermost frame's `self` is the object.
        let ownObject = activeStacks.last.flatMap { localValue($0.top, "self") }.map { $0.isIdentical(obj) } ?? false
        e.trailer = { [weak self] in
            guard let self else { return "" }
            var names: [String]
            switch obj.asObject {
            case let m as PyModule where !name.hasPrefix("_"):
                names = CPythonModuleNames.names[m.name].map { $0.sorted() } ?? self.directory(obj).sorted()
            case let c as PyClass where c.module == "builtins" || Self.cExtensionModules.contains(c.module):
                names = CPythonModuleNames.typeAttributes[self.typeName(ofClass: c)] ?? self.directory(obj).sorted()
            case is PyModule, is PyInstance, is PyClass:
                names = self.directory(obj).sorted()
            default:
                names = CPythonModuleNames.typeAttributes[self.typeName(obj)] ?? self.directory(obj).sorted()
            }
            if !name.hasPrefix("_") && !ownObject { names = names.filter { !$0.hasPrefix("_") } }
            return Self.didYouMean(Suggestions.closest(to: name, among: names))
        }
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { ". Did you mean: '\($0)'?" } ?? ""
    }

    /// The names bound in a frame, as `frame.f_locals` lists them: the namespace of module code,
    /// else the bound local variables and cells in declaration order.
    func localNames(_ f: Frame) -> [String] {
        if let ns = f.namespace { return ns.order }
        var names: [String] = []
        for (i, n) in f.code.varnames.enumerated() where i < f.locals.count && f.locals[i] != nil { names.append(n) }
        for (i, n) in (f.code.cellvars + f.code.freevars).enumerated()
        where i < f.cells.count && f.cells[i].value != nil && !names.contains(n) {
            names.append(n)
        }
        return names
    }

    private func localValue(_ f: Frame, _ name: String) -> Value? {
        if let ns = f.namespace { return ns[name] }
        if let i = f.code.varnames.firstIndex(of: name), i < f.locals.count { return f.locals[i] }
        return nil
    }
}
