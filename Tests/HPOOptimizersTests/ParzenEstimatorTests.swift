import Foundation
import HPORandom
import HPOSpace
import Testing
@testable import HPOOptimizers

/// Phi(z) by the textbook formula, independent of the code under test.
private func normalCDF(_ z: Double) -> Double { 0.5 * erfc(-z / 2.squareRoot()) }
/// phi(z).
private func normalPDF(_ z: Double) -> Double { exp(-0.5 * z * z) / (2 * Double.pi).squareRoot() }

/// The density of N(mean, sd) truncated to [low, high] at x, by the closed form.
private func truncatedDensity(_ x: Double, mean: Double, sd: Double, low: Double, high: Double) -> Double {
    normalPDF((x - mean) / sd) / (sd * (normalCDF((high - mean) / sd) - normalCDF((low - mean) / sd)))
}

@Suite("Truncated normal")
struct TruncatedNormalTests {
    let kernel = TruncatedNormal(mean: 0.3, standardDeviation: 0.2, lower: 0, upper: 1)

    @Test func densityAndDistributionFunctionMatchTheClosedForms() {
        let z = normalCDF(0.7 / 0.2) - normalCDF(-0.3 / 0.2)
        for x in [0.0, 0.05, 0.3, 0.61, 1.0] {
            let expected = truncatedDensity(x, mean: 0.3, sd: 0.2, low: 0, high: 1)
            #expect(abs(exp(kernel.logPDF(x)) - expected) <= 1e-12 * expected, "density at \(x)")
            let cdf = (normalCDF((x - 0.3) / 0.2) - normalCDF(-0.3 / 0.2)) / z
            #expect(abs(kernel.cdf(x) - cdf) <= 1e-12, "CDF at \(x)")
        }
        #expect(kernel.logPDF(-0.01) == -.infinity)
        #expect(kernel.logPDF(1.01) == -.infinity)
    }

    @Test func massFarInTheTailIsFinite() {
        // The mass of [30, 31] under N(0, 1) is Phi(-30) up to Phi(-31), which is e^-30.5 times
        // smaller; log Phi(-30) = -450 - log 30 - log sqrt(2 pi) + log(1 - 1/30^2 + 3/30^4 - 15/30^6 + 105/30^8).
        let normal = TruncatedNormal(mean: 0, standardDeviation: 1, lower: -40, upper: 40)
        let expected = -450 - log(30.0) - 0.5 * log(2 * Double.pi) + log(1 - 1 / 900.0 + 3 / 810_000.0 - 15 / 729e6 + 105 / 6561e8)
        #expect(abs(normal.logMass(from: 30, to: 31) - expected) < 1e-9)
        #expect(abs(normal.logMass(from: -31, to: -30) - expected) < 1e-9)
    }

    /// 20,000 draws: the sample mean within 4 standard errors of the closed-form mean, and the
    /// empirical CDF at 3 points within 4 binomial standard errors of the CDF.
    @Test func samplesHaveTheClosedFormMeanAndDistribution() {
        var generator = SeededGenerator(seed: 31)
        let draws = (0..<20_000).map { _ in kernel.sample(using: &generator) }
        let (alpha, beta) = (-0.3 / 0.2, 0.7 / 0.2)
        let mass = normalCDF(beta) - normalCDF(alpha)
        let mean = 0.3 + 0.2 * (normalPDF(alpha) - normalPDF(beta)) / mass
        let sampleMean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - sampleMean) * ($1 - sampleMean) } / Double(draws.count - 1)
        #expect(abs(sampleMean - mean) <= 4 * (variance / Double(draws.count)).squareRoot())
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= 1 })
        for x in [0.1, 0.3, 0.6] {
            let p = kernel.cdf(x)
            let empirical = Double(draws.count { $0 <= x }) / Double(draws.count)
            #expect(abs(empirical - p) <= 4 * (p * (1 - p) / Double(draws.count)).squareRoot(), "CDF at \(x)")
        }
    }
}

@Suite("Parzen estimator")
struct ParzenEstimatorTests {
    static let unit = KernelDomain.numeric(NumericScale(low: 0, high: 1, log: false, discrete: false))

    @Test func bandwidthsFollowTheNeighbourRuleWithOptunasClip() {
        // Sorted with the bounds: 0, 0.1, 0.2, 0.9, 1. Gaps to the larger neighbour: 0.1, 0.7, 0.7;
        // without endpoints the outer ones use their inner gap (0.1 and 0.7); the clip is 1 / min(100, 3 + 2) = 0.2.
        let centres = [0.9, 0.1, 0.2]
        let clipped = ParzenBandwidth().bandwidths(of: centres, lower: 0, upper: 1)
        #expect(zip(clipped, [0.7, 0.2, 0.7]).allSatisfy { abs($0 - $1) < 1e-15 })
        let unclipped = ParzenBandwidth(magicClip: false).bandwidths(of: centres, lower: 0, upper: 1)
        #expect(zip(unclipped, [0.7, 0.1, 0.7]).allSatisfy { abs($0 - $1) < 1e-15 })
        // With endpoints, 0.9's gap to the bound (0.1) loses to its inner gap 0.7 either way; a lone
        // observation takes the larger gap to a bound.
        #expect(ParzenBandwidth(considerEndpoints: true, magicClip: false).bandwidths(of: [0.2], lower: 0, upper: 1) == [0.8])
        #expect(ParzenBandwidth().bandwidths(of: [0.5, 0.5], lower: 0, upper: 1) == [0.25, 0.25])
    }

