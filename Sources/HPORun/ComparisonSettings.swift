import HPOObjective
import HPOOptimizers

/// What a comparison runs: several optimizers, the same runs of the same length on one benchmark.
///
/// Run `i` of every optimizer has the same seed (derived from ``seed`` and `i`), so the optimizers
/// see the same noise draws; its results depend only on (seed, optimizer, benchmark, objective,
/// evaluations, i).
public struct ComparisonSettings: Hashable, Sendable, Codable {
    /// The benchmark's name, e.g. `fcnet-protein`.
    public var benchmark: String
    /// The objective mode, e.g. `noisy` (see ``ObjectiveMode``).
    public var objective: String
    /// Evaluations per run.
    public var evaluations: Int
    /// Runs per optimizer.
    public var runs: Int
    /// The experiment's seed.
    public var seed: UInt64
    /// The optimizers compared, in the order of tables and legends; labels are unique.
    public var optimizers: [NamedOptimizer]

    /// Creates settings; throws for a count that is not positive, no optimizer or a repeated label.
    public init(
        benchmark: String, objective: String = "noisy", evaluations: Int, runs: Int, seed: UInt64,
        optimizers: [NamedOptimizer]
    ) throws {
        guard evaluations > 0 else { throw ExperimentError.invalidCount(name: "number of evaluations", value: evaluations) }
        guard runs > 0 else { throw ExperimentError.invalidCount(name: "number of runs", value: runs) }
        guard !optimizers.isEmpty else {
            throw OptimizerError.invalidSetting(name: "list of optimizers", value: "(empty)", valid: "at least one optimizer")
        }
        var seen = Set<String>()
        for optimizer in optimizers where !seen.insert(optimizer.label).inserted {
            throw OptimizerError.invalidSetting(
                name: "list of optimizers", value: "naming '\(optimizer.label)' twice", valid: "a list of distinct optimizers")
        }
        self.benchmark = benchmark
        self.objective = objective
        self.evaluations = evaluations
        self.runs = runs
        self.seed = seed
        self.optimizers = optimizers
    }

    /// The benchmark of `registry` evaluated as ``objective`` says; throws for an unknown name
    /// or objective.
    public func makeBenchmark(in registry: BenchmarkRegistry = .standard) throws -> any Benchmark {
        try registry.benchmark(named: benchmark, objective: objective)
    }
}
