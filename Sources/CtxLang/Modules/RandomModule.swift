import BigInt
import CtxCore

/// `_random`, the native half of Lib/random.py: the Mersenne Twister of CPython's
/// `Modules/_randommodule.c` (MT19937, `init_genrand`, `init_by_array` with the seed's 32-bit
/// words, `random_random`'s 53-bit float, `getrandbits`, the 625-item state), so that
/// `random.seed(1)` gives CPython's numbers; and the SHA-512 that `seed(str)` hashes with.
/// Unseeded, a generator takes its key from the interpreter's seedable generator (where CPython
/// reads the OS's entropy), so a run with a fixed seed repeats exactly.
extension Interpreter {
    func makeRandomAccelerator() -> PyModule {
        let m = PyModule(runtime: rt, name: "_random")
        let ns = m.namespace
        ns["new"] = function("new") { [unowned self] a in
            try a.exactly(0)
            return .object(MersenneTwister(runtime: self.rt))
        }
        ns["seed"] = function("seed") { [unowned self] a in
            try a.exactly(2)
            let mt = try self.twister(a.args[0])
            if a.args[1].isIdentical(.none) {
                mt.seed(key: (0..<MersenneTwister.n).map { _ in UInt32(truncatingIfNeeded: self.random.next()) })
            } else {
                guard let b = self.bigValue(a.args[1]) else { throw self.rt.error(.TypeError, "seed must be an int") }
                mt.seed(key: MersenneTwister.key(b.magnitude))
            }
            return .none
        }
        ns["random"] = function("random") { [unowned self] a in
            try a.exactly(1)
            return .float(try self.twister(a.args[0]).random())
        }
        ns["getrandbits"] = function("getrandbits") { [unowned self] a in
            try a.exactly(2)
            let mt = try self.twister(a.args[0])
            let k = try self.ssize(a.args[1])
            if k < 0 { throw self.rt.error(.ValueError, "number of bits must be non-negative") }
            if k > Interpreter.maxIntBits { throw self.tooBig("getrandbits") }
            return self.intResult(BigInt(try mt.bits(k, poll: self.checkInterrupt)))
        }
        ns["getstate"] = function("getstate") { [unowned self] a in
            try a.exactly(1)
            let mt = try self.twister(a.args[0])
            return self.tuple(mt.state.map { .int(Int($0)) } + [.int(mt.index)])
        }
        ns["setstate"] = function("setstate") { [unowned self] a in
            try a.exactly(2)
            let mt = try self.twister(a.args[0])
            guard let t = a.args[1].asObject as? PyTuple else { throw self.rt.error(.TypeError, "state vector must be a tuple") }
            guard t.items.count == MersenneTwister.n + 1 else { throw self.rt.error(.ValueError, "state vector is the wrong size") }
            var words: [UInt32] = []
            for v in t.items.dropLast() {
                guard let b = self.bigValue(v) else { throw self.rt.error(.TypeError, "'\(self.typeName(v))' object cannot be interpreted as an integer") }
                // PyLong_AsUnsignedLong, truncated to 32 bits as _randommodule.c stores it.
                guard b.sign == .plus || b.isZero, let w = UInt64(exactly: b) else {
                    throw self.rt.error(.OverflowError, b.sign == .minus ? "can't convert negative int to unsigned" : "Python int too large to convert to C unsigned long")
                }
                words.append(UInt32(truncatingIfNeeded: w))
            }
            let index = try self.ssize(t.items.last!)
            guard index >= 0 && index <= MersenneTwister.n else { throw self.rt.error(.ValueError, "invalid state") }
            mt.state = words
            mt.index = index
            return .none
        }
        ns["sha512"] = function("sha512") { [unowned self] a in
            try a.exactly(1)
            guard let b = a.args[0].asObject as? PyBytes else { throw self.rt.error(.TypeError, "object supporting the buffer API required") }
            return .object(PyBytes(runtime: self.rt, SHA512.digest(b.bytes)))
        }
        return m
    }

