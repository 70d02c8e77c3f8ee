import Foundation
import HPOObjective
import HPORandom
import HPORun
import HPOSpace
import HPOSurrogate
import Testing
@testable import HPOOptimizers

@Suite("Intensification")
struct IntensificationTests {
    @Test("the incumbent needs one evaluation more every interval observations, up to the maximum")
    func schedule() {
        let standard = Intensification()
        #expect(standard.maximumEvaluations == 4 && standard.interval == 30)
        #expect([0, 29, 30, 59, 60, 89, 90, 1000].map(standard.requiredEvaluations(after:)) == [1, 1, 2, 2, 3, 3, 4, 4])
        let short = Intensification(maximumEvaluations: 2, interval: 5)
        #expect([4, 5, 100].map(short.requiredEvaluations(after:)) == [1, 2, 2])
        #expect(standard.finalShare == 0.1)
        #expect([100, 50, 14, 4].map(standard.finalEvaluations(budget:)) == [10, 5, 1, 0])
    }

    /// Six configurations of one parameter: A = 1.0, 1.2 (mean 1.1), B = 1.15, C = 2.0, 2.4
    /// (mean 2.2), D, E, F = 3.0, 3.1, 3.2. The repeats' pooled standard deviation is
    /// sqrt((0.02 + 0.08) / 2) = sqrt(0.05); the lower bounds are A 1.1 - sqrt(0.05 / 2) = 0.9419
    /// and B 1.15 - sqrt(0.05) = 0.9264, so B, one evaluation behind the incumbent A, is confirmed.
    @Test("in the final share of a known budget, the configuration of lowest lower bound is confirmed")
    func finalConfirmation() throws {
        let space = try SearchSpace([.categorical("x", ["A", "B", "C", "D", "E", "F"])])
        let (a, b, c) = (Configuration([0]), Configuration([1]), Configuration([2]))
        let values: [(Configuration, Double)] = [
            (a, 1.0), (b, 1.15), (c, 2.0), (a, 1.2), (c, 2.4), (Configuration([3]), 3.0), (Configuration([4]), 3.1), (Configuration([5]), 3.2),
        ]
        func history(budget: Int?, count: Int = values.count) -> History {
            var history = History(space: space, budget: budget)
            for (configuration, value) in values.prefix(count) { history.append(Observation(configuration: configuration, value: value)) }
            return history
        }
        let sigma = try #require(history(budget: nil).repeatedStandardDeviation)
        #expect(abs(sigma - 0.05.squareRoot()) < 1e-12)
        let intensification = Intensification(maximumEvaluations: 1, finalShare: 0.2)  // 2 of 10
        #expect(history(budget: 10).incumbent == a)
        #expect(intensification.confirmed(given: history(budget: 10)) == b)
        #expect(intensification.repeated(given: history(budget: 10)) == b)
        #expect(intensification.confirmed(given: history(budget: 10, count: 7)) == nil, "before the final 2 of 10")
        #expect(intensification.confirmed(given: history(budget: nil)) == nil, "no budget, no final phase")
        #expect(Intensification(finalShare: 0).confirmed(given: history(budget: 10)) == nil)
        // While B's confirmation runs, a second worker confirms the next lowest bound, A's.
        var pending = history(budget: 10)
        pending.appendRunning(b)
        #expect(pending.running == [b] && pending.tallies[b]?.evaluations == 2 && pending.tallies[b]?.count == 1)
        #expect(intensification.confirmed(given: pending) == a)
        // Repeats that agree exactly show no noise: nothing to confirm.
        var exact = History(space: space, budget: 4)
        for value in [1.0, 1.0, 2.0, 2.0] { exact.append(Observation(configuration: value == 1 ? a : b, value: value)) }
        #expect(exact.repeatedStandardDeviation == 0)
        #expect(intensification.confirmed(given: exact) == nil)
    }

