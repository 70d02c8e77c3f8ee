import Foundation
import HPORandom
import HPOSpace
import Testing
@testable import HPOSurrogate

@Suite("DNGO surrogate")
struct DNGOTests {
    let space = try! SearchSpace([.real("x", 0, 1)])

    func configurations(_ xs: [Double]) -> [Configuration] { xs.map { Configuration([$0]) } }

    @Test func fitsASine() throws {
        // 40 points of sin(2 pi x) on [0, 1]; the predictive mean must be within 0.1 RMS of it
        // on a finer interior grid (the reference settings reach about 0.02).
        let xs = (0..<40).map { Double($0) / 39 }
        let ys = xs.map { sin(2 * Double.pi * $0) }
        var surrogate = try DNGO(space: space, settings: .reference)
        var generator = SeededGenerator(seed: 21)
        try surrogate.fit(configurations(xs), ys, using: &generator)
        let grid = (1..<100).map { Double($0) / 100 }
        let squared = grid.map { x in pow(surrogate.predict(Configuration([x])).mean - sin(2 * Double.pi * x), 2) }
        let rms = (squared.reduce(0, +) / Double(grid.count)).squareRoot()
        #expect(rms < 0.1, "RMS error \(rms)")
    }

    @Test func varianceGrowsAwayFromTheData() throws {
        let xs = (0..<20).map { 0.3 * Double($0) / 19 }
        let ys = xs.map { sin(6 * $0) }
        var surrogate = try DNGO(space: space, settings: .reference)
        var generator = SeededGenerator(seed: 22)
        try surrogate.fit(configurations(xs), ys, using: &generator)
        let atData = xs.map { surrogate.predict(Configuration([$0])).variance }.reduce(0, +) / Double(xs.count)
        for far in [0.8, 0.9, 1.0] {
            let variance = surrogate.predict(Configuration([far])).variance
            #expect(variance > 2 * atData, "variance \(variance) at x = \(far) vs \(atData) at the data")
        }
    }

    @Test func sameSeedSameModel() throws {
        let xs = (0..<15).map { Double($0) / 14 }
        let ys = xs.map { $0 * $0 }
        var predictions: [[Prediction]] = []
        for _ in 0..<2 {
            var surrogate = try DNGO(space: space, settings: DNGO.Settings(training: NetworkTraining(epochs: 20, batchSize: 4, learningRate: 0.01)))
            var generator = SeededGenerator(seed: 23)
            try surrogate.fit(configurations(xs), ys, using: &generator)
            try surrogate.fit(configurations(xs), ys.map { $0 + 1 }, using: &generator) // warm-started
            predictions.append([0.1, 0.5, 0.77].map { surrogate.predict(Configuration([$0])) })
        }
        #expect(predictions[0] == predictions[1])
    }

    @Test func invalidSettingsAreNamed() {
        var settings = DNGO.Settings()
        settings.training.batchSize = 0
        #expect(throws: SurrogateError.invalidSetting(name: "batch size", value: "0", valid: "a positive integer")) {
            try DNGO(space: space, settings: settings)
        }
        settings = DNGO.Settings(hiddenWidths: [50, -1])
        #expect(throws: SurrogateError.invalidSetting(name: "hidden layer widths", value: "[50, -1]", valid: "one or more positive integers")) {
            try DNGO(space: space, settings: settings)
        }
        #expect(SurrogateError.invalidSetting(name: "epochs", value: "0", valid: "a positive integer").description
            == "invalid epochs 0: it must be a positive integer")
    }

    @Test func rejectsNonFiniteValues() throws {
        var surrogate = try DNGO(space: space)
        var generator = SeededGenerator(seed: 24)
        #expect(throws: SurrogateError.self) {
            try surrogate.fit(configurations([0.1, 0.2]), [1, .nan], using: &generator)
        }
        do {
            try surrogate.fit(configurations([0.1, 0.2]), [1, .nan], using: &generator)
        } catch {
            #expect("\(error)" == "observed value 1 is nan: observed values must be finite numbers")
        }
        #expect(throws: SurrogateError.countMismatch(configurations: 2, values: 1)) {
            try surrogate.fit(configurations([0.1, 0.2]), [1], using: &generator)
        }
    }
}
