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

    @Test("a run reports the incumbent by the mean of its observations, and bo-rf-noisy is reproducible")
    func runReportsTheMean() throws {
        let benchmark = try FCNetBenchmark(.parkinsons, mode: .noisy)
        let loop = try RunLoop(optimizer: try NamedOptimizer.preset(named: "bo-rf-noisy").spec, objective: benchmark, evaluations: 100)
        let result = try loop.run(2, experimentSeed: 5)
        let again = try loop.run(2, experimentSeed: 5)
        #expect(result.trials.map(\.configuration) == again.trials.map(\.configuration))
        #expect(result.observed == again.observed && result.regret == again.regret)
        #expect(Set(result.trials.map(\.configuration)).count < result.trials.count, "no configuration was repeated")
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
