import Foundation
import HPORandom
import HPOSpace
import Testing
@testable import HPOSurrogate

@Suite("DNGO ensembles")
struct DNGOEnsembleTests {
    let space = try! SearchSpace([.real("x", 0, 1)])
    let xs = (0..<15).map { Double($0) / 14 }
    var configurations: [Configuration] { xs.map { Configuration([$0]) } }
    var values: [Double] { xs.map { sin(5 * $0) } }
    let settings = DNGO.Settings(training: NetworkTraining(epochs: 30, batchSize: 5, learningRate: 0.01), targets: .identity)

    @Test func mixtureMomentsAreTheClosedForm() throws {
        var mixture = GaussianMixture()
        #expect(mixture.prediction == nil)
        mixture.add(Prediction(mean: 0, variance: 1))
        #expect(mixture.prediction == Prediction(mean: 0, variance: 1))
        mixture.add(Prediction(mean: 2, variance: 3))
        // Mean (0 + 2) / 2 = 1; second moment ((1 + 0) + (3 + 4)) / 2 = 4; variance 4 - 1 = 3.
        let both = try #require(mixture.prediction)
        #expect(abs(both.mean - 1) < 1e-15 && abs(both.variance - 3) < 1e-15)
        // Equal components of tiny variance: E[y^2] - E[y]^2 cancels to rounding noise (even
        // negative), and the mixture's variance must still be at least the components'.
        var equal = GaussianMixture()
        for _ in 0..<3 { equal.add(Prediction(mean: 0.1, variance: 1e-20)) }
        #expect(try #require(equal.prediction).variance >= 1e-20)
    }

    /// The members draw their weights and batches from the generator one after the other, so
    /// member k is the single network a fresh DNGO fits with the generator as member k - 1 left
    /// it; the ensemble's prediction must be the mixture of those three.
    @Test func predictionIsTheMixtureOfItsMembers() throws {
        var ensembleSettings = settings
        ensembleSettings.networks = 3
        var ensemble = try DNGO(space: space, settings: ensembleSettings)
        var generator = SeededGenerator(seed: 31)
        try ensemble.fit(configurations, values, using: &generator)
        #expect(ensemble.hyperparameters.count == 3)

        var singles: [DNGO] = []
        var singleGenerator = SeededGenerator(seed: 31)
        for _ in 0..<3 {
            var single = try DNGO(space: space, settings: settings)
            try single.fit(configurations, values, using: &singleGenerator)
            singles.append(single)
        }
        #expect(generator == singleGenerator)
        try expectMixture(of: singles, is: ensemble, at: [0.05, 0.5, 0.93, 1.0].map { Configuration([$0]) })
        // The members differ, so the mixture is wider than its narrowest member somewhere.
        let means = singles.map { $0.predict(Configuration([1.0])).mean }
        #expect(Set(means).count == 3)
    }

    @Test func warmStartedEnsemblesAreDeterministic() throws {
        var ensembleSettings = settings
        ensembleSettings.networks = 2
        var predictions: [[Prediction]] = []
        for _ in 0..<2 {
            var ensemble = try DNGO(space: space, settings: ensembleSettings)
            var generator = SeededGenerator(seed: 32)
            try ensemble.fit(configurations, values, using: &generator)
            try ensemble.fit(configurations, values.map { $0 + 1 }, using: &generator) // warm-started
            predictions.append([0.1, 0.5, 0.77].map { ensemble.predict(Configuration([$0])) })
        }
        #expect(predictions[0] == predictions[1])
    }

    @Test func latentVarianceLeavesOutExactlyTheNoise() throws {
        var latentSettings = settings
        latentSettings.includesNoiseVariance = false
        var observed = try DNGO(space: space, settings: settings)
        var latent = try DNGO(space: space, settings: latentSettings)
        var generator = SeededGenerator(seed: 33)
        try observed.fit(configurations, values, using: &generator)
        generator = SeededGenerator(seed: 33)
        try latent.fit(configurations, values, using: &generator)
        let beta = try #require(observed.hyperparameters.first?.beta)
        #expect(latent.hyperparameters.first?.beta == beta)
        for x in [0.0, 0.3, 0.95] {
            let withNoise = observed.predict(Configuration([x]))
            let without = latent.predict(Configuration([x]))
            #expect(withNoise.mean == without.mean)
            // Values are modelled as given (identity targets, standardised): the noise variance
            // on the values' scale is (1 / beta) times the squared standard deviation.
            let scale = DNGO.meanAndScale(values).scale
            let noise = scale * scale / beta
            #expect(abs(withNoise.variance - without.variance - noise) <= 1e-9 * withNoise.variance, "at \(x)")
            #expect(without.variance > 0)
        }
    }

