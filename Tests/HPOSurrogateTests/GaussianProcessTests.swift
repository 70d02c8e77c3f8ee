import Foundation
import HPORandom
import HPOSpace
import Testing
@testable import HPOSurrogate

@Suite("Gaussian process")
struct GaussianProcessTests {
    @Test func maternValuesMatchTheClosedForm() {
        #expect(Matern52.value(squaredDistance: 0) == 1)
        for r in [0.1, 0.5, 1.0, 2.0, 5.0] {
            let s = 5.0.squareRoot() * r
            let expected = (1 + s + s * s / 3) * exp(-s)
            #expect(abs(Matern52.value(squaredDistance: r * r) - expected) < 1e-15)
            // dm/d(r^2) = (dm/dr) / (2r), dm/dr = -5/3 r (1 + sqrt5 r) e^(-sqrt5 r).
            let byR = -5.0 / 3.0 * r * (1 + s) * exp(-s)
            #expect(abs(Matern52.derivative(squaredDistance: r * r) - byR / (2 * r)) < 1e-15)
        }
    }

    /// A space with each kind of feature: a real, a log-scaled integer, an ordinal and a categorical.
    private func mixedSpace() throws -> SearchSpace {
        try SearchSpace([
            .real("x", -2, 3), .integer("n", 1, 100, log: true), .ordinal("o", [1, 2, 4]), .categorical("c", ["a", "b", "c"]),
        ])
    }

    @Test func encodingUsesTheUnitScaleAndChoiceIndices() throws {
        let space = try mixedSpace()
        let encoding = GaussianProcessEncoding(space: space)
        let features = encoding.features(Configuration([0.5, 10, 2, 1]))
        #expect(abs(features[0] - 0.5) < 1e-15) // (0.5 + 2) / 5
        #expect(abs(features[1] - 0.5) < 1e-15) // log 10 / log 100
        #expect(features[2] == 1) // last of three ordinal values
        #expect(features[3] == 1) // choice index, compared by equality
        #expect(encoding.difference(0, 2, feature: 3) == 1)
        #expect(encoding.difference(2, 2, feature: 3) == 0)
        #expect(abs(encoding.difference(0.25, 1, feature: 0) - 0.5625) < 1e-15)
    }

    @Test func oneObservationLikelihoodMatchesTheClosedForm() {
        let encoding = GaussianProcessEncoding(space: try! SearchSpace([.real("x", 0, 1)]))
        let likelihood = MarginalLikelihood(encoding: encoding, features: [0.3], targets: [0.7])
        let h = KernelHyperparameters(logValues: [log(2.0), log(1.5), log(0.2)])
        let variance = 1.5 + 0.2 + KernelHyperparameters.minimumNoise
        let negativeLogLikelihood = 0.5 * 0.49 / variance + 0.5 * log(variance) + 0.5 * log(2 * Double.pi)
        let noise = 0.2 + KernelHyperparameters.minimumNoise
        let logPrior = -(0.1 / 2 + 0.1 * 2) + (log(1.5) - 1.5) + (0.1 * log(noise) - 30 * noise)
        #expect(abs(likelihood.negativeLogPosterior(h).value - (negativeLogLikelihood - logPrior)) < 1e-12)
    }

    @Test func likelihoodGradientMatchesFiniteDifferences() throws {
        let space = try mixedSpace()
        let encoding = GaussianProcessEncoding(space: space)
        var generator = SeededGenerator(seed: 3)
        let configurations = (0..<12).map { _ in space.sample(using: &generator) }
        let targets = (0..<12).map { _ in generator.nextNormal() }
        let likelihood = MarginalLikelihood(encoding: encoding, features: configurations.flatMap(encoding.features), targets: targets)
        let point = [0.3, -0.5, 1.1, -0.2, 0.4, log(0.05)]
        let (_, gradient) = likelihood.negativeLogPosterior(KernelHyperparameters(logValues: point))
        for k in point.indices {
            let h = 1e-6
            var up = point, down = point
            up[k] += h
            down[k] -= h
            let difference = (likelihood.negativeLogPosterior(KernelHyperparameters(logValues: up)).value
                - likelihood.negativeLogPosterior(KernelHyperparameters(logValues: down)).value) / (2 * h)
            #expect(abs(gradient[k] - difference) < 1e-5 * max(1, abs(difference)), "coordinate \(k)")
        }
    }

