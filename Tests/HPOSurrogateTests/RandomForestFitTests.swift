import HPORandom
import HPOSpace
import Testing

@testable import HPOSurrogate

/// A step in an integer `x` plus a categorical offset: 1 or 5, plus 0 for choices a and c, 10 for b.
private func stepValue(x: Double, choice: Int) -> Double {
    (x < 10 ? 1 : 5) + (choice == 1 ? 10 : 0)
}

private func stepSpace() throws -> SearchSpace {
    try SearchSpace([.integer("x", 0, 19), .categorical("c", ["a", "b", "c"])])
}

/// Every configuration of `space` `repeats` times, in id order.
private func grid(_ space: SearchSpace, repeats: Int) throws -> [Configuration] {
    let all = try space.allConfigurations()
    return (0..<repeats).flatMap { _ in all }
}

@Suite("Random forest: fitting")
struct RandomForestFitTests {
    @Test("fits a step function with a categorical offset exactly, with zero variance at the data",
          arguments: [TargetScale.identity, .logarithm, .copula])
    func stepFunction(targets: TargetScale) throws {
        let space = try stepSpace()
        let configurations = try grid(space, repeats: 4)
        let values = configurations.map { stepValue(x: $0[0], choice: $0.index(1)) }
        // Trying every feature at each split, the greedy search finds the true boundaries
        // first, so every leaf is pure. (With a random subset of features a tree may split at a
        // wrong threshold first and run out of samples before its leaves are pure.)
        var forest = try RandomForest(space: space, settings: .init(featuresPerSplit: .all, targets: targets))
        var generator = SeededGenerator(seed: 1)
        try forest.fit(configurations, values, using: &generator)
        #expect(forest.treeCount == 10)
        for configuration in try space.allConfigurations() {
            let prediction = forest.predict(configuration)
            let truth = stepValue(x: configuration[0], choice: configuration.index(1))
            // Every leaf is pure, so the mean is exact up to the transform's rounding.
            #expect(abs(forest.targetTransform.inverse(prediction.mean) - truth) <= 1e-12 * truth)
            #expect(prediction.variance == forest.settings.varianceFloor)
        }
    }

    @Test("variance is the floor where the trees agree and large in a gap between the data")
    func varianceOffTheData() throws {
        let space = try SearchSpace([.integer("x", 0, 99)])
        // Data on 0..<30 and 70..<100, a step between them: each tree puts its threshold
        // midway between the largest and smallest x of its bootstrap on either side, so the
        // trees disagree about x = 50.
        let xs = Array(0..<30) + Array(70..<100)
        let configurations = xs.map { Configuration([Double($0)]) }
        let values = xs.map { $0 < 50 ? 1.0 : 5.0 }
        var forest = try RandomForest(space: space, settings: .init(targets: .identity))
        var generator = SeededGenerator(seed: 7)
        try forest.fit(configurations, values, using: &generator)
        for configuration in configurations {
            #expect(forest.predict(configuration).variance == forest.settings.varianceFloor)
        }
        // Trees predict 1 or 5; if k of 10 say 5, the variance is 16 k (10 - k) / 100, at least
        // 1.44 when they disagree at all.
        let gap = forest.predict(Configuration([50]))
        #expect(gap.variance >= 1.44 - 1e-12)
        #expect(gap.mean > 1 && gap.mean < 5)
    }

    @Test("within-leaf variance is added only when asked for")
    func leafVariance() throws {
        let space = try SearchSpace([.integer("x", 0, 9)])
        // Two values per x with spread 2 around 3 + x: no split separates them.
        let configurations = (0..<10).flatMap { [Configuration([Double($0)]), Configuration([Double($0)])] }
        let values = (0..<10).flatMap { [2.0 + Double($0), 4.0 + Double($0)] }
        var plain = try RandomForest(
            space: space, settings: .init(minSamplesToSplit: 2, minSamplesPerLeaf: 2, bootstrap: false, targets: .identity))
        var total = try RandomForest(
            space: space,
            settings: .init(minSamplesToSplit: 2, minSamplesPerLeaf: 2, bootstrap: false, targets: .identity, includeLeafVariance: true))
        var generator = SeededGenerator(seed: 3)
        try plain.fit(configurations, values, using: &generator)
        try total.fit(configurations, values, using: &generator)
        for x in 0..<10 {
            let configuration = Configuration([Double(x)])
            // Without bootstrap all trees are the same tree: leaves {2+x, 4+x} of variance 1.
            #expect(plain.predict(configuration) == Prediction(mean: 3 + Double(x), variance: 1e-10))
            #expect(total.predict(configuration) == Prediction(mean: 3 + Double(x), variance: 1))
        }
    }

