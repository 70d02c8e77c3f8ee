import RealModule

/// How the weight precision `alpha` and the noise precision `beta` of DNGO's Bayesian linear
/// regression are set: fixed or at the maximum of their (log) posterior, with an optional prior
/// on `alpha`.
public struct RegressionHyperparameters: Hashable, Sendable, Codable {
    /// What to do with `alpha` and `beta`.
    public enum Treatment: Hashable, Sendable, Codable {
        /// Use these values.
        case fixed(alpha: Double, beta: Double)
        /// Maximise the log marginal likelihood plus the log priors (type-II maximum likelihood,
        /// or maximum a posteriori with priors) over `ln alpha`, `ln beta` by Nelder-Mead.
        case maximize
    }

    /// What to do with `alpha` and `beta`.
    public var treatment: Treatment
    /// The prior on the weight precision `alpha`.
    public var alphaPrior: HyperparameterPrior

    /// Creates the treatment; by default `alpha` and `beta` maximise the marginal likelihood.
    public init(treatment: Treatment = .maximize, alphaPrior: HyperparameterPrior = .logUniform) {
        self.treatment = treatment
        self.alphaPrior = alphaPrior
    }

    /// `ln alpha` and `ln beta` are searched inside this box (as pybnn does), which
    /// keeps them identifiable when the data cannot tell (e.g. a single observation).
    public static let logBounds: ClosedRange<Double> = -10...10

    /// The log posterior density of `(ln alpha, ln beta)` up to a constant: the log marginal
    /// likelihood plus the log prior; `-infinity` outside ``logBounds``.
    public func logPosterior(_ logHyperparameters: [Double], regression: BayesianLinearRegression) -> Double {
        let (logAlpha, logBeta) = (logHyperparameters[0], logHyperparameters[1])
        guard Self.logBounds.contains(logAlpha), Self.logBounds.contains(logBeta) else { return -.infinity }
        let evidence = regression.logMarginalLikelihood(alpha: Double.exp(logAlpha), beta: Double.exp(logBeta))
        return evidence + alphaPrior.logDensity(atLog: logAlpha)
    }

    /// The posteriors to average for `regression`, and the `(ln alpha, ln beta)` to start from
    /// next time. `start` is where the search begins (e.g. the previous fit's result).
    func posteriors(
        for regression: BayesianLinearRegression, start: [Double]
    ) -> (posteriors: [BayesianLinearRegression.Posterior], next: [Double]) {
        if case .fixed(let alpha, let beta) = treatment {
            return (regression.posterior(alpha: alpha, beta: beta).map { [$0] } ?? [], start)
        }
        let density = { (theta: [Double]) in logPosterior(theta, regression: regression) }
        var mode = NelderMead(initialStep: 1).maximize(density, from: start)
        if !mode.value.isFinite {
            mode = NelderMead(initialStep: 1).maximize(density, from: [0, 0])
        }
        return (posterior(regression, mode.point).map { [$0] } ?? [], mode.point)
    }

    private func posterior(_ regression: BayesianLinearRegression, _ theta: [Double]) -> BayesianLinearRegression.Posterior? {
        regression.posterior(alpha: Double.exp(theta[0]), beta: Double.exp(theta[1]))
    }
}
