import BigInt
import CtxCore

/// A Python `int` that does not fit in 64 bits. Integers that fit are always `Value.int` (the
/// fast path); every operation that can produce a big result normalises it back through
/// `Interpreter.intResult`, so a `PyBigInt` is never equal to an `.int`.
public final class PyBigInt: PyObject {
    public let value: BigInt

    unowned let runtime: Runtime

    init(runtime: Runtime, _ value: BigInt) {
        self.value = value
        self.runtime = runtime
        super.init(runtime: runtime)
    }

    override public var typeName: String { "int" }

    /// Decimal, within `sys.get_int_max_str_digits()` (ValueError past it, as in CPython).
    override public func repr() throws -> String {
        guard let text = try IntText.decimal(value, limit: runtime.intMaxStrDigits, poll: runtime.checkInterrupt) else {
            throw runtime.error(.ValueError, IntText.tooManyDigits(nil, limit: runtime.intMaxStrDigits))
        }
        return text
    }

    override public func pyEquals(_ other: PyObject) throws -> Bool {
        (other as? PyBigInt)?.value == value
    }

    /// Python `==` against any value: exact across int, bool, float and big int.
    func equals(_ other: Value) -> Bool {
        switch other {
        case .int(let i): return value == BigInt(i)
        case .bool(let b): return value == BigInt(b ? 1 : 0)
        case .float(let d): return PyBigInt.compare(value, d) == 0
        case .object(let o as PyBigInt): return o.value == value
        default: return false
        }
    }

    /// The sign of `b - d` (-1, 0, 1), exactly; nil when `d` is NaN.
    static func compare(_ b: BigInt, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let floor = d.rounded(.down)
        let f = BigInt(floor)
        if b < f { return -1 }
        if b > f { return 1 }
        return d == floor ? 0 : -1
    }

    /// The nearest double (ties to even), or ±infinity when out of range.
    static func toDouble(_ b: BigInt) -> Double {
        let m = b.magnitude
        let bits = m.bitWidth
        let d: Double
        if bits <= 64 {
            d = Double(UInt64(m))
        } else {
            // The top 64 bits, with a sticky bit for everything below: one correct rounding.
            let shift = bits - 64
            var top = UInt64(m >> shift)
            if m.trailingZeroBitCount < shift { top |= 1 }
            d = shift > 2000 ? .infinity : Double(sign: .plus, exponent: shift, significand: Double(top))
        }
        return b.sign == .minus ? -d : d
    }

    /// CPython's hash of an int: the value modulo 2**61 - 1 with the sign kept; -1 becomes -2.
    static func hash(_ b: BigInt) -> Int {
        let modulus = BigUInt(2_305_843_009_213_693_951)
        let r = Int(b.magnitude % modulus)
        let h = b.sign == .minus ? -r : r
        return h == -1 ? -2 : h
    }
}

extension Interpreter {
    /// An integer result: `.int` when it fits in 64 bits, a `PyBigInt` otherwise.
    func intResult(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .object(PyBigInt(runtime: rt, b))
    }

    /// An int literal beyond 64 bits: its decimal digits travel as a `str` constant.
    func bigIntLiteral(_ constant: Value) -> Value {
        guard case .str(let digits) = constant, let b = BigIntParsing.parse(digits, radix: 10) else { return constant }
        return intResult(b)
    }

