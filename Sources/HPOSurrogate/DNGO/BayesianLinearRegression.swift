import RealModule

/// Bayesian linear regression with a Gaussian prior `N(0, I / alpha)` on the weights and
/// Gaussian noise of precision `beta` (Bishop, Pattern Recognition and Machine Learning, 3.3
/// and 3.5), on a fixed design matrix `Phi`.
///
/// The posterior is `N(m, A^-1)` with `A = beta Phi^T Phi + alpha I` and `m = beta A^-1 Phi^T y`;
/// everything goes through the Cholesky factor of `A`.
public struct BayesianLinearRegression: Sendable {
    /// The design matrix, row-major `count` x `featureCount`.
    public let features: [Double]
    /// The targets, one per row.
    public let targets: [Double]
    /// The number of observations.
    public let count: Int
    /// The number of features (columns of the design matrix).
    public let featureCount: Int
    private let gram: SquareMatrix
    private let projection: [Double]

    /// Regression of `targets` on the rows of `features` (row-major, `targets.count` rows).
    public init(features: [Double], featureCount: Int, targets: [Double]) {
        precondition(featureCount > 0 && features.count == featureCount * targets.count,
                     "\(features.count) feature values do not form \(targets.count) rows of \(featureCount)")
        self.features = features
        self.targets = targets
        self.featureCount = featureCount
        count = targets.count
        gram = SquareMatrix.gram(of: features, rows: count, columns: featureCount)
        projection = SquareMatrix.transposedProduct(features, rows: count, columns: featureCount, targets)
    }

    /// The posterior over the weights for weight precision `alpha` and noise precision `beta`,
    /// or `nil` if `A` is not numerically positive definite (or a precision is not positive).
    public func posterior(alpha: Double, beta: Double) -> Posterior? {
        guard alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else { return nil }
        var a = gram
        for i in 0..<a.elements.count { a.elements[i] *= beta }
        for i in 0..<featureCount { a[i, i] += alpha }
        guard let cholesky = Cholesky(a) else { return nil }
        let mean = cholesky.solve(projection.map { beta * $0 })
        return Posterior(alpha: alpha, beta: beta, mean: mean, cholesky: cholesky)
    }

    /// The log marginal likelihood (log evidence) `ln p(y | alpha, beta)` of Bishop's eq. 3.86:
    ///
    ///     M/2 ln alpha + N/2 ln beta - E(m) - 1/2 ln|A| - N/2 ln(2 pi),
    ///     E(m) = beta/2 |y - Phi m|^2 + alpha/2 m^T m
    ///
    /// with the *squared* norm of the residual. `-infinity` where the posterior does not exist.
    public func logMarginalLikelihood(alpha: Double, beta: Double) -> Double {
        guard let posterior = posterior(alpha: alpha, beta: beta) else { return -.infinity }
        return logMarginalLikelihood(posterior)
    }

    /// The log marginal likelihood at the hyperparameters of `posterior`, computed on this data.
    public func logMarginalLikelihood(_ posterior: Posterior) -> Double {
        let (alpha, beta) = (posterior.alpha, posterior.beta)
        let n = Double(count)
        let m = Double(featureCount)
        let energy = beta / 2 * squaredResidual(posterior.mean) + alpha / 2 * posterior.mean.dot(posterior.mean)
        return m / 2 * Double.log(alpha) + n / 2 * Double.log(beta) - energy
            - posterior.cholesky.logDeterminant / 2 - n / 2 * Double.log(2 * Double.pi)
    }

    /// `|y - Phi w|^2`, computed row by row (no cancellation).
    func squaredResidual(_ weights: [Double]) -> Double {
        var total = 0.0
        features.withUnsafeBufferPointer { phi in
            weights.withUnsafeBufferPointer { w in
                for r in 0..<count {
                    let row = phi.baseAddress! + r * featureCount
                    var fit = 0.0
                    for j in 0..<featureCount { fit += row[j] * w[j] }
                    let residual = targets[r] - fit
                    total += residual * residual
                }
            }
        }
        return total
    }

    /// The Gaussian posterior over the weights for one pair of hyperparameters.
    public struct Posterior: Hashable, Sendable {
        /// The weights' prior precision.
        public let alpha: Double
        /// The noise precision.
        public let beta: Double
        /// The posterior mean of the weights, `m`.
        public let mean: [Double]
        /// The Cholesky factor of the posterior precision `A`.
        public let cholesky: Cholesky

        /// The predictive mean `phi^T m` and variance `1/beta + phi^T A^-1 phi` at features `phi`.
        public func predict(_ phi: [Double]) -> Prediction {
            Prediction(mean: phi.dot(mean), variance: 1 / beta + cholesky.inverseQuadraticForm(phi))
        }

        /// ``predict(_:)`` without allocating: `phi` and `scratch` hold as many values as `mean`.
        /// Without `includingNoise` the variance is the latent function's, `phi^T A^-1 phi`.
        func predict(_ phi: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>, includingNoise: Bool = true) -> Prediction {
            var fit = 0.0
            for j in mean.indices { fit += phi[j] * mean[j] }
            let latent = cholesky.inverseQuadraticForm(phi, scratch: scratch)
            return Prediction(mean: fit, variance: includingNoise ? 1 / beta + latent : latent)
        }
    }
}
