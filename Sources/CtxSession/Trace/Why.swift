import CtxCore
import CtxLang

/// `:why NAME [in CTX]`: where the value a context shows for a variable comes from — the set
/// that put it there (which input, which line, which context), the copies that carried it into
/// this context, or the default, or nothing.
extension Session {
    func whyCommand(_ arg: String) {
        let parts = arg.components(separatedBy: " in ")
        guard !arg.isEmpty, parts.count <= 2 else {
            info("usage: :why NAME [in CTX]  (NAME: a ContextVar; CTX: a Context, Task or thread bound to a name, or C7 / 0x7f…; default: the session context)")
            return
        }
        let varName = parts[0].trimmingWhitespace
        guard let v = variable(named: varName) else {
            info("no ContextVar named \(varName): name a variable bound to one, or its name=")
            return
        }
        var target = context
        if parts.count == 2 {
            let ctxName = parts[1].trimmingWhitespace
            guard let c = contextNamed(ctxName) else {
                info("no context \(ctxName): name a Context, a Task or a thread bound to a name, or a context of the tree (C7 or its address)")
                return
            }
            target = c
        }
        for line in why(v, in: target) { info(line) }
    }

    /// The lines `:why` prints.
    func why(_ v: ContextVar, in c: Context) -> [String] {
        let label = variableLabels()[v.address] ?? v.name
        let place = contextLabel(c.address)
        var lines: [String] = []
        let record = trace.histories.entry(c.address)?.records[v.address]
        if let value = c.value(of: v) {
            lines.append("\(label) in \(place) = \(shownRepr(value) ?? "<repr failed>")")
            guard let record, !record.removed else {
                lines.append("  the value was there before this session recorded events")
                return lines
            }
            lines += copies(from: c.address, to: record.context)
            let how = record.isReset ? "got the value back by reset()" : "got the value"
            lines.append("  \(contextLabel(record.context)) \(how) at \(at(record.input, record.position))")
            return lines
        }
        if let record, record.removed {
            lines.append("\(label) has no value in \(place): reset() at \(at(record.input, record.position)) removed it")
        } else {
            lines.append("\(label) has no value in \(place): no set() reached it")
        }
        if let d = v.defaultValue {
            lines.append("  get() returns the variable's default, \(shownRepr(d) ?? "<repr failed>")")
        } else {
            lines.append("  and the variable has no default: get() without an argument raises LookupError")
        }
        return lines
    }

    /// The copies that carried a value from `origin` into `address`, newest first.
    private func copies(from address: Int, to origin: Int) -> [String] {
        var lines: [String] = []
        var here = address
        while here != origin {
            guard lines.count < 50 else {
                lines.append("  …")
                break
            }
            guard let birth = trace.histories.entry(here)?.birth, let from = birth.from else {
                lines.append("  \(contextLabel(here)) got it from a context that is gone now")
                break
            }
            lines.append("  \(contextLabel(here)) was copied from \(contextLabel(from)) \(copiedBy(birth.provenance)) at \(at(birth.input, birth.position))")
            here = from
        }
        return lines
    }

    private func copiedBy(_ provenance: String) -> String {
        switch provenance {
        case "copy_context()": return "by copy_context()"
        case "copy": return "by ctx.copy()"
        default:
            if isCallbackCopy(provenance) { return "for a callback" }
            if provenance.hasPrefix("Task-") || !provenance.contains(" ") { return "by create_task (\(provenance))" }
            return "(\(provenance))"
        }
    }

    /// `input 7 (await main()), line 3 in handle: request_id.set(rid)`; the input alone when
    /// the event was on its first line, at top level.
    private func at(_ input: Int, _ p: SourcePosition?) -> String {
        let lines = trace.sources[input] ?? []
        let first = lines.firstIndex { !$0.trimmingWhitespace.isEmpty }
        var s = "input \(input)"
        if let first {
            let text = lines[first].trimmingWhitespace
            s += " (" + (text.count > 40 ? text.prefix(39) + (options.render.unicode ? "…" : "...") : text) + ")"
        }
        guard let p else { return s }
        if p.source == input, p.function == "<module>", let first, p.line == first + 1 { return s }
        s += ", " + where_(p).dropLast(2)
        if let own = trace.sources[p.source], p.line >= 1, p.line <= own.count {
            s += ":  " + own[p.line - 1].trimmingWhitespace
        }
        return s
    }

    private func variable(named name: String) -> ContextVar? {
        if let v = namespace[name]?.asObject as? ContextVar { return v }
        let named = tracker.liveVariables.filter { $0.name == name }
        return named.count == 1 ? named[0] : nil
    }

    private func contextNamed(_ name: String) -> Context? {
        switch namespace[name]?.asObject {
        case let c as Context: return c
        case let t as Task: return t.context
        case let t as PyThread: return t.runContext
        default: break
        }
        let wanted: Int?
        if name.hasPrefix("C"), let n = Int(name.dropFirst()) {
            wanted = tracker.shortIds.first { $0.value == n }?.key
        } else if name.hasPrefix("0x") {
            wanted = Int(name.dropFirst(2), radix: 16)
        } else {
            wanted = nil
        }
        guard let wanted, let entry = tracker.entry(at: wanted) else { return nil }
        return tracker.context(atEntry: entry)
    }
}
