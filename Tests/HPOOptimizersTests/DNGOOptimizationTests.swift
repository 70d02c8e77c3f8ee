import HPOObjective
import HPORandom
import HPORun
import HPOSpace
import HPOSurrogate
import Testing
@testable import HPOOptimizers

@Suite("bo-dngo")
struct DNGOOptimizationTests {
    /// bo-dngo with a network trained briefly (20 epochs fresh, 3 warm-started), to keep the
    /// tests fast; the benchmark in BENCHMARKS.md uses the defaults.
    static let quick = OptimizerSpec.bayesianOptimization(
        surrogate: .dngo(DNGO.Settings(training: NetworkTraining(epochs: 20, batchSize: 10, learningRate: 0.01), warmStartEpochs: 3)),
        settings: BayesianOptimization.Settings())

    @Test func isNamedBoDNGO() {
        #expect(Self.quick.kind == "bo-dngo")
        #expect(Self.quick.label == "bo-dngo[acquisition=lcb,kappa=1,random_probability=0,epochs=20,warm_start_epochs=3]")
    }

    @Test("replaying a suggestion leaves the state the suggestion leaves: the next suggestions agree")
    func replayLeavesTheSuggestionsState() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .noisy)
        var (surrogate, settings) = try #require(Self.quick.bayesianOptimization)
        settings.initialDesignSize = 4
        settings.randomInterleaveProbability = 0.3  // the draw before the fit is replayed too
        settings.intensification = Intensification(maximumEvaluations: 2, interval: 3)
        let spec = OptimizerSpec.bayesianOptimization(surrogate: surrogate, settings: settings)
        var suggesting = try spec.makeOptimizer(space: benchmark.space)
        var replaying = try spec.makeOptimizer(space: benchmark.space)
        #expect(suggesting.keepsStateBetweenSuggestions)
        var history = History(space: benchmark.space, budget: 20)
        var noise = SeededGenerator(seed: 2)
        for step in 0..<20 {
            var generator = SeededGenerator(seed: 5, stream: UInt64(step))
            var twin = generator
            let configuration = try suggesting.suggest(given: history, using: &generator)
            try replaying.replaySuggestion(given: history, using: &twin)
            var (a, b) = (suggesting, replaying)
            var (ga, gb) = (SeededGenerator(seed: 6, stream: UInt64(step)), SeededGenerator(seed: 6, stream: UInt64(step)))
            #expect(try a.suggest(given: history, using: &ga) == b.suggest(given: history, using: &gb), "after step \(step)")
            let observation = Observation(configuration: configuration, value: try benchmark.evaluate(configuration, using: &noise).value)
            history.append(observation)
            suggesting.tell(observation, history: history)
            replaying.tell(observation, history: history)
        }
    }

    @Test func aFixedSeedGivesIdenticalRuns() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .noisy)
        let loop = try RunLoop(optimizer: Self.quick, objective: benchmark, evaluations: 25)
        let first = try loop.run(3, experimentSeed: 11)
        let second = try loop.run(3, experimentSeed: 11)
        #expect(first.trials.map(\.configuration) == second.trials.map(\.configuration))
        #expect(first.trials.map(\.value) == second.trials.map(\.value))
        let other = try loop.run(4, experimentSeed: 11)
        #expect(first.trials.map(\.configuration) != other.trials.map(\.configuration))
    }

    /// The loose check that it learns: lower mean final regret than random search over the same
    /// 20 runs of 50 evaluations in mean mode.
    @Test func beatsRandomSearchOnProtein() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .mean)
        let dngo = try meanFinalRegret(Self.quick, on: benchmark)
        let random = try meanFinalRegret(.random(RandomSearch.Settings()), on: benchmark)
        #expect(dngo < random, "bo-dngo \(dngo) against random search \(random)")
    }

    @Test func invalidSurrogateSettingsAreRejectedWithTheirName() {
        let spec = OptimizerSpec.bayesianOptimization(
            surrogate: .dngo(DNGO.Settings(training: NetworkTraining(epochs: 0, batchSize: 10, learningRate: 0.01))),
            settings: BayesianOptimization.Settings())
        #expect(throws: SurrogateError.invalidSetting(name: "epochs", value: "0", valid: "a positive integer")) {
            try spec.makeOptimizer(space: .fcnet)
        }
    }
}