    @Test("the same seed gives the same forest; another seed another one")
    func determinism() throws {
        let space = try SearchSpace([
            .categorical("a", ["p", "q", "r", "s"]), .ordinal("b", [1, 2, 4, 8]), .real("c", 0, 1), .integer("d", 1, 5000),
        ])
        var generator = SeededGenerator(seed: 11)
        let configurations = (0..<60).map { _ in space.sample(using: &generator) }
        let values = configurations.map { $0[0] * 0.3 + $0[1] + $0[2] * $0[2] * 6 + $0[3] / 1000 + 0.1 }
        let settings = RandomForest.Settings(featuresPerSplit: .fraction(0.5))
        func predictions(seed: UInt64) throws -> [Prediction] {
            var forest = try RandomForest(space: space, settings: settings)
            var generator = SeededGenerator(seed: seed)
            try forest.fit(configurations, values, using: &generator)
            return forest.predict((0..<200).map { _ in space.sample(using: &generator) })
        }
        #expect(try predictions(seed: 5) == predictions(seed: 5))
        #expect(try predictions(seed: 5) != predictions(seed: 6))
    }

    @Test("batch prediction equals one-by-one prediction")
    func batchPrediction() throws {
        let space = try SearchSpace([.categorical("a", ["p", "q", "r"]), .integer("b", 0, 30), .real("c", -1, 1)])
        var generator = SeededGenerator(seed: 2)
        let configurations = (0..<80).map { _ in space.sample(using: &generator) }
        let values = configurations.map { $0[0] + $0[1] * $0[2] + generator.nextNormal() }
        var forest = try RandomForest(space: space, settings: .init(targets: .identity))
        try forest.fit(configurations, values, using: &generator)
        let candidates = (0..<500).map { _ in space.sample(using: &generator) }
        var batch: [Prediction] = [Prediction(mean: 9, variance: 9)]
        forest.predict(candidates, into: &batch)
        #expect(batch == candidates.map(forest.predict))
        #expect(batch.allSatisfy { $0.variance >= forest.settings.varianceFloor })
    }

    @Test("an unfitted forest predicts mean 0 and variance 1")
    func unfitted() throws {
        let forest = try RandomForest(space: try stepSpace())
        #expect(forest.predict(Configuration([3, 1])) == Prediction(mean: 0, variance: 1))
        #expect(forest.targetTransform == .identity)
    }
}

@Suite("Random forest: predicting a whole finite space")
struct PredictEveryConfigurationTests {
    @Test("predictions by id equal the predictions of the enumerated configurations")
    func everyConfiguration() throws {
        let space = try SearchSpace([
            .categorical("a", ["p", "q", "r"]), .integer("b", 2, 6), .ordinal("c", [0.1, 1, 10, 100]),
        ])
        var generator = SeededGenerator(seed: 8)
        let configurations = (0..<40).map { _ in space.sample(using: &generator) }
        let values = configurations.map { $0[0] + ($0[1] - 4) * ($0[1] - 4) + $0[2] * 0.5 + generator.nextUniform() }
        var forest = try RandomForest(space: space, settings: .init(targets: .identity))
        try forest.fit(configurations, values, using: &generator)
        var byID: [Prediction] = []
        try forest.predictEveryConfiguration(into: &byID)
        #expect(byID == forest.predict(try space.allConfigurations()))
        #expect(byID.count == 60)
    }

