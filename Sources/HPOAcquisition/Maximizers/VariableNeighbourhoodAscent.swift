import HPORandom
import HPOSpace

/// Variable Neighbourhood Ascent: steepest-ascent local search whose neighbourhood widens when it
/// is stuck.
///
/// From each start it moves to the best neighbour at Hamming distance 1 (ties broken at random)
/// while that improves the score strictly; when no neighbour at distance r improves it looks at
/// distance r + 1, up to ``Settings/maximumDistance``, and it goes back to distance 1 after every
/// improvement. It stops when the widest neighbourhood has no improvement. Real parameters, which
/// have no Hamming neighbours, get ``Settings/realPerturbations`` Gaussian moves each (standard
/// deviation ``Settings/realStepSize`` on the unit scale) as part of the distance-1 neighbourhood.
///
/// Starts: the first ``Settings/observedStarts`` of the given starts (the best observed
/// configurations) and the ``Settings/randomStarts`` best of ``Settings/randomSamples`` random
/// configurations. Excluded configurations may be walked through but are never returned.
public struct VariableNeighbourhoodAscent: AcquisitionMaximizer {
    /// Settings of the local search.
    public struct Settings: Hashable, Sendable, Codable {
        /// The widest Hamming neighbourhood searched before a start is declared a local optimum.
        public var maximumDistance: Int
        /// How many of the given starts (best observed configurations) to climb from.
        public var observedStarts: Int
        /// How many random configurations to score in search of further starts.
        public var randomSamples: Int
        /// How many of the best random configurations to climb from.
        public var randomStarts: Int
        /// Gaussian moves per real parameter in the distance-1 neighbourhood.
        public var realPerturbations: Int
        /// Their standard deviation on the unit scale.
        public var realStepSize: Double

        /// Creates settings; the defaults balance exactness and speed on FCNet (see BENCHMARKS.md).
        public init(
            maximumDistance: Int = 2, observedStarts: Int = 5, randomSamples: Int = 200, randomStarts: Int = 5,
            realPerturbations: Int = 4, realStepSize: Double = 0.1
        ) {
            self.maximumDistance = maximumDistance
            self.observedStarts = observedStarts
            self.randomSamples = randomSamples
            self.randomStarts = randomStarts
            self.realPerturbations = realPerturbations
            self.realStepSize = realStepSize
        }
    }

    /// The settings in use.
    public var settings: Settings

    /// Variable Neighbourhood Ascent with `settings`.
    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    public func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> ScoredConfiguration? {
        // Ascents from different starts meet again: every score is computed once.
        var memo = ScoreMemo(space: space, excluding: excluded)
        let masked = { (configuration: Configuration) -> Double in memo.score(of: configuration, score) }
        var origins = Array(starts.prefix(settings.observedStarts))
        origins += bestRandom(space: space, using: &generator, score: masked)
        var argmax = RandomTieArgmax<Configuration>()
        let strides = space.idStrides
        for origin in origins {
            let end = if let strides {
                ascendByID(from: origin, space: space, strides: strides, memo: &memo, using: &generator, score: score)
            } else {
                ascend(from: origin, space: space, using: &generator, score: masked)
            }
            if !excluded.contains(end.configuration) {
                argmax.offer(end.configuration, score: end.score, using: &generator)
            }
        }
        return argmax.scored
    }

    /// The `randomStarts` best of `randomSamples` random configurations, best first.
    private func bestRandom(
        space: SearchSpace, using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> [Configuration] {
        guard settings.randomStarts > 0, settings.randomSamples > 0 else { return [] }
        var scored: [ScoredConfiguration] = []
        scored.reserveCapacity(settings.randomSamples)
        for _ in 0..<settings.randomSamples {
            let candidate = space.sample(using: &generator)
            scored.append(ScoredConfiguration(configuration: candidate, score: score(candidate)))
        }
        // Stable order for equal scores: the order of drawing, which the generator fixed.
        let order = scored.indices.sorted { scored[$0].score > scored[$1].score || (scored[$0].score == scored[$1].score && $0 < $1) }
        return order.prefix(settings.randomStarts).map { scored[$0].configuration }
    }

    /// Climbs from `start` to a local optimum of the widest neighbourhood.
    func ascend(
        from start: Configuration, space: SearchSpace, using generator: inout SeededGenerator,
        score: (Configuration) -> Double
    ) -> ScoredConfiguration {
        var current = ScoredConfiguration(configuration: start, score: score(start))
        let realDimensions = space.parameters.indices.filter { space.parameters[$0].domain.cardinality == nil }
        var distance = 1
        while distance <= settings.maximumDistance {
            var argmax = RandomTieArgmax<Configuration>()
            space.forEachNeighbour(of: current.configuration, distance: distance) { neighbour in
                argmax.offer(neighbour, score: score(neighbour), using: &generator)
            }
            if distance == 1 {
                for d in realDimensions {
                    for _ in 0..<settings.realPerturbations {
                        var neighbour = current.configuration
                        let parameter = space.parameters[d]
                        let unit = parameter.unit(ofInternal: neighbour.values[d]) + settings.realStepSize * generator.nextNormal()
                        neighbour.values[d] = parameter.internalValue(fromUnit: unit)
                        argmax.offer(neighbour, score: score(neighbour), using: &generator)
                    }
                }
            }
            if let best = argmax.scored, best.score > current.score {
                current = best
                distance = 1
            } else {
                distance += 1
            }
        }
        return current
    }
}
