import HPORandom
import HPOSpace

/// The outcome of evaluating one configuration.
public struct Evaluation: Hashable, Sendable {
    /// The observed loss (lower is better).
    public var value: Double
    /// What the evaluation cost, in seconds of (simulated) training time.
    public var cost: Double

    /// Creates an evaluation.
    public init(value: Double, cost: Double) {
        self.value = value
        self.cost = cost
    }
}

/// A function to minimize over a search space.
///
/// `evaluate` may be noisy: any randomness it needs comes from the generator it is handed, so a
/// run is reproducible from its seed.
public protocol Objective: Sendable {
    /// The space the objective is defined on.
    var space: SearchSpace { get }
    /// Evaluates one configuration of ``space``.
    func evaluate(_ configuration: Configuration, using generator: inout SeededGenerator) throws -> Evaluation
}

/// An objective whose noise-free value and optimum are known, so runs can report regret.
public protocol Benchmark: Objective {
    /// The benchmark's name as the command line spells it, e.g. `fcnet-protein`.
    var name: String { get }
    /// The noise-free value of a configuration (for FCNet: the mean over the four seeds).
    func trueValue(of configuration: Configuration) -> Double
    /// The smallest noise-free value over the space.
    var optimum: Double { get }
    /// A configuration that attains ``optimum``.
    var optimalConfiguration: Configuration { get }
    /// What an evaluation measures, for labels, e.g. `validation MSE` (`value` by default).
    var valueName: String { get }
}

extension Benchmark {
    public var valueName: String { "value" }

    /// The noise-free value of `configuration` minus the optimum: zero at the global optimum.
    public func regret(of configuration: Configuration) -> Double {
        trueValue(of: configuration) - optimum
    }
}