    @Test("filling the leaves' boxes gives bit-identical predictions on a 62,208-configuration space")
    func boxesEqualWalks() throws {
        // The shape of FCNet: categorical, ordinal and integer parameters of 2 to 6 values.
        let space = try SearchSpace([
            .categorical("a1", ["relu", "tanh"]), .categorical("a2", ["relu", "tanh"]), .ordinal("batch", [8, 16, 32, 64]),
            .ordinal("d1", [0, 0.3, 0.6]), .ordinal("d2", [0, 0.3, 0.6]), .ordinal("lr", [1, 2, 3, 4, 5, 6]),
            .categorical("schedule", ["cosine", "const"]), .integer("u1", 4, 9), .categorical("u2", ["a", "b", "c", "d", "e", "f"]),
        ])
        var generator = SeededGenerator(seed: 9)
        let configurations = (0..<150).map { _ in space.sample(using: &generator) }
        let values = configurations.map { c in
            1 + c[0] + (c[5] - 3) * (c[5] - 3) + (c[8] == 2 ? 5 : 0) + c[7] * c[3] + generator.nextUniform()
        }
        for includeLeafVariance in [false, true] {
            var forest = try RandomForest(space: space, settings: .init(includeLeafVariance: includeLeafVariance))
            try forest.fit(configurations, values, using: &generator)
            var byID: [Prediction] = []
            try forest.predictEveryConfiguration(into: &byID)
            #expect(byID.count == 62_208)
            let all = try space.allConfigurations()
            let mismatches = all.indices.filter { byID[$0] != forest.predict(all[$0]) }
            #expect(mismatches.isEmpty, "\(mismatches.count) ids differ, the first \(mismatches.first ?? -1)")
            #expect(Set(byID.map(\.mean)).count > 10, "the forest must not be constant for this test to mean anything")
        }
    }

    @Test("a finite space with a parameter of more than 64 values is walked configuration by configuration")
    func wideParameter() throws {
        let space = try SearchSpace([.integer("n", 0, 99), .categorical("c", ["x", "y"])])
        var generator = SeededGenerator(seed: 10)
        let configurations = (0..<60).map { _ in space.sample(using: &generator) }
        let values = configurations.map { abs($0[0] - 40) + 10 * $0[1] + generator.nextUniform() }
        var forest = try RandomForest(space: space, settings: .init(targets: .identity))
        try forest.fit(configurations, values, using: &generator)
        var byID: [Prediction] = []
        try forest.predictEveryConfiguration(into: &byID)
        #expect(byID == forest.predict(try space.allConfigurations()))
    }

    @Test("a space with a real parameter cannot be enumerated")
    func infinite() throws {
        let forest = try RandomForest(space: try SearchSpace([.real("x", 0, 1)]))
        var predictions: [Prediction] = []
        #expect(throws: SpaceError.notFinite(operation: "predicting every configuration")) {
            try forest.predictEveryConfiguration(into: &predictions)
        }
    }
}

@Suite("Random forest: speed measurement")
struct RandomForestSpeedTests {
    @Test("the speed measurement reports one time per repetition and the work it did (no timing is checked)")
    func shape() throws {
        let space = try SearchSpace([.categorical("a", ["p", "q"]), .integer("b", 0, 9)])
        var generator = SeededGenerator(seed: 4)
        let observed = (0..<30).map { _ in space.sample(using: &generator) }
        let values = observed.map { $0[0] + $0[1] + 1 }
        let speed = try RandomForest(space: space).measureSpeed(
            configurations: observed, values: values, candidates: try space.allConfigurations(), repetitions: 3)
        #expect(speed.observations == 30 && speed.candidates == 20)
        #expect(speed.fitSeconds.count == 3 && speed.batchPredictSecondsPerCandidate.count == 3)
        #expect(speed.singlePredictSecondsPerCandidate.count == 3)
        #expect((speed.fitSeconds + speed.batchPredictSecondsPerCandidate).allSatisfy { $0 >= 0 })
        #expect(speed.nodesPerTree >= 1)
    }
}
