import HPORandom
import HPOSpace
import Testing

@testable import HPOSurrogate

@Suite("Random forest: settings and input errors")
struct RandomForestSettingsTests {
    private let space: SearchSpace

    init() throws {
        space = try SearchSpace([.categorical("a", ["x", "y"]), .integer("b", 0, 9)])
    }

    @Test("invalid settings are rejected with a message naming the setting and its valid range", arguments: [
        (RandomForest.Settings(trees: 0), "invalid number of trees 0: it must be an integer in 1...10000"),
        (RandomForest.Settings(featuresPerSplit: .fraction(0)), "invalid fraction of features per split 0.0: it must be a number in (0, 1]"),
        (RandomForest.Settings(featuresPerSplit: .fraction(1.5)), "invalid fraction of features per split 1.5: it must be a number in (0, 1]"),
        (RandomForest.Settings(featuresPerSplit: .count(0)), "invalid number of features per split 0: it must be an integer >= 1"),
        (RandomForest.Settings(minSamplesToSplit: 1), "invalid minimum samples to split 1: it must be an integer >= 2"),
        (RandomForest.Settings(minSamplesPerLeaf: 0), "invalid minimum samples per leaf 0: it must be an integer >= 1"),
        (RandomForest.Settings(maxDepth: -1), "invalid maximum depth -1: it must be an integer in 0...10000"),
        (RandomForest.Settings(varianceFloor: 0), "invalid variance floor 0.0: it must be a finite number > 0"),
    ])
    func invalidSettings(settings: RandomForest.Settings, message: String) {
        #expect(throws: SurrogateError.self) { try RandomForest(space: space, settings: settings) }
        do {
            _ = try RandomForest(space: space, settings: settings)
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test("features per split resolve to a count between 1 and the dimension")
    func featuresPerSplit() {
        #expect(RandomForest.FeaturesPerSplit.all.resolved(dimension: 9) == 9)
        #expect(RandomForest.FeaturesPerSplit.fraction(5.0 / 6).resolved(dimension: 9) == 7)
        #expect(RandomForest.FeaturesPerSplit.fraction(0.01).resolved(dimension: 9) == 1)
        #expect(RandomForest.FeaturesPerSplit.count(20).resolved(dimension: 9) == 9)
    }

    @Test("fitting bad data throws an error that says what is wrong")
    func badData() throws {
        var forest = try RandomForest(space: space)
        var generator = SeededGenerator(seed: 1)
        let one = [Configuration([0, 3])]
        func message(_ configurations: [Configuration], _ values: [Double]) -> String? {
            do {
                try forest.fit(configurations, values, using: &generator)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(message([], []) == "the surrogate was given no observations: fit it to at least one")
        #expect(message(one, [1, 2]) == "the surrogate was given 1 configurations but 2 values: give one value per configuration")
        #expect(message(one, [.nan]) == "observed value 0 is nan: observed values must be finite numbers")
        #expect(message([Configuration([2, 3])], [1]) == "parameter 'a' cannot be 2: it must be one of 'x', 'y'")
        #expect(message([Configuration([0])], [1]) == "the configuration has 1 values but the space has 2 parameters")
        #expect(message(one, [1]) == nil)
    }
}

@Suite("Target transform")
struct TargetTransformTests {
    @Test("positive values are logged without a shift, tiny ones included")
    func positive() {
        let transform = TargetTransform.logarithm(fittedTo: [3e-5, 0.2, 1e-300])
        #expect(transform == .logarithm(shift: 0))
        // log(3e-5) from an independent computation.
        #expect(abs(transform.apply(3e-5) - -10.414_313_176_302_119) < 1e-12)
        #expect(abs(transform.inverse(transform.apply(3e-5)) - 3e-5) < 3e-5 * 1e-14)
    }

    @Test("zero and negative values are shifted below the smallest so every log is finite")
    func shifted() {
        let transform = TargetTransform.logarithm(fittedTo: [-2, 0, 8])
        // The spread is 10, so the shift lies 10 / 1000 below the smallest value.
        #expect(transform == .logarithm(shift: -2.01))
        #expect(abs(transform.apply(-2) - -4.605_170_185_988_091) < 1e-9)
        #expect(abs(transform.inverse(transform.apply(0)) - 0) < 1e-12)
        #expect(TargetTransform.logarithm(fittedTo: [0, 0]) == .logarithm(shift: -1e-3))
        // Below the shift the argument is floored, so the result stays finite.
        #expect(transform.apply(-5).isFinite)
    }

    @Test("a forest on log targets reports its transform")
    func forestTransform() throws {
        let space = try SearchSpace([.integer("b", 0, 9)])
        var forest = try RandomForest(space: space)
        var generator = SeededGenerator(seed: 1)
        try forest.fit([Configuration([1]), Configuration([2])], [0.5, 2], using: &generator)
        #expect(forest.targetTransform == .logarithm(shift: 0))
    }
}
