import CtxCore

/// Expressions back to source text, as CPython's compiler turns annotations into strings under
/// `from __future__ import annotations` (`Python/ast_unparse.c`: the limited unparser, not
/// `ast.unparse`). Parentheses come from the precedence levels below, not from the source, so
/// `Optional[ str ]` becomes `'Optional[str]'` and `(int)` becomes `'int'`.
enum Unparse {
    /// `ast_unparse.c`'s precedence levels, lowest first.
    enum Level: Int, Comparable {
        case tuple, test, or, and, not, cmp, bor, bxor, band, shift, arith, term, factor, power, await, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        var next: Level { Level(rawValue: rawValue + 1) ?? .atom }
    }

    /// `expr_as_unicode(e, PR_TEST)`: what an annotation becomes.
    static func annotation(_ e: Expr) throws -> String {
        if let (what, pos) = disallowed(in: e) {
            throw CompileSyntaxError(message: "\(what) cannot be used within an annotation", pos: pos)
        }
        var out = ""
        append(e, .test, to: &out)
        return out
    }

    /// What `from __future__ import annotations` refuses inside an annotation (CPython's
    /// symtable: "yield expression cannot be used within an annotation"), with where it is.
    static func disallowed(in e: Expr) -> (what: String, pos: SourcePos)? {
        switch e.kind {
        case .yield, .yieldFrom: return ("yield expression", e.pos)
        case .await: return ("await expression", e.pos)
        case .namedExpr: return ("named expression", e.pos)
        default: break
        }
        var children: [Expr] = []
        switch e.kind {
        case .name, .constant, .yield, .yieldFrom, .await, .namedExpr: break
        case .joinedStr(let parts): children = fieldExpressions(parts)
        case .list(let items), .tuple(let items), .set(let items): children = items
        case .dict(let entries): children = entries.flatMap { [$0.key, $0.value].compactMap { $0 } }
        case .starred(let x), .attribute(let x, _), .unary(_, let x): children = [x]
        case .subscript(let a, let b), .binary(let a, _, let b): children = [a, b]
        case .slice(let l, let u, let st): children = [l, u, st].compactMap { $0 }
        case .call(let f, let args, let keywords): children = [f] + args + keywords.map(\.value)
        case .boolOp(_, let values): children = values
        case .compare(let first, let rest): children = [first] + rest.map(\.1)
        case .ifExp(let t, let b, let o): children = [t, b, o]
        case .lambda(_, let body): children = [body]
        case .listComp(let x, let gens), .setComp(let x, let gens), .generatorExp(let x, let gens):
            children = [x] + gens.flatMap { [$0.iter] + $0.ifs }
        case .dictComp(let k, let v, let gens): children = [k, v] + gens.flatMap { [$0.iter] + $0.ifs }
        }
        for child in children {
            if let found = disallowed(in: child) { return found }
        }
        return nil
    }

    private static func fieldExpressions(_ parts: [FStringPart]) -> [Expr] {
        parts.flatMap { part -> [Expr] in
            if case .field(let e, _, let spec, _) = part { return [e] + fieldExpressions(spec) }
            return []
        }
    }

