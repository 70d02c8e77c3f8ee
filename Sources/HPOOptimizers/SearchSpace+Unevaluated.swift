import HPORandom
import HPOSpace

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
