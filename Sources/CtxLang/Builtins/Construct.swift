import BigInt
import CtxCore

extension Interpreter {
    /// Calling a built-in type: `int("3")`, `ContextVar("x")`, `Context()`, `threading.Thread(...)`.
    /// PyObject_LengthHint (Objects/abstract.c), which list() and tuple() ask before they
    /// iterate: a class's `__len__` (a TypeError from it is ignored), else its
    /// `__length_hint__`. ctxlab does not use the size, but the calls are the program's to see
    /// (a mock records them) and their errors propagate.
    func lengthHint(_ v: Value) throws {
        guard case .object(let i as PyInstance) = v else { return }
        if let len = slotMethod(i.cls.lookup("__len__")) {
            do {
                _ = try userLength(len, v)
                return
            } catch let e as PyException where e.isInstance(of: .TypeError) {
                // cleared: `__length_hint__` is asked next
            }
        }
        guard let hint = slotMethod(i.cls.lookup("__length_hint__")) else { return }
        let r: Value
        do { r = try call(hint, [v]) } catch let e as PyException where e.isInstance(of: .TypeError) { return }
        if r.isIdentical(builtins["NotImplemented"] ?? .none) { return }
        if isBigInt(payload(of: r) ?? r) { throw rt.error(.OverflowError, "Python int too large to convert to C ssize_t") }
        guard let n = intValue(payload(of: r) ?? r) else {
            throw rt.error(.TypeError, "__length_hint__ must be an integer, not \(typeName(r))")
        }
        if n < 0 { throw rt.error(.ValueError, "__length_hint__() should return >= 0") }
    }

    /// The items list() and tuple() take (list_extend): the iterator is made first, then the
    /// length hint asked, then the items drawn.
    func sequenceItems(_ v: Value) throws -> [Value] {
        guard v.asObject is PyInstance else { return try iterate(v) }
        guard let it = try iterator(v) else { throw rt.error(.TypeError, "'\(typeName(v))' object is not iterable") }
        try lengthHint(v)
        return try drain(it)
    }

    func constructBuiltin(_ b: BuiltinType, _ c: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = Arguments(name: c.name, args: args, kwargs: kwargs, rt: rt)
        if b == .iterator, c === classes.named("bytes") { return try makeBytes(a) }
        switch b {
        case .int: return try makeInt(a)
        case .float: return try makeFloat(a)
        case .str:
            try a.check(maxPositional: 1)
            return .str(try args.first.map { try str($0) } ?? "")
        case .bool:
            try a.check(maxPositional: 1)
            return .bool(try args.first.map { try truthy($0) } ?? false)
        case .list:
            try a.check(maxPositional: 1)
            return list(try args.first.map { try sequenceItems($0) } ?? [])
        case .tuple:
            try a.check(maxPositional: 1)
            return tuple(try args.first.map { try sequenceItems($0) } ?? [])
        case .set, .frozenset:
            try a.check(maxPositional: 1)
            let s = PySet(runtime: rt)
            s.isFrozen = b == .frozenset
            for v in try args.first.map({ try iterate($0) }) ?? [] { s.storage.append(try HashKey(v, rt)) }
            return .object(s)
        case .dict:
            let d = PyDict(runtime: rt)
            try dictInit(d, a)
            return .object(d)
        case .range:
            try a.check(maxPositional: 3, minPositional: 1)
            let ints = try args.map { v -> Int in
                if isBigInt(v) { throw rt.error(.OverflowError, "range() arguments that do not fit in 64 bits are not supported by ctxlab") }
                return try expectInt(v, "range")
            }
            let (start, stop, step) = ints.count == 1 ? (0, ints[0], 1) : (ints[0], ints[1], ints.count > 2 ? ints[2] : 1)
            if step == 0 { throw rt.error(.ValueError, "range() arg 3 must not be zero") }
            return .object(PyRange(runtime: rt, start: start, stop: stop, step: step))
        case .slice:
            try a.check(maxPositional: 3, minPositional: 1)
            if args.count == 1 { return .object(PySlice(runtime: rt, start: .none, stop: args[0], step: .none)) }
            return .object(PySlice(runtime: rt, start: args[0], stop: args[1], step: args.count > 2 ? args[2] : .none))
        case .object:
            try a.check(maxPositional: 0)
            return .object(NativeObject(runtime: rt, cls: c))
        case .type:
            if args.count == 3 { return try typeNew([.object(c)] + args, kwargs) }  // type(name, bases, dict)
            if args.count != 1 || !kwargs.isEmpty { throw rt.error(.TypeError, "type() takes 1 or 3 arguments") }
            return .object(classOf(args[0]))
        case .contextVar: return try newContextVar(args, kwargs)
        case .context:
            if !args.isEmpty || !kwargs.isEmpty { throw rt.error(.TypeError, "Context() does not accept any arguments") }
            return .object(Context(runtime: rt))
        case .token: throw rt.error(.RuntimeError, "Tokens can only be created by ContextVars")
        case .future:
            try a.check(maxPositional: 0, keywords: ["loop"])
            return .object(try runningLoop().createFuture())
        case .task:
            try a.check(maxPositional: 1, minPositional: 1, keywords: ["loop", "name", "context", "eager_start"])
            return try createTask(try runningLoop(), args[0], name: a.keyword("name"), context: a.keyword("context"))
        case .runner: return try makeRunner(a)
        case .thread: return try makeThread(a)
        case .local: return .object(makeThreadLocal())
        case .threadLock:
            if !kwargs.isEmpty { throw rt.error(.TypeError, "lock() takes no keyword arguments") }
            if !args.isEmpty { throw rt.error(.TypeError, "lock expected 0 arguments, got \(args.count)") }
            return .object(ThreadLock(runtime: rt))
        case .uuid: return try makeUUID(fromHex: a)
        case .partial:
            guard let fn = args.first else { throw rt.error(.TypeError, "type 'partial' takes at least one argument") }
            return .object(PyPartial(runtime: rt, function: fn, args: Array(args.dropFirst()), kwargs: kwargs))
        case .descriptor: return try makeDescriptor(c, a)
        case .method:  // types.MethodType(function, instance)
            if !kwargs.isEmpty { throw rt.error(.TypeError, "method() takes no keyword arguments") }
            guard args.count == 2 else { throw rt.error(.TypeError, "method expected 2 arguments, got \(args.count)") }
            guard isCallable(args[0]) else { throw rt.error(.TypeError, "first argument must be callable") }
            if args[1].isIdentical(.none) { throw rt.error(.TypeError, "instance must not be None") }
            return .object(PyBoundMethod(runtime: rt, receiver: args[1], function: args[0]))
        default:
            throw rt.error(.TypeError, "cannot create '\(c.module).\(c.name)' instances")
        }
    }