    /// The value of an int (any size) or bool; nil for anything else.
    func bigValue(_ v: Value) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return BigInt(b ? 1 : 0)
        case .object(let o as PyBigInt): return o.value
        case .object(let i as PyInstance): return i.payload.flatMap(bigValue)  // an int subclass's value
        default: return nil
        }
    }

    func isBigInt(_ v: Value) -> Bool {
        if case .object(let o) = v { return o is PyBigInt }
        return false
    }

    /// `float(b)`: OverflowError when out of range, as CPython.
    func bigToDouble(_ b: BigInt) throws -> Double {
        let d = PyBigInt.toDouble(b)
        if d.isInfinite { throw rt.error(.OverflowError, "int too large to convert to float") }
        return d
    }

    /// Arithmetic where at least one operand is a `PyBigInt` (nil otherwise, or when the other
    /// operand is not a number).
    func bigNumericOp(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        guard isBigInt(a) || isBigInt(b) else { return nil }
        if let x = bigValue(a), let y = bigValue(b) { return try bigIntOp(op, x, y) }
        switch (a, b) {
        case (.object(let x as PyBigInt), .float):
            return try numericOp(op, .float(try bigToDouble(x.value)), b)
        case (.float, .object(let y as PyBigInt)):
            return try numericOp(op, a, .float(try bigToDouble(y.value)))
        default: return nil
        }
    }

    /// The largest integer result ctxlab computes, in bits (CPython has no limit but memory).
    static let maxIntBits = 1 << 24

    /// `x ** e` by repeated squaring, as BigInt's `power` does, but polling for Ctrl-C between
    /// the multiplications (`10 ** 10**6` took over two minutes in a debug build, without a poll).
    private func power(_ x: BigInt, _ e: Int) throws -> BigInt {
        var result = BigInt(1), base = x, e = e
        while e > 0 {
            if e & 1 == 1 { result *= base }
            e >>= 1
            if e > 0 { base *= base }
            try pollInterrupt()
        }
        return result
    }

    func tooBig(_ what: String) -> PyException {
        rt.error(.OverflowError, "\(what): the result would exceed \(Interpreter.maxIntBits) bits, which ctxlab does not support")
    }

    /// Integer arithmetic of any size, with Python's rules; results are normalised.
    func bigIntOp(_ op: BinaryOp, _ x: BigInt, _ y: BigInt) throws -> Value {
        switch op {
        case .add: return intResult(x + y)
        case .sub: return intResult(x - y)
        case .mul: return intResult(x * y)
        case .div: return .float(try trueDivide(x, y))
        case .floorDiv, .mod:
            if y.isZero {
                throw rt.error(.ZeroDivisionError, op == .mod ? "integer modulo by zero" : "integer division or modulo by zero")
            }
            var (q, r) = x.quotientAndRemainder(dividingBy: y)
            if !r.isZero && (r.sign == .minus) != (y.sign == .minus) {
                q -= 1
                r += y
            }
            return intResult(op == .mod ? r : q)
        case .pow:
            if y.sign == .minus && !y.isZero {
                if x.isZero { throw rt.error(.ZeroDivisionError, "0.0 cannot be raised to a negative power") }
                return try numericOp(.pow, .float(try bigToDouble(x)), .float(PyBigInt.toDouble(y)))!
            }
            if x.isZero || x == 1 { return intResult(y.isZero ? 1 : x) }
            if x == -1 { return .int(y.isZero || (y % 2).isZero ? 1 : -1) }
            guard let e = Int(exactly: y), e <= Interpreter.maxIntBits,
                  x.magnitude.bitWidth * e <= Interpreter.maxIntBits + 64 else { throw tooBig("integer power") }
            return intResult(try power(x, e))
        case .lshift:
            if y.sign == .minus && !y.isZero { throw rt.error(.ValueError, "negative shift count") }
            if x.isZero { return .int(0) }
            guard let n = Int(exactly: y) else { throw rt.error(.OverflowError, "too many digits in integer") }
            if n > Interpreter.maxIntBits { throw tooBig("left shift") }
            return intResult(x << n)
        case .rshift:
            if y.sign == .minus && !y.isZero { throw rt.error(.ValueError, "negative shift count") }
            let n = Int(exactly: y) ?? Int.max
            if x.sign == .minus && !x.isZero {
                // Floor semantics: x >> n == -((-x - 1) >> n) - 1.
                let m = n >= x.magnitude.bitWidth ? BigUInt(0) : (x.magnitude - 1) >> n
                return intResult(-BigInt(m) - 1)
            }
            return intResult(n >= x.magnitude.bitWidth ? 0 : BigInt(x.magnitude >> n))
        case .bitAnd, .bitOr, .bitXor: return intResult(bitwise(op, x, y))
        case .matMul: throw rt.error(.TypeError, "unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    /// Two's-complement `&`, `|`, `^` on magnitudes, using `~v == -v - 1` for negative operands.
    private func bitwise(_ op: BinaryOp, _ x: BigInt, _ y: BigInt) -> BigInt {
        let xNeg = x.sign == .minus && !x.isZero, yNeg = y.sign == .minus && !y.isZero
        // A negative v is ~V with V = -v - 1 >= 0.
        let a = xNeg ? x.magnitude - 1 : x.magnitude, b = yNeg ? y.magnitude - 1 : y.magnitude
        func not(_ m: BigUInt) -> BigInt { -BigInt(m) - 1 }
        switch (op, xNeg, yNeg) {
        case (.bitAnd, false, false): return BigInt(a & b)
        case (.bitAnd, true, false): return BigInt(b - (b & a))
        case (.bitAnd, false, true): return BigInt(a - (a & b))
        case (.bitAnd, true, true): return not(a | b)
        case (.bitOr, false, false): return BigInt(a | b)
        case (.bitOr, true, false): return not(a - (a & b))
        case (.bitOr, false, true): return not(b - (b & a))
        case (.bitOr, true, true): return not(a & b)
        case (_, false, false), (_, true, true): return BigInt(a ^ b)
        default: return not(a ^ b)
        }
    }

    /// `x / y` for ints of any size, correctly rounded as CPython's `long_true_divide`.
    private func trueDivide(_ x: BigInt, _ y: BigInt) throws -> Double {
        if y.isZero { throw rt.error(.ZeroDivisionError, "division by zero") }
        let negative = (x.sign == .minus && !x.isZero) != (y.sign == .minus)
        var a = x.magnitude, b = y.magnitude
        if a.isZero { return negative ? -0.0 : 0.0 }
        // Scale so that the quotient has 64..65 bits, then round once with a sticky bit.
        let shift = a.bitWidth - b.bitWidth - 64
        if shift > 0 { b <<= shift } else if shift < 0 { a <<= -shift }
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        var top = q
        if !r.isZero { top |= 1 }
        let d = PyBigInt.toDouble(BigInt(top))
        let scaled = shift > 2000 ? Double.infinity : shift < -2200 ? 0.0 : Double(sign: .plus, exponent: shift, significand: d)
        if scaled.isInfinite { throw rt.error(.OverflowError, "integer division result too large for a float") }
        return negative ? -scaled : scaled
    }

    /// `pow(base, exp, mod)` for ints.
    func modularPow(_ base: Value, _ exp: Value, _ mod: Value) throws -> Value {
        guard let x = bigValue(base), let e = bigValue(exp), let m = bigValue(mod) else {
            throw rt.error(.TypeError, "unsupported operand type(s) for ** or pow(): '\(typeName(base))', '\(typeName(exp))', '\(typeName(mod))'")
        }
        if m.isZero { throw rt.error(.ValueError, "pow() 3rd argument cannot be 0") }
        let modulus = m.magnitude
        // `long_pow`: a modulus of 1 or -1 gives 0 before any inverse is looked for
        // (`pow(0, -1, 1)` is 0; BigUInt's `inverse` traps on a modulus of 1: fuzz seed 41).
        if modulus == 1 { return .int(0) }
        var b = ((x % BigInt(modulus)) + BigInt(modulus)).magnitude % modulus
        if e.sign == .minus && !e.isZero {
            guard let inv = b.inverse(modulus) else {
                throw rt.error(.ValueError, "base is not invertible for the given modulus")
            }
            b = inv
        }
        var r = BigInt(b.power(e.magnitude, modulus: modulus))
        // The result takes the modulus's sign, as `%` does.
        if m.sign == .minus && !r.isZero { r -= BigInt(modulus) }
        return intResult(r)
    }

    /// Unary `-`, `~` and `abs()` of a big int.
    func bigUnary(_ op: UnaryOp, _ b: BigInt) -> Value {
        switch op {
        case .neg: return intResult(-b)
        case .invert: return intResult(-b - 1)
        default: return intResult(b)
        }
    }

    /// Attributes of big ints (`bit_length`, `real`, ...).
    func bigIntAttribute(_ b: PyBigInt, _ name: String) -> Value? {
        switch name {
        case "real", "numerator": return .object(b)
        case "imag": return .int(0)
        case "denominator": return .int(1)
        case "bit_length": return function(name) { _ in .int(b.value.magnitude.bitWidth) }
        case "bit_count": return function(name) { _ in .int(b.value.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount }) }
        case "to_bytes": return function(name) { [unowned self] a in try self.intToBytes(b.value, a) }
        default: return nil
        }
    }

    /// `int.to_bytes(length=1, byteorder='big', *, signed=False)` (Objects/longobject.c,
    /// `int_to_bytes_impl`): two's complement when signed.
    func intToBytes(_ v: BigInt, _ a: Arguments) throws -> Value {
        try a.check(maxPositional: 2, keywords: ["length", "byteorder", "signed"])
        let length = try a.get(0, "length").map { try ssize($0) } ?? 1
        if length < 0 { throw rt.error(.ValueError, "length argument must be non-negative") }
        let little = try byteOrder(a.get(1, "byteorder"))
        let signed = try a.keyword("signed").map(truthy) ?? false
        if v.sign == .minus && !v.isZero && !signed { throw rt.error(.OverflowError, "can't convert negative int to unsigned") }
        try reserve(length, of: 1)
        let fits: Bool
        if signed {
            let bits = length * 8
            fits = bits > 0 ? v >= -(BigInt(1) << (bits - 1)) && v < (BigInt(1) << (bits - 1)) : v.isZero
        } else {
            fits = v.magnitude.bitWidth <= length * 8
        }
        if !fits { throw rt.error(.OverflowError, "int too big to convert") }
        let u = v.sign == .minus && !v.isZero ? (BigInt(1) << (length * 8)) + v : v  // two's complement
        // The magnitude's words, least significant first: linear in the size (a shift per byte
        // was quadratic: random.randbytes(2**20) never ended).
        var out = [UInt8](repeating: 0, count: length)
        var i = 0
        for word in u.magnitude.words where i < length {
            var w = word
            for _ in 0..<MemoryLayout<UInt>.size where i < length {
                out[i] = UInt8(truncatingIfNeeded: w)
                w >>= 8
                i += 1
            }
        }
        return .object(PyBytes(runtime: rt, little ? out : out.reversed()))
    }

    /// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (`int_from_bytes_impl`); for a
    /// subclass, `cls(value)`.
    func intFromBytes(_ cls: PyClass, _ a: Arguments) throws -> Value {
        try a.check(maxPositional: 2, minPositional: 1, keywords: ["bytes", "byteorder", "signed"])
        let source = a.get(0, "bytes")!
        let data: [UInt8]
        if let b = source.asObject as? PyBytes {
            data = b.bytes
        } else {
            data = try iterate(source).map { v in
                guard let i = intValue(v), (0...255).contains(i) else { throw rt.error(.ValueError, "bytes must be in range(0, 256)") }
                return UInt8(i)
            }
        }
        let little = try byteOrder(a.get(1, "byteorder"))
        let signed = try a.keyword("signed").map(truthy) ?? false
        // Packed into words, least significant first (linear; a shift per byte was quadratic).
        let ordered = little ? data : data.reversed()
        var words: [UInt] = []
        words.reserveCapacity(ordered.count / MemoryLayout<UInt>.size + 1)
        var word: UInt = 0, filled = 0
        for byte in ordered {
            word |= UInt(byte) << (8 * filled)
            filled += 1
            if filled == MemoryLayout<UInt>.size {
                words.append(word)
                word = 0
                filled = 0
            }
        }
        if filled > 0 { words.append(word) }
        var v = BigInt(sign: .plus, magnitude: BigUInt(words: words))
        if signed, let top = little ? data.last : data.first, top & 0x80 != 0 { v -= BigInt(1) << (data.count * 8) }
        let result = intResult(v)
        return cls === classes.int ? result : try call(.object(cls), [result])
    }

    private func byteOrder(_ v: Value?) throws -> Bool {
        guard let v else { return false }
        guard case .str(let s) = v else { throw rt.error(.TypeError, "to_bytes() argument 'byteorder' must be str, not \(typeName(v))") }
        switch s {
        case "little": return true
        case "big": return false
        default: throw rt.error(.ValueError, "byteorder must be either 'little' or 'big'")
        }
    }
}

/// Parsing integer text of any size (sign, then ASCII digits of the radix).
enum BigIntParsing {
    /// A `0x`/`0o`/`0b` prefix (a long literal, see `Lexer.scanRadixInteger`) overrides `radix`.
    static func parse(_ text: some StringProtocol, radix: Int) -> BigInt? {
        var t = Substring(text)
        var negative = false
        if let c = t.first, c == "-" || c == "+" {
            negative = c == "-"
            t = t.dropFirst()
        }
        var radix = radix
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where t.hasPrefix(prefix) {
            (radix, t) = (r, t.dropFirst(2))
        }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        // BigUInt's parser is linear for radix 2 and 16 only.
        let m = radix == 2 || radix == 16 || t.utf8.count <= IntText.blockParseThreshold
            ? BigUInt(t, radix: radix) : try? IntText.parseInBlocks(String(t), radix: radix, stop: { false })
        guard let m else { return nil }
        return negative ? -BigInt(m) : BigInt(m)
    }
}
