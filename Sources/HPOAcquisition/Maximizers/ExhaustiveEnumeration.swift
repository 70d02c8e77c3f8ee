import HPORandom
import HPOSpace

/// The exact argmax over a finite space: every configuration is scored, in id order. Returns
/// `nil` for an infinite space.
///
/// Given a score function it scores one configuration after the other with one reused buffer;
/// given a table of every configuration's score (``maximize(over:scores:excluding:using:)``),
/// which a model can compute in bulk much faster, it only takes the argmax. Both break ties
/// the same way, so they return the same configuration for the same scores.
public struct ExhaustiveEnumeration: EnumeratingMaximizer {
    /// Creates the exhaustive maximizer.
    public init() {}

    public func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> ScoredConfiguration? {
        guard let size = space.size else { return nil }
        let lows = space.parameters.map(\.indexBounds.low)
        let highs = space.parameters.map(\.indexBounds.high)
        var candidate = Configuration(lows)
        var scores = [Double](repeating: 0, count: size)
        for id in 0..<size {
            scores[id] = score(candidate)
            // Odometer step: the last parameter is the least significant digit of the id.
            var d = lows.count - 1
            while d >= 0 {
                if candidate.values[d] < highs[d] { candidate.values[d] += 1; break }
                candidate.values[d] = lows[d]
                d -= 1
            }
        }
        return maximize(over: space, scores: scores, excluding: excluded, using: &generator)
    }

    public func maximize(
        over space: SearchSpace, scores: [Double], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator
    ) -> ScoredConfiguration? {
        guard let size = space.size, scores.count == size else { return nil }
        var isExcluded = [Bool](repeating: false, count: size)
        for configuration in excluded {
            if let id = space.fastID(of: configuration) { isExcluded[id] = true }
        }
        var argmax = RandomTieArgmax<Int>()
        for id in 0..<size where !isExcluded[id] {
            argmax.offer(id, score: scores[id], using: &generator)
        }
        guard let bestID = argmax.best, let best = try? space.configuration(id: bestID) else { return nil }
        return ScoredConfiguration(configuration: best, score: argmax.bestScore)
    }
}
