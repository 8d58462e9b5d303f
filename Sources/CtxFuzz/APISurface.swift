import CtxCore
import CtxLang

/// What there is to call: read from a running interpreter, so that it grows with ctxlab.
///
/// - the builtins are the interpreter's builtins namespace (`Interpreter.builtinNames`);
/// - the modules are those the interpreter imports (its ModuleNotFoundError lists them), with
///   the names in each module's namespace;
/// - the methods of each kind of object are what `attributeNames(of:)` gives for a sample
///   object of that kind, plus CPython's names for that type and the common dunders that the
///   interpreter's own `hasattr` confirms.
public struct APISurface: Sendable {
    public var builtins: [String]
    /// Module name → its public attribute names.
    public var modules: [(name: String, attributes: [String])]
    /// Receiver kind → its methods and attributes (only kinds whose sample ctxlab could make).
    public var methods: [(kind: ReceiverKind, names: [String])]

    /// Derives the surface from a fresh interpreter.
    public static func derive() -> APISurface {
        let rt = Runtime()
        let interpreter = Interpreter(runtime: rt, seed: 0)
        var polls = 0
        interpreter.interruptRequested = {
            polls += 1
            return polls > 10_000
        }
        let builtins = interpreter.builtinNames.filter { !$0.hasPrefix("__") }
        return APISurface(builtins: builtins, modules: moduleNames(interpreter),
                          methods: methodNames(interpreter))
    }

    /// The modules ctxlab provides: the ones its ModuleNotFoundError names, and their submodules.
    static func moduleNames(_ interpreter: Interpreter) -> [(name: String, attributes: [String])] {
        var names = ["asyncio", "contextvars", "threading", "uuid", "functools", "sys", "time", "typing", "concurrent.futures"]
        do {
            _ = try interpreter.importModule("ctxfuzz_no_such_module")
        } catch let e as PyException {
            if case .str(let message)? = e.args.first, let open = Substring(message).range(of: "(ctxlab provides: ") {
                let list = message[open.upperBound...].prefix { $0 != ")" }
                for n in list.split(separator: ",") {
                    let name = n.trimmingCharacters(in: " ")
                    if !names.contains(name) { names.append(name) }
                }
            }
        } catch {}
        return names.compactMap { name in
            guard let m = try? interpreter.importModule(name) else { return nil }
            let attributes = interpreter.attributeNames(of: .object(m)).filter { !$0.hasPrefix("_") }
            return (name, attributes)
        }
    }

    /// Each receiver kind's names, confirmed by running `hasattr` on a sample.
    static func methodNames(_ interpreter: Interpreter) -> [(kind: ReceiverKind, names: [String])] {
        let ns = interpreter.mainNamespace(filename: "<probe>")
        let source = ReceiverKind.probeProgram
        guard let module = try? PythonParser.parseModule(source),
              let code = try? Compiler.compile(module, filename: "<probe>") else { return [] }
        _ = try? interpreter.runModuleCode(code, namespace: ns)
        guard let hasattr = interpreter.builtinValue("hasattr") else { return [] }
        var result: [(kind: ReceiverKind, names: [String])] = []
        for kind in ReceiverKind.allCases {
            guard let sample = ns[kind.probeName] else { continue }
            var candidates = interpreter.attributeNames(of: sample)
            for n in kind.cpythonNames + ReceiverKind.commonNames where !candidates.contains(n) { candidates.append(n) }
            let names = candidates.filter { name in
                guard let v = try? interpreter.call(hasattr, [sample, .str(name)]), case .bool(true) = v else { return false }
                return true
            }
            if !names.isEmpty { result.append((kind, names)) }
        }
        return result
    }

    /// A readable listing (`ctxlab fuzz --list-api`).
    public var description: String {
        var lines = ["builtins (\(builtins.count)): " + builtins.joined(separator: " ")]
        for (name, attributes) in modules { lines.append("module \(name) (\(attributes.count)): " + attributes.joined(separator: " ")) }
        for (kind, names) in methods { lines.append("\(kind.rawValue) (\(names.count)): " + names.joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
