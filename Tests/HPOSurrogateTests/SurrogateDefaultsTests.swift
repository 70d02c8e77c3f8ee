import HPORandom
import HPOSpace
import Testing

@testable import HPOSurrogate

/// A surrogate that predicts the first value of a configuration with variance 2.
private struct FirstValue: Surrogate {
    let space: SearchSpace
    mutating func fit(_ configurations: [Configuration], _ values: [Double], using generator: inout SeededGenerator) {}
    func predict(_ configuration: Configuration) -> Prediction { Prediction(mean: configuration[0], variance: 2) }
}

@Suite("Surrogate protocol defaults")
struct SurrogateDefaultsTests {
    @Test("a surrogate without its own batch path predicts one by one, on the identity scale")
    func defaults() throws {
        let surrogate = FirstValue(space: try SearchSpace([.integer("x", 0, 9)]))
        var predictions = [Prediction(mean: 7, variance: 7), Prediction(mean: 8, variance: 8), Prediction(mean: 9, variance: 9)]
        surrogate.predict([Configuration([4]), Configuration([1])], into: &predictions)
        #expect(predictions == [Prediction(mean: 4, variance: 2), Prediction(mean: 1, variance: 2)])
        #expect(surrogate.targetTransform == .identity)
    }
}
