import HPORandom
import HPOSpace
import Testing

@testable import HPOSurrogate

@Suite("Random forest: categorical splits")
struct CategoricalSplitTests {
    /// Renumbering the choices of categorical parameters (and the data with them) leaves every
    /// prediction bit for bit the same: splits are sets of choices, not thresholds on indices.
    @Test("predictions do not depend on the order of the choices", arguments: [
        RandomForest.Settings(), RandomForest.Settings(featuresPerSplit: .count(1), minSamplesPerLeaf: 1),
    ])
    func relabelling(settings: RandomForest.Settings) throws {
        let names = ["a", "b", "c", "d", "e", "f"]
        let permuted = ["d", "a", "f", "c", "e", "b"]
        let effect: [String: Double] = ["a": 0.3, "b": 2.0, "c": 0.1, "d": 1.1, "e": 0.7, "f": 1.6]
        let spaceA = try SearchSpace([.categorical("k", names), .integer("x", 0, 9), .categorical("m", ["u", "v", "w"])])
        let spaceB = try SearchSpace([.categorical("k", permuted), .integer("x", 0, 9), .categorical("m", ["w", "u", "v"])])
        func mapped(_ configuration: Configuration) throws -> Configuration {
            try spaceB.configuration(from: spaceA.dictionary(of: configuration))
        }
        var generator = SeededGenerator(seed: 4)
        let configurationsA = (0..<120).map { _ in spaceA.sample(using: &generator) }
        let values = configurationsA.map { configuration in
            effect[names[configuration.index(0)], default: 0] * (1 + configuration[1] / 5)
                + Double(configuration.index(2)) * 0.5 + 0.2 * generator.nextUniform() + 0.01
        }
        var forestA = try RandomForest(space: spaceA, settings: settings)
        var forestB = try RandomForest(space: spaceB, settings: settings)
        var generatorA = SeededGenerator(seed: 9)
        var generatorB = SeededGenerator(seed: 9)
        try forestA.fit(configurationsA, values, using: &generatorA)
        try forestB.fit(try configurationsA.map(mapped), values, using: &generatorB)
        var distinct = Set<Double>()
        for configuration in try spaceA.allConfigurations() {
            let prediction = forestA.predict(configuration)
            #expect(prediction == forestB.predict(try mapped(configuration)))
            distinct.insert(prediction.mean)
        }
        // The forests learnt something, so the agreement is not between two constants.
        #expect(distinct.count > 20)
    }

    @Test("one split separates the choices by mean, whatever their order")
    func subsetSplit() throws {
        // Choices a, c, e have value 1 and b, d, f value 9: interleaved in index order, so no
        // threshold on the index could separate them with one split, but a subset split does.
        let space = try SearchSpace([.categorical("k", ["a", "b", "c", "d", "e", "f"])])
        let configurations = (0..<6).flatMap { choice in Array(repeating: Configuration([Double(choice)]), count: 3) }
        let values = configurations.map { $0.index(0) % 2 == 0 ? 1.0 : 9.0 }
        var forest = try RandomForest(
            space: space, settings: .init(trees: 1, maxDepth: 1, bootstrap: false, targets: .identity))
        var generator = SeededGenerator(seed: 1)
        try forest.fit(configurations, values, using: &generator)
        #expect(forest.nodeCount == 3)
        for choice in 0..<6 {
            #expect(forest.predict(Configuration([Double(choice)])).mean == (choice % 2 == 0 ? 1 : 9))
        }
    }

    @Test("a choice never seen at a split goes to the larger child")
    func unseenChoice() throws {
        let space = try SearchSpace([.categorical("k", ["a", "b", "c", "d"])])
        // Four samples of a (value 1), three of b (value 5); c and d are never observed.
        let configurations = Array(repeating: Configuration([0]), count: 4) + Array(repeating: Configuration([1]), count: 3)
        let values = [1.0, 1, 1, 1, 5, 5, 5]
        var forest = try RandomForest(
            space: space, settings: .init(trees: 1, minSamplesPerLeaf: 1, bootstrap: false, targets: .identity))
        var generator = SeededGenerator(seed: 1)
        try forest.fit(configurations, values, using: &generator)
        #expect(forest.predict(Configuration([2])).mean == 1)
        #expect(forest.predict(Configuration([3])).mean == 1)
        #expect(forest.predict(Configuration([1])).mean == 5)
    }
}

@Suite("Random forest: wide parameters")
struct WideParameterTests {
    /// 100 choices: more than one 64-bit word of choice mask per split.
    private static let choices = (0..<100).map { "c\($0)" }

    /// An effect per choice, distinct and unrelated to the choice's position.
    private static func effect(_ name: String) -> Double {
        Double((Int(name.dropFirst()) ?? 0) * 37 % 101) + 1
    }

    @Test("a categorical parameter of 100 choices is fitted exactly and independently of the choices' order")
    func manyChoices() throws {
        var permuted = Self.choices
        var shuffler = SeededGenerator(seed: 12)
        shuffler.shuffle(&permuted)
        let spaceA = try SearchSpace([.categorical("k", Self.choices), .real("r", 0, 1)])
        let spaceB = try SearchSpace([.categorical("k", permuted), .real("r", 0, 1)])
        // Every choice twice, with r from 0 to 1; choices 90... are never observed.
        let observed = (0..<90).flatMap { k in [Configuration([Double(k), 0.25]), Configuration([Double(k), 0.75])] }
        let values = observed.map { Self.effect(Self.choices[$0.index(0)]) + $0[1] }
        let mapped = try observed.map { try spaceB.configuration(from: spaceA.dictionary(of: $0)) }
        let settings = RandomForest.Settings(
            featuresPerSplit: .all, minSamplesToSplit: 2, minSamplesPerLeaf: 1, bootstrap: false, targets: .identity)
        var forestA = try RandomForest(space: spaceA, settings: settings)
        var forestB = try RandomForest(space: spaceB, settings: settings)
        var generatorA = SeededGenerator(seed: 2)
        var generatorB = SeededGenerator(seed: 2)
        try forestA.fit(observed, values, using: &generatorA)
        try forestB.fit(mapped, values, using: &generatorB)
        for (configuration, value) in zip(observed, values) {
            #expect(abs(forestA.predict(configuration).mean - value) < 1e-9)
        }
        for k in 0..<100 {
            for r in [0.0, 0.4, 0.6, 1.0] {
                let configuration = Configuration([Double(k), r])
                #expect(forestA.predict(configuration) == forestB.predict(try spaceB.configuration(from: spaceA.dictionary(of: configuration))))
            }
        }
    }

    @Test("values outside the domain or not numbers predict without trapping")
    func outsideTheDomain() throws {
        let space = try SearchSpace([
            .categorical("k", Self.choices), .categorical("a", ["x", "y", "z"]), .integer("i", -5, 5), .real("r", 0, 1),
        ])
        var generator = SeededGenerator(seed: 3)
        let observed = (0..<60).map { _ in space.sample(using: &generator) }
        let values = observed.map { $0[0] + $0[1] + $0[2] + $0[3] + 10 }
        var forest = try RandomForest(space: space, settings: .init(minSamplesPerLeaf: 1))
        try forest.fit(observed, values, using: &generator)
        for strange in [Double.nan, -1, 1e300, -1e300, 2.5, Double.infinity] {
            let prediction = forest.predict(Configuration([strange, strange, strange, strange]))
            #expect(prediction.mean.isFinite && prediction.variance.isFinite)
        }
        #expect(forest.predict(Configuration([1])) == Prediction(mean: 0, variance: 1))
    }
}
