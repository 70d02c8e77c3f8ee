import HPOObjective
import HPORandom
import HPORun
import HPOSpace
import HPOSurrogate
import Synchronization
import Testing
@testable import HPOOptimizers

/// A surrogate that records how many observations and results its last fit was given.
private struct FitRecorder: Surrogate {
    let space: SearchSpace
    let fits: FitLog
    final class FitLog: Sendable {
        let fits = Mutex<[(observations: Int, settled: Int)]>([])
        var counts: [(observations: Int, settled: Int)] { fits.withLock { $0 } }
    }
    mutating func fit(_ configurations: [Configuration], _ values: [Double], using generator: inout SeededGenerator) {
        fits.fits.withLock { $0.append((configurations.count, configurations.count)) }
    }
    mutating func fit(_ configurations: [Configuration], _ values: [Double], settled: Int, using generator: inout SeededGenerator) {
        fits.fits.withLock { $0.append((configurations.count, settled)) }
    }
    func predict(_ configuration: Configuration) -> Prediction { Prediction(mean: configuration[0], variance: 1) }
}

@Suite struct BayesianOptimizationTests {
    /// Running evaluations (appended as failures after the results) reach the surrogate as
    /// observations that are not settled: the fit is told how many results lead.
    @Test func theSurrogateIsToldWhichObservationsAreResults() throws {
        let space = try SearchSpace([.real("x", 0, 1)])
        let log = FitRecorder.FitLog()
        var optimizer = try BayesianOptimization(
            space: space, surrogate: FitRecorder(space: space, fits: log), settings: .init(maximizer: .randomSampling(samples: 8), initialDesignSize: 2))
        var history = History(space: space)
        for x in [0.1, 0.5, 0.9] { history.append(Observation(configuration: Configuration([x]), value: x)) }
        var generator = SeededGenerator(seed: 1)
        _ = try optimizer.suggest(given: history, using: &generator)
        history.appendRunning(Configuration([0.3]))
        history.appendRunning(Configuration([0.7]))
        _ = try optimizer.suggest(given: history, using: &generator)
        #expect(log.counts.map(\.observations) == [3, 5] && log.counts.map(\.settled) == [3, 3])
    }

    static let boRF = OptimizerSpec.bayesianOptimization(
        surrogate: .randomForest(RandomForest.Settings()), settings: BayesianOptimization.Settings())

    @Test func aFixedSeedGivesIdenticalRuns() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .noisy)
        let loop = try RunLoop(optimizer: Self.boRF, objective: benchmark, evaluations: 30)
        let first = try loop.run(3, experimentSeed: 11)
        let second = try loop.run(3, experimentSeed: 11)
        #expect(first.trials.map(\.configuration) == second.trials.map(\.configuration))
        #expect(first.regret == second.regret)
        let other = try loop.run(4, experimentSeed: 11)
        #expect(first.trials.map(\.configuration) != other.trials.map(\.configuration))
    }

    @Test func evaluatedConfigurationsAreNeverSuggestedAgain() throws {
        // 2 x 3 x 4 = 24 configurations: the run evaluates every one once, then the space is exhausted.
        let space = try SearchSpace([
            Parameter.categorical("a", ["x", "y"]), Parameter.ordinal("b", [1, 2, 3]), Parameter.integer("c", 1, 4),
        ])
        var optimizer = try BayesianOptimization(
            space: space, surrogate: RandomForest(space: space),
            settings: .init(maximizer: .exhaustive, initialDesignSize: 3, randomInterleaveProbability: 0))
        var generator = SeededGenerator(seed: 5)
        var history = History(space: space)
        for _ in 0..<24 {
            let configuration = try optimizer.suggest(given: history, using: &generator)
            #expect(!history.contains(configuration), "suggested \(configuration.values) twice")
            let value = configuration.values.reduce(1, +)
            history.append(Observation(configuration: configuration, value: value))
        }
        #expect(history.evaluated.count == 24)
        #expect(throws: OptimizerError.spaceExhausted(size: 24)) {
            try optimizer.suggest(given: history, using: &generator)
        }
    }

    @Test func failedEvaluationsAreFittedAsTheWorstSuccessfulValue() throws {
        let space = try SearchSpace([Parameter.ordinal("x", [0, 1, 2, 3])])
        var history = History(space: space)
        history.append(Observation(configuration: Configuration([0]), value: 0.5))
        history.append(Observation(configuration: Configuration([1]), value: nil))
        history.append(Observation(configuration: Configuration([2]), value: 0.25))
        let data = try #require(TrainingData(history: history))
        #expect(data.losses == [0.5, 0.5, 0.25])
        #expect(data.bestLoss == 0.25)
        #expect(data.configurationsBestFirst.map(\.values) == [[2], [0], [1]])
        #expect(TrainingData(history: History(space: space)) == nil)
    }

    @Test func settingsOutOfRangeAreRejectedWithTheirName() throws {
        let real = try SearchSpace([Parameter.real("r", 0, 1)])
        let forest = try RandomForest(space: real)
        #expect(throws: OptimizerError.invalidSetting(
            name: "maximizer", value: "exhaustive", valid: "vna or random for a space with a real parameter")) {
            try BayesianOptimization(space: real, surrogate: forest, settings: .init(maximizer: .exhaustive))
        }
        #expect(throws: OptimizerError.invalidSetting(
            name: "random interleave probability", value: "1.5", valid: "a number in 0...1")) {
            try BayesianOptimization(space: real, surrogate: forest, settings: .init(randomInterleaveProbability: 1.5))
        }
    }

    @Test func mixedSpacesAreSearchedWithVNA() throws {
        let space = try SearchSpace([Parameter.real("r", 0, 1), Parameter.categorical("c", ["a", "b"])])
        var optimizer = try BayesianOptimization(
            space: space, surrogate: RandomForest(space: space), settings: .init(initialDesignSize: 5))
        var generator = SeededGenerator(seed: 9)
        var history = History(space: space)
        for _ in 0..<25 {
            let configuration = try optimizer.suggest(given: history, using: &generator)
            try space.validate(configuration)
            let loss = 0.01 + (configuration.values[0] - 0.3) * (configuration.values[0] - 0.3) + configuration.values[1]
            history.append(Observation(configuration: configuration, value: loss))
        }
        let best = try #require(history.incumbent)
        #expect(best.values[1] == 0)
        #expect(abs(best.values[0] - 0.3) < 0.1)
    }

    /// The loose check that it learns: lower mean final regret than random search over the same
    /// 20 runs of 50 evaluations in mean mode.
    @Test func beatsRandomSearchOnProtein() throws {
        let benchmark = try FCNetBenchmark(.protein, mode: .mean)
        let bo = try meanFinalRegret(Self.boRF, on: benchmark)
        let random = try meanFinalRegret(.random(RandomSearch.Settings()), on: benchmark)
        #expect(bo < random, "bo-rf \(bo) against random search \(random)")
    }
}
