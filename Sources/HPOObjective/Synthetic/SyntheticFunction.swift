import HPOSpace

/// A synthetic test function from the black-box optimization literature: a closed-form function
/// over a search space whose global optimum is known, so runs report an exact regret.
///
/// It is a ``BenchmarkProvider`` with two objectives: `deterministic` (the default), the function
/// itself, and `noisy`, the function plus Gaussian noise of standard deviation ``noise`` drawn
/// from the run's generator. Each evaluation costs 1 (simulated second).
public struct SyntheticFunction: Sendable {
    /// The name as the command line spells it, e.g. `branin`.
    public let name: String
    /// What the function is, in one line.
    public let summary: String
    /// The space it is defined on.
    public let space: SearchSpace
    /// The smallest value over ``space``.
    public let optimum: Double
    /// A configuration that attains ``optimum`` (to the precision the literature gives it).
    public let optimalConfiguration: Configuration
    /// The standard deviation of the additive Gaussian noise of the `noisy` objective.
    public let noise: Double
    /// The evaluations a run gets by default: 10 per dimension plus 20, at most 100.
    public let defaultEvaluations: Int
    /// The function of a configuration's internal values (see ``Parameter``).
    let function: @Sendable ([Double]) -> Double

    /// A synthetic function; `defaultEvaluations` defaults to ``defaultBudget(dimension:)``.
    public init(
        name: String, summary: String, space: SearchSpace, optimum: Double, optimalConfiguration: Configuration,
        noise: Double, defaultEvaluations: Int? = nil, function: @escaping @Sendable ([Double]) -> Double
    ) {
        self.name = name
        self.summary = summary
        self.space = space
        self.optimum = optimum
        self.optimalConfiguration = optimalConfiguration
        self.noise = noise
        self.defaultEvaluations = defaultEvaluations ?? Self.defaultBudget(dimension: space.dimension)
        self.function = function
    }

    /// The function's value at `configuration`, a valid configuration of ``space``.
    public func value(of configuration: Configuration) -> Double {
        function(configuration.values)
    }

    /// The default number of evaluations of a `dimension`-dimensional problem: `10 d + 20`, at
    /// most 100 (the budget of the FCNet comparisons).
    public static func defaultBudget(dimension: Int) -> Int {
        min(100, 10 * dimension + 20)
    }

    /// The space of `parameters`, which are literals of this module and so always form a space.
    static func space(_ parameters: () throws -> [Parameter]) -> SearchSpace {
        do {
            return try SearchSpace(parameters())
        } catch {
            preconditionFailure("a synthetic function's literal space is malformed: \(error)")
        }
    }

    /// The space of `dimension` real parameters `x1 ... xd` over `low ... high`.
    static func box(_ dimension: Int, _ low: Double, _ high: Double) -> SearchSpace {
        space { try (1...dimension).map { try .real("x\($0)", low, high) } }
    }

    /// The space of `dimension` integer parameters `x1 ... xd` over `low ... high`.
    static func integerBox(_ dimension: Int, _ low: Int, _ high: Int) -> SearchSpace {
        space { try (1...dimension).map { try .integer("x\($0)", low, high) } }
    }

    /// The synthetic functions embedded in the project, in the order `hpo benchmarks` lists them.
    public static let standard: [SyntheticFunction] = [
        .branin, .hartmann3, .hartmann6, .ackley(dimension: 5), .ackley(dimension: 20), .rosenbrock(dimension: 4),
        .levy(dimension: 10), .styblinskiTang(dimension: 8), .sixHumpCamel, .goldsteinPrice, .learningRateValley,
        .ackleyInteger, .rosenbrockInteger, .ackleyMixed, .levyMixed, .levyCategorical,
    ]
}

extension SyntheticFunction: BenchmarkProvider {
    public var objectives: [String] { ["deterministic", "noisy"] }

    public var kind: BenchmarkKind { BenchmarkKind(space: space) }

    /// The function, `deterministic` or `noisy`; throws ``UnknownObjectiveError`` for another.
    public func benchmark(objective: String) throws -> any Benchmark {
        switch objective {
        case "deterministic": SyntheticBenchmark(function: self, noisy: false)
        case "noisy": SyntheticBenchmark(function: self, noisy: true)
        default: throw UnknownObjectiveError(benchmark: name, objective: objective, valid: objectives)
        }
    }
}
