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
