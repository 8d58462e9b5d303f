import BigInt
import CtxCore
import Foundation

/// `math`, after CPython's `Modules/mathmodule.c` (3.14): the same error rules (`math_1`,
/// `math_1a`, `math_2`, `is_error`), the same algorithms where CPython does not call libm
/// (`m_tgamma`/`m_lgamma` with Lanczos' sum, `m_remainder`, `fsum`'s exact partials,
/// `vector_norm` for `hypot` and `dist`, `sumprod`'s extended precision, the int logarithms
/// of `loghelper`), and 3.14's domain-error messages (`expected a nonnegative input, got
/// -1.0`). The libm functions are the platform's, as CPython's are, so results agree to the
/// bit. The integer half (`factorial`, `comb`, `perm`, `gcd`, `lcm`, `isqrt`) follows
/// CPython's checks and messages; its results are exact, and past ctxlab's int size limit
/// they are an OverflowError that says so.
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
    private func mathO(_ name: String, _ body: @escaping (Value) throws -> Value) -> Value {
        builtin(name) { [unowned self] args, kwargs in
            try Arguments(name: "math.\(name)", args: args, kwargs: kwargs, rt: self.rt).exactly(1)
            return try body(args[0])
        }
    }

    /// A METH_FASTCALL function without keywords: `math.pow() takes no keyword arguments`.
    private func mathFast(_ name: String, _ body: @escaping ([Value]) throws -> Value) -> Value {
        builtin(name) { [unowned self] args, kwargs in
            if !kwargs.isEmpty { throw self.rt.error(.TypeError, "math.\(name)() takes no keyword arguments") }
            return try body(args)
        }
    }

    /// `_PyArg_CheckPositional`: `pow expected 2 arguments, got 1`.
    private func mathPositional(_ name: String, _ args: [Value], _ min: Int, _ max: Int) throws {
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

    /// `PyLong_FromDouble`: the integral value of a float, as an int.
    func intFromDouble(_ d: Double) throws -> Value {
        if d.isNaN { throw rt.error(.ValueError, "cannot convert float NaN to integer") }
        if d.isInfinite { throw rt.error(.OverflowError, "cannot convert float infinity to integer") }
        if let i = Int(exactly: d.rounded(.towardZero)) { return .int(i) }
        return intResult(BigInt(d))
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
            let x = try self.mathDouble(try a.required(0, "a")), y = try self.mathDouble(try a.required(1, "b"))
            let rel = try a.keyword("rel_tol").map(self.mathDouble) ?? 1e-9
            let abs = try a.keyword("abs_tol").map(self.mathDouble) ?? 0
            if rel < 0 || abs < 0 { throw self.rt.error(.ValueError, "tolerances must be non-negative") }
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let diff = Swift.abs(y - x)
            return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= abs)
        }
        ns["nextafter"] = function("nextafter") { [unowned self] a in
            try a.check(maxPositional: 2, keywords: ["steps"])
            try self.mathPositional("nextafter", a.args, 2, 2)
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
        if let b = bigValue(v) {
            if b.sign == .minus || b.isZero { throw rt.error(.ValueError, "expected a positive input") }
            let d = PyBigInt.toDouble(b)
            if d.isFinite { return f(d) }
            let (x, e) = MathAlgorithms.frexp(b)
            return f(x) + f(2.0) * Double(e)  // 3.13's sum (newer CPython fuses it)
        }
        do {
            return try math1(v, f, canOverflow: false, "expected a positive input, got %s")
        } catch let e as PyException where e.type.isSubclass(of: .OverflowError) && userSlot(v, "__index__") != nil {
            let b = try mathIndex(v)
            if b.sign == .minus || b.isZero { throw rt.error(.ValueError, "expected a positive input") }
            let (x, ex) = MathAlgorithms.frexp(b)
            return f(x) + f(2.0) * Double(ex)
        }
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

    // MARK: integers

    private func addMathIntegers(_ ns: Namespace) {
        ns["gcd"] = mathFast("gcd") { [unowned self] a in
            var g = BigInt(0)
            for v in a { g = MathAlgorithms.gcd(g, try self.mathIndex(v)) }
            return self.intResult(BigInt(g.magnitude))
        }
        ns["lcm"] = mathFast("lcm") { [unowned self] a in
            var l = BigInt(1)
            let values = try a.map(self.mathIndex)
            if values.contains(where: \.isZero) { return .int(0) }
            for b in values {
                let g = MathAlgorithms.gcd(l, b)
                if l.magnitude.bitWidth + b.magnitude.bitWidth > Interpreter.maxIntBits { throw self.tooBig("lcm") }
                l = BigInt((l * b).magnitude) / BigInt(g.magnitude)
            }
            return self.intResult(l)
        }
        ns["isqrt"] = mathO("isqrt") { [unowned self] v in
            let n = try self.mathIndex(v)
            if n.sign == .minus && !n.isZero { throw self.rt.error(.ValueError, "isqrt() argument must be nonnegative") }
            return self.intResult(BigInt(n.magnitude.squareRoot()))
        }
        ns["factorial"] = mathO("factorial") { [unowned self] v in
            return try self.mathFactorial(try self.mathIndex(v))
        }
        ns["perm"] = mathFast("perm") { [unowned self] a in
            try self.mathPositional("perm", a, 1, 2)
            if a.count == 1 || a[1].isIdentical(.none) { return try self.mathFactorial(try self.mathIndex(a[0])) }
            let (n, k) = try self.mathCombArguments(a[0], a[1])
            if k > n { return .int(0) }
            guard let kk = Int(exactly: k) else { throw self.rt.error(.OverflowError, "k must not exceed \(Int.max)") }
            return self.intResult(try self.mathFallingProduct(n, kk, "perm"))
        }
        ns["comb"] = mathFast("comb") { [unowned self] a in
            try self.mathPositional("comb", a, 2, 2)
            let (n, k0) = try self.mathCombArguments(a[0], a[1])
            if k0 > n { return .int(0) }
            let k = Swift.min(k0, n - k0)
            guard let kk = Int(exactly: k) else { throw self.rt.error(.OverflowError, "min(n - k, k) must not exceed \(Int.max)") }
            return self.intResult(try self.mathComb(n, kk))
        }
    }

    private func mathCombArguments(_ nv: Value, _ kv: Value) throws -> (BigInt, BigInt) {
        let n = try mathIndex(nv), k = try mathIndex(kv)
        if n.sign == .minus && !n.isZero { throw rt.error(.ValueError, "n must be a non-negative integer") }
        if k.sign == .minus && !k.isZero { throw rt.error(.ValueError, "k must be a non-negative integer") }
        return (n, k)
    }

    private func mathFactorial(_ n: BigInt) throws -> Value {
        if n.sign == .minus && !n.isZero { throw rt.error(.ValueError, "factorial() not defined for negative values") }
        guard let k = Int(exactly: n) else { throw rt.error(.OverflowError, "factorial() argument should not exceed \(Int.max)") }
        return intResult(try mathFallingProduct(n, k, "factorial"))
    }

    /// n × (n-1) × … × (n-k+1), by a balanced product tree (its multiplications are of equal
    /// sizes, as in CPython's `perm_comb_small`/`factorial_partial_product`), polling for
    /// Ctrl-C; an OverflowError first when the result would pass ctxlab's int size limit.
    private func mathFallingProduct(_ n: BigInt, _ k: Int, _ what: String) throws -> BigInt {
        if k == 0 { return 1 }
        // log2 of the product is at most k × log2(n): refuse before working when that is too big.
        let bits = Double(k) * Double(Swift.max(1, n.magnitude.bitWidth))
        if bits > Double(Interpreter.maxIntBits) {
            let exactBits = MathAlgorithms.log2FallingProduct(n, k)
            if exactBits > Double(Interpreter.maxIntBits) { throw tooBig(what) }
        }
        var leaves: [BigInt] = []
        var i = 0
        while i < k {
            // Leaves of up to 64 small factors, multiplied in place.
            var leaf = BigInt(1)
            var j = 0
            while j < 64 && i < k { leaf *= n - BigInt(i); i += 1; j += 1 }
            leaves.append(leaf)
            try checkInterrupt()
        }
        return try mathProductTree(leaves)
    }

    /// The product of `leaves`, pairwise, so that the big multiplications are of equal sizes.
    private func mathProductTree(_ leaves: [BigInt]) throws -> BigInt {
        var level = leaves
        while level.count > 1 {
            var next: [BigInt] = []
            next.reserveCapacity(level.count / 2 + 1)
            var j = 0
            while j + 1 < level.count { next.append(level[j] * level[j + 1]); j += 2; try pollInterrupt() }
            if j < level.count { next.append(level[j]) }
            level = next
        }
        return level.first ?? 1
    }

    /// comb(n, k) for k <= n - k. For n up to ten million, from its prime factorization (the
    /// exponent of p is the number of borrows when subtracting k from n in base p, Kummer's
    /// theorem, counted with Legendre's formula), so no big division is needed; beyond that,
    /// k is small next to n (the result must fit ctxlab's int size), and C(n, i+1) =
    /// C(n, i) × (n-i) / (i+1) divides by a small int at each step.
    private func mathComb(_ n: BigInt, _ k: Int) throws -> BigInt {
        if k == 0 { return 1 }
        let bits = MathAlgorithms.log2FallingProduct(n, k) - MathAlgorithms.log2FallingProduct(BigInt(k), k)
        if bits > Double(Interpreter.maxIntBits) { throw tooBig("comb") }
        guard let small = Int(exactly: n), small <= 10_000_000 else {
            var c = BigInt(1)
            for i in 0..<k {
                c = c * (n - BigInt(i)) / BigInt(i + 1)
                try checkInterrupt(cost: c.magnitude.bitWidth >> 13)
            }
            return c
        }
        var composite = [Bool](repeating: false, count: small + 1)
        var leaves: [BigInt] = []
        var word: UInt64 = 1
        for p in 2...small where !composite[p] {
            if p <= small / p {
                var q = p * p
                while q <= small { composite[q] = true; q += p }
            }
            var e = 0, pk = p
            while true {
                e += small / pk - k / pk - (small - k) / pk
                if pk > small / p { break }
                pk *= p
            }
            for _ in 0..<e {
                let (w, overflow) = word.multipliedReportingOverflow(by: UInt64(p))
                if overflow { leaves.append(BigInt(word)); word = UInt64(p) } else { word = w }
            }
            try checkInterrupt()
        }
        leaves.append(BigInt(word))
        return try mathProductTree(leaves)
    }
}

