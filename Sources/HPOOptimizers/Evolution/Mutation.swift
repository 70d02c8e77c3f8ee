import HPORandom
import HPOSpace

/// The mutation of regularized evolution: one parameter, drawn uniformly among those with more
/// than one value, changes.
///
/// A categorical, ordinal or integer parameter takes another of its values, uniformly. A real
/// parameter takes a Gaussian step of standard deviation ``realStep`` on its unit scale (the
/// logarithm of a log range), redrawn until it lands inside the range: local moves, which suit a
/// continuous response better than a fresh uniform draw.
public struct Mutation: Sendable {
    /// The space whose configurations are mutated.
    public let space: SearchSpace
    /// The standard deviation of a real parameter's step on its unit scale.
    public let realStep: Double
    /// The parameters that can change: every one with more than one value.
    private let mutable: [Int]

    /// The mutation of `space`'s configurations.
    public init(space: SearchSpace, realStep: Double) {
        self.space = space
        self.realStep = realStep
        mutable = space.parameters.indices.filter { space.parameters[$0].domain.cardinality != 1 }
    }

    /// `configuration` with exactly one parameter changed, or `nil` when no parameter can change.
    public func mutate(_ configuration: Configuration, using generator: inout SeededGenerator) -> Configuration? {
        guard let index = generator.choose(from: mutable) else { return nil }
        let parameter = space.parameters[index]
        let current = configuration[index]
        var child = configuration
        if let count = parameter.domain.cardinality {
            let low = parameter.indexBounds.low
            let other = Double(generator.nextInt(below: count - 1)) + low
            child[index] = other >= current ? other + 1 : other
        } else {
            let unit = parameter.unit(ofInternal: current)
            var value = current
            while value == current {
                var step = unit + generator.nextNormal(mean: 0, standardDeviation: realStep)
                while step < 0 || step > 1 { step = unit + generator.nextNormal(mean: 0, standardDeviation: realStep) }
                value = parameter.internalValue(fromUnit: step)
            }
            child[index] = value
        }
        return child
    }
}
