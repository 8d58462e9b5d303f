import CtxCore

/// Argument checking for built-in functions, with CPython's messages.
struct Arguments {
    let name: String
    let args: [Value]
    let kwargs: [(String, Value)]
    let rt: Runtime

    /// The same arguments, an instance of a str/int/float subclass replaced by the value it carries.
    func unwrappingPayloads(_ interpreter: Interpreter) -> Arguments {
        guard args.contains(where: { interpreter.payload(of: $0) != nil }) || kwargs.contains(where: { interpreter.payload(of: $0.1) != nil }) else {
            return self
        }
        return Arguments(name: name, args: args.map { interpreter.payload(of: $0) ?? $0 },
                         kwargs: kwargs.map { ($0.0, interpreter.payload(of: $0.1) ?? $0.1) }, rt: rt)
    }

    /// Positional or keyword argument `i` named `key`.
    func get(_ i: Int, _ key: String? = nil) -> Value? {
        if i < args.count { return args[i] }
        if let key, let kv = kwargs.first(where: { $0.0 == key }) { return kv.1 }
        return nil
    }

    func keyword(_ key: String) -> Value? { kwargs.first { $0.0 == key }?.1 }

    func required(_ i: Int, _ key: String) throws -> Value {
        guard let v = get(i, key) else {
            throw rt.error(.TypeError, "\(name)() missing required argument '\(key)' (pos \(i + 1))")
        }
        return v
    }

    /// `f() takes no keyword arguments` / `f expected at most N arguments, got M`.
    func check(maxPositional: Int, minPositional: Int = 0, keywords: Set<String> = []) throws {
        if let bad = kwargs.first(where: { !keywords.contains($0.0) }) {
            if keywords.isEmpty { throw rt.error(.TypeError, "\(name)() takes no keyword arguments") }
            throw rt.error(.TypeError, "\(name)() got an unexpected keyword argument '\(bad.0)'")
        }
        if args.count > maxPositional {
            if maxPositional == 0 { throw rt.error(.TypeError, "\(name)() takes no arguments (\(args.count) given)") }
            throw rt.error(.TypeError, "\(name) expected at most \(maxPositional) argument\(maxPositional == 1 ? "" : "s"), got \(args.count)")
        }
        if args.count < minPositional {
            throw rt.error(.TypeError, "\(name) expected at least \(minPositional) argument\(minPositional == 1 ? "" : "s"), got \(args.count)")
        }
    }

    /// Exactly `n` positional arguments: `f() takes exactly one argument (0 given)`.
    func exactly(_ n: Int) throws {
        if !kwargs.isEmpty { throw rt.error(.TypeError, "\(name)() takes no keyword arguments") }
        if args.count != n {
            let words = [0: "no", 1: "exactly one", 2: "exactly 2"]
            throw rt.error(.TypeError, "\(name)() takes \(words[n] ?? "exactly \(n)") argument\(n == 1 ? "" : "s") (\(args.count) given)")
        }
    }
}

extension Interpreter {
    /// A built-in whose body receives checked `Arguments`.
    func function(_ name: String, owner: (() throws -> String)? = nil, _ body: @escaping (Arguments) throws -> Value) -> Value {
        builtin(name, owner: owner) { [unowned self] args, kwargs in
            try body(Arguments(name: name, args: args, kwargs: kwargs, rt: self.rt))
        }
    }

    /// An int argument that must fit 64 bits (CPython's `n` format: `PyLong_AsSsize_t`).
    func expectInt(_ v: Value, _ what: String) throws -> Int { try ssize(v) }

    func expectFloat(_ v: Value) throws -> Double {
        guard let d = numeric(v) else {
            throw rt.error(.TypeError, "must be real number, not \(typeName(v))")
        }
        return d
    }

    func expectStr(_ v: Value, _ what: String) throws -> String {
        guard case .str(let s) = payload(of: v) ?? v else { throw rt.error(.TypeError, "\(what) must be str, not \(typeName(v))") }
        return s
    }

    func list(_ items: [Value]) -> Value { .object(PyList(runtime: rt, items)) }
    func tuple(_ items: [Value]) -> Value { .object(PyTuple(runtime: rt, items)) }
}
