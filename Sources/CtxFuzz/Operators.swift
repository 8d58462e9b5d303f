/// Operators, subscripts, slices and augmented assignments on edge values.
enum Operators {
    static let binary = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "==", "!=", "<", "<=",
                         ">", ">=", "in", "not in", "is", "is not", "and", "or"]
    static let unary = ["-", "+", "~", "not "]

    static func statement(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> Statement {
        let a = EdgeValues.any(&r, &prelude), b = EdgeValues.any(&r, &prelude)
        let n = EdgeValues.number(&r), m = EdgeValues.number(&r)
        let body: [String]
        switch r.below(12) {
        case 0, 1, 2: body = ["_r = (\(a)) \(r.pick(binary)) (\(b))"]
        case 3: body = ["_r = \(r.pick(unary))(\(a))"]
        case 4: body = ["_r = (\(a))[\(n)]"]
        case 5: body = ["_r = (\(a))[\(r.chance(0.8) ? n : "")::\(r.chance(0.7) ? m : "")]"]
        case 6: body = ["_r = (\(a))[\(n):\(m):\(EdgeValues.number(&r))]"]
        case 7: body = ["_x = \(a)", "_x[\(n)] = \(b)", "_r = _x"]
        case 8: body = ["_x = \(a)", "del _x[\(n):\(m)]", "_r = _x"]
        case 9: body = ["_x = \(a)", "_x \(r.pick(Array(binary.prefix(13))))= \(b)", "_r = _x"]
        case 10: body = ["_r = (\(a)) \(r.pick(binary)) (\(b)) \(r.pick(binary)) (\(EdgeValues.any(&r, &prelude)))"]
        default: body = ["_x = \(a)", "_x[\(n):\(m)] = \(b)", "_r = _x"]
        }
        return Statement.guarded(body + (r.chance(0.5) ? ["print(repr(_r)[:200])"] : []), isAsync: false, report: r.chance(0.3))
    }
}

/// f-strings, `format()`, `str.format` and `%`-formatting with edge specs, widths and values.
enum Formatting {
    static func statement(_ r: inout FuzzRandom, _ prelude: inout Prelude) -> Statement {
        let v = EdgeValues.any(&r, &prelude)
        let spec = r.pick(EdgeValues.formatSpecs)
        let pct = r.pick(EdgeValues.percentFormats)
        let expr: String
        switch r.below(12) {
        case 0: expr = "f'{\(v):\(spec)}'"
        case 1: expr = "f'{\(v)!r:\(spec)}'"
        case 2: expr = "f'{\(v):{\(EdgeValues.number(&r))}}'"
        case 3: expr = "f'{\(v):{\(EdgeValues.number(&r))}.{\(EdgeValues.number(&r))}}'"
        case 4: expr = "format(\(v), \(pythonString(spec)))"
        case 5: expr = "'{:\(spec)}'.format(\(v))"
        case 6: expr = "\(pythonString(pct)) % (\(v))"
        case 7: expr = "\(pythonString(pct)) % (\(v), \(EdgeValues.any(&r, &prelude)))"
        case 8: expr = "\(pythonString(pct)) % {'x': \(v), 'a': 1, 'b': 2}"
        case 9: expr = "\(r.pick(EdgeValues.strings)) % (\(v))"
        case 10: expr = "\(r.pick(EdgeValues.strings)).format(\(v), x=\(EdgeValues.any(&r, &prelude)))"
        default: expr = "b\(pythonString(pct)) % (\(v))"
        }
        return Statement.guarded(["_r = " + expr, "print(_r[:200])"], isAsync: false, report: r.chance(0.3))
    }

    /// A single-quoted Python literal of `s`.
    static func pythonString(_ s: String) -> String {
        "'" + s.replacingOccurrences("\\", "\\\\").replacingOccurrences("'", "\\'") + "'"
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension Substring {
    /// The first occurrence of `target` (no Foundation here).
    func range(of target: String) -> Range<Substring.Index>? {
        let t = Array(target)
        guard !t.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].starts(with: t) { return i..<index(i, offsetBy: t.count) }
            i = index(after: i)
        }
        return nil
    }
}
