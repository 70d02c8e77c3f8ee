import HPORandom
import HPOSpace

/// Random search: each configuration is drawn independently from the space's sampling
/// distribution (uniform over choices, uniform or log-uniform over ranges).
public struct RandomSearch: Optimizer {
    /// Settings of random search.
    public struct Settings: Hashable, Sendable, Codable {
        /// In a finite space, never draw a configuration twice.
        public var withoutReplacement: Bool

        /// Creates settings; by default configurations are drawn with replacement.
        public init(withoutReplacement: Bool = false) {
            self.withoutReplacement = withoutReplacement
        }
    }

    public let space: SearchSpace
    /// The settings in use.
    public let settings: Settings

    /// Random search over `space`.
    public init(space: SearchSpace, settings: Settings = Settings()) {
        self.space = space
        self.settings = settings
    }

    public mutating func suggest(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
        guard settings.withoutReplacement, let size = space.size else {
            return space.sample(using: &generator)
        }
        return try space.sampleUnevaluated(given: history, size: size, using: &generator)
    }
}

extension SearchSpace {
    /// A uniformly drawn configuration of this finite space that `history` has not evaluated:
    /// rejection sampling while most of the space is free, else a draw among the free ids.
    public func sampleUnevaluated(
        given history: History, size: Int, using generator: inout SeededGenerator
    ) throws -> Configuration {
        let free = size - history.evaluated.count
        guard free > 0 else { throw OptimizerError.spaceExhausted(size: size) }
        if free * 2 >= size {
            while true {
                let candidate = try configuration(id: generator.nextInt(below: size))
                if !history.contains(candidate) { return candidate }
            }
        }
        let taken = Set(history.evaluated.compactMap { fastID(of: $0) })
        var k = generator.nextInt(below: free)
        for id in 0..<size where !taken.contains(id) {
            if k == 0 { return try configuration(id: id) }
            k -= 1
        }
        throw OptimizerError.spaceExhausted(size: size)
    }
}
