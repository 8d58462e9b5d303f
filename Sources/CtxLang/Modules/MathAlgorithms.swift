import BigInt
import CtxCore
import Foundation

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
        if !nd.isFinite { return Double(k) * Double(n.magnitude.bitWidth) }  // an upper bound
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
