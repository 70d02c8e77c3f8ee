import HPORandom
import HPOSpace
import HPOSurrogate

/// Multi-start local search for mixed spaces, as Optuna's GPSampler maximizes its acquisition:
/// from each start it alternates L-BFGS ascent over the real parameters (on their unit scale, the
/// others held) with a coordinate search over the finite ones (every value of a parameter with
/// at most ``Settings/exhaustiveCardinality`` values, else steps of 1, 2, 4, ... either way),
/// until a round improves nothing.
///
/// Starts: the best observed configurations, each also with its real parameters perturbed, and
/// the best of ``Settings/randomSamples`` random configurations. Every configuration scored is a
/// candidate, so when the local searches end at excluded configurations (evaluated ones), the
/// best unexcluded configuration seen is returned.
public struct MixedGradientAscent: GradientAcquisitionMaximizer {
    /// How widely the maximizer searches.
    public struct Settings: Hashable, Sendable, Codable {
        /// The best observed configurations that start a local search (each twice: as observed
        /// and perturbed).
        public var observedStarts: Int
        /// The random configurations scored to choose random starts.
        public var randomSamples: Int
        /// The best random configurations that start a local search.
        public var randomStarts: Int
        /// The standard deviation of the perturbation of an observed start's real parameters,
        /// on their unit scale.
        public var perturbation: Double
        /// The most L-BFGS iterations of one ascent over the real parameters.
        public var iterations: Int
        /// The most rounds of (real ascent, finite coordinate search) from one start.
        public var rounds: Int
        /// Finite parameters with at most this many values are searched exhaustively.
        public var exhaustiveCardinality: Int

        /// Creates settings.
        public init(
            observedStarts: Int = 3, randomSamples: Int = 512, randomStarts: Int = 4, perturbation: Double = 0.05,
            iterations: Int = 40, rounds: Int = 4, exhaustiveCardinality: Int = 32
        ) {
            self.observedStarts = observedStarts
            self.randomSamples = randomSamples
            self.randomStarts = randomStarts
            self.perturbation = perturbation
            self.iterations = iterations
            self.rounds = rounds
            self.exhaustiveCardinality = exhaustiveCardinality
        }
    }

    /// The settings in use.
    public var settings: Settings

    /// A maximizer with `settings`.
    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// Maximizes with finite-difference gradients of `score`.
    public func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> ScoredConfiguration? {
        maximize(over: space, starts: starts, excluding: excluded, using: &generator, score: score) { _ in nil }
    }

    public func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double,
        scoreGradient: (Configuration) -> (score: Double, gradient: [Double])?
    ) -> ScoredConfiguration? {
        withoutActuallyEscaping(score) { score in
            withoutActuallyEscaping(scoreGradient) { scoreGradient in
                var search = Search(space: space, settings: settings, excluded: excluded, score: score, scoreGradient: scoreGradient)
                return search.run(starts: starts, using: &generator)
            }
        }
    }
}

extension Search {
    /// Chooses the starts from `starts` and random samples, and ascends from each.
    mutating func run(starts: [Configuration], using generator: inout SeededGenerator) -> ScoredConfiguration? {
        var initial: [Configuration] = []
        for start in starts.prefix(settings.observedStarts) {
            initial.append(start)
            if !reals.isEmpty {
                var perturbed = start
                for i in reals {
                    let u = space.parameters[i].unit(ofInternal: start.values[i]) + generator.nextNormal(mean: 0, standardDeviation: settings.perturbation)
                    perturbed.values[i] = space.parameters[i].internalValue(fromUnit: u)
                }
                initial.append(perturbed)
            }
        }
        var sampled: [(configuration: Configuration, score: Double)] = []
        for _ in 0..<settings.randomSamples {
            let configuration = space.sample(using: &generator)
            sampled.append((configuration, offer(configuration, using: &generator)))
        }
        let order = sampled.indices.sorted { (sampled[$0].score, $1) > (sampled[$1].score, $0) }
        initial += order.prefix(settings.randomStarts).map { sampled[$0].configuration }
        for start in initial { ascend(from: start, using: &generator) }
        return best.scored
    }
}

/// One maximization's state: the closures, the exclusions and the best candidate so far.
private struct Search {
    let space: SearchSpace
    let settings: MixedGradientAscent.Settings
    let excluded: Set<Configuration>
    let score: (Configuration) -> Double
    let scoreGradient: (Configuration) -> (score: Double, gradient: [Double])?
    /// The positions of the real parameters.
    let reals: [Int]
    var best = RandomTieArgmax<Configuration>()

