import HPORandom
import HPOSpace

/// The exact argmax over a finite space: every configuration is scored once, in id order, with
/// one reused buffer. Returns `nil` for an infinite space.
public struct ExhaustiveEnumeration: AcquisitionMaximizer {
    /// Creates the exhaustive maximizer.
    public init() {}

    public func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> ScoredConfiguration? {
        guard let size = space.size else { return nil }
        let excludedIDs = excluded.compactMap { space.fastID(of: $0) }.sorted()
        let lows = space.parameters.map(\.indexBounds.low)
        let highs = space.parameters.map(\.indexBounds.high)
        var candidate = Configuration(lows)
        var nextExcluded = 0
        var argmax = RandomTieArgmax()
        for id in 0..<size {
            if nextExcluded < excludedIDs.count, excludedIDs[nextExcluded] == id {
                while nextExcluded < excludedIDs.count, excludedIDs[nextExcluded] == id { nextExcluded += 1 }
            } else {
                argmax.offer(candidate, score: score(candidate), using: &generator)
            }
            // Odometer step: the last parameter is the least significant digit of the id.
            var d = lows.count - 1
            while d >= 0 {
                if candidate.values[d] < highs[d] { candidate.values[d] += 1; break }
                candidate.values[d] = lows[d]
                d -= 1
            }
        }
        return argmax.best
    }
}
