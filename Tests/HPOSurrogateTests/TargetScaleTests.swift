import Foundation
import HPORandom
import HPOSpace
import Testing

@testable import HPOSurrogate

@Suite("Target scales")
struct TargetScaleTests {
    /// Losses spanning five orders of magnitude, with a tie and a huge outlier.
    static let losses = [0.9, 3e-5, 0.02, 0.004, 0.004, 1.7, 0.35, 1e-4, 120, 0.06, 0.0007]

    @Test("the normal quantile matches independent values (Python's statistics.NormalDist) in both tails")
    func normalQuantile() {
        let known: [(Double, Double)] = [
            (0.125, -1.150_349_380_376_007_9), (0.375, -0.318_639_363_964_375_14), (0.5, 0),
            (0.975, 1.959_963_984_540_053_6), (1e-10, -6.361_340_902_404_056), (0.02, -2.053_748_910_631_822_5),
            (1 - 1e-12, 7.034_486_910_047_835_6),
        ]
        for (p, expected) in known {
            // 1 - 1e-12 is itself rounded, by up to 1.1e-16, which moves the quantile by 1e-4 * that.
            #expect(abs(NormalQuantile.of(p) - expected) <= 1e-13 * max(1, abs(expected)), "p = \(p)")
        }
    }

    @Test("the copula maps rank r of n to Phi^-1((r + 0.5) / n), averaging tied ranks")
    func copulaAtKnownRanks() {
        let transform = TargetScale.copula.transform(fittedTo: [0.5, 0.1, 0.3, 0.2])
        let z125 = 1.150_349_380_376_007_9, z375 = 0.318_639_363_964_375_14
        for (value, expected) in [(0.1, -z125), (0.2, -z375), (0.3, z375), (0.5, z125)] {
            #expect(abs(transform.apply(value) - expected) < 1e-14, "value \(value)")
        }
        // Between knots linearly: 0.25 lies midway between the symmetric scores of 0.2 and 0.3;
        // below the data the first segment's slope continues.
        #expect(abs(transform.apply(0.25)) < 1e-15)
        #expect(abs(transform.apply(0.0) - (-2 * z125 + z375)) < 1e-14)
        #expect(abs(transform.apply(1.0) - (z125 + 5 * (z125 - z375) / 2)) < 1e-13)

        let tied = TargetScale.copula.transform(fittedTo: [1, 2, 2, 3])
        // Ranks 0, 1.5 (twice), 3 of 4: probabilities 1/8, 1/2, 7/8.
        #expect(abs(tied.apply(1) + z125) < 1e-14)
        #expect(tied.apply(2) == 0)
        #expect(abs(tied.apply(3) - z125) < 1e-14)
        #expect(TargetScale.copula.transform(fittedTo: [7]).apply(7) == 0)
    }

    @Test("every scale is non-decreasing and inverts its own values",
          arguments: [TargetScale.identity, .logarithm, .copula])
    func monotoneRoundTrip(scale: TargetScale) {
        let transform = scale.transform(fittedTo: Self.losses)
        let grid = (0...400).map { Double.exp(-12 + Double($0) * 0.04) }
        let images = grid.map(transform.apply)
        #expect(zip(images, images.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(zip(images, images.dropFirst()).allSatisfy { $0 < $1 })
        for value in Self.losses {
            #expect(abs(transform.inverse(transform.apply(value)) - value) <= 1e-9 * value, "\(scale) at \(value)")
        }
    }

    @Test("settings saved with the logTargets flag decode to the scale it meant; today's settings round-trip")
    func legacyLogTargetsFlag() throws {
        let forest = RandomForest.Settings(trees: 7, targets: .copula, includeLeafVariance: true)
        let dngo = DNGO.Settings(hiddenWidths: [20, 10], warmStart: false, targets: .logarithm)
        #expect(try JSONDecoder().decode(RandomForest.Settings.self, from: JSONEncoder().encode(forest)) == forest)
        #expect(try JSONDecoder().decode(DNGO.Settings.self, from: JSONEncoder().encode(dngo)) == dngo)

        /// The JSON of `settings` with its `targets` replaced by the old flag.
        func legacy<S: Encodable>(_ settings: S, logTargets: Bool) throws -> Data {
            var object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(settings)) as? [String: Any])
            #expect(object.removeValue(forKey: "targets") != nil)
            object["logTargets"] = logTargets
            return try JSONSerialization.data(withJSONObject: object)
        }
        for (flag, scale) in [(true, TargetScale.logarithm), (false, .identity)] {
            var expectedForest = forest
            expectedForest.targets = scale
            #expect(try JSONDecoder().decode(RandomForest.Settings.self, from: legacy(forest, logTargets: flag)) == expectedForest)
            var expectedDNGO = dngo
            expectedDNGO.targets = scale
            #expect(try JSONDecoder().decode(DNGO.Settings.self, from: legacy(dngo, logTargets: flag)) == expectedDNGO)
        }

        // Without either key the error names the missing `targets`.
        var object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(forest)) as? [String: Any])
        object.removeValue(forKey: "targets")
        let missing = try JSONSerialization.data(withJSONObject: object)
        #expect {
            try JSONDecoder().decode(RandomForest.Settings.self, from: missing)
        } throws: { error in
            guard case DecodingError.keyNotFound(let key, _) = error else { return false }
            return key.stringValue == "targets"
        }
    }
}