    @Test("settings saved before the final share decode with none, and the share round-trips")
    func decoding() throws {
        let old = try JSONDecoder().decode(Intensification.self, from: Data(#"{"maximumEvaluations": 4, "interval": 30}"#.utf8))
        #expect(old == Intensification(finalShare: 0))
        let current = Intensification(maximumEvaluations: 3, interval: 7, finalShare: 0.25)
        #expect(try JSONDecoder().decode(Intensification.self, from: JSONEncoder().encode(current)) == current)
    }

    @Test("settings out of range are rejected with their name")
    func validation() throws {
        let space = try SearchSpace([.ordinal("x", [0, 1, 2])])
        #expect(throws: OptimizerError.invalidSetting(name: "intensification maximum evaluations", value: "0", valid: "a positive integer")) {
            try BayesianOptimization(
                space: space, surrogate: RandomForest(space: space),
                settings: .init(intensification: .init(maximumEvaluations: 0)))
        }
        #expect(throws: OptimizerError.invalidSetting(name: "intensification interval", value: "0", valid: "a positive integer")) {
            try Intensification(interval: 0).validate()
        }
        #expect(throws: OptimizerError.invalidSetting(name: "intensification final share", value: "1.5", valid: "a number in 0...1")) {
            try Intensification(finalShare: 1.5).validate()
        }
    }

    /// Bayesian optimization with intensification on a noisy function over 4 x 4 x 3 = 48
    /// configurations: each suggestion is the incumbent exactly when it has fewer evaluations than
    /// the schedule asks, and otherwise a configuration never evaluated.
    @Test("only the incumbent is repeated, exactly while it has too few evaluations")
    func repeatsOnlyTheIncumbent() throws {
        let space = try SearchSpace([.ordinal("a", [0, 1, 2, 3]), .ordinal("b", [0, 1, 2, 3]), .categorical("c", ["x", "y", "z"])])
        let intensification = Intensification(maximumEvaluations: 3, interval: 6)
        var optimizer = try BayesianOptimization(
            space: space, surrogate: RandomForest(space: space),
            settings: .init(initialDesignSize: 4, intensification: intensification))
        var generator = SeededGenerator(seed: 21)
        var noise = SeededGenerator(seed: 22)
        var history = History(space: space)
        var repeats = 0
        for _ in 0..<40 {
            let configuration = try optimizer.suggest(given: history, using: &generator)
            let needed = intensification.requiredEvaluations(after: history.count)
            if let incumbent = history.incumbent, let tally = history.tallies[incumbent], tally.evaluations < needed {
                #expect(configuration == incumbent)
                repeats += 1
            } else {
                #expect(!history.contains(configuration), "re-suggested \(configuration.values) without need")
            }
            let v = configuration.values
            let value = 1 + (v[0] - 2) * (v[0] - 2) + v[1] + v[2] + 2 * noise.nextUniform()
            history.append(Observation(configuration: configuration, value: value))
        }
        #expect(repeats >= 2, "the test needs repeats to check")
    }

    @Test("a run reports the incumbent by the mean of its observations, and the noisy presets are reproducible",
          arguments: ["bo-rf-noisy", "bo-dngo-noisy"])
    func runReportsTheMean(preset: String) throws {
        let benchmark = try FCNetBenchmark(.parkinsons, mode: .noisy)
        let loop = try RunLoop(optimizer: try OptimizerRegistry.standard.optimizer(named: preset).spec, objective: benchmark, evaluations: 100)
        let result = try loop.run(2, experimentSeed: 5)
        let again = try loop.run(2, experimentSeed: 5)
        #expect(result.trials.map(\.configuration) == again.trials.map(\.configuration))
        #expect(result.observed == again.observed && result.regret == again.regret)
        #expect(Set(result.trials.map(\.configuration)).count < result.trials.count, "no configuration was repeated")
        // The run's budget reaches the optimizer: its last tenth only confirms evaluated configurations.
        for step in 90..<100 {
            #expect(result.trials[..<step].contains { $0.configuration == result.trials[step].configuration }, "trial \(step + 1) is new")
        }
        for step in result.trials.indices {
            let trials = result.trials[...step]
            let incumbent = result.trials[result.incumbents[step]].configuration
            let values = trials.filter { $0.configuration == incumbent }.compactMap(\.value)
            #expect(result.observed[step] == values.reduce(0, +) / Double(values.count))
            #expect(result.incumbents[step] == trials.firstIndex { $0.configuration == incumbent })
            #expect(result.regret?[step] == benchmark.trueValue(of: incumbent) - benchmark.optimum)
        }
    }
}
