import Foundation
import HPOObjective
import HPOOptimizers
import HPORandom
import HPORun
import HPOSpace
import Testing

/// bo-gp end to end: registration, determinism, no repeats in a finite space, and a quality guard.
@Suite struct GaussianProcessOptimizationTests {
    private func suggestions(
        _ spec: OptimizerSpec, space: SearchSpace, count: Int, seed: UInt64, _ f: (Configuration) -> Double
    ) throws -> [Configuration] {
        var optimizer = try spec.makeOptimizer(space: space)
        var history = History(space: space)
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<count {
            let configuration = try optimizer.suggest(given: history, using: &generator)
            history.append(Observation(configuration: configuration, value: f(configuration)))
        }
        return history.observations.map(\.configuration)
    }

    /// A smooth function of a real, a log-scaled integer and a categorical parameter; one failure
    /// (nil) region, which the loop imputes as the worst value.
    private let mixedSpace = try! SearchSpace([.real("x", -1, 1), .integer("n", 1, 64, log: true), .categorical("c", ["a", "b", "c"])])
    private func mixed(_ c: Configuration) -> Double {
        pow(c.values[0] - 0.3, 2) + pow(log2(c.values[1]) - 3, 2) / 10 + (c.values[2] == 2 ? 0 : 0.5)
    }

    @Test func isRegisteredWithItsKeys() throws {
        let named = try OptimizerRegistry.standard.optimizer(label: "bo-gp[restarts=3,initial_design=5,targets=copula,refit_until=40]")
        let keys = Set(named.spec.keys.map(\.key))
        #expect(keys == ["acquisition", "kappa", "initial_design", "allow_repeats", "restarts", "max_observations", "refit_until", "targets"])
        let settings = try #require(named.spec.settings(as: BayesianOptimization.GaussianProcessKind.Settings.self))
        #expect(settings.gaussianProcess.restarts == 3 && settings.loop.initialDesignSize == 5 && settings.gaussianProcess.targets == .copula
            && settings.gaussianProcess.refitUntil == 40)
        #expect(named.spec.summary.contains("Gaussian process"))
    }

    @Test func sameSeedGivesTheSameSuggestions() throws {
        let spec = BayesianOptimization.GaussianProcessKind().spec { $0.loop.initialDesignSize = 4 }
        let first = try suggestions(spec, space: mixedSpace, count: 12, seed: 11, mixed)
        let again = try suggestions(spec, space: mixedSpace, count: 12, seed: 11, mixed)
        let other = try suggestions(spec, space: mixedSpace, count: 12, seed: 12, mixed)
        #expect(first == again)
        #expect(first != other)
        #expect(Set(first).count == first.count)
    }

    /// Every configuration of a space of 12 is suggested once, then the space is exhausted.
    @Test func finiteSpaceIsExhaustedWithoutRepeats() throws {
        let space = try SearchSpace([.integer("a", 0, 3), .categorical("c", ["x", "y", "z"])])
        let spec = BayesianOptimization.GaussianProcessKind().spec { $0.loop.initialDesignSize = 3 }
        var optimizer = try spec.makeOptimizer(space: space)
        var history = History(space: space)
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<12 {
            let configuration = try optimizer.suggest(given: history, using: &generator)
            #expect(!history.contains(configuration))
            // Some evaluations fail: the loop imputes them, as for the other surrogates.
            let value: Double? = configuration.values[0] == 3 ? nil : configuration.values[0] + configuration.values[1]
            history.append(Observation(configuration: configuration, value: value))
        }
        #expect(throws: OptimizerError.self) { try optimizer.suggest(given: history, using: &generator) }
    }

    /// Branin, 30 evaluations, 5 seeds: the regret falls below 0.05 in at least 4 (bo-rf's mean
    /// regret there is above 0.3; see the report of this change). Release builds take about a
    /// second.
    @Test func reachesASmallRegretOnBranin() throws {
        let space = try SearchSpace([.real("x1", -5, 10), .real("x2", 0, 15)])
        func branin(_ c: Configuration) -> Double {
            let (x1, x2) = (c.values[0], c.values[1])
            let b = 5.1 / (4 * Double.pi * Double.pi), t = 1 / (8 * Double.pi)
            return pow(x2 - b * x1 * x1 + 5 / Double.pi * x1 - 6, 2) + 10 * (1 - t) * cos(x1) + 10
        }
        let spec = BayesianOptimization.GaussianProcessKind().spec()
        let regrets = try (0..<5).map { seed in
            try suggestions(spec, space: space, count: 30, seed: UInt64(seed), branin).map(branin).min()! - 0.397887
        }
        #expect(regrets.filter { $0 < 0.05 }.count >= 4, "regrets \(regrets)")
    }
}
