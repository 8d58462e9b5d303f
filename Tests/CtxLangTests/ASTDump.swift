@testable import CtxLang

/// A compact, position-free rendering of syntax trees (statements carry `line:column`), in the
/// same format as the CPython-side dumper used to produce the expected strings in
/// `ParserTests` (`ast.parse` output rendered by an equivalent Python function).
enum ASTDump {
    static func module(_ m: Module) -> String { body(m.body) }

    static func list(_ xs: [String]) -> String { "[" + xs.joined(separator: ", ") + "]" }

    static func body(_ b: [Stmt]) -> String { list(b.map(stmt)) }

    static func opt(_ e: Expr?) -> String { e.map(expr) ?? "_" }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 {
                    let hex = String(ch.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }

    static func constant(_ c: Constant) -> String {
        switch c {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .ellipsis: return "..."
        case .int(let i): return String(i)
        case .bigInt(let digits): return digits
        case .float(let d): return d == d.rounded() && abs(d) < 1e16 ? String(format1(d)) : "\(d)"
        case .str(let s): return quoted(s)
        case .bytes(let b): return "b" + list(b.map { String($0) })
        }
    }

    /// Python's repr of an integral float: `2.0`.
    static func format1(_ d: Double) -> String { "\(Int(d)).0" }

    static func params(_ p: Parameters) -> String {
        func one(_ x: Param) -> String {
            x.name + (x.annotation.map { ":" + expr($0) } ?? "") + (x.defaultValue.map { "=" + expr($0) } ?? "")
        }
        var parts = p.posOnly.map(one)
        if !p.posOnly.isEmpty { parts.append("/") }
        parts += p.regular.map(one)
        if let v = p.varArgs { parts.append("*" + one(v)) } else if !p.kwOnly.isEmpty { parts.append("*") }
        parts += p.kwOnly.map(one)
        if let k = p.kwArgs { parts.append("**" + one(k)) }
        return "(" + parts.joined(separator: ", ") + ")"
    }

    static func comp(_ c: Comprehension) -> String {
        "for\(c.isAsync ? " async" : "") \(expr(c.target)) in \(expr(c.iter))" + c.ifs.map { " if " + expr($0) }.joined()
    }

    static func comps(_ cs: [Comprehension]) -> String { cs.map(comp).joined(separator: " ") }

    static func keyword(_ k: Keyword) -> String { (k.name.map { $0 + "=" } ?? "**") + expr(k.value) }

    static func expr(_ e: Expr) -> String {
        switch e.kind {
        case .name(let n): return n
        case .constant(let c): return constant(c)
        case .joinedStr(let parts): return "F" + list(fparts(parts))
        case .list(let xs): return "List" + list(xs.map(expr))
        case .tuple(let xs): return "Tuple" + list(xs.map(expr))
        case .set(let xs): return "Set" + list(xs.map(expr))
        case .dict(let entries): return "Dict" + list(entries.map { ($0.key.map { expr($0) + ": " } ?? "**") + expr($0.value) })
        case .starred(let x): return "*" + expr(x)
        case .attribute(let v, let a): return "Attr(\(expr(v)).\(a))"
        case .subscript(let v, let i): return "Sub(\(expr(v))[\(expr(i))])"
        case .slice(let l, let u, let s): return "Slice(\(opt(l)):\(opt(u)):\(opt(s)))"
        case .call(let f, let args, let kws): return "Call(\(expr(f)), \(list(args.map(expr))), \(list(kws.map(keyword))))"
        case .binary(let l, let op, let r): return "(\(expr(l)) \(op.rawValue) \(expr(r)))"
        case .unary(let op, let x): return "(\(op.rawValue) \(expr(x)))"
        case .boolOp(let op, let xs): return "(" + xs.map(expr).joined(separator: " \(op.rawValue) ") + ")"
        case .compare(let l, let ops): return "Cmp(" + expr(l) + ops.map { " \($0.0.rawValue) \(expr($0.1))" }.joined() + ")"
        case .ifExp(let t, let b, let o): return "IfExp(\(expr(b)) if \(expr(t)) else \(expr(o)))"
        case .lambda(let p, let b): return "Lambda\(params(p)): \(expr(b))"
        case .await(let x): return "Await(\(expr(x)))"
        case .yield(let x): return "Yield(\(opt(x)))"
        case .yieldFrom(let x): return "YieldFrom(\(expr(x)))"
        case .namedExpr(let t, let v): return "(\(t) := \(expr(v)))"
        case .listComp(let x, let cs): return "ListComp(\(expr(x)) \(comps(cs)))"
        case .setComp(let x, let cs): return "SetComp(\(expr(x)) \(comps(cs)))"
        case .generatorExp(let x, let cs): return "Gen(\(expr(x)) \(comps(cs)))"
        case .dictComp(let k, let v, let cs): return "DictComp(\(expr(k)): \(expr(v)) \(comps(cs)))"
        }
    }

    /// f-string parts as CPython's AST has them: `{x=}` contributes the literal "x=".
    static func fparts(_ parts: [FStringPart]) -> [String] {
        var out: [String] = []
        var pending = ""
        for part in parts {
            switch part {
            case .literal(let s):
                pending += s
            case .field(let e, let conv, let spec, let selfDoc):
                pending += selfDoc ?? ""
                if !pending.isEmpty { out.append(quoted(pending)) }
                pending = ""
                let c = conv.map { "!" + String($0) } ?? ""
                let s = spec.isEmpty ? "" : ":" + list(fparts(spec))
                out.append("{" + expr(e) + c + s + "}")
            }
        }
        if !pending.isEmpty { out.append(quoted(pending)) }
        return out
    }

    static func stmt(_ s: Stmt) -> String { "\(s.pos.line):\(s.pos.column) " + stmtBody(s.kind) }

    static func handler(_ h: ExceptHandler) -> String { "except \(opt(h.type)) as \(h.name ?? "_") \(body(h.body))" }

    static func alias(_ a: ImportAlias) -> String { a.name + (a.asName.map { " as " + $0 } ?? "") }

    static func stmtBody(_ k: StmtKind) -> String {
        switch k {
        case .expr(let e): return "Expr " + expr(e)
        case .assign(let ts, let v): return "Assign " + (ts + [v]).map(expr).joined(separator: " = ")
        case .augAssign(let t, let op, let v): return "AugAssign \(expr(t)) \(op.rawValue)= \(expr(v))"
        case .annAssign(let t, let a, let v): return "AnnAssign \(expr(t)): \(expr(a)) = \(opt(v))"
        case .importModules(let names): return "Import " + list(names.map(alias))
        case .importFrom(let m, let names, let level): return "ImportFrom \(level) \(m) " + list(names.map(alias))
        case .functionDef(let f):
            return "\(f.isAsync ? "Async" : "")Def \(f.name)\(params(f.params)) -> \(opt(f.returns)) \(body(f.body)) decorators=\(list(f.decorators.map(expr)))"
        case .classDef(let c):
            return "Class \(c.name) \(list(c.bases.map(expr))) \(list(c.keywords.map(keyword))) \(body(c.body)) decorators=\(list(c.decorators.map(expr)))"
        case .returnStmt(let v): return "Return " + opt(v)
        case .ifStmt(let t, let b, let o): return "If \(expr(t)) \(body(b)) else \(body(o))"
        case .whileStmt(let t, let b, let o): return "While \(expr(t)) \(body(b)) else \(body(o))"
        case .forStmt(let t, let i, let b, let o, let isAsync):
            return "\(isAsync ? "Async" : "")For \(expr(t)) in \(expr(i)) \(body(b)) else \(body(o))"
        case .breakStmt: return "Break"
        case .continueStmt: return "Continue"
        case .pass: return "Pass"
        case .tryStmt(let b, let hs, let o, let f, let star):
            return "Try\(star ? "*" : "") \(body(b)) \(list(hs.map(handler))) else \(body(o)) finally \(body(f))"
        case .raise(let e, let c): return "Raise \(opt(e)) from \(opt(c))"
        case .with(let items, let b, let isAsync):
            return "\(isAsync ? "Async" : "")With \(list(items.map { expr($0.context) + " as " + opt($0.target) })) \(body(b))"
        case .global(let names): return "Global " + list(names)
        case .nonlocal(let names): return "Nonlocal " + list(names)
        case .assert(let t, let m): return "Assert \(expr(t)), \(opt(m))"
        case .delete(let ts): return "Del " + list(ts.map(expr))
        case .match(let subject, let cases):
            return "Match \(expr(subject)) " + list(cases.map { "case \(pattern($0.pattern)) if \(opt($0.guardExpr)) \(body($0.body))" })
        }
    }

    static func pattern(_ p: Pattern) -> String {
        switch p.kind {
        case .value(let e): return "Value " + expr(e)
        case .singleton(let c): return "Singleton \(c)"
        case .sequence(let items): return "Seq " + list(items.map(pattern))
        case .mapping(let keys, let patterns, let rest):
            return "Map " + list(zip(keys, patterns).map { expr($0) + ": " + pattern($1) }) + " **\(rest ?? "-")"
        case .classPattern(let cls, let patterns, let names, let kwd):
            return "Class \(expr(cls)) " + list(patterns.map(pattern)) + " " + list(zip(names, kwd).map { $0 + "=" + pattern($1) })
        case .star(let name): return "*" + (name ?? "_")
        case .asPattern(let inner, let name): return "As \(inner.map(pattern) ?? "-") \(name ?? "_")"
        case .or(let alternatives): return "Or " + list(alternatives.map(pattern))
        }
    }
}
