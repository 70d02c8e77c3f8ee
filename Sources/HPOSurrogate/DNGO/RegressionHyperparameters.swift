import HPORandom
import RealModule

/// How the weight precision `alpha` and the noise precision `beta` of DNGO's Bayesian linear
/// regression are set: fixed, at the maximum of their (log) posterior, or integrated out by
/// sampling, with optional priors.
public struct RegressionHyperparameters: Hashable, Sendable, Codable {
    /// What to do with `alpha` and `beta`.
    public enum Treatment: Hashable, Sendable, Codable {
        /// Use these values.
        case fixed(alpha: Double, beta: Double)
        /// Maximise the log marginal likelihood plus the log priors (type-II maximum likelihood,
        /// or maximum a posteriori with priors) over `ln alpha`, `ln beta` by Nelder-Mead.
        case maximize
        /// Draw `count` pairs from their posterior by slice sampling (started at the maximum,
        /// `burnIn` sweeps discarded, `thinning` sweeps between kept samples) and average the
        /// predictive distributions of the `count` regressions (a Gaussian mixture's mean and
        /// variance).
        case sample(count: Int, burnIn: Int, thinning: Int)
    }

    /// What to do with `alpha` and `beta`.
    public var treatment: Treatment
    /// The prior on the weight precision `alpha`.
    public var alphaPrior: HyperparameterPrior
    /// The prior on the noise variance `1 / beta`.
    public var noisePrior: HyperparameterPrior

    /// Creates the treatment; by default `alpha` and `beta` maximise the marginal likelihood.
    public init(
        treatment: Treatment = .maximize, alphaPrior: HyperparameterPrior = .logUniform,
        noisePrior: HyperparameterPrior = .logUniform
    ) {
        self.treatment = treatment
        self.alphaPrior = alphaPrior
        self.noisePrior = noisePrior
    }

    /// `ln alpha` and `ln beta` are searched and sampled inside this box (as pybnn does), which
    /// keeps them identifiable when the data cannot tell (e.g. a single observation).
    public static let logBounds: ClosedRange<Double> = -10...10

    /// The log posterior density of `(ln alpha, ln beta)` up to a constant: the log marginal
    /// likelihood plus the log priors; `-infinity` outside ``logBounds``.
    public func logPosterior(_ logHyperparameters: [Double], regression: BayesianLinearRegression) -> Double {
        let (logAlpha, logBeta) = (logHyperparameters[0], logHyperparameters[1])
        guard Self.logBounds.contains(logAlpha), Self.logBounds.contains(logBeta) else { return -.infinity }
        let evidence = regression.logMarginalLikelihood(alpha: Double.exp(logAlpha), beta: Double.exp(logBeta))
        return evidence + alphaPrior.logDensity(atLog: logAlpha) + noisePrior.logDensity(atLog: -logBeta)
    }

    /// The posteriors to average for `regression`, and the `(ln alpha, ln beta)` to start from
    /// next time. `start` is where the search or chain begins (e.g. the previous fit's result).
    func posteriors(
        for regression: BayesianLinearRegression, start: [Double], using generator: inout SeededGenerator
    ) -> (posteriors: [BayesianLinearRegression.Posterior], next: [Double]) {
        if case .fixed(let alpha, let beta) = treatment {
            return (regression.posterior(alpha: alpha, beta: beta).map { [$0] } ?? [], start)
        }
        let density = { (theta: [Double]) in logPosterior(theta, regression: regression) }
        var mode = NelderMead(initialStep: 1).maximize(density, from: start)
        if !mode.value.isFinite {
            mode = NelderMead(initialStep: 1).maximize(density, from: [0, 0])
        }
        guard case .sample(let count, let burnIn, let thinning) = treatment else {
            return (posterior(regression, mode.point).map { [$0] } ?? [], mode.point)
        }
        let sampler = SliceSampler(width: 1)
        var point = mode.point
        var value = mode.value
        var result: [BayesianLinearRegression.Posterior] = []
        guard value.isFinite else { return ([], start) }
        for _ in 0..<burnIn { sampler.sweep(&point, value: &value, logDensity: density, using: &generator) }
        for _ in 0..<count {
            for _ in 0..<max(thinning, 1) { sampler.sweep(&point, value: &value, logDensity: density, using: &generator) }
            if let posterior = posterior(regression, point) { result.append(posterior) }
        }
        return (result, mode.point)
    }

    private func posterior(_ regression: BayesianLinearRegression, _ theta: [Double]) -> BayesianLinearRegression.Posterior? {
        regression.posterior(alpha: Double.exp(theta[0]), beta: Double.exp(theta[1]))
    }
}
