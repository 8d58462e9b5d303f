import BigInt
import CtxCore
import Foundation

/// `math`, after CPython's `Modules/mathmodule.c` (3.14): the same error rules (`math_1`,
/// `math_1a`, `math_2`, `is_error`), the same algorithms where CPython does not call libm
/// (`m_tgamma`/`m_lgamma` with Lanczos' sum, `m_remainder`, `fsum`'s exact partials,
/// `vector_norm` for `hypot` and `dist`, `sumprod`'s extended precision, the int logarithms
/// of `loghelper`), and 3.14's domain-error messages (`expected a nonnegative input, got
/// -1.0`). The libm functions are the platform's, as CPython's are, so results agree to the
/// bit. This file holds the module, its calling conventions, conversions and error rules;
/// the algorithms are in MathAlgorithms.swift (pure functions of doubles), the integer
/// functions in MathIntegers.swift.
extension Interpreter {
    func makeMathModule() -> PyModule {
        let m = PyModule(runtime: rt, name: "math")
        let ns = m.namespace
        ns["pi"] = .float(Double.pi)
        ns["e"] = .float(M_E)
        ns["tau"] = .float(2 * Double.pi)
        ns["inf"] = .float(.infinity)
        ns["nan"] = .float(.nan)

        // FUNC1 / FUNC1D: math_1 over a libm function.
        let one: [(String, (Double) -> Double, Bool, String?)] = [
            ("acos", Foundation.acos, false, "expected a number in range from -1 up to 1, got %s"),
            ("acosh", Foundation.acosh, false, "expected argument value not less than 1, got %s"),
            ("asin", Foundation.asin, false, "expected a number in range from -1 up to 1, got %s"),
            ("asinh", Foundation.asinh, false, nil),
            ("atan", Foundation.atan, false, nil),
            ("atanh", Foundation.atanh, false, "expected a number between -1 and 1, got %s"),
            ("cbrt", Foundation.cbrt, false, nil),
            ("cos", Foundation.cos, false, "expected a finite input, got %s"),
            ("cosh", Foundation.cosh, true, nil),
            ("exp", Foundation.exp, true, nil),
            ("exp2", Foundation.exp2, true, nil),
            ("expm1", Foundation.expm1, true, nil),
            ("fabs", Foundation.fabs, false, nil),
            ("log1p", Foundation.log1p, false, "expected argument value > -1, got %s"),
            ("sin", Foundation.sin, false, "expected a finite input, got %s"),
            ("sinh", Foundation.sinh, true, nil),
            ("sqrt", Foundation.sqrt, false, "expected a nonnegative input, got %s"),
            ("tan", Foundation.tan, false, "expected a finite input, got %s"),
            ("tanh", Foundation.tanh, false, nil),
        ]
        for (name, f, canOverflow, message) in one {
            ns[name] = mathO(name) { [unowned self] x in .float(try self.math1(x, f, canOverflow: canOverflow, message)) }
        }
        // FUNC1A / FUNC1AD: math_1a, for the functions that report their own errors.
        let oneA: [(String, (Double) -> (Double, MathErrno), String?)] = [
            ("erf", { (Foundation.erf($0), .none) }, nil),
            ("erfc", { (Foundation.erfc($0), .none) }, nil),
            ("gamma", MathAlgorithms.tgamma, "expected a noninteger or positive integer, got %s"),
            ("lgamma", MathAlgorithms.lgamma, "expected a noninteger or positive integer, got %s"),
        ]
        for (name, f, message) in oneA {
            ns[name] = mathO(name) { [unowned self] v in
                let x = try self.mathDouble(v)
                let (r, errno) = f(x)
                if errno != .none {
                    if errno == .domain, let message { throw self.rt.error(.ValueError, MathAlgorithms.format(message, x)) }
                    try self.mathIsError(r, errno)
                }
                return .float(r)
            }
        }
        // FUNC2: math_2.
        let two: [(String, (Double, Double) -> Double)] = [
            ("atan2", Foundation.atan2), ("copysign", Foundation.copysign),
            ("remainder", MathAlgorithms.remainder),
        ]
        for (name, f) in two {
            ns[name] = mathFast(name) { [unowned self] a in
                try self.mathPositional(name, a, 2, 2)
                let x = try self.mathDouble(a[0]), y = try self.mathDouble(a[1])
                let r = f(x, y)
                if r.isNaN, !x.isNaN, !y.isNaN { try self.mathIsError(r, .domain) }
                if r.isInfinite, x.isFinite, y.isFinite { try self.mathIsError(r, .range) }
                return .float(r)
            }
        }
        addMathRounding(ns)
        addMathFloatFunctions(ns)
        addMathLogarithms(ns)
        addMathSums(ns)
        addMathIntegers(ns)
        return m
    }

