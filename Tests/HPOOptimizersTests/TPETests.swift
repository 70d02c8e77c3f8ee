import HPORandom
import HPOSpace
import Testing
@testable import HPOOptimizers

@Suite("TPE")
struct TPETests {
    /// 3 x 2 x 2 = 12 configurations of every kind of finite parameter.
    static func smallSpace() throws -> SearchSpace {
        try SearchSpace([.ordinal("a", [1, 2, 3]), .categorical("b", ["x", "y"]), .integer("c", 0, 1)])
    }

    @Test(arguments: [true, false])
    func neverRepeatsAndThrowsWhenTheSpaceIsExhausted(multivariate: Bool) throws {
        let space = try Self.smallSpace()
        let tpe = try TPE(space: space, settings: .init(multivariate: multivariate, startupTrials: 3))
        let history = try suggestionLoop(tpe, steps: 12, seed: 4) { $0[0] + $0[1] + $0[2] }
        #expect(history.evaluated.count == 12)
        var optimizer = tpe
        var generator = SeededGenerator(seed: 4)
        #expect(throws: OptimizerError.spaceExhausted(size: 12)) { try optimizer.suggest(given: history, using: &generator) }
    }

    @Test func sameSeedSameSuggestionsOtherSeedOthers() throws {
        let space = try SearchSpace([.real("x", -5, 10), .real("y", 0.01, 15, log: true), .categorical("c", ["a", "b", "c"])])
        let tpe = try TPE(space: space)
        let objective: ([Double]) -> Double? = { ($0[0] - 1) * ($0[0] - 1) + $0[1] + $0[2] }
        let first = try suggestionLoop(tpe, steps: 30, seed: 5, objective: objective).observations
        let again = try suggestionLoop(tpe, steps: 30, seed: 5, objective: objective).observations
        let other = try suggestionLoop(tpe, steps: 30, seed: 6, objective: objective).observations
        #expect(first == again)
        #expect(first.map(\.configuration) != other.map(\.configuration))
    }

    /// 40 seeds: with 3 evaluations running around the best point (a study's "constant liar"), the
    /// suggestions' mean distance to it is at least 1.5 times the distance without them, and no
    /// suggestion is a running configuration.
    @Test func constantLiarSteersAwayFromRunningConfigurations() throws {
        let space = try SearchSpace([.real("x", 0, 1)])
        var finished = History(space: space)
        for i in 0..<20 {
            let x = (Double(i) + 0.5) / 20
            finished.append(Observation(configuration: Configuration([x]), value: (x - 0.3) * (x - 0.3)))
        }
        var proposals = finished
        for x in [0.29, 0.3, 0.31] { proposals.appendRunning(Configuration([x])) }
        var tpe = try TPE(space: space)
        var (without, with) = (0.0, 0.0)
        for seed in 0..<40 {
            var generator = SeededGenerator(seed: UInt64(seed))
            without += abs(try tpe.suggest(given: finished, using: &generator)[0] - 0.3)
            generator = SeededGenerator(seed: UInt64(seed))
            let suggestion = try tpe.suggest(given: proposals, using: &generator)
            #expect(!proposals.running.contains(suggestion))
            with += abs(suggestion[0] - 0.3)
        }
        #expect(with >= 1.5 * without, "mean distance \(with / 40) with running evaluations, \(without / 40) without")
    }

    @Test func failedEvaluationsCountAsBadNotAsStartup() throws {
        // 10 failures and 2 successes: still random (10 successes needed: the suggestion is the
        // seeded uniform draw), and the split puts the failures in the bad group.
        let space = try SearchSpace([.real("x", 0, 1)])
        var history = History(space: space)
        for i in 0..<10 { history.append(Observation(configuration: Configuration([Double(i) / 10]), value: nil)) }
        history.append(Observation(configuration: Configuration([0.95]), value: 1))
        history.append(Observation(configuration: Configuration([0.97]), value: 2))
        var (tpe, generator, uniform) = (try TPE(space: space), SeededGenerator(seed: 2), SeededGenerator(seed: 2))
        #expect(try tpe.suggest(given: history, using: &generator) == space.sampleUnevaluated(given: history, using: &uniform))
        let split = ObservationSplit(history: history, gamma: 0.1)
        #expect(split.good == [[0.95]])
        #expect(split.bad.count == 11)
    }

    @Test func invalidSettingsAreRefusedNamingTheValidValues() throws {
        let space = try Self.smallSpace()
        #expect(throws: OptimizerError.invalidSetting(name: "gamma", value: "0.0", valid: "a number in 0...1 above 0")) {
            try TPE(space: space, settings: .init(gamma: 0))
        }
        let spec = try OptimizerRegistry.standard.optimizer(named: "tpe", changes: [("multivariate", false), ("ei_candidates", 48)])
        #expect(spec.label == "tpe[ei_candidates=48,multivariate=false]" || spec.label == "tpe[multivariate=false,ei_candidates=48]")
        #expect(throws: SettingError.self) { try OptimizerRegistry.standard.optimizer(named: "tpe", changes: [("ei_candidates", 0)]) }
    }
}