    /// Two observations at x = 0 and x = 1 with unit lengthscale: the posterior at 0.5 by hand.
    @Test func posteriorMatchesTheHandComputedTwoPointCase() throws {
        let encoding = GaussianProcessEncoding(space: try SearchSpace([.real("x", 0, 1)]))
        let s = 2.0, noise = 0.1
        let h = KernelHyperparameters(logValues: [0, log(s), log(noise - KernelHyperparameters.minimumNoise)])
        let y = [1.0, -1.0]
        let likelihood = MarginalLikelihood(encoding: encoding, features: [0, 1], targets: y)
        let posterior = try #require(GaussianProcessPosterior(likelihood: likelihood, hyperparameters: h, targetMean: 3, targetScale: 2))
        // K = [[s + n, c], [c, s + n]], c = s m(1); k* = s m(0.25) (1, 1) at x = 0.5.
        let c = s * Matern52.value(squaredDistance: 1)
        let kStar = s * Matern52.value(squaredDistance: 0.25)
        let a = s + noise
        let determinant = a * a - c * c
        let inverse = [[a / determinant, -c / determinant], [-c / determinant, a / determinant]]
        let weights = (0..<2).map { i in inverse[i][0] * y[0] + inverse[i][1] * y[1] }
        let mean = kStar * (weights[0] + weights[1]) // 0 by symmetry
        let quadratic = kStar * kStar * (inverse[0][0] + inverse[0][1] + inverse[1][0] + inverse[1][1])
        let prediction = posterior.predict(features: [0.5])
        #expect(abs(prediction.mean - (3 + 2 * mean)) < 1e-12)
        #expect(abs(prediction.variance - 4 * (s - quadratic)) < 1e-12)
        // At x = 0.25: the closed form is no longer symmetric.
        let k = [s * Matern52.value(squaredDistance: 0.0625), s * Matern52.value(squaredDistance: 0.5625)]
        let expectedMean = k[0] * weights[0] + k[1] * weights[1]
        let solved = (0..<2).map { i in inverse[i][0] * k[0] + inverse[i][1] * k[1] }
        let quarter = posterior.predict(features: [0.25])
        #expect(abs(quarter.mean - (3 + 2 * expectedMean)) < 1e-12)
        #expect(abs(quarter.variance - 4 * (s - k[0] * solved[0] - k[1] * solved[1])) < 1e-12)
    }

    @Test func predictionGradientMatchesFiniteDifferences() throws {
        let space = try mixedSpace()
        var generator = SeededGenerator(seed: 5)
        let configurations = (0..<15).map { _ in space.sample(using: &generator) }
        let values = configurations.map { sin(3 * space.unitCube($0)[0]) + space.unitCube($0)[1] + $0.values[3] }
        var process = try GaussianProcess(space: space)
        try process.fit(configurations, values, using: &generator)
        var point = space.sample(using: &generator)
        point.values[0] = 0.7
        let (prediction, gradient) = process.predictWithGradient(point)
        #expect(abs(prediction.mean - process.predict(point).mean) < 1e-12)
        #expect(abs(prediction.variance - process.predict(point).variance) < 1e-12)
        let h = 1e-6 * 5 // one millionth of the unit scale of x in -2...3
        var up = point, down = point
        up.values[0] += h
        down.values[0] -= h
        let meanSlope = (process.predict(up).mean - process.predict(down).mean) / 2e-6
        let varianceSlope = (process.predict(up).variance - process.predict(down).variance) / 2e-6
        #expect(abs(gradient.mean[0] - meanSlope) < 1e-5 * max(1, abs(meanSlope)))
        #expect(abs(gradient.variance[0] - varianceSlope) < 1e-5 * max(1, abs(varianceSlope)))
        #expect(gradient.mean[3] == 0 && gradient.variance[3] == 0) // categorical
    }

