import Foundation
import HPOAcquisition
import HPOObjective
import HPOOptimizers
import HPORandom
import HPORun
import HPOSpace
import HPOSurrogate
import Synchronization
import Testing

// Pieces added from outside the library, through its public API only (no @testable import): an
// acquisition function with its own maximizer, and a benchmark. (An optimizer kind added from
// outside: OptimizerRegistryTests.)

/// Pure exploitation: the lowest predicted mean is the most promising.
private struct LowestMean: AcquisitionFunction, AcquisitionFunctionFactory {
    func value(_ prediction: Prediction) -> Double { -prediction.mean }
    func make(incumbent: Double, transform: TargetTransform) -> any AcquisitionFunction { self }
}

/// Exhaustive enumeration that counts its calls.
private struct CountingMaximizer: AcquisitionMaximizer {
    let calls = Calls()

    final class Calls: Sendable {
        let count = Mutex(0)
    }

    func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double
    ) -> ScoredConfiguration? {
        calls.count.withLock { $0 += 1 }
        var best: ScoredConfiguration?
        for configuration in (try? space.allConfigurations()) ?? [] where !excluded.contains(configuration) {
            let value = score(configuration)
            if value > best?.score ?? -.infinity { best = ScoredConfiguration(configuration: configuration, score: value) }
        }
        return best
    }
}

private struct UnknownObjective: Error {}

/// x² + y² on a 5 x 5 grid, optimum 0 at the origin; deterministic.
private struct Bowl: BenchmarkProvider, Benchmark {
    var name: String { "bowl" }
    var summary: String { "x² + y² on a 5 x 5 grid" }
    var objectives: [String] { ["exact"] }

    func benchmark(objective: String) throws -> any Benchmark {
        guard objective == "exact" else { throw UnknownObjective() }
        return self
    }

    let space: SearchSpace

    init() throws {
        space = try SearchSpace([.ordinal("x", [-2, -1, 0, 1, 2]), .ordinal("y", [-2, -1, 0, 1, 2])])
    }

    func evaluate(_ configuration: Configuration, using generator: inout SeededGenerator) throws -> Evaluation {
        Evaluation(value: trueValue(of: configuration), cost: 1)
    }

    func trueValue(of configuration: Configuration) -> Double {
        space.values(of: configuration).reduce(0) { sum, entry in
            if case .number(let x) = entry.value { sum + x * x } else { sum }
        }
    }

    var optimum: Double { 0 }
    var optimalConfiguration: Configuration { (try? space.configuration(id: 12)) ?? space.defaultConfiguration }
}

@Suite struct ExtensionTests {
    @Test func bayesianOptimizationUsesAnAcquisitionFunctionAndAMaximizerFromOutside() throws {
        let bowl = try Bowl()
        let maximizer = CountingMaximizer()
        var optimizer = try BayesianOptimization(
            space: bowl.space, surrogate: RandomForest(space: bowl.space), settings: .init(initialDesignSize: 5),
            acquisition: LowestMean(), maximizer: maximizer)
        var history = History(space: bowl.space)
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<8 {
            let configuration = try optimizer.suggest(given: history, using: &generator)
            if history.count >= 5 {
                // The suggestion has the lowest mean the fitted forest predicts among the configurations not evaluated.
                let candidates = try bowl.space.allConfigurations().filter { !history.contains($0) }
                let lowest = candidates.map { optimizer.surrogate.predict($0).mean }.min()
                #expect(optimizer.surrogate.predict(configuration).mean == lowest)
            }
            history.append(Observation(configuration: configuration, value: bowl.trueValue(of: configuration)))
        }
        #expect(maximizer.calls.count.withLock { $0 } == 3)
    }

    @Test func aBenchmarkFromOutsideRunsInAComparison() throws {
        let registry = BenchmarkRegistry.standard.registering(try Bowl())
        #expect(registry.names.last == "bowl")
        #expect(throws: UnknownBenchmarkError.self) { try BenchmarkRegistry.standard.benchmark(named: "bowl") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hpo-bowl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let settings = try ComparisonSettings(
            benchmark: "bowl", objective: "exact", evaluations: 12, runs: 2, seed: 3,
            optimizers: [try OptimizerRegistry.standard.optimizer(named: "bo-rf")])
        let comparison = try Comparison(settings: settings, directory: directory, benchmarks: registry)
        try comparison.prepare()
        try Comparison.performPending([comparison], jobs: 1)
        let document = try #require(try comparison.documents().first)
        #expect(document.optimum == 0)
        #expect(document.runs.count == 2)
        for run in document.runs {
            #expect(run.trials.count == 12)
            #expect(run.regret?.last == run.observed.last)  // deterministic: regret is the best value found
        }
    }
}
