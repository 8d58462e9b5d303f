/// SplitMix64: a tiny, fast, seedable generator. One sequence per seed on every machine, so
/// whatever draws from it (seeded `uuid.uuid4()`, synthetic trees, randomized tests) repeats
/// exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator for `seed`; with nil, a seed drawn from the system (as CPython's uuid4 is random).
    public init(seed: UInt64?) {
        state = seed ?? UInt64.random(in: 0...UInt64.max)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
