import HPOSpace

/// One evaluated configuration as an optimizer sees it.
public struct Observation: Hashable, Sendable {
    /// The configuration that was evaluated.
    public var configuration: Configuration
    /// The observed loss, or `nil` when the evaluation failed.
    public var value: Double?

    /// Creates an observation.
    public init(configuration: Configuration, value: Double?) {
        self.configuration = configuration
        self.value = value
    }
}

/// Everything evaluated so far, in order: what an optimizer suggests from.
public struct History: Sendable {
    /// The space the configurations belong to.
    public let space: SearchSpace
    /// The observations in the order they were made.
    public private(set) var observations: [Observation] = []
    /// The configurations evaluated so far (including failed ones).
    public private(set) var evaluated: Set<Configuration> = []
    /// The index in ``observations`` of the lowest successful value, if any.
    public private(set) var bestIndex: Int?

    /// An empty history over `space`.
    public init(space: SearchSpace) {
        self.space = space
    }

    /// Records an observation.
    public mutating func append(_ observation: Observation) {
        observations.append(observation)
        evaluated.insert(observation.configuration)
        if let value = observation.value, value.isFinite {
            if let bestIndex, let best = observations[bestIndex].value, best <= value { return }
            bestIndex = observations.count - 1
        }
    }

    /// The number of observations.
    public var count: Int { observations.count }

    /// The observation with the lowest successful value, if any.
    public var best: Observation? { bestIndex.map { observations[$0] } }

    /// Whether `configuration` was evaluated already.
    public func contains(_ configuration: Configuration) -> Bool {
        evaluated.contains(configuration)
    }
}
