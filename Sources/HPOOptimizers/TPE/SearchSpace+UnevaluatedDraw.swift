import HPORandom
import HPOSpace

extension SearchSpace {
    /// A configuration drawn from the space's sampling distribution that `history` has not
    /// evaluated: in a finite space uniformly among the free ones (``sampleUnevaluated(given:size:using:)``,
    /// throwing ``OptimizerError/spaceExhausted(size:)`` when none is free), else by drawing again
    /// until the draw is new (a real parameter makes a repeat all but impossible).
    public func sampleUnevaluated(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
        if let size { return try sampleUnevaluated(given: history, size: size, using: &generator) }
        while true {
            let candidate = sample(using: &generator)
            if !history.contains(candidate) { return candidate }
        }
    }
}