    static func append(_ e: Expr, _ level: Level, to out: inout String) {
        func wrap(_ at: Level, _ body: (inout String) -> Void) {
            if level > at { out += "(" }
            body(&out)
            if level > at { out += ")" }
        }
        func list(_ items: [Expr], _ at: Level) {
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                append(item, at, to: &out)
            }
        }
        switch e.kind {
        case .name(let n): out += n
        case .constant(let c): out += constant(c)
        case .joinedStr(let parts): out += "f" + StringRepr.repr(fstringBody(parts))
        case .list(let items):
            out += "["
            list(items, .test)
            out += "]"
        case .set(let items):
            out += "{"
            list(items, .test)
            out += "}"
        case .tuple(let items):
            if items.isEmpty { out += "()"; return }
            wrap(.tuple) { _ in
                list(items, .test)
                if items.count == 1 { out += "," }
            }
        case .dict(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += ", " }
                if let key = entry.key {
                    append(key, .test, to: &out)
                    out += ": "
                    append(entry.value, .test, to: &out)
                } else {
                    out += "**"
                    append(entry.value, .bor, to: &out)
                }
            }
            out += "}"
        case .starred(let inner):
            out += "*"
            append(inner, .bor, to: &out)
        case .attribute(let value, let name):
            append(value, .atom, to: &out)
            // `1 .real`: a space keeps the dot from reading as a decimal point.
            if case .constant(.int) = value.kind { out += " " }
            out += "." + name
        case .subscript(let value, let index):
            append(value, .atom, to: &out)
            out += "["
            if case .tuple(let items) = index.kind, !items.isEmpty {
                list(items, .test)
                if items.count == 1 { out += "," }
            } else {
                append(index, .tuple, to: &out)
            }
            out += "]"
        case .slice(let lower, let upper, let step):
            if let lower { append(lower, .test, to: &out) }
            out += ":"
            if let upper { append(upper, .test, to: &out) }
            if let step {
                out += ":"
                append(step, .test, to: &out)
            }
        case .call(let function, let args, let keywords):
            append(function, .atom, to: &out)
            if args.count == 1, keywords.isEmpty, case .generatorExp = args[0].kind {
                append(args[0], .atom, to: &out)  // `f(x for x in y)`: the call's parentheses
                return
            }
            out += "("
            list(args, .test)
            for (i, k) in keywords.enumerated() {
                if i > 0 || !args.isEmpty { out += ", " }
                if let name = k.name { out += name + "=" } else { out += "**" }
                append(k.value, .test, to: &out)
            }
            out += ")"
        case .binary(let l, let op, let r):
            let at = precedence(of: op)
            let rightAssociative = op == .pow
            wrap(at) { out in
                append(l, rightAssociative ? at.next : at, to: &out)
                out += " " + op.rawValue + " "
                append(r, rightAssociative ? at : at.next, to: &out)
            }
        case .unary(let op, let operand):
            let at: Level = op == .not ? .not : .factor
            wrap(at) { out in
                out += op == .not ? "not " : op.rawValue
                append(operand, at, to: &out)
            }
        case .boolOp(let op, let values):
            let at: Level = op == .and ? .and : .or
            wrap(at) { out in
                for (i, v) in values.enumerated() {
                    if i > 0 { out += " " + op.rawValue + " " }
                    append(v, at.next, to: &out)
                }
            }
        case .compare(let first, let rest):
            wrap(.cmp) { out in
                append(first, .cmp.next, to: &out)
                for (op, v) in rest {
                    out += " " + op.rawValue + " "
                    append(v, .cmp.next, to: &out)
                }
            }
        case .ifExp(let test, let body, let orelse):
            wrap(.test) { out in
                append(body, .test.next, to: &out)
                out += " if "
                append(test, .test.next, to: &out)
                out += " else "
                append(orelse, .test, to: &out)
            }
        case .lambda(let params, let body):
            wrap(.test) { out in
                // `append_ast_lambda`: the space after `lambda` only when a positional
                // parameter, `*args` or `**kwargs` follows (`lambda*, k: k`, sic).
                let spaced = !(params.posOnly.isEmpty && params.regular.isEmpty) || params.varArgs != nil || params.kwArgs != nil
                out += "lambda" + (spaced ? " " : "") + parameters(params) + ": "
                append(body, .test, to: &out)
            }
        case .await(let value):
            wrap(.await) { out in
                out += "await "
                append(value, .atom, to: &out)
            }
        case .yield(let value):
            wrap(.atom) { out in
                out += "yield"
                if let value {
                    out += " "
                    append(value, .tuple, to: &out)
                }
            }
        case .yieldFrom(let value):
            wrap(.atom) { out in
                out += "yield from "
                append(value, .tuple, to: &out)
            }
        case .namedExpr(let target, let value):
            wrap(.tuple) { out in
                out += target + " := "
                append(value, .atom, to: &out)
            }
        case .listComp(let element, let generators): comprehension("[", [element], generators, "]", to: &out)
        case .setComp(let element, let generators): comprehension("{", [element], generators, "}", to: &out)
        case .dictComp(let key, let value, let generators): comprehension("{", [key, value], generators, "}", to: &out)
        case .generatorExp(let element, let generators): comprehension("(", [element], generators, ")", to: &out)
        }
    }

    /// `[x for …]`, `{k: v for …}`: the element (a key and value joined by `: `), then the loops.
    static func comprehension(
        _ open: String, _ element: [Expr], _ generators: [Comprehension], _ close: String, to out: inout String
    ) {
        out += open
        for (i, part) in element.enumerated() {
            if i > 0 { out += ": " }
            append(part, .test, to: &out)
        }
        comprehensions(generators, to: &out)
        out += close
    }

    static func precedence(of op: BinaryOp) -> Level {
        switch op {
        case .bitOr: return .bor
        case .bitXor: return .bxor
        case .bitAnd: return .band
        case .lshift, .rshift: return .shift
        case .add, .sub: return .arith
        case .mul, .div, .floorDiv, .mod, .matMul: return .term
        case .pow: return .power
        }
    }

    static func constant(_ c: Constant) -> String {
        switch c {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let digits): return digits
        // `ast_unparse.c` writes an infinite float as `1e309`, which reads back as one.
        case .float(let d): return d.isInfinite ? (d < 0 ? "-1e309" : "1e309") : FloatRepr.repr(d)
        case .str(let s): return StringRepr.repr(s)
        case .bytes(let b): return PyBytes.repr(b)
        case .ellipsis: return "..."
        }
    }

    /// The text between an f-string's quotes: literal braces doubled, each field as written.
    static func fstringBody(_ parts: [FStringPart]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let s): out += s.replacing("{", with: "{{").replacing("}", with: "}}")
            case .field(let e, let conversion, let spec, _):
                var inner = ""
                append(e, .test.next, to: &inner)
                out += inner.hasPrefix("{") ? "{ " + inner : "{" + inner
                if let conversion { out += "!" + String(conversion) }
                if !spec.isEmpty { out += ":" + fstringBody(spec) }
                out += "}"
            }
        }
        return out
    }

    static func comprehensions(_ generators: [Comprehension], to out: inout String) {
        for g in generators {
            out += g.isAsync ? " async for " : " for "
            append(g.target, .tuple, to: &out)
            out += " in "
            append(g.iter, .test.next, to: &out)
            for condition in g.ifs {
                out += " if "
                append(condition, .test.next, to: &out)
            }
        }
    }

    /// A lambda's parameters: `a, b=1, /, c, *args, d, e=2, **kw` (no annotations in a lambda).
    static func parameters(_ p: Parameters) -> String {
        var parts: [String] = []
        func one(_ param: Param) -> String {
            guard let d = param.defaultValue else { return param.name }
            var text = param.name + "="
            append(d, .test, to: &text)
            return text
        }
        parts += p.posOnly.map(one)
        if !p.posOnly.isEmpty { parts.append("/") }
        parts += p.regular.map(one)
        if let v = p.varArgs { parts.append("*" + v.name) } else if !p.kwOnly.isEmpty { parts.append("*") }
        parts += p.kwOnly.map(one)
        if let k = p.kwArgs { parts.append("**" + k.name) }
        return parts.joined(separator: ", ")
    }
}
