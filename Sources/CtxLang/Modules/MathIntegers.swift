import BigInt
import CtxCore

/// math's integer functions (`factorial`, `comb`, `perm`, `gcd`, `lcm`, `isqrt`), after
/// Modules/mathmodule.c's checks and messages: exact results, polling for Ctrl-C, and an
/// OverflowError past ctxlab's int size limit before the work starts.
extension Interpreter {
    func addMathIntegers(_ ns: Namespace) {
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