    // MARK: calling conventions

    /// A METH_O function: `math.sqrt() takes exactly one argument (0 given)`.
    func mathO(_ name: String, _ body: @escaping (Value) throws -> Value) -> Value {
        builtin(name) { [unowned self] args, kwargs in
            try Arguments(name: "math.\(name)", args: args, kwargs: kwargs, rt: self.rt).exactly(1)
            return try body(args[0])
        }
    }

    /// A METH_FASTCALL function without keywords: `math.pow() takes no keyword arguments`.
    func mathFast(_ name: String, _ body: @escaping ([Value]) throws -> Value) -> Value {
        builtin(name) { [unowned self] args, kwargs in
            if !kwargs.isEmpty { throw self.rt.error(.TypeError, "math.\(name)() takes no keyword arguments") }
            return try body(args)
        }
    }

    /// `_PyArg_CheckPositional`: `pow expected 2 arguments, got 1`.
    func mathPositional(_ name: String, _ args: [Value], _ min: Int, _ max: Int) throws {
        func fail(_ bound: Int, _ word: String) -> PyException {
            rt.error(.TypeError, "\(name) expected \(min == max ? "" : word)\(bound) argument\(bound == 1 ? "" : "s"), got \(args.count)")
        }
        if args.count < min { throw fail(min, "at least ") }
        if args.count > max { throw fail(max, "at most ") }
    }

    // MARK: conversions

