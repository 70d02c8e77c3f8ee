import HPORandom
import HPOSpace

/// A configuration with the acquisition score a maximizer found for it.
public struct ScoredConfiguration: Hashable, Sendable {
    /// The configuration.
    public var configuration: Configuration
    /// Its acquisition score.
    public var score: Double

    /// Pairs a configuration with its score.
    public init(configuration: Configuration, score: Double) {
        self.configuration = configuration
        self.score = score
    }
}

/// A strategy that searches a space for the configuration with the largest acquisition score.
///
/// Maximizers never return a configuration in `excluded` (the evaluated ones, when repeats are not
/// wanted). Ties are broken uniformly at random with the generator passed in.
public protocol AcquisitionMaximizer: Sendable {
    /// The best configuration found, or `nil` when the maximizer cannot search this space or
    /// every configuration it reached is excluded.
    ///
    /// - Parameters:
    ///   - space: the space to search.
    ///   - starts: promising configurations, best first (e.g. the best observed), that a local
    ///     search may start from.
    ///   - excluded: configurations that must not be returned.
    ///   - score: the acquisition score to maximize (NaN counts as -infinity).
    func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> ScoredConfiguration?
}

/// A maximizer that scores every configuration of a finite space, and so can take all the
/// scores at once, as a table by dense id (see ``SearchSpace/configuration(id:)``), which a
/// model can compute in bulk much faster than one configuration at a time.
public protocol EnumeratingMaximizer: AcquisitionMaximizer {
    /// The best configuration by `scores` (one per id of `space`; NaN counts as -infinity), never
    /// one in `excluded`; `nil` when `space` is infinite, the table has the wrong size or every
    /// configuration is excluded. Ties are broken uniformly at random with `generator`.
    func maximize(
        over space: SearchSpace, scores: [Double], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator
    ) -> ScoredConfiguration?
}

/// The running argmax of a stream of scored candidates (configurations, or ids of a finite
/// space), with ties broken uniformly at random (reservoir sampling: the k-th tie replaces the
/// current choice with probability 1/k). NaN scores count as -infinity.
struct RandomTieArgmax<Candidate> {
    /// The best candidate so far (`nil` before the first offer).
    private(set) var best: Candidate?
    /// Its score.
    private(set) var bestScore = -Double.infinity
    private var ties = 0

    /// Offers a candidate; the generator is used only on an exact tie.
    @inline(__always)
    mutating func offer(_ candidate: Candidate, score: Double, using generator: inout SeededGenerator) {
        let score = score.isNaN ? -Double.infinity : score
        if best == nil || score > bestScore {
            best = candidate
            bestScore = score
            ties = 1
        } else if score == bestScore {
            ties += 1
            if generator.nextInt(below: ties) == 0 { best = candidate }
        }
    }
}

extension RandomTieArgmax where Candidate == Configuration {
    /// The best configuration with its score.
    var scored: ScoredConfiguration? {
        best.map { ScoredConfiguration(configuration: $0, score: bestScore) }
    }
}
