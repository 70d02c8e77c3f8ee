/// The project's one source of randomness: xoshiro256** (Blackman and Vigna 2018), seeded by
/// SplitMix64.
///
/// Every random choice in swift-hpo flows from a `SeededGenerator`, never from the system
/// generator or the standard library's `shuffle()`/`random(in:)`, whose algorithms may change
/// between Swift versions. The sampling methods (uniform, normal, integers, choices, shuffles)
/// are the project's own, so a seed fixes the same bytes out on every machine and toolchain.
public struct SeededGenerator: Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates the generator of `stream` under `seed`.
    ///
    /// Different `(seed, stream)` pairs give statistically independent sequences: the pair is
    /// mixed by SplitMix64 into a 64-bit key, which SplitMix64 then expands into the 256-bit state.
    /// Use one stream per independent consumer, e.g. per run index.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed)
        let key = mixer.next() ^ SplitMix64.mix(stream &* SplitMix64.increment &+ 0xD1B5_4A32_D192_ED03)
        var expander = SplitMix64(seed: key)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 } // the all-zero state is the one fixed point
    }

    /// A generator with exactly this internal state (for known-answer tests); the state must not
    /// be all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// A new generator for sub-stream `stream` of this one, which draws one value from `self`.
    public mutating func split(stream: UInt64 = 0) -> SeededGenerator {
        SeededGenerator(seed: next(), stream: stream)
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    @inlinable
    func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }
}
