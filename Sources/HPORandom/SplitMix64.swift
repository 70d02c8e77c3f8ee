/// SplitMix64 (Steele, Lea and Flood 2014): a tiny 64-bit generator used here only to expand a
/// seed into the state of ``SeededGenerator`` and to mix seeds into independent streams.
public struct SplitMix64: Sendable, Hashable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// Creates a generator whose first output is `SplitMix64.mix(seed &+ increment)`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The golden-ratio increment added to the state at each step.
    public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Advances the state and returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// The SplitMix64 output function: a bijective avalanche mix of 64 bits.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
