import CtxCore

extension Interpreter {
    /// CPython's traceback text for an uncaught exception, with its chained causes and contexts.
    public func formatTraceback(_ e: PyException) -> String {
        var seen = Set<ObjectIdentifier>()
        var printer = GroupPrinter()
        format(e, &seen, &printer)
        return printer.out
    }

    /// CPython's `TracebackException.format` (Lib/traceback.py): the chain of causes and
    /// contexts oldest first, each exception plain or as an exception group's box; groups nest
    /// at most `max_group_depth` (10) deep and show at most `max_group_width` (15) members. The
    /// chain is walked iteratively and the text is emitted with its indentation once, so a deep
    /// or wide group prints in linear time.
    private func format(_ e: PyException, _ seen: inout Set<ObjectIdentifier>, _ p: inout GroupPrinter) {
        var chain: [(String?, PyException)] = []
        var next: PyException? = e
        var message: String? = nil
        while let exc = next {
            seen.insert(ObjectIdentifier(exc))
            chain.append((message, exc))
            if let cause = exc.cause, !seen.contains(ObjectIdentifier(cause)) {
                message = "\nThe above exception was the direct cause of the following exception:\n\n"
                next = cause
            } else if let ctx = exc.context, !exc.suppressContext, !seen.contains(ObjectIdentifier(ctx)) {
                message = "\nDuring handling of the above exception, another exception occurred:\n\n"
                next = ctx
            } else {
                next = nil
            }
        }
        // Printed oldest first; the words that link an exception to the one that follows it
        // (its cause or context's "The above exception…") come between the two.
        var link: String? = nil
        for (msg, exc) in chain.reversed() {
            if let link { p.emit(link) }
            link = msg
            guard let members = groupMembers(exc) else {
                p.emit(formatSingle(exc))
                continue
            }
            if p.depth > GroupPrinter.maxDepth {
                p.emit("... (max_group_depth is \(GroupPrinter.maxDepth))\n")
                continue
            }
            let topLevel = p.depth == 0
            if topLevel { p.depth += 1 }
            if !exc.traceback.isEmpty {
                p.emit("Exception Group Traceback (most recent call last):\n", margin: topLevel ? "+" : "|")
                p.emit(stackLines(exc.traceback))
            }
            p.emit(exceptionLine(exc) + "\n" + noteLines(exc))
            let shown = members.count <= GroupPrinter.maxWidth ? members.count : GroupPrinter.maxWidth + 1
            p.needClose = false
            for i in 0..<shown {
                let last = i == shown - 1
                if last { p.needClose = true }
                let truncated = i >= GroupPrinter.maxWidth
                p.out += p.indent + (i == 0 ? "+-" : "  ") + "+---------------- \(truncated ? "..." : String(i + 1)) ----------------\n"
                p.depth += 1
                if truncated {
                    let remaining = members.count - GroupPrinter.maxWidth
                    p.emit("and \(remaining) more exception\(remaining > 1 ? "s" : "")\n")
                } else {
                    format(members[i], &seen, &p)
                }
                if last && p.needClose {
                    p.out += p.indent + "+------------------------------------\n"
                    p.needClose = false
                }
                p.depth -= 1
            }
            if topLevel { p.depth = 0 }
        }
    }

    /// PyErr_WriteUnraisable's report (write_unraisable_exc): `header:`, then the exception
    /// alone as the C traceback printer shows it (no carets, no cause or context); an exception
    /// with no traceback gets the running frame's.
    func writeUnraisable(_ e: PyException, _ header: String) {
        if e.traceback.isEmpty, let running = visibleFrames().first {
            var entry = running.line.tracebackEntry  // an inlined comprehension's line, if one runs
            entry.function = running.frame.code.name
            e.traceback = [entry]
        }
        let saved = e.traceback
        e.traceback = saved.map { entry in
            var plain = entry
            (plain.column, plain.endLine, plain.endColumn) = (nil, nil, nil)
            return plain
        }
        rt.write(header + "\n" + formatSingle(e), true)
        e.traceback = saved
    }

    func formatSingle(_ e: PyException) -> String {
        var out = ""
        if !e.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            out += stackLines(e.traceback)
        }
        return out + exceptionLine(e) + "\n" + noteLines(e)
    }

    /// The exception's notes (PEP 678, `add_note`), each line on its own, as
    /// TracebackException.format_exception_only prints them; a `__notes__` that is not a
    /// sequence prints as its repr.
    func noteLines(_ e: PyException) -> String {
        guard let notes = e.attributes["__notes__"] else { return "" }
        let items: [Value]
        switch notes.asObject {
        case let l as PyList: items = l.items
        case let t as PyTuple: items = t.items
        default: return ((try? repr(notes)) ?? "<__notes__ repr() failed>") + "\n"
        }
        var out = ""
        for note in items {
            let text: String
            if case .str(let s) = note { text = s } else { text = (try? str(note)) ?? "<note str() failed>" }
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) { out += line + "\n" }
        }
        return out
    }

    /// `StackSummary.format`: after three entries of the same file, line and function in a row
    /// (`_RECURSIVE_CUTOFF`), one line says how many more there were.
    private func stackLines(_ entries: [TracebackEntry]) -> String {
        var out = ""
        var last: TracebackEntry?
        var count = 0
        func flush() {
            if count > 3 {
                let more = count - 3
                out += "  [Previous line repeated \(more) more time\(more > 1 ? "s" : "")]\n"
            }
        }
        for entry in entries where !Self.cModuleStandIns.contains(entry.filename) {
            if let l = last, l.filename == entry.filename, l.line == entry.line, l.function == entry.function {
                count += 1
            } else {
                flush()
                last = entry
                count = 1
            }
            if count <= 3 { out += frameLines(entry) }
        }
        flush()
        return out
    }

    /// Lib/ files that stand in for CPython's C modules (_decimal, itertools, _operator, and the
    /// argument parsing of C functions): a C function has no frame, so their frames are not shown.
    static let cModuleStandIns: Set<String> = [
        "<ctxlab>/Lib/decimal.py", "<ctxlab>/Lib/itertools.py", "<ctxlab>/Lib/operator.py",
        "<ctxlab>/Lib/_ctxlab_clinic.py",
    ]

    private func frameLines(_ entry: TracebackEntry) -> String {
        let file = "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
        guard let lines = sources[entry.linesKey ?? entry.filename] else { return file }
        return file + sourceBlock(entry, lines)
    }

    /// The last line: `Type: message`, with the module for non-builtin classes.
    public func exceptionLine(_ e: PyException) -> String {
        let cls = classOf(exception: e)
        let name = cls.module == "builtins" || cls.module == "__main__" ? cls.qualname : "\(cls.module).\(cls.qualname)"
        let message = ((try? str(.object(e))) ?? "<exception str() failed>") + (e.trailer?() ?? "")
        return message.isEmpty ? name : "\(name): \(message)"
    }
}

/// `_ExceptionPrintContext`: where an exception group's text goes, and how far in.
struct GroupPrinter {
    static let maxDepth = 10
    static let maxWidth = 15
    var out = ""
    var depth = 0
    var needClose = false

    var indent: String { String(repeating: " ", count: 2 * depth) }

    /// Every line of `text`, indented, with the margin (`| ` or `+ `) inside a group.
    mutating func emit(_ text: String, margin: Character = "|") {
        guard depth > 0 else {
            out += text
            return
        }
        let prefix = indent + String(margin) + " "
        var line = ""
        for ch in text {
            line.append(ch)
            if ch == "\n" {
                out += prefix + line
                line = ""
            }
        }
        if !line.isEmpty { out += prefix + line }
    }
}
