import HPORandom
import HPOSpace

/// The best of a number of configurations drawn from the space's sampling distribution.
public struct RandomSampling: AcquisitionMaximizer {
    /// How many configurations to draw.
    public var samples: Int

    /// The best of `samples` random configurations.
    public init(samples: Int = 1000) {
        self.samples = samples
    }

    public func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> ScoredConfiguration? {
        var argmax = RandomTieArgmax<Configuration>()
        for _ in 0..<samples {
            let candidate = space.sample(using: &generator)
            if excluded.contains(candidate) { continue }
            argmax.offer(candidate, score: score(candidate), using: &generator)
        }
        return argmax.scored
    }
}