    private func twister(_ v: Value) throws -> MersenneTwister {
        guard let mt = v.asObject as? MersenneTwister else { throw rt.error(.TypeError, "a Mersenne Twister state was expected") }
        return mt
    }
}

/// MT19937 (Matsumoto and Nishimura), as _randommodule.c runs it.
final class MersenneTwister: PyObject {
    static let n = 624
    private static let m = 397
    var state = [UInt32](repeating: 0, count: MersenneTwister.n)
    var index = MersenneTwister.n + 1

    override var typeName: String { "_random.MersenneTwister" }

    /// `random_seed`: the int's absolute value as little-endian 32-bit words (one at least).
    static func key(_ n: BigUInt) -> [UInt32] {
        var key: [UInt32] = []
        var rest = n
        repeat {
            key.append(UInt32(truncatingIfNeeded: UInt64(rest & BigUInt(UInt32.max))))
            rest >>= 32
        } while !rest.isZero
        return key
    }

    private func initGenrand(_ s: UInt32) {
        state[0] = s
        for i in 1..<Self.n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    /// `init_by_array`.
    func seed(key: [UInt32]) {
        initGenrand(19_650_218)
        var i = 1, j = 0
        for _ in 0..<max(Self.n, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(Self.n - 1) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000
        index = Self.n
    }

    /// `genrand_uint32`.
    func next() -> UInt32 {
        if index >= Self.n {
            if index == Self.n + 1 { initGenrand(5489) }
            for k in 0..<Self.n {
                let y = (state[k] & 0x8000_0000) | (state[(k + 1) % Self.n] & 0x7FFF_FFFF)
                state[k] = state[(k + Self.m) % Self.n] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
            }
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `random_random`: 27 and 26 bits make a 53-bit float in [0, 1).
    func random() -> Double {
        let a = next() >> 5, b = next() >> 6
        return (Double(a) * 67_108_864.0 + Double(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`: 32-bit words from the least significant up, the last one shifted down
    /// to the bits that remain.
    func bits(_ k: Int, poll: () throws -> Void) throws -> BigUInt {
        if k == 0 { return 0 }
        if k <= 32 { return BigUInt(next() >> (32 - k)) }
        var words: [UInt] = []
        var left = k
        var pending: UInt64 = 0, pendingWords = 0
        while left > 0 {
            var r = next()
            if left < 32 { r >>= UInt32(32 - left) }
            pending |= UInt64(r) << (32 * pendingWords)
            pendingWords += 1
            if pendingWords == 2 { words.append(UInt(pending)); pending = 0; pendingWords = 0 }
            left -= 32
            try poll()
        }
        if pendingWords > 0 { words.append(UInt(pending)) }
        return BigUInt(words: words)
    }
}

/// SHA-512 (FIPS 180-4), for `random.seed(str)`.
enum SHA512 {
    private static let k: [UInt64] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
        0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
        0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
        0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
        0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
        0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
        0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
        0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ]
    private static let initial: [UInt64] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ]

    static func digest(_ message: [UInt8]) -> [UInt8] {
        var data = message
        let bitLength = UInt64(message.count) &* 8
        data.append(0x80)
        while data.count % 128 != 112 { data.append(0) }
        data += [UInt8](repeating: 0, count: 8)  // the high 64 bits of the 128-bit length
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var h = initial
        var w = [UInt64](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: data.count, by: 128) {
            for t in 0..<16 {
                var v: UInt64 = 0
                for b in 0..<8 { v = v << 8 | UInt64(data[chunk + t * 8 + b]) }
                w[t] = v
            }
            for t in 16..<80 {
                let s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7)
                let s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for t in 0..<80 {
                let t1 = hh &+ (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
                let t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            for (i, v) in [a, b, c, d, e, f, g, hh].enumerated() { h[i] = h[i] &+ v }
        }
        return h.flatMap { v in stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: v >> UInt64($0)) } }
    }

    private static func rotr(_ x: UInt64, _ n: UInt64) -> UInt64 { (x >> n) | (x << (64 - n)) }
}