    /// `PyFloat_AsDouble`: a float, an int (OverflowError past the float range), `__float__`,
    /// then `__index__`.
    func mathDouble(_ v: Value) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let b as PyBigInt): return try bigToDouble(b.value)
        default: break
        }
        if let m = userSlot(v, "__float__") {
            let r = try call(m, [v])
            guard case .float(let d) = payload(of: r) ?? r else {
                throw rt.error(.TypeError, "\(typeName(v)).__float__ returned non-float (type \(typeName(r)))")
            }
            return d
        }
        if let d = numeric(v) {
            if let b = bigValue(v) { return try bigToDouble(b) }
            return d
        }
        if userSlot(v, "__index__") != nil { return try bigToDouble(try mathIndex(v)) }
        throw rt.error(.TypeError, "must be real number, not \(typeName(v))")
    }

    /// `PyNumber_Index`: an int, or what `__index__` returns.
    func mathIndex(_ v: Value) throws -> BigInt {
        if let b = bigValue(v) { return b }
        if let m = userSlot(v, "__index__") {
            let r = try call(m, [v])
            guard let b = bigValue(r) else {
                throw rt.error(.TypeError, "__index__ returned non-int (type \(typeName(r)))")
            }
            return b
        }
        throw rt.error(.TypeError, "'\(typeName(v))' object cannot be interpreted as an integer")
    }

    // MARK: error rules

    /// `math_1`: a NaN from a non-NaN is a domain error, an infinity from a finite input an
    /// overflow (or, for a function that cannot overflow, a domain error at a singularity).
    private func math1(_ v: Value, _ f: (Double) -> Double, canOverflow: Bool, _ message: String?) throws -> Double {
        let x = try mathDouble(v)
        let r = f(x)
        if r.isNaN && !x.isNaN || r.isInfinite && x.isFinite && !canOverflow {
            throw rt.error(.ValueError, message.map { MathAlgorithms.format($0, x) } ?? "math domain error")
        }
        if r.isInfinite && x.isFinite { throw rt.error(.OverflowError, "math range error") }
        return r
    }

    /// `is_error`: EDOM is ValueError; ERANGE is OverflowError unless the result is an
    /// underflow (smaller than 1.5).
    private func mathIsError(_ r: Double, _ errno: MathErrno) throws {
        switch errno {
        case .none: return
        case .domain: throw rt.error(.ValueError, "math domain error")
        case .range: if Swift.abs(r) >= 1.5 { throw rt.error(.OverflowError, "math range error") }
        }
    }

    // MARK: ceil, floor, trunc

    private func addMathRounding(_ ns: Namespace) {
        for (name, special, round) in [("ceil", "__ceil__", FloatingPointRoundingRule.up), ("floor", "__floor__", .down)] {
            ns[name] = mathO(name) { [unowned self] v in
                if case .float(let d) = v { return try self.intFromDouble(d.rounded(round)) }
                if let m = self.userSlot(v, special) { return try self.call(m, [v]) }
                if let b = self.bigValue(v) { return self.intResult(b) }  // int.__floor__
                return try self.intFromDouble(try self.mathDouble(v).rounded(round))
            }
        }
        ns["trunc"] = mathO("trunc") { [unowned self] v in
            if case .float(let d) = v { return try self.intFromDouble(d) }
            if let m = self.userSlot(v, "__trunc__") { return try self.call(m, [v]) }
            if let b = self.bigValue(v) { return self.intResult(b) }
            if case .float(let d)? = self.payload(of: v) { return try self.intFromDouble(d) }  // float.__trunc__
            throw self.rt.error(.TypeError, "type \(self.typeName(v)) doesn't define __trunc__ method")
        }
    }

    // MARK: functions of floats

    private func addMathFloatFunctions(_ ns: Namespace) {
        let unary: [(String, (Double) -> Value)] = [
            ("degrees", { .float($0 * (180.0 / Double.pi)) }),
            ("radians", { .float($0 * (Double.pi / 180.0)) }),
            ("isfinite", { .bool($0.isFinite) }),
            ("isinf", { .bool($0.isInfinite) }),
            ("isnan", { .bool($0.isNaN) }),
            ("ulp", { .float(MathAlgorithms.ulp($0)) }),
        ]
        for (name, f) in unary {
            ns[name] = mathO(name) { [unowned self] v in f(try self.mathDouble(v)) }
        }
        ns["frexp"] = mathO("frexp") { [unowned self] v in
            let x = try self.mathDouble(v)
            if x.isNaN || x.isInfinite || x == 0 { return self.tuple([.float(x), .int(0)]) }
            let (m, e) = MathAlgorithms.frexp(x)
            return self.tuple([.float(m), .int(e)])
        }
        ns["modf"] = mathO("modf") { [unowned self] v in
            let x = try self.mathDouble(v)
            if x.isInfinite { return self.tuple([.float(Foundation.copysign(0, x)), .float(x)]) }
            if x.isNaN { return self.tuple([.float(x), .float(x)]) }
            let whole = x.rounded(.towardZero)
            return self.tuple([.float(Foundation.copysign(x - whole, x)), .float(whole)])
        }
        ns["ldexp"] = mathFast("ldexp") { [unowned self] a in
            try self.mathPositional("ldexp", a, 2, 2)
            let x = try self.mathDouble(a[0])
            guard let big = self.bigValue(a[1]) else {  // PyLong_Check: an int, not an __index__
                throw self.rt.error(.TypeError, "Expected an int as second argument to ldexp.")
            }
            if x == 0 || !x.isFinite { return .float(x) }
            if big > BigInt(Int32.max) { throw self.rt.error(.OverflowError, "math range error") }
            if big < BigInt(Int32.min) { return .float(Foundation.copysign(0, x)) }
            let r = Foundation.scalbn(x, Int(big))
            if r.isInfinite { throw self.rt.error(.OverflowError, "math range error") }
            return .float(r)
        }
        ns["fmod"] = mathFast("fmod") { [unowned self] a in
            try self.mathPositional("fmod", a, 2, 2)
            let x = try self.mathDouble(a[0]), y = try self.mathDouble(a[1])
            if y.isInfinite && x.isFinite { return .float(x) }
            let r = Foundation.fmod(x, y)
            if r.isNaN, !x.isNaN, !y.isNaN { throw self.rt.error(.ValueError, "math domain error") }
            return .float(r)
        }
        ns["pow"] = mathFast("pow") { [unowned self] a in
            try self.mathPositional("pow", a, 2, 2)
            let (r, errno) = MathAlgorithms.pow(try self.mathDouble(a[0]), try self.mathDouble(a[1]))
            try self.mathIsError(r, errno)
            return .float(r)
        }
        ns["fma"] = mathFast("fma") { [unowned self] a in
            try self.mathPositional("fma", a, 3, 3)
            let x = try self.mathDouble(a[0]), y = try self.mathDouble(a[1]), z = try self.mathDouble(a[2])
            let r = z.addingProduct(x, y)
            if r.isNaN, !x.isNaN, !y.isNaN, !z.isNaN { throw self.rt.error(.ValueError, "invalid operation in fma") }
            if r.isInfinite, x.isFinite, y.isFinite, z.isFinite { throw self.rt.error(.OverflowError, "overflow in fma") }
            return .float(r)
        }
        ns["isclose"] = function("isclose") { [unowned self] a in
            try a.check(maxPositional: 2, keywords: ["a", "b", "rel_tol", "abs_tol"])
            let av = try a.required(0, "a"), bv = try a.required(1, "b")  // clinic parses before converting
            let x = try self.mathDouble(av), y = try self.mathDouble(bv)
            let rel = try a.keyword("rel_tol").map(self.mathDouble) ?? 1e-9
            let abs = try a.keyword("abs_tol").map(self.mathDouble) ?? 0
            if rel < 0 || abs < 0 { throw self.rt.error(.ValueError, "tolerances must be non-negative") }
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let diff = Swift.abs(y - x)
            return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= abs)
        }
        ns["nextafter"] = function("nextafter") { [unowned self] a in
            try a.check(maxPositional: .max, keywords: ["steps"])
            if a.args.count != 2 {
                throw self.rt.error(.TypeError, "nextafter() takes exactly 2 positional arguments (\(a.args.count) given)")
            }
            let x = try self.mathDouble(a.args[0]), y = try self.mathDouble(a.args[1])
            guard let s = a.keyword("steps"), !s.isIdentical(.none) else { return .float(MathAlgorithms.nextafter(x, y)) }
            let steps = try self.mathIndex(s)
            if steps.sign == .minus { throw self.rt.error(.ValueError, "steps must be a non-negative integer") }
            return .float(MathAlgorithms.nextafter(x, y, steps: UInt64(exactly: steps) ?? UInt64.max))
        }
        ns["hypot"] = mathFast("hypot") { [unowned self] a in
            var coordinates = try a.map { Swift.abs(try self.mathDouble($0)) }
            return .float(MathAlgorithms.vectorNorm(&coordinates))
        }
        ns["dist"] = mathFast("dist") { [unowned self] a in
            try self.mathPositional("dist", a, 2, 2)
            let p = try self.mathPoint(a[0]), q = try self.mathPoint(a[1])
            if p.count != q.count { throw self.rt.error(.ValueError, "both points must have the same number of dimensions") }
            var diffs: [Double] = []
            for (x, y) in zip(p, q) { diffs.append(Swift.abs(try self.mathDouble(x) - self.mathDouble(y))) }
            return .float(MathAlgorithms.vectorNorm(&diffs))
        }
    }

    /// A point of `dist`: a tuple, or any iterable made into one (`PySequence_Tuple`).
    private func mathPoint(_ v: Value) throws -> [Value] {
        if let t = v.asObject as? PyTuple { return t.items }
        return try iterate(v)
    }

    // MARK: logarithms (loghelper)

    private func addMathLogarithms(_ ns: Namespace) {
        ns["log"] = mathFast("log") { [unowned self] a in
            try self.mathPositional("log", a, 1, 2)
            let num = try self.mathLog(a[0], MathAlgorithms.log)
            if a.count == 1 { return .float(num) }
            let den = try self.mathLog(a[1], MathAlgorithms.log)
            return try self.binaryOp(.div, .float(num), .float(den))
        }
        ns["log2"] = mathO("log2") { [unowned self] v in .float(try self.mathLog(v, MathAlgorithms.log2)) }
        ns["log10"] = mathO("log10") { [unowned self] v in .float(try self.mathLog(v, MathAlgorithms.log10)) }
    }

    /// `loghelper`: an int of any size has a logarithm, through its frexp when it is past the
    /// float range; anything else goes through math_1.
    private func mathLog(_ v: Value, _ f: @escaping (Double) -> Double) throws -> Double {
        if let b = bigValue(v) { return try mathLogInt(b, f) }
        do {
            return try math1(v, f, canOverflow: false, "expected a positive input, got %s")
        } catch let e as PyException where e.type.isSubclass(of: .OverflowError) && userSlot(v, "__index__") != nil {
            return try mathLogInt(try mathIndex(v), f)
        }
    }

    /// `loghelper_int`: past the float range, log(x) + log(2) × e from the int's frexp (3.13's
    /// sum; newer CPython fuses it).
    private func mathLogInt(_ b: BigInt, _ f: (Double) -> Double) throws -> Double {
        if b.sign == .minus || b.isZero { throw rt.error(.ValueError, "expected a positive input") }
        let d = PyBigInt.toDouble(b)
        if d.isFinite { return f(d) }
        let (x, e) = MathAlgorithms.frexp(b)
        return f(x) + f(2.0) * Double(e)
    }

    // MARK: fsum, prod, sumprod

    private func addMathSums(_ ns: Namespace) {
        ns["fsum"] = mathO("fsum") { [unowned self] seq in
            var sum = MathAlgorithms.FSum()
            let it = try self.getIterator(seq)
            while let item = try self.nextValue(it) {
                try self.checkInterrupt()
                let x = try self.mathDouble(item)
                if !sum.add(x) { throw self.rt.error(.OverflowError, "intermediate overflow in fsum") }
            }
            guard let r = sum.result() else { throw self.rt.error(.ValueError, "-inf + inf in fsum") }
            return .float(r)
        }
        ns["prod"] = function("prod") { [unowned self] a in
            try a.check(maxPositional: .max, keywords: ["start"])
            guard a.args.count == 1 else { throw self.rt.error(.TypeError, "prod() takes exactly 1 positional argument (\(a.args.count) given)") }
            var result = a.keyword("start") ?? .int(1)
            let it = try self.getIterator(a.args[0])
            while let item = try self.nextValue(it) {
                try self.checkInterrupt()
                result = try self.binaryOp(.mul, result, item)
            }
            return result
        }
        ns["sumprod"] = mathFast("sumprod") { [unowned self] a in
            try self.mathPositional("sumprod", a, 2, 2)
            return try self.mathSumprod(a[0], a[1])
        }
    }

    /// `math_sumprod_impl`: exact int products in 64 bits while they fit, float products (and
    /// float × int) in triple length while they are finite, anything else by `*` and `+`.
    private func mathSumprod(_ p: Value, _ q: Value) throws -> Value {
        let pi = try getIterator(p), qi = try getIterator(q)
        var total: Value = .int(0)
        var intPath = true, intTotal = 0, intInUse = false
        var floatPath = true, floatTotal = MathAlgorithms.TripleLength(), floatInUse = false
        while true {
            try checkInterrupt()
            let x = try nextValue(pi), y = try nextValue(qi)
            if (x == nil) != (y == nil) { throw rt.error(.ValueError, "Inputs are not the same length") }
            let finished = x == nil
            if intPath {
                if !finished, case .int(let a) = x!, case .int(let b) = y! {
                    let (prod, o1) = a.multipliedReportingOverflow(by: b)
                    let (sum, o2) = intTotal.addingReportingOverflow(prod)
                    if !o1 && !o2 { intTotal = sum; intInUse = true; continue }
                }
                intPath = false
                if intInUse { total = try binaryOp(.add, total, .int(intTotal)); intTotal = 0; intInUse = false }
            }
            if floatPath {
                if !finished, let pair = mathFloatPair(x!, y!) {
                    let next = floatTotal.fma(pair.0, pair.1)
                    if next.hi.isFinite { floatTotal = next; floatInUse = true; continue }
                }
                floatPath = false
                if floatInUse { total = try binaryOp(.add, total, .float(floatTotal.double)); floatTotal = .init(); floatInUse = false }
            }
            if finished { return total }
            total = try binaryOp(.add, total, try binaryOp(.mul, x!, y!))
        }
    }

    /// sumprod's float path: two exact floats, or a float and an exact int (or bool) that
    /// converts.
    private func mathFloatPair(_ x: Value, _ y: Value) -> (Double, Double)? {
        func intDouble(_ v: Value) -> Double? {
            switch v {
            case .int(let i): return Double(i)
            case .bool(let b): return b ? 1 : 0
            case .object(let b as PyBigInt): let d = PyBigInt.toDouble(b.value); return d.isFinite ? d : nil
            default: return nil
            }
        }
        switch (x, y) {
        case (.float(let a), .float(let b)): return (a, b)
        case (.float(let a), _): return intDouble(y).map { (a, $0) }
        case (_, .float(let b)): return intDouble(x).map { ($0, b) }
        default: return nil
        }
    }
}