    @Test func densityIsTheHandComputedMixture() {
        // Points 0.2 and 0.6 on [0, 1]: both bandwidths 0.4 (the gap between them; clip 0.25),
        // the prior N(0.5, 1); weights 1, 1 and prior 1, so a third each.
        let estimator = ParzenEstimator(points: [[0.2], [0.6]], weights: [1, 1], domains: [Self.unit], priorWeight: 1)
        for x in [0.1, 0.5, 0.9] {
            let expected = (truncatedDensity(x, mean: 0.2, sd: 0.4, low: 0, high: 1)
                + truncatedDensity(x, mean: 0.6, sd: 0.4, low: 0, high: 1)
                + truncatedDensity(x, mean: 0.5, sd: 1, low: 0, high: 1)) / 3
            #expect(abs(exp(estimator.logDensity(at: [x])) - expected) <= 1e-12 * expected, "at \(x)")
        }
    }

    @Test func densityIntegratesToOneOverTheDomain() {
        // Midpoint rule with 20,000 cells on a real range, times a categorical parameter's 3 choices.
        let log = KernelDomain.numeric(NumericScale(low: 0.001, high: 10, log: true, discrete: false))
        let estimator = ParzenEstimator(
            points: [[0.01, 0], [0.02, 2], [3, 0], [0.5, 1]], weights: [0.2, 1, 1, 1],
            domains: [log, .categorical(count: 3)], priorWeight: 1)
        let (a, b) = (Foundation.log(0.001), Foundation.log(10.0))
        let cells = 20_000
        var integral = 0.0
        for choice in 0..<3 {
            for i in 0..<cells {
                let t = a + (Double(i) + 0.5) * (b - a) / Double(cells)
                integral += exp(estimator.logDensity(at: [exp(t), Double(choice)])) * (b - a) / Double(cells)
            }
        }
        #expect(abs(integral - 1) < 1e-6, "integral \(integral)")

        // A discrete scale sums to 1 over its values, on the logarithm too.
        let integers = KernelDomain.numeric(NumericScale(low: 1, high: 64, log: true, discrete: true))
        let discrete = ParzenEstimator(points: [[2], [3], [40]], weights: [1, 1, 1], domains: [integers], priorWeight: 1)
        let total = (1...64).reduce(0.0) { $0 + exp(discrete.logDensity(at: [Double($1)])) }
        #expect(abs(total - 1) < 1e-12, "sum \(total)")
    }

    @Test func categoricalProbabilitiesAreTheHandComputedOnes() {
        // Observations 0 and 2 of 3 choices, prior weight 1: three kernels, each spreading 1/3.
        // Kernel of 0: (4/3, 1/3, 1/3) / 2; of 2: (1/3, 1/3, 4/3) / 2; prior uniform.
        let categorical = CategoricalEstimator(observations: [0, 2], count: 3, priorWeight: 1)
        let expected: [[Double]] = [[2.0 / 3, 1.0 / 6, 1.0 / 6], [1.0 / 6, 1.0 / 6, 2.0 / 3], [1.0 / 3, 1.0 / 3, 1.0 / 3]]
        for (row, probabilities) in zip(categorical.logProbabilities, expected) {
            #expect(zip(row, probabilities).allSatisfy { abs(exp($0) - $1) < 1e-15 })
        }
        // The mixture weighs the three kernels equally: P(1) = (1/6 + 1/6 + 1/3) / 3 = 2/9.
        let estimator = ParzenEstimator(points: [[0], [2]], weights: [1, 1], domains: [.categorical(count: 3)], priorWeight: 1)
        #expect(abs(exp(estimator.logDensity(at: [1])) - 2.0 / 9) < 1e-15)
    }
}

@Suite("TPE split and weights")
struct ObservationSplitTests {
    @Test func goodGroupIsTenPercentUpTo25() {
        let expected = [1: 1, 10: 1, 11: 2, 25: 3, 100: 10, 249: 25, 1000: 25]
        for (n, good) in expected { #expect(ObservationSplit.goodCount(successes: n, gamma: 0.1) == good, "n = \(n)") }
    }

    @Test func failuresAndRunningEvaluationsAreBadAndOrderIsKept() throws {
        let space = try SearchSpace([.real("x", 0, 20)])
        var history = History(space: space)
        let values: [Double?] = [5, nil, 3, 9, 1, 7, 4, nil, 8, 6, 2, 10]
        for (i, value) in values.enumerated() { history.append(Observation(configuration: Configuration([Double(i)]), value: value)) }
        history.appendRunning(Configuration([12]))
        // 10 successes: ceil(1.0) = 1 good (the value 1 at x = 4); with gamma 0.25, ceil(2.5) = 3: values 1, 2, 3.
        let split = ObservationSplit(history: history, gamma: 0.1)
        #expect(split.good == [[4]])
        #expect(split.bad == [[0], [1], [2], [3], [5], [6], [7], [8], [9], [10], [11], [12]])
        #expect(ObservationSplit(history: history, gamma: 0.25).good == [[2], [4], [10]])
    }

    @Test func oldObservationsPast25RampUp() {
        #expect(ObservationSplit.weights(count: 25) == [Double](repeating: 1, count: 25))
        // 30 observations: the oldest 5 ramp linearly from 1/30 to 1 in steps of (1 - 1/30) / 4.
        let weights = ObservationSplit.weights(count: 30)
        let ramp = [1.0 / 30, 1.0 / 30 + 29.0 / 120, 1.0 / 30 + 58.0 / 120, 1.0 / 30 + 87.0 / 120, 1]
        #expect(weights.count == 30)
        #expect(zip(weights.prefix(5), ramp).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(weights.suffix(25).allSatisfy { $0 == 1 })
        #expect(ObservationSplit.weights(count: 26) == [1.0 / 26] + [Double](repeating: 1, count: 25))
    }
}