    private func makeInt(_ a: Arguments) throws -> Value {
        try a.check(maxPositional: 2, keywords: ["base"])
        guard let v = a.args.first else { return .int(0) }
        if let base = a.get(1, "base") {
            guard case .str(let text) = v else { throw rt.error(.TypeError, "int() can't convert non-string with explicit base") }
            let radix = try intValue(base) ?? (isBigInt(base) ? -1 : expectInt(base, "base"))
            guard radix == 0 || (2...36).contains(radix) else {
                throw rt.error(.ValueError, "int() base must be >= 2 and <= 36, or 0")
            }
            return try parseInt(text, base: radix, original: v)
        }
        switch v {
        case .int, .bool: return .int(intValue(v)!)
        case .object(let b as PyBigInt): return .object(b)
        case .float(let d):
            return try intFromDouble(d)
        case .str(let s):
            return try parseInt(s, base: 10, original: v)
        default:
            if case .object(let i as PyInstance) = v, let m = slotMethod(i.cls.lookup("__int__")) { return try call(m, [v]) }
            if let p = payload(of: v) { return try makeInt(Arguments(name: "int", args: [p], kwargs: [], rt: rt)) }
            throw rt.error(.TypeError, "int() argument must be a string, a bytes-like object or a real number, not '\(typeName(v))'")
        }
    }

    private func makeFloat(_ a: Arguments) throws -> Value {
        try a.check(maxPositional: 1)
        guard let v = a.args.first else { return .float(0) }
        switch v {
        case .int, .bool, .float: return .float(numeric(v)!)
        case .object(let b as PyBigInt): return .float(try bigToDouble(b.value))
        case .str(let s):
            let t = s.trimmingWhitespace.lowercased()
            switch t {
            case "inf", "+inf", "infinity": return .float(.infinity)
            case "-inf", "-infinity": return .float(-.infinity)
            case "nan", "+nan", "-nan": return .float(.nan)
            default:
                guard let d = Double(t.filter { $0 != "_" }) else {
                    throw rt.error(.ValueError, "could not convert string to float: \(try repr(v))")
                }
                return .float(d)
            }
        default:
            if case .object(let i as PyInstance) = v, let m = slotMethod(i.cls.lookup("__float__")) { return try call(m, [v]) }
            if let p = payload(of: v) { return try makeFloat(Arguments(name: "float", args: [p], kwargs: [], rt: rt)) }
            throw rt.error(.TypeError, "float() argument must be a string or a real number, not '\(typeName(v))'")
        }
    }
}

extension Interpreter {
    /// `PyLong_FromDouble`: the integral value of a float (truncated), as an int.
    func intFromDouble(_ d: Double) throws -> Value {
        try checkIntegralConvertible(d)
        if let i = Int(exactly: d.rounded(.towardZero)) { return .int(i) }
        return intResult(BigInt(d))
    }

    /// The errors of converting a NaN or an infinity to an int.
    func checkIntegralConvertible(_ d: Double) throws {
        if d.isNaN { throw rt.error(.ValueError, "cannot convert float NaN to integer") }
        if d.isInfinite { throw rt.error(.OverflowError, "cannot convert float infinity to integer") }
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    public var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
