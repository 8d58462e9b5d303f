import CtxCore

/// Running a whole program, the way `python3 FILE.py` does.
public enum Program {
    /// The outcome of a run: the process exit status CPython would give.
    public struct Outcome: Equatable {
        public var exitStatus: Int32
    }

    /// Compiles and runs `source` as `__main__`. Output goes through `runtime.write`. An uncaught
    /// exception prints a traceback on standard error and gives status 1; `SystemExit` gives its
    /// code; a syntax error or unsupported construct prints one clear message and gives 1.
    public static func run(_ source: String, filename: String, interpreter: Interpreter) -> Outcome {
        let rt = interpreter.rt
        interpreter.sources[filename] = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        interpreter.programName = filename
        let code: CodeObject
        do {
            code = try Compiler.compile(try PythonParser.parseModule(source), filename: filename)
        } catch {
            rt.write(Diagnostics.describe(error, filename: filename, source: source), true)
            return Outcome(exitStatus: 1)
        }
        let main = interpreter.mainNamespace(filename: filename)
        rt.heldByGlobals = { [weak main] in main?.heldObjects() ?? [] }
        do {
            _ = try interpreter.runModuleCode(code, namespace: main)
            try rt.finishThreads()  // threads still to run at interpreter exit; a thread that can never end is a deadlock
            interpreter.runAtexitCallbacks()
            interpreter.finalizeMain(main)
            rt.reportUnretrieved()  // finalization destroys what globals held (Loop/Unretrieved.swift)
            return Outcome(exitStatus: 0)
        } catch let e as PyException {
            let status = interpreter.reportUncaught(e)
            interpreter.runAtexitCallbacks()
            interpreter.finalizeMain(main)
            rt.reportUnretrieved()
            return Outcome(exitStatus: status)
        } catch SimulationError.deadlock {
            rt.write(rt.deadlockMessage(
                "the event loop has nothing left to run, but the program is still waiting (CPython would wait forever)",
                withThreads: "deadlock: the program is still waiting, and every thread it waits for waits for ever (CPython would wait forever):"), true)
            return Outcome(exitStatus: 1)
        } catch {
            rt.write("ctxlab: internal error: \(error)\n", true)
            return Outcome(exitStatus: 70)
        }
    }
}

extension Interpreter {
    /// A fresh `__main__` namespace.
    public func mainNamespace(filename: String) -> Namespace {
        let ns = Namespace()
        ns["__name__"] = .str("__main__")
        ns["__file__"] = .str(filename)
        ns["__doc__"] = Value.none  // (`.none` alone would be Optional.none: no entry)
        ns["__builtins__"] = .object((try? importModule("builtins")) ?? PyModule(runtime: rt, name: "builtins", namespace: builtins))
        modules["__main__"] = PyModule(runtime: rt, name: "__main__", namespace: ns)  // `import __main__`, sys.modules
        return ns
    }

    /// Prints an uncaught exception like CPython and returns the exit status.
    public func reportUncaught(_ e: PyException) -> Int32 {
        if e.isInstance(of: .SystemExit) {
            switch e.args.first {
            case nil, .none?: return 0
            case .int(let i)?: return Int32(truncatingIfNeeded: i)
            case .bool(let b)?: return b ? 1 : 0  // sys.exit(not ok), as unittest.main() exits
            case let v?:
                rt.write(((try? str(v)) ?? "") + "\n", true)
                return 1
            }
        }
        rt.write(formatTraceback(e), true)
        return 1
    }
}

/// Turns compile-time problems into the text CPython (or ctxlab, for unsupported constructs) shows.
public enum Diagnostics {
    public static func describe(_ error: Error, filename: String, source: String) -> String {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func located(_ pos: SourcePos, _ kind: String, _ message: String, end: SourcePos? = nil) -> String {
            var s = "  File \"\(filename)\", line \(pos.line)\n"
            if pos.line >= 1 && pos.line <= lines.count {
                let raw = lines[pos.line - 1]
                let trimmed = raw.drop(while: { $0 == " " || $0 == "\t" })
                let offset = raw.count - trimmed.count
                // From the offset to the end (traceback's SyntaxError format): to the end of the
                // line when the code goes on past it.
                let width: Int
                if let end, end.line == pos.line { width = end.column - pos.column }
                else if let end, end.line > pos.line { width = raw.count + 1 - pos.column }
                else { width = 1 }
                s += "    \(trimmed)\n"
                s += "    " + String(repeating: " ", count: max(0, pos.column - 1 - offset)) + String(repeating: "^", count: max(1, width)) + "\n"
            }
            return s + "\(kind): \(message)\n"
        }
        switch error {
        case let e as SyntaxError:
            return located(e.pos, e.kind == .indentation ? "IndentationError" : "SyntaxError", e.message, end: e.end)
        case let e as CompileSyntaxError:
            return located(e.pos, "SyntaxError", e.message, end: e.end)
        case let e as Unsupported:
            return "ctxlab: \(filename), line \(e.pos.line): \(e.message)\n"
        default:
            return "ctxlab: \(error)\n"
        }
    }
}

extension Namespace {
    /// The objects the globals hold: as values, or as items of a list, tuple, dict (keys and
    /// values) or set that a global holds (`Loop/Unretrieved.swift` rule 1).
    func heldObjects() -> Set<ObjectIdentifier> {
        var held = Set<ObjectIdentifier>()
        func add(_ v: Value) { if let o = v.asObject { held.insert(ObjectIdentifier(o)) } }
        for (_, v) in items {
            add(v)
            switch v.asObject {
            case let l as PyList: l.items.forEach(add)
            case let t as PyTuple: t.items.forEach(add)
            case let d as PyDict:
                for (k, value) in d.storage {
                    add(k.value)
                    add(value)
                }
            case let s as PySet: s.storage.forEach { add($0.value) }
            default: break
            }
        }
        return held
    }
}
