import CtxCore

extension Interpreter {
    /// CPython's traceback text for an uncaught exception, with its chained causes and contexts.
    public func formatTraceback(_ e: PyException) -> String {
        var seen = Set<ObjectIdentifier>()
        return formatChain(e, &seen)
    }

    private func formatChain(_ e: PyException, _ seen: inout Set<ObjectIdentifier>) -> String {
        seen.insert(ObjectIdentifier(e))
        var out = ""
        if let cause = e.cause, !seen.contains(ObjectIdentifier(cause)) {
            out += formatChain(cause, &seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let ctx = e.context, !e.suppressContext, !seen.contains(ObjectIdentifier(ctx)) {
            out += formatChain(ctx, &seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if let members = groupMembers(e) {
            return out + formatGroup(e, members, indent: "")
        }
        return out + formatSingle(e)
    }

    func formatSingle(_ e: PyException) -> String {
        var out = ""
        if !e.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            for entry in e.traceback { out += frameLines(entry) }
        }
        return out + exceptionLine(e) + "\n"
    }

    private func frameLines(_ entry: TracebackEntry) -> String {
        var s = "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
        if let lines = sources[entry.filename], entry.line >= 1, entry.line <= lines.count {
            let text = lines[entry.line - 1].trimmingWhitespace
            if !text.isEmpty { s += "    \(text)\n" }
        }
        return s
    }

    /// The last line: `Type: message`, with the module for non-builtin classes.
    public func exceptionLine(_ e: PyException) -> String {
        let cls = classOf(exception: e)
        let name = cls.module == "builtins" || cls.module == "__main__" ? cls.qualname : "\(cls.module).\(cls.qualname)"
        let message = ((try? str(.object(e))) ?? "<exception str() failed>") + (e.trailer?() ?? "")
        return message.isEmpty ? name : "\(name): \(message)"
    }

    /// The boxed form CPython prints for exception groups.
    private func formatGroup(_ e: PyException, _ members: [PyException], indent: String) -> String {
        var out = "\(indent)  + Exception Group Traceback (most recent call last):\n"
        for entry in e.traceback { out += frameLines(entry).split(separator: "\n").map { "\(indent)  |\($0)\n" }.joined() }
        out += "\(indent)  | \(exceptionLine(e))\n"
        for (i, m) in members.enumerated() {
            let header = i == 0 ? "+-+" : "  +"
            out += "\(indent)  \(header)---------------- \(i + 1) ----------------\n"
            let body: String
            if let sub = groupMembers(m) {
                body = formatGroup(m, sub, indent: "")
            } else {
                var seen = Set<ObjectIdentifier>()
                body = formatChain(m, &seen)
            }
            for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                out += "\(indent)    | \(line)\n"
            }
        }
        out += "\(indent)    +------------------------------------\n"
        return out
    }
}