    /// A smooth function observed without noise on 10 points: the fitted process interpolates
    /// it between them (tolerance 0.05 on a function of range 2).
    @Test func fittedProcessInterpolatesASmoothFunction() throws {
        let space = try SearchSpace([.real("x", 0, 1)])
        let xs = (0..<10).map { Double($0) / 9 }
        var process = try GaussianProcess(space: space)
        var generator = SeededGenerator(seed: 1)
        try process.fit(xs.map { Configuration([$0]) }, xs.map { sin(2 * Double.pi * $0) }, using: &generator)
        for x in stride(from: 0.05, to: 1, by: 0.1) {
            #expect(abs(process.predict(Configuration([x])).mean - sin(2 * Double.pi * x)) < 0.05, "at \(x)")
        }
        #expect(process.predict(Configuration([xs[3]])).variance < 1e-3)
    }

    /// A fit depends on its observations and generator only: a process fitted before on other
    /// data predicts exactly what a fresh one does, so a study rebuilt in a new process needs
    /// one fit per suggestion, not a replay of every earlier fit.
    @Test func aFitDoesNotDependOnEarlierFits() throws {
        let space = try mixedSpace()
        var sampler = SeededGenerator(seed: 4)
        let configurations = (0..<20).map { _ in space.sample(using: &sampler) }
        let values = configurations.map { c in c[0] * c[0] + log(c[1]) + c[2] + (c[3] == 1 ? 1 : 0) }
        var used = try GaussianProcess(space: space)
        var earlier = SeededGenerator(seed: 9)
        try used.fit(Array(configurations[..<8]), values[..<8].map { -3 * $0 }, using: &earlier)
        var fresh = try GaussianProcess(space: space)
        var first = SeededGenerator(seed: 5), second = SeededGenerator(seed: 5)
        try used.fit(configurations, values, using: &first)
        try fresh.fit(configurations, values, using: &second)
        #expect(!used.keepsStateBetweenFits)
        #expect(used.hyperparameters == fresh.hyperparameters)
        for c in (0..<5).map({ _ in space.sample(using: &sampler) }) {
            #expect(used.predict(c) == fresh.predict(c))
        }
    }

    /// The anchors of the default settings (refitUntil 64): round(64 2^(k/4)) = 64, 76, 91, 108,
    /// 128, ..., each used once the results exceed it by an eighth.
    @Test func hyperparameterAnchorsGrowByAFifthWithAMarginOfAnEighth() throws {
        let settings = GaussianProcess.Settings()
        #expect(settings.hyperparameterAnchor(settled: 10) == nil)
        #expect(settings.hyperparameterAnchor(settled: 71) == nil)
        #expect(settings.hyperparameterAnchor(settled: 72) == 64)
        #expect(settings.hyperparameterAnchor(settled: 84) == 64)
        #expect(settings.hyperparameterAnchor(settled: 85) == 76)
        #expect(settings.hyperparameterAnchor(settled: 1000) == 861)
        // Four fits per doubling: 64, 76, 91, 108, 128, 152, 181, 215, 256, ..., 861.
        let anchors = (72...1000).compactMap { settings.hyperparameterAnchor(settled: $0) }
        #expect(Array(Set(anchors)).sorted().prefix(9) == [64, 76, 91, 108, 128, 152, 181, 215, 256])
        #expect(Set(anchors).count == 16)
        var always = settings
        always.refitUntil = .max
        #expect(always.hyperparameterAnchor(settled: 1_000_000) == nil)
        #expect(throws: SurrogateError.self) { try GaussianProcess(space: try mixedSpace(), settings: .init(refitUntil: 1)) }
    }

