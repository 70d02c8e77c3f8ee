import HPOAcquisition
import HPOObjective
import HPORandom
import HPORun
import HPOSpace
import HPOSurrogate
import Testing
@testable import HPOOptimizers

@Suite struct TrustRegionTests {
    /// The radii after each of `outcomes` (true: a new lowest observation).
    func radii(_ region: TrustRegion, _ outcomes: [Bool]) -> [Int] {
        var state = region.initialState
        return outcomes.map { improved in
            state = region.update(state, improved: improved)
            return state.radius
        }
    }

    @Test func theRadiusShrinksByOneAfterFailuresAndRestartsBelowOne() {
        let region = TrustRegion(initialRadius: 3, failureTolerance: 2, successTolerance: 2, shrink: .decrement)
        #expect(radii(region, Array(repeating: false, count: 7)) == [3, 2, 2, 1, 1, 3, 3])
        var state = region.initialState
        for _ in 0..<6 { state = region.update(state, improved: false) }
        #expect(state.restarts == 1)
        // A success in between resets the count of failures.
        #expect(radii(region, [false, true, false, false]) == [3, 3, 3, 2])
    }

    @Test func theRadiusGrowsAfterSuccessesUpToTheInitialRadius() {
        let region = TrustRegion(initialRadius: 3, failureTolerance: 1, successTolerance: 2, shrink: .decrement)
        #expect(radii(region, [false, false, true, true, true, true, true, true]) == [2, 1, 1, 2, 2, 3, 3, 3])
        // A failure in between resets the count of successes (and here shrinks at once).
        #expect(radii(region, [false, true, false, true, true]) == [2, 2, 1, 1, 2])
    }

    @Test func halvingHalvesAndDoubles() {
        let region = TrustRegion(initialRadius: 9, failureTolerance: 1, successTolerance: 1, shrink: .halve)
        #expect(radii(region, [false, false, false, false, false]) == [4, 2, 1, 9, 4])
        #expect(radii(region, [false, false, true, true, true]) == [4, 2, 4, 8, 9])
    }

    @Test func theStateIsReplayedFromTheHistoryAfterTheInitialDesign() throws {
        let space = try SearchSpace([Parameter.ordinal("x", [0, 1, 2, 3, 4, 5, 6, 7])])
        var history = History(space: space)
        // Initial design 2: 0.5, 0.4; then 0.45 (failure), nil (failure), 0.3 (success), 0.3 (failure: not lower).
        for (x, value) in [(0, 0.5), (1, 0.4), (2, 0.45), (3, nil), (4, 0.3), (5, 0.3)] as [(Double, Double?)] {
            history.append(Observation(configuration: Configuration([x]), value: value))
        }
        let region = TrustRegion(initialRadius: 4, failureTolerance: 2, successTolerance: 2, shrink: .decrement)
        let state = region.state(after: history, initialDesignSize: 2)
        #expect(state == TrustRegion.State(radius: 3, failures: 1, successes: 0, restarts: 0))
        #expect(region.state(after: history, initialDesignSize: 6) == region.initialState)
    }

    @Test func invalidSettingsAreRejectedWithTheirName() throws {
        let space = try SearchSpace([Parameter.categorical("c", ["a", "b"])])
        #expect(throws: OptimizerError.invalidSetting(name: "trust region failure tolerance", value: "0", valid: "a positive integer")) {
            try BayesianOptimization(
                space: space, surrogate: RandomForest(space: space), settings: .init(trustRegion: TrustRegion(failureTolerance: 0)))
        }
    }

    @Test func modelBasedSuggestionsLieInTheRegionAroundTheIncumbent() throws {
        let benchmark = try FCNetBenchmark(.parkinsons, mode: .noisy)
        let space = benchmark.space
        let region = TrustRegion(initialRadius: 2, failureTolerance: 2, successTolerance: 2)
        let settings = BayesianOptimization.Settings(initialDesignSize: 5, trustRegion: region)
        var optimizer = try BayesianOptimization(space: space, surrogate: RandomForest(space: space), settings: settings)
        var generator = SeededGenerator(seed: 17)
        var objectiveGenerator = SeededGenerator(seed: 18)
        var history = History(space: space)
        var radiiSeen = Set<Int>()
        for step in 0..<25 {
            if step >= settings.initialDesignSize {
                // The problem the suggestion maximizes: same fit, from a copy of the generator.
                var copy = optimizer
                var copyGenerator = generator
                _ = copyGenerator.nextBool(probability: 0)
                let problem = try #require(try copy.fitAcquisition(given: history, using: &copyGenerator))
                let ball = try #require(problem.region)
                #expect(ball.radius == region.state(after: history, initialDesignSize: 5).radius)
                #expect(history.contains(ball.center))
                radiiSeen.insert(ball.radius)
                let suggestion = try optimizer.suggest(given: history, using: &generator)
                #expect(ball.contains(suggestion), "step \(step): \(suggestion.values) is \(ball.distance(to: suggestion)) from the centre")
                var exhaustiveGenerator = generator
                let exact = try #require(problem.maximize(with: ExhaustiveEnumeration(), using: &exhaustiveGenerator))
                #expect(ball.contains(exact.configuration))
                history.append(Observation(configuration: suggestion, value: try benchmark.evaluate(suggestion, using: &objectiveGenerator).value))
            } else {
                let suggestion = try optimizer.suggest(given: history, using: &generator)
                history.append(Observation(configuration: suggestion, value: try benchmark.evaluate(suggestion, using: &objectiveGenerator).value))
            }
        }
        #expect(radiiSeen.count >= 2, "the radius never changed: \(radiiSeen)")
    }

    @Test func aFixedSeedGivesIdenticalRunsWithATrustRegion() throws {
        let spec = OptimizerSpec.bayesianOptimization(
            surrogate: .randomForest(RandomForest.Settings()), settings: BayesianOptimization.Settings(trustRegion: TrustRegion()))
        let loop = try RunLoop(optimizer: spec, objective: try FCNetBenchmark(.naval, mode: .noisy), evaluations: 40)
        let first = try loop.run(2, experimentSeed: 5)
        let second = try loop.run(2, experimentSeed: 5)
        #expect(first.trials.map(\.configuration) == second.trials.map(\.configuration))
        #expect(first.regret == second.regret)
        let withoutRegion = try RunLoop(optimizer: BayesianOptimizationTests.boRF, objective: try FCNetBenchmark(.naval, mode: .noisy), evaluations: 40)
        #expect(try withoutRegion.run(2, experimentSeed: 5).trials.map(\.configuration) != first.trials.map(\.configuration))
    }

    @Test func theSummaryNamesTheRegion() {
        let spec = OptimizerSpec.bayesianOptimization(
            surrogate: .randomForest(RandomForest.Settings()),
            settings: BayesianOptimization.Settings(trustRegion: TrustRegion(initialRadius: 4, failureTolerance: 6, successTolerance: 3, shrink: .halve)))
        #expect(spec.summary.hasSuffix("; 10 random initial configurations; trust region of Hamming radius 4 around the incumbent "
            + "(halved after 6 evaluations without a new lowest observation, larger again after 3 with one, reset below 1)"))
    }
}