    @Test func networksMustBePositiveAndDefaultToOneInOldFiles() throws {
        var invalid = settings
        invalid.networks = 0
        #expect(throws: SurrogateError.invalidSetting(name: "networks", value: "0", valid: "a positive integer")) {
            try DNGO(space: space, settings: invalid)
        }
        var saved = settings
        saved.networks = 4
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(saved)) as? [String: Any])
        #expect(object["networks"] as? Int == 4)
        for key in ["networks", "oneHotScopes", "includesNoiseVariance"] { object[key] = nil }
        let old = try JSONDecoder().decode(DNGO.Settings.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.networks == 1)
        #expect(old == settings)
        // Files of the build that had one scope for every network.
        object["oneHotScope"] = "choices"
        let single = try JSONDecoder().decode(DNGO.Settings.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(single.oneHotScopes == [.choices])
        var empty = settings
        empty.oneHotScopes = []
        #expect(throws: SurrogateError.invalidSetting(
            name: "one-hot scopes", value: "none", valid: "one or more scopes, taken in turn by the networks")) {
            try DNGO(space: space, settings: empty)
        }
    }

    /// With scopes taken in turn, member k is the single network of scope k % 2 that a fresh DNGO
    /// fits with the generator as member k - 1 left it: on a space with an ordinal parameter
    /// the ensemble's prediction must be the mixture of those, and differ from one scope alone.
    @Test func networksTakeTheOneHotScopesInTurn() throws {
        let ordinal = try SearchSpace([.ordinal("level", [1, 2, 4, 8, 16]), .categorical("kind", ["a", "b"])])
        var sampler = SeededGenerator(seed: 40)
        let points = (0..<25).map { _ in ordinal.sample(using: &sampler) }
        let observed = points.map { 0.3 * $0.values[0] + ($0.values[1] == 0 ? 0 : 0.5) + sin(Double($0.values[0])) }
        var mixed = settings
        mixed.networks = 3
        mixed.oneHotScopes = [.choices, .categorical]
        #expect(mixed.oneHotScope(ofNetwork: 2) == .choices)
        var ensemble = try DNGO(space: ordinal, settings: mixed)
        var generator = SeededGenerator(seed: 41)
        try ensemble.fit(points, observed, using: &generator)

        var singles: [DNGO] = []
        var singleGenerator = SeededGenerator(seed: 41)
        for scope in [OneHotScope.choices, .categorical, .choices] {
            var single = settings
            single.oneHotScopes = [scope]
            var model = try DNGO(space: ordinal, settings: single)
            try model.fit(points, observed, using: &singleGenerator)
            singles.append(model)
        }
        #expect(generator == singleGenerator)
        var sameScope = settings
        sameScope.networks = 3
        sameScope.oneHotScopes = [.choices]
        var uniform = try DNGO(space: ordinal, settings: sameScope)
        var uniformGenerator = SeededGenerator(seed: 41)
        try uniform.fit(points, observed, using: &uniformGenerator)
        let levels = (0..<5).map { Configuration([Double($0), 1]) }
        try expectMixture(of: singles, is: ensemble, at: levels)
        #expect(levels.contains { ensemble.predict($0).mean != uniform.predict($0).mean })
    }

    /// Expects `ensemble`'s predictions at `configurations` to be the mixtures of `singles'`
    /// (within 1e-9).
    private func expectMixture(of singles: [DNGO], is ensemble: DNGO, at configurations: [Configuration]) throws {
        for configuration in configurations {
            var mixture = GaussianMixture()
            for single in singles { mixture.add(single.predict(configuration)) }
            let expected = try #require(mixture.prediction)
            let got = ensemble.predict(configuration)
            #expect(abs(got.mean - expected.mean) <= 1e-9 * max(1, abs(expected.mean)), "mean at \(configuration.values)")
            #expect(abs(got.variance - expected.variance) <= 1e-9 * expected.variance, "variance at \(configuration.values)")
        }
    }
}