    init(
        space: SearchSpace, settings: MixedGradientAscent.Settings, excluded: Set<Configuration>,
        score: @escaping (Configuration) -> Double, scoreGradient: @escaping (Configuration) -> (score: Double, gradient: [Double])?
    ) {
        self.space = space
        self.settings = settings
        self.excluded = excluded
        self.score = score
        self.scoreGradient = scoreGradient
        self.reals = space.parameters.indices.filter { space.parameters[$0].domain.cardinality == nil }
    }

    /// Scores `configuration` and keeps it as the best candidate if it is not excluded and
    /// scores highest; NaN counts as -infinity.
    mutating func offer(_ configuration: Configuration, using generator: inout SeededGenerator) -> Double {
        let value = score(configuration)
        let finite = value.isNaN ? -Double.infinity : value
        if !excluded.contains(configuration) { best.offer(configuration, score: finite, using: &generator) }
        return finite
    }

    /// Local search from `start`.
    mutating func ascend(from start: Configuration, using generator: inout SeededGenerator) {
        var current = start
        var currentScore = offer(start, using: &generator)
        for _ in 0..<max(settings.rounds, 1) {
            var improved = false
            if !reals.isEmpty {
                let (next, nextScore) = ascendReals(from: current)
                if nextScore > currentScore {
                    current = next
                    currentScore = offer(next, using: &generator)
                    improved = true
                }
            }
            for i in space.parameters.indices where !reals.contains(i) {
                for value in values(of: i, around: current.values[i]) {
                    var candidate = current
                    candidate.values[i] = value
                    let candidateScore = offer(candidate, using: &generator)
                    if candidateScore > currentScore {
                        current = candidate
                        currentScore = candidateScore
                        improved = true
                    }
                }
            }
            if !improved { break }
        }
    }

    /// The values a coordinate search tries for finite parameter `i` at `value`.
    private func values(of i: Int, around value: Double) -> [Double] {
        let parameter = space.parameters[i]
        let (low, high) = parameter.indexBounds
        if let cardinality = parameter.domain.cardinality, cardinality <= settings.exhaustiveCardinality || !parameter.domain.isOrdered {
            return stride(from: low, through: high, by: 1).filter { $0 != value }
        }
        var out: [Double] = []
        var step = 1.0
        while step <= high - low {
            if value - step >= low { out.append(value - step) }
            if value + step <= high { out.append(value + step) }
            step *= 2
        }
        return out
    }

    /// L-BFGS ascent of the score over the real parameters' unit coordinates from `start`.
    private func ascendReals(from start: Configuration) -> (Configuration, Double) {
        let parameters = space.parameters
        func configuration(_ point: [Double]) -> Configuration {
            var c = start
            for (k, i) in reals.enumerated() { c.values[i] = parameters[i].internalValue(fromUnit: point[k]) }
            return c
        }
        let origin = reals.map { parameters[$0].unit(ofInternal: start.values[$0]) }
        let minimizer = BoundedLBFGS(maximumIterations: settings.iterations, gradientTolerance: 1e-7, valueTolerance: 1e-9)
        let zeros = [Double](repeating: 0, count: reals.count)
        let ones = [Double](repeating: 1, count: reals.count)
        let result = minimizer.minimize(from: origin, lower: zeros, upper: ones) { point in
            let c = configuration(point)
            if let (value, gradient) = scoreGradient(c) {
                return (value.isNaN ? .infinity : -value, reals.map { -gradient[$0] })
            }
            return finiteDifference(at: point, configuration)
        }
        let found = configuration(result.point)
        return (found, score(found))
    }

    /// -score and its central-difference gradient (one-sided at a bound) by the unit
    /// coordinates of the real parameters.
    private func finiteDifference(at point: [Double], _ configuration: ([Double]) -> Configuration) -> (Double, [Double]) {
        let value = score(configuration(point))
        guard !value.isNaN else { return (.infinity, point.map { _ in 0 }) }
        let h = 1e-6
        let gradient = point.indices.map { k -> Double in
            var up = point
            var down = point
            up[k] = min(point[k] + h, 1)
            down[k] = max(point[k] - h, 0)
            return -(score(configuration(up)) - score(configuration(down))) / (up[k] - down[k])
        }
        return (-value, gradient)
    }
}
