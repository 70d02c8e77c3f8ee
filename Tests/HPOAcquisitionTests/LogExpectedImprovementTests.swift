import Foundation
import HPORandom
import HPOSpace
import HPOSurrogate
import Testing
@testable import HPOAcquisition

@Suite("Log expected improvement and the gradient maximizer")
struct LogExpectedImprovementTests {
    /// EI = sigma (phi(z) + z Phi(z)) computed directly where it is far from underflow.
    @Test(arguments: [-5.0, -2, -0.5, 0, 0.5, 2, 5])
    func logEIMatchesTheDirectFormula(_ z: Double) {
        let sigma = 0.7, incumbent = 1.0
        let mean = incumbent - z * sigma
        let phi = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        let cdf = 0.5 * erfc(-z / 2.0.squareRoot())
        let direct = log(sigma * (phi + z * cdf))
        let score = ExpectedImprovement(incumbent: incumbent).score(Prediction(mean: mean, variance: sigma * sigma))
        #expect(abs(score - direct) < 1e-12 * max(1, abs(direct)))
    }

    /// Far below the incumbent: log h(z) = -z^2/2 - log sqrt(2 pi) - 2 log|z| + log(1 - 3/z^2 + 15/z^4),
    /// truncation error below 105/z^6 (3e-8 at z = -40); never -infinity or NaN.
    @Test(arguments: [-40.0, -100, -1000, -1e5])
    func logEIFollowsTheAsymptoticFormInTheFarTail(_ z: Double) {
        let expected = -z * z / 2 - 0.5 * log(2 * Double.pi) - 2 * log(-z) + log(1 - 3 / (z * z) + 15 / (z * z * z * z))
        let score = ExpectedImprovement(incumbent: 0).score(Prediction(mean: -z, variance: 1))
        #expect(score.isFinite)
        #expect(abs(score - expected) < 1e-7 * abs(expected))
        let gradient = ExpectedImprovement(incumbent: 0).scoreGradient(Prediction(mean: -z, variance: 1))
        #expect(gradient.map { $0.mean.isFinite && $0.standardDeviation.isFinite && $0.mean < 0 } == true)
    }

    @Test(arguments: [-30.0, -19.9, -20.1, -8, -1, 0, 1, 6])
    func gradientMatchesFiniteDifferences(_ z: Double) throws {
        let sigma = 0.4, incumbent = 0.2
        let ei = ExpectedImprovement(incumbent: incumbent)
        let mean = incumbent - z * sigma
        let gradient = try #require(ei.scoreGradient(Prediction(mean: mean, variance: sigma * sigma)))
        let h = 1e-6
        func score(_ m: Double, _ s: Double) -> Double { ei.score(Prediction(mean: m, variance: s * s)) }
        let byMean = (score(mean + h, sigma) - score(mean - h, sigma)) / (2 * h)
        let bySigma = (score(mean, sigma + h) - score(mean, sigma - h)) / (2 * h)
        #expect(abs(gradient.mean - byMean) < 1e-5 * max(1, abs(byMean)))
        #expect(abs(gradient.standardDeviation - bySigma) < 1e-5 * max(1, abs(bySigma)))
    }

    @Test func logarithmicScaleHasNoClosedFormGradient() {
        let ei = ExpectedImprovement(incumbent: 0, transform: .logarithm(shift: 0))
        #expect(ei.scoreGradient(Prediction(mean: 0, variance: 1)) == nil)
    }

    /// A smooth score over a mixed space with its maximum at x = 0.3, y = 0.8, c = "b": found by
    /// L-BFGS (closed-form and finite-difference gradients) and the coordinate search.
    @Test(arguments: [true, false])
    func gradientAscentFindsTheMaximumOfASmoothScore(closedForm: Bool) throws {
        let space = try SearchSpace([.real("x", 0, 1), .real("y", -1, 1), .categorical("c", ["a", "b", "c"]), .integer("n", 0, 9)])
        let target = [0.3, 0.9] // unit coordinates of x = 0.3, y = 0.8
        func score(_ c: Configuration) -> Double {
            let u = space.unitCube(c)
            return -pow(u[0] - target[0], 2) - pow(u[1] - target[1], 2) + (c.values[2] == 1 ? 1 : 0) - abs(c.values[3] - 6) / 10
        }
        func gradient(_ c: Configuration) -> (score: Double, gradient: [Double])? {
            let u = space.unitCube(c)
            return (score(c), [-2 * (u[0] - target[0]), -2 * (u[1] - target[1]), 0, 0])
        }
        var generator = SeededGenerator(seed: 4)
        let found = try #require(
            MixedGradientAscent().maximize(
                over: space, starts: [], excluding: [], using: &generator, score: score,
                scoreGradient: closedForm ? gradient : { _ in nil }))
        #expect(abs(found.configuration.values[0] - 0.3) < 1e-4)
        #expect(abs(found.configuration.values[1] - 0.8) < 1e-4)
        #expect(found.configuration.values[2] == 1 && found.configuration.values[3] == 6)
    }

    /// On a finite space whose best configuration is excluded, the second best is returned.
    @Test func gradientAscentNeverReturnsAnExcludedConfiguration() throws {
        let space = try SearchSpace([.integer("a", 0, 4), .categorical("c", ["x", "y"])])
        let best = Configuration([2, 1])
        var generator = SeededGenerator(seed: 9)
        let found = try #require(
            MixedGradientAscent().maximize(over: space, starts: [best], excluding: [best], using: &generator) { c in
                -abs(c.values[0] - 2) + c.values[1]
            })
        #expect(found.configuration != best)
        #expect(found.score == 0) // (1, 1) or (3, 1)
    }
}
