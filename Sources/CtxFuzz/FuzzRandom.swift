import CtxCore

/// The draws a case generator makes, from one `SplitMix64` stream per case: case K of seed S is
/// the same on every machine and can be made alone (`--print-case K`), without the cases before it.
struct FuzzRandom {
    private var generator: SplitMix64

    /// The stream of case `index` under `seed` (the two are mixed so that neighbouring cases and
    /// neighbouring seeds share nothing).
    init(seed: UInt64, index: UInt64) {
        var mixer = SplitMix64(seed: seed ^ 0x6A09_E667_F3BC_C908)
        let salt = mixer.next()
        generator = SplitMix64(seed: salt &+ index &* 0xD1B5_4A32_D192_ED03)
        _ = generator.next()
    }

    mutating func next() -> UInt64 { generator.next() }

    /// 0 ..< n (n > 0).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next() % UInt64(n))
    }

    /// lo ... hi.
    mutating func inRange(_ lo: Int, _ hi: Int) -> Int { lo + below(hi - lo + 1) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An item drawn with the given weights.
    mutating func weighted<T>(_ items: [(Int, T)]) -> T {
        let total = items.reduce(0) { $0 + $1.0 }
        var r = below(total)
        for (w, item) in items {
            if r < w { return item }
            r -= w
        }
        return items[items.count - 1].1
    }

    /// 1, 2, 3… with each further step half as likely.
    mutating func geometric(max: Int) -> Int {
        var n = 1
        while n < max && chance(0.5) { n += 1 }
        return n
    }
}