/// errno as mathmodule.c's helpers set it.
enum MathErrno { case none, domain, range }

/// The parts of `Modules/mathmodule.c` that are CPython's own algorithms rather than libm.
enum MathAlgorithms {
    /// `PyErr_Format(err_msg, PyOS_double_to_string(x, 'r', …, Py_DTSF_ADD_DOT_0))`.
    static func format(_ message: String, _ x: Double) -> String {
        message.replacingOccurrences(of: "%s", with: FloatRepr.repr(x))
    }

    // m_log, m_log2, m_log10: special values handled directly, the rest by libm. The domain
    // errors show as a NaN or an infinity from a finite input, which math_1 reports.
    static func log(_ x: Double) -> Double { special(x) ?? Foundation.log(x) }
    static func log2(_ x: Double) -> Double { special(x) ?? Foundation.log2(x) }
    static func log10(_ x: Double) -> Double { special(x) ?? Foundation.log10(x) }
    private static func special(_ x: Double) -> Double? {
        if x.isFinite { return x > 0 ? nil : (x == 0 ? -.infinity : .nan) }
        return x.isNaN || x > 0 ? x : .nan
    }

    /// gcd of any two ints, in machine words when one of them fits one (after one reduction).
    static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (x, y) = a.magnitude.bitWidth >= b.magnitude.bitWidth ? (a.magnitude, b.magnitude) : (b.magnitude, a.magnitude)
        guard let small = UInt64(exactly: y) else { return BigInt(x.greatestCommonDivisor(with: y)) }
        if small == 0 { return BigInt(x) }
        var u = small, v = UInt64(x % BigUInt(small))
        while v != 0 { (u, v) = (v, u % v) }
        return BigInt(u)
    }

    /// `_PyLong_Frexp`: x in [0.5, 1) and e with b ≈ x × 2**e, x correctly rounded.
    static func frexp(_ b: BigInt) -> (Double, Int) {
        let m = b.magnitude
        let shift = Swift.max(0, m.bitWidth - 64)
        var top = UInt64(m >> shift)
        if shift > 0 && m.trailingZeroBitCount < shift { top |= 1 }
        let (x, e) = frexp(Double(top))
        return (x, e + shift)
    }

    /// C's `frexp` for a finite nonzero x: x = m × 2**e with 0.5 <= |m| < 1.
    static func frexp(_ x: Double) -> (Double, Int) {
        (Double(sign: x.sign, exponent: -1, significand: x.significand), Int(x.exponent) + 1)
    }

    /// `m_remainder`: IEEE 754 remainder, exact.
    static func remainder(_ x: Double, _ y: Double) -> Double {
        if x.isFinite && y.isFinite {
            if y == 0 { return .nan }
            let ax = Swift.abs(x), ay = Swift.abs(y)
            let m = Foundation.fmod(ax, ay)
            let c = ay - m
            let r: Double
            if m < c { r = m } else if m > c { r = -c } else { r = m - 2.0 * Foundation.fmod(0.5 * (ax - m), ay) }
            return Foundation.copysign(1.0, x) * r
        }
        if x.isNaN { return x }
        if y.isNaN { return y }
        if x.isInfinite { return .nan }
        return x
    }

    /// `math_pow_impl`: C99's special values directly, libm for finite ** finite.
    static func pow(_ x: Double, _ y: Double) -> (Double, MathErrno) {
        if !x.isFinite || !y.isFinite {
            if x.isNaN { return (y == 0 ? 1 : x, .none) }
            if y.isNaN { return (x == 1 ? 1 : y, .none) }
            if x.isInfinite {
                let oddY = y.isFinite && Foundation.fmod(Swift.abs(y), 2.0) == 1.0
                if y > 0 { return (oddY ? x : Swift.abs(x), .none) }
                if y == 0 { return (1, .none) }
                return (oddY ? Foundation.copysign(0, x) : 0, .none)
            }
            if Swift.abs(x) == 1 { return (1, .none) }
            if y > 0 && Swift.abs(x) > 1 { return (y, .none) }
            if y < 0 && Swift.abs(x) < 1 { return (-y, .none) }
            return (0, .none)
        }
        let r = Foundation.pow(x, y)
        if r.isNaN { return (r, .domain) }
        if r.isInfinite { return (r, x == 0 ? .domain : .range) }
        return (r, .none)
    }

    /// `math_ulp_impl`.
    static func ulp(_ x0: Double) -> Double {
        if x0.isNaN { return x0 }
        let x = Swift.abs(x0)
        if x.isInfinite { return x }
        let up = x.nextUp
        if up.isInfinite { return x - x.nextDown }
        return up - x
    }

    /// C's `nextafter`.
    static func nextafter(_ x: Double, _ y: Double) -> Double {
        if x.isNaN { return x }
        if y.isNaN { return y }
        if x == y { return y }
        return y > x ? x.nextUp : x.nextDown
    }

    /// `math_nextafter_impl` with `steps`: the bit patterns stepped as integers.
    static func nextafter(_ x: Double, _ y: Double, steps: UInt64) -> Double {
        if steps == 0 || x.isNaN { return x }
        if y.isNaN { return y }
        let ux = x.bitPattern, uy = y.bitPattern
        if ux == uy { return x }
        let signBit: UInt64 = 1 << 63
        let ax = ux & ~signBit, ay = uy & ~signBit
        if (ux ^ uy) & signBit != 0 {
            if ax + ay <= steps { return y }
            if ax < steps { return Double(bitPattern: (uy & signBit) | (steps - ax)) }
            return Double(bitPattern: ux - steps)
        }
        if ax > ay { return ax - ay >= steps ? Double(bitPattern: ux - steps) : y }
        return ay - ax >= steps ? Double(bitPattern: ux + steps) : y
    }

    // MARK: gamma (m_tgamma, m_lgamma: Lanczos' approximation, N = 13, g ≈ 6.0247, as Boost)

    private static let lanczosG = 6.024680040776729583740234375
    private static let lanczosGMinusHalf = 5.524680040776729583740234375
    private static let lanczosNum: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    /// The denominator x(x+1)…(x+11) expanded.
    private static let lanczosDen: [Double] = [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ]
    private static let logPi = 1.144729885849400174143427351353058711647

    /// Lanczos' sum as a rational function, in 1/x for x ≥ 5 (to avoid overflow).
    private static func lanczosSum(_ x: Double) -> Double {
        var num = 0.0, den = 0.0
        if x < 5.0 {
            for i in stride(from: lanczosNum.count - 1, through: 0, by: -1) {
                num = num * x + lanczosNum[i]
                den = den * x + lanczosDen[i]
            }
        } else {
            for i in 0..<lanczosNum.count {
                num = num / x + lanczosNum[i]
                den = den / x + lanczosDen[i]
            }
        }
        return num / den
    }

    /// sin(pi × x), exact at the integers (for the reflection formula).
    private static func sinpi(_ x: Double) -> Double {
        let y = Foundation.fmod(Swift.abs(x), 2.0)
        let r: Double
        switch Int((2.0 * y).rounded(.toNearestOrAwayFromZero)) {
        case 0: r = Foundation.sin(Double.pi * y)
        case 1: r = Foundation.cos(Double.pi * (y - 0.5))
        case 2: r = Foundation.sin(Double.pi * (1.0 - y))
        case 3: r = -Foundation.cos(Double.pi * (y - 1.5))
        default: r = Foundation.sin(Double.pi * (y - 2.0))
        }
        return Foundation.copysign(1.0, x) * r
    }

    /// Γ(1) … Γ(23), exactly.
    private static let gammaIntegral: [Double] = (0..<23).map { n in (1..<Swift.max(1, n + 1)).reduce(1.0) { $0 * Double($1) } }

    static func tgamma(_ x: Double) -> (Double, MathErrno) {
        if !x.isFinite { return x.isNaN || x > 0 ? (x, .none) : (.nan, .domain) }
        if x == 0 { return (Foundation.copysign(.infinity, x), .domain) }
        if x == x.rounded(.down) {
            if x < 0 { return (.nan, .domain) }
            if x <= 23 { return (gammaIntegral[Int(x) - 1], .none) }
        }
        let ax = Swift.abs(x)
        if ax < 1e-20 {
            let r = 1.0 / x
            return (r, r.isInfinite ? .range : .none)
        }
        if ax > 200 { return x < 0 ? (0.0 / sinpi(x), .none) : (.infinity, .range) }
        let y = ax + lanczosGMinusHalf
        var z = ax > lanczosGMinusHalf ? (y - ax) - lanczosGMinusHalf : (y - lanczosGMinusHalf) - ax
        z = z * lanczosG / y
        var r: Double
        if x < 0 {
            r = -Double.pi / sinpi(ax) / ax * Foundation.exp(y) / lanczosSum(ax)
            r -= z * r
            if ax < 140 {
                r /= Foundation.pow(y, ax - 0.5)
            } else {
                let s = Foundation.pow(y, ax / 2.0 - 0.25)
                r /= s
                r /= s
            }
        } else {
            r = lanczosSum(ax) / Foundation.exp(y)
            r += z * r
            if ax < 140 {
                r *= Foundation.pow(y, ax - 0.5)
            } else {
                let s = Foundation.pow(y, ax / 2.0 - 0.25)
                r *= s
                r *= s
            }
        }
        return (r, r.isInfinite ? .range : .none)
    }

    static func lgamma(_ x: Double) -> (Double, MathErrno) {
        if !x.isFinite { return (x.isNaN ? x : .infinity, .none) }
        if x == x.rounded(.down) && x <= 2 { return x <= 0 ? (.infinity, .domain) : (0, .none) }
        let ax = Swift.abs(x)
        if ax < 1e-20 { return (-Foundation.log(ax), .none) }
        var r = Foundation.log(lanczosSum(ax)) - lanczosG
        r += (ax - 0.5) * (Foundation.log(ax + lanczosG - 0.5) - 1)
        if x < 0 { r = logPi - Foundation.log(Swift.abs(sinpi(ax))) - Foundation.log(ax) - r }
        return (r, r.isInfinite ? .range : .none)
    }

    /// log2 of n × (n-1) × … × (n-k+1), through lgamma (for the size check only).
    static func log2FallingProduct(_ n: BigInt, _ k: Int) -> Double {
        let nd = PyBigInt.toDouble(n)
        if !nd.isFinite { return .infinity }
        return (lgamma(nd + 1).0 - lgamma(nd - Double(k) + 1).0) / Foundation.log(2.0)
    }

    // MARK: fsum (msum with exact partials, after Shewchuk, as mathmodule.c's math_fsum)

    struct FSum {
        private var partials: [Double] = []
        private var specialSum = 0.0, infSum = 0.0

        /// False on an intermediate overflow.
        mutating func add(_ x0: Double) -> Bool {
            var x = x0
            var i = 0
            for j in partials.indices {
                var y = partials[j]
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 { partials[i] = lo; i += 1 }
                x = hi
            }
            partials.removeSubrange(i...)
            if x != 0 {
                if !x.isFinite {
                    if x0.isFinite { return false }
                    if x0.isInfinite { infSum += x0 }
                    specialSum += x0
                    partials.removeAll()
                } else {
                    partials.append(x)
                }
            }
            return true
        }

        /// The correctly rounded sum; nil for `-inf + inf`.
        func result() -> Double? {
            if specialSum != 0 { return infSum.isNaN ? nil : specialSum }
            var n = partials.count
            guard n > 0 else { return 0.0 }
            n -= 1
            var hi = partials[n], lo = 0.0
            while n > 0 {
                let x = hi
                n -= 1
                let y = partials[n]
                hi = x + y
                lo = y - (hi - x)
                if lo != 0 { break }
            }
            if n > 0 && (lo < 0 && partials[n - 1] < 0 || lo > 0 && partials[n - 1] > 0) {
                let y = lo * 2.0
                let x = hi + y
                if y == x - hi { hi = x }
            }
            return hi
        }
    }

    // MARK: vector_norm (hypot, dist) and sumprod's extended precision

    private static func dlFastSum(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let x = a + b
        return (x, (a - x) + b)
    }

    private static func dlSum(_ a: Double, _ b: Double) -> (hi: Double, lo: Double) {
        let x = a + b
        let z = x - a
        return (x, (a - (x - z)) + (b - z))
    }

    private static func dlMul(_ x: Double, _ y: Double) -> (hi: Double, lo: Double) {
        let z = x * y
        return (z, (-z).addingProduct(x, y))
    }

    /// The Euclidean norm of nonnegative values: scaled, squared exactly, summed with
    /// compensation, and the square root corrected once (mathmodule.c's `vector_norm`).
    static func vectorNorm(_ vec: inout [Double]) -> Double {
        var maxValue = 0.0, foundNaN = false
        for x in vec { foundNaN = foundNaN || x.isNaN; if x > maxValue { maxValue = x } }
        return vectorNorm(&vec, maxValue, foundNaN)
    }

    private static func vectorNorm(_ vec: inout [Double], _ maxValue: Double, _ foundNaN: Bool) -> Double {
        if maxValue.isInfinite { return maxValue }
        if foundNaN { return .nan }
        if maxValue == 0 || vec.count <= 1 { return maxValue }
        let maxE = frexp(maxValue).1
        if maxE < -1023 {
            for i in vec.indices { vec[i] /= Double.leastNormalMagnitude }
            return Double.leastNormalMagnitude * vectorNorm(&vec, maxValue / Double.leastNormalMagnitude, foundNaN)
        }
        let scale = Foundation.scalbn(1.0, -maxE)
        var csum = 1.0, frac1 = 0.0, frac2 = 0.0
        for v in vec {
            let x = v * scale
            let pr = dlMul(x, x)
            let sm = dlFastSum(csum, pr.hi)
            csum = sm.hi
            frac1 += pr.lo
            frac2 += sm.lo
        }
        var h = (csum - 1.0 + (frac1 + frac2)).squareRoot()
        let pr = dlMul(-h, h)
        let sm = dlFastSum(csum, pr.hi)
        csum = sm.hi
        frac1 += pr.lo
        frac2 += sm.lo
        let x = csum - 1.0 + (frac1 + frac2)
        h += x / (2.0 * h)
        return h / scale
    }

    /// Triple-length accumulation (Ogita, Rump and Oishi, Algorithm 5.10), for sumprod.
    struct TripleLength {
        var hi = 0.0, lo = 0.0, tiny = 0.0

        func fma(_ x: Double, _ y: Double) -> TripleLength {
            let pr = MathAlgorithms.dlMul(x, y)
            let sm = MathAlgorithms.dlSum(hi, pr.hi)
            let r1 = MathAlgorithms.dlSum(lo, pr.lo)
            let r2 = MathAlgorithms.dlSum(r1.hi, sm.lo)
            return TripleLength(hi: sm.hi, lo: r2.hi, tiny: tiny + r1.lo + r2.lo)
        }

        var double: Double {
            let last = MathAlgorithms.dlSum(lo, hi)
            return tiny + last.lo + last.hi
        }
    }
}
