import HPORandom
import HPOSpace

/// A ``SyntheticFunction`` as a ``Benchmark``: deterministic, or with additive Gaussian noise.
public struct SyntheticBenchmark: Benchmark {
    /// The function.
    public let function: SyntheticFunction
    /// Whether evaluations add Gaussian noise of standard deviation ``SyntheticFunction/noise``.
    public let noisy: Bool

    /// The benchmark of `function`, noisy or not.
    public init(function: SyntheticFunction, noisy: Bool) {
        self.function = function
        self.noisy = noisy
    }

    public var name: String { function.name }
    public var space: SearchSpace { function.space }
    public var optimum: Double { function.optimum }
    public var optimalConfiguration: Configuration { function.optimalConfiguration }
    public var valueName: String { "function value" }

    /// The function's value (plus one normal draw from `generator` when noisy), at cost 1.
    public func evaluate(_ configuration: Configuration, using generator: inout SeededGenerator) throws -> Evaluation {
        try space.validate(configuration)
        let value = function.value(of: configuration)
        return Evaluation(value: noisy ? value + function.noise * generator.nextNormal() : value, cost: 1)
    }

    public func trueValue(of configuration: Configuration) -> Double {
        function.value(of: configuration)
    }
}