    /// Settings stored by a study before `refitUntil` existed fit at every suggestion, as they did.
    @Test func settingsSavedBeforeTheRefitScheduleRefitAlways() throws {
        let encoded = try JSONEncoder().encode(GaussianProcess.Settings(restarts: 2))
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["refitUntil"] as? Int == 64)
        object["refitUntil"] = nil
        let decoded = try JSONDecoder().decode(GaussianProcess.Settings.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded == GaussianProcess.Settings(restarts: 2, refitUntil: .max))
        #expect(try JSONDecoder().decode(GaussianProcess.Settings.self, from: encoded) == GaussianProcess.Settings(restarts: 2))
    }

    /// Past `refitUntil` the hyperparameter search starts from a fit on the results up to the
    /// anchor, which depends on them alone, not on the generator or the results after the
    /// anchor. The search then improves on that start on all the observations,
    /// and a process that remembered the anchor's fit predicts exactly what a fresh one does.
    /// With 100 results the anchor is 76.
    @Test func pastTheScheduleTheSearchStartsFromTheAnchorsFit() throws {
        let space = try mixedSpace()
        var sampler = SeededGenerator(seed: 11)
        let configurations = (0..<130).map { _ in space.sample(using: &sampler) }
        let values = configurations.map { c in c[0] * c[0] + log(c[1]) + 2 * c[2] + (c[3] == 1 ? 1 : 0) }
        #expect(GaussianProcess.Settings().hyperparameterAnchor(settled: 100) == 76)

        func fitted(_ indices: [Int], settled: Int, seed: UInt64, into process: inout GaussianProcess) throws -> KernelHyperparameters {
            var generator = SeededGenerator(seed: seed)
            try process.fit(indices.map { configurations[$0] }, indices.map { values[$0] }, settled: settled, using: &generator)
            return try #require(process.hyperparameters)
        }
        let probe = try GaussianProcess(space: space)
        let start = probe.anchorHyperparameters(Array(configurations[..<76]), Array(values[..<76]))
        // The anchor's fit: the same from another process, different on other results.
        #expect(try GaussianProcess(space: space).anchorHyperparameters(Array(configurations[..<76]), Array(values[..<76])) == start)
        #expect(probe.anchorHyperparameters(Array(configurations[1..<77]), Array(values[1..<77])) != start)

        var first = try GaussianProcess(space: space)
        let reference = try fitted(Array(0..<100), settled: 100, seed: 1, into: &first)
        var other = try GaussianProcess(space: space)
        #expect(try fitted(Array(0..<100), settled: 100, seed: 2, into: &other) == reference)
        // The search moved from the start, to a higher posterior on all 100 results.
        let targets = values[..<100].map { $0 }
        let mean = targets.reduce(0, +) / 100
        let spread = (targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 100).squareRoot()
        let likelihood = MarginalLikelihood(
            encoding: GaussianProcessEncoding(space: space), features: configurations[..<100].flatMap { GaussianProcessEncoding(space: space).features($0) },
            targets: targets.map { ($0 - mean) / spread })
        #expect(reference != start)
        #expect(likelihood.negativeLogPosterior(reference).value < likelihood.negativeLogPosterior(start).value)
        // The next suggestion's fit: from the memo in `first`, afresh in `fresh`.
        var fresh = try GaussianProcess(space: space)
        #expect(try fitted(Array(0..<101), settled: 101, seed: 3, into: &first) == (try fitted(Array(0..<101), settled: 101, seed: 3, into: &fresh)))
        for c in (0..<5).map({ _ in space.sample(using: &sampler) }) {
            #expect(first.predict(c) == fresh.predict(c))
            #expect(first.predictMean(c) == first.predict(c).mean)
        }
    }

    /// Known values from Optuna 5.1's GPSampler, which has the same kernel and priors: on 14
    /// observations of Hartmann-3 (the first 14 of a bo-gp run), Optuna's `fit_kernel_params` run
    /// to a gradient tolerance of 1e-8 reaches log hyperparameters (-2.0920, 1.8454, 2.5903,
    /// 0.0773, -8.0063) and a negative log posterior of 0.84080 without the n log(2 pi) / 2
    /// constant. Our fit reaches the same maximum a posteriori point (tolerance 0.02 on each
    /// log value, 1e-3 on the objective).
    @Test func fitReachesTheOptimumOptunaFindsOnTheSameData() throws {
        let space = try SearchSpace([.real("x1", 0, 1), .real("x2", 0, 1), .real("x3", 0, 1)])
        let points: [[Double]] = [
            [0.655087, 0.149604, 0.006081], [0.026777, 0.399356, 0.848045], [0.300305, 0.419077, 0.110578],
            [0.082156, 0.365437, 0.678306], [0.799354, 0.194506, 0.806637], [0.094168, 0.449181, 0.367245],
            [0.341337, 0.008417, 0.854046], [0.081936, 0.957062, 0.765953], [0.766059, 0.860825, 0.820658],
            [0.043288, 0.481517, 0.415225], [0.0, 0.467241, 0.978742], [0.0, 0.479128, 0.837729],
            [0.0, 0.54465, 0.825312], [0.382497, 0.536192, 0.828138],
        ]
        let values = [
            -0.099919, -3.092767, -0.190401, -1.574682, -1.161097, -0.376915, -0.251361, -1.269315, -1.430421, -0.482129,
            -2.2475, -3.643011, -3.780918, -3.754911,
        ]
        var process = try GaussianProcess(space: space)
        var generator = SeededGenerator(seed: 3)
        try process.fit(points.map { Configuration($0) }, values, using: &generator)
        let fitted = try #require(process.hyperparameters)
        let optuna = [-2.0920034, 1.8454293, 2.5902830, 0.0772802, -8.0062576]
        for (ours, theirs) in zip(fitted.logValues, optuna) {
            #expect(abs(ours - theirs) < 0.02, "\(fitted.logValues) against \(optuna)")
        }
        let mean = values.reduce(0, +) / Double(values.count)
        let spread = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        let likelihood = MarginalLikelihood(
            encoding: GaussianProcessEncoding(space: space), features: points.flatMap { $0 }, targets: values.map { ($0 - mean) / spread })
        let constant = 0.5 * Double(values.count) * log(2 * Double.pi)
        #expect(abs(likelihood.negativeLogPosterior(fitted).value - constant - 0.8408016) < 1e-3)
    }

    @Test func subsetKeepsTheBestObservation() {
        var generator = SeededGenerator(seed: 2)
        let values = (0..<50).map { Double(($0 * 37) % 50) } // minimum at index 0
        let subset = GaussianProcess.subset(of: values, size: 10, using: &generator)
        #expect(subset.count == 10 && Set(subset).count == 10 && subset.contains(0))
        #expect(GaussianProcess.subset(of: [1, 2], size: 10, using: &generator) == [0, 1])
    }

    @Test func lbfgsReachesTheRosenbrockMinimum() {
        let result = BoundedLBFGS(maximumIterations: 500, gradientTolerance: 1e-10, valueTolerance: 0).minimize(
            from: [-1.2, 1], lower: [-5, -5], upper: [5, 5]
        ) { p in
            let (x, y) = (p[0], p[1])
            return ((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x), [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])
        }
        #expect(abs(result.point[0] - 1) < 1e-5 && abs(result.point[1] - 1) < 1e-5)
    }

    @Test func lbfgsStopsAtAnActiveBound() {
        let result = BoundedLBFGS().minimize(from: [0.5, 0.5], lower: [0, 0], upper: [1, 1]) { p in
            ((p[0] - 2) * (p[0] - 2) + (p[1] - 0.25) * (p[1] - 0.25), [2 * (p[0] - 2), 2 * (p[1] - 0.25)])
        }
        #expect(result.point[0] == 1)
        #expect(abs(result.point[1] - 0.25) < 1e-6)
    }

    @Test func choleskyRecoversFromASingularMatrixWithJitter() throws {
        var singular = SquareMatrix(order: 3)
        for i in 0..<3 { for j in 0..<3 { singular[i, j] = 1 } } // rank 1
        singular[2, 2] = 1 - 1e-17 // rounding makes the last pivot non-positive
        #expect(Cholesky(singular) == nil)
        let (factor, jitter) = try #require(Cholesky.factorizing(singular, initialJitter: 0))
        #expect(jitter > 0 && jitter < 1e-6)
        for i in 0..<3 {
            for j in 0...i {
                let product = (0...j).reduce(0.0) { $0 + factor.lower[i, $1] * factor.lower[j, $1] }
                #expect(abs(product - (singular[i, j] + (i == j ? jitter : 0))) < 1e-12)
            }
        }
    }

    @Test func inverseTimesMatrixIsTheIdentity() throws {
        var a = SquareMatrix(order: 3)
        let rows: [[Double]] = [[4, 2, -2], [2, 10, 2], [-2, 2, 5]]
        for i in 0..<3 { for j in 0..<3 { a[i, j] = rows[i][j] } }
        let inverse = try #require(Cholesky(a)).inverse()
        for i in 0..<3 {
            for j in 0..<3 {
                let product = (0..<3).reduce(0.0) { $0 + a[i, $1] * inverse[$1, j] }
                #expect(abs(product - (i == j ? 1 : 0)) < 1e-14)
            }
        }
    }

    /// The inverse is computed in place of the factor, column by column: at an order of 37 every
    /// column's dot products run the SIMD blocks and the remainders.
    @Test func inverseOfALargerMatrixTimesTheMatrixIsTheIdentity() throws {
        let n = 37
        var generator = SeededGenerator(seed: 11)
        let b = (0..<(n * n)).map { _ in generator.nextNormal() }
        var a = SquareMatrix(order: n, diagonal: Double(n))
        for i in 0..<n { for j in 0..<n { for k in 0..<n { a[i, j] += b[i + k * n] * b[j + k * n] } } } // B B^T + n I
        let inverse = try #require(Cholesky(a)).inverse()
        for i in 0..<n {
            for j in 0..<n {
                #expect(inverse[i, j] == inverse[j, i])
                let product = (0..<n).reduce(0.0) { $0 + a[i, $1] * inverse[$1, j] }
                #expect(abs(product - (i == j ? 1 : 0)) < 1e-12, "entry (\(i), \(j))")
            }
        }
    }

    /// A search reuses one workspace for all its evaluations: each evaluation must give exactly
    /// what a fresh one gives, whatever the evaluation before it left in the buffers.
    @Test func aReusedWorkspaceGivesWhatAFreshOneGives() throws {
        let space = try mixedSpace()
        let encoding = GaussianProcessEncoding(space: space)
        var generator = SeededGenerator(seed: 5)
        let configurations = (0..<30).map { _ in space.sample(using: &generator) }
        let targets = (0..<30).map { _ in generator.nextNormal() }
        let likelihood = MarginalLikelihood(encoding: encoding, features: configurations.flatMap(encoding.features), targets: targets)
        var workspace = MarginalLikelihood.Workspace(count: likelihood.count)
        for point in [[0.3, -0.5, 1.1, -0.2, 0.4, log(0.05)], [2.0, 2.0, 2.0, 2.0, -1, log(1e-6)], [-3.0, 0, 0.5, 1, 0, log(0.5)]] {
            let h = KernelHyperparameters(logValues: point)
            let reused = likelihood.negativeLogPosterior(h, workspace: &workspace)
            let fresh = likelihood.negativeLogPosterior(h)
            #expect(reused.value == fresh.value && reused.gradient == fresh.gradient)
            #expect(reused.value.isFinite)
        }
    }
}
