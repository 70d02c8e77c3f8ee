import Foundation
import HPORandom
import Testing
@testable import HPOSurrogate

@Suite("DNGO Bayesian linear regression")
struct DNGORegressionTests {
    /// `count` rows of `[x1, x2, 1]` with x ~ N(0, 1) and y = 1.5 x1 - 2 x2 + 0.5 + N(0, noise^2).
    static func linearData(count: Int, noise: Double, seed: UInt64) -> BayesianLinearRegression {
        var generator = SeededGenerator(seed: seed)
        var features: [Double] = []
        var targets: [Double] = []
        for _ in 0..<count {
            let (x1, x2) = (generator.nextNormal(), generator.nextNormal())
            features += [x1, x2, 1]
            targets.append(1.5 * x1 - 2 * x2 + 0.5 + noise * generator.nextNormal())
        }
        return BayesianLinearRegression(features: features, featureCount: 3, targets: targets)
    }

    @Test func recoversWeightsAndNoiseLevel() throws {
        // n = 2000, noise sd 0.1 (beta = 100). The weights' standard errors are about
        // 0.1 / sqrt(2000) = 0.0022, so 0.01 is more than 4 of them; beta's relative standard
        // error is sqrt(2 / n) = 3.2 %, so 15 % is more than 4 of them.
        let regression = Self.linearData(count: 2000, noise: 0.1, seed: 1)
        let fitted = RegressionHyperparameters().posteriors(for: regression, start: [0, 0])
        let posterior = try #require(fitted.posteriors.first)
        for (estimate, truth) in zip(posterior.mean, [1.5, -2, 0.5]) {
            #expect(abs(estimate - truth) < 0.01, "weight \(estimate) vs \(truth)")
        }
        #expect(abs(posterior.beta / 100 - 1) < 0.15, "beta \(posterior.beta) vs 100")
    }

    @Test func logMarginalLikelihoodIsTheGaussianEvidence() throws {
        // ln N(y | 0, C) with C = Phi Phi^T / alpha + I / beta, evaluated directly on the n x n matrix.
        let regression = Self.linearData(count: 8, noise: 0.5, seed: 3)
        for (alpha, beta) in [(0.7, 3.2), (2.0, 0.5), (0.01, 40.0)] {
            let n = regression.count
            var c = SquareMatrix(order: n, diagonal: 1 / beta)
            for i in 0..<n {
                for j in 0..<n {
                    for k in 0..<3 { c[i, j] += regression.features[i * 3 + k] * regression.features[j * 3 + k] / alpha }
                }
            }
            let cholesky = try #require(Cholesky(c))
            let direct = -0.5 * cholesky.inverseQuadraticForm(regression.targets) - 0.5 * cholesky.logDeterminant
                - Double(n) / 2 * log(2 * Double.pi)
            let evidence = regression.logMarginalLikelihood(alpha: alpha, beta: beta)
            #expect(abs(evidence - direct) < 1e-9 * max(1, abs(direct)), "alpha \(alpha), beta \(beta): \(evidence) vs \(direct)")
        }
    }

    @Test(arguments: [
        RegressionHyperparameters(),
        RegressionHyperparameters(alphaPrior: .logNormal(mean: 1, standardDeviation: 0.5)),
    ])
    func maximizedHyperparametersAreAtAMaximum(_ treatment: RegressionHyperparameters) throws {
        let regression = Self.linearData(count: 30, noise: 0.3, seed: 4)
        let fitted = treatment.posteriors(for: regression, start: [0, 3])
        let theta = fitted.next
        let f = { treatment.logPosterior($0, regression: regression) }
        let best = f(theta)
        let h = 1e-4
        for i in 0..<2 {
            var up = theta, down = theta
            up[i] += h
            down[i] -= h
            let (fUp, fDown) = (f(up), f(down))
            #expect(fUp <= best + 1e-10 && fDown <= best + 1e-10, "coordinate \(i): not a maximum")
            let derivative = (fUp - fDown) / (2 * h)
            #expect(abs(derivative) < 1e-3, "coordinate \(i): derivative \(derivative)")
            let curvature = (fUp - 2 * best + fDown) / (h * h)
            #expect(curvature < 0, "coordinate \(i): curvature \(curvature)")
        }
    }

    @Test func priorsAreLogDensities() {
        // ln N(t | 1, 0.5^2) differences: -(t - 1)^2 / (2 * 0.25).
        let normal = HyperparameterPrior.logNormal(mean: 1, standardDeviation: 0.5)
        #expect(abs(normal.logDensity(atLog: 2) - normal.logDensity(atLog: 1) - (-2)) < 1e-14)
        #expect(HyperparameterPrior.logUniform.logDensity(atLog: 7) == 0)
    }

    @Test func aStrongPriorMovesTheEstimate() throws {
        let regression = Self.linearData(count: 30, noise: 0.3, seed: 6)
        let free = RegressionHyperparameters().posteriors(for: regression, start: [0, 0]).next
        let pinned = RegressionHyperparameters(alphaPrior: .logNormal(mean: 5, standardDeviation: 0.01))
            .posteriors(for: regression, start: [0, 0]).next
        #expect(abs(pinned[0] - 5) < 0.05, "ln alpha \(pinned[0]) under a N(5, 0.01^2) prior")
        #expect(abs(free[0] - 5) > 1, "ln alpha \(free[0]) without the prior")
    }

}
