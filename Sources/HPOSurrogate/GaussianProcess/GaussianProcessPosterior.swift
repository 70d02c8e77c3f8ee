/// A Gaussian process conditioned on observations: the factor of the kernel matrix and the
/// weights that give the posterior mean and variance at any input, with their gradients.
///
/// Predictions are of the latent function (no observation noise): mean = s k^T K^-1 y and
/// variance = s - s^2 k^T K^-1 k on the standardized scale, mapped back by the standardization.
public struct GaussianProcessPosterior: Sendable {
    /// The encoding of the inputs.
    public let encoding: GaussianProcessEncoding
    /// The kernel hyperparameters.
    public let hyperparameters: KernelHyperparameters
    /// The training features, row-major.
    let features: [Double]
    /// The number of observations.
    let count: Int
    /// The factor of K (with any jitter the factorisation needed).
    let factor: Cholesky
    /// K^-1 y on the standardized scale.
    let weights: [Double]
    /// The standardization: target = mean + scale * standardized.
    let targetMean: Double
    let targetScale: Double
    private let inverseSquaredLengthscales: [Double]

    /// Conditions the process with `hyperparameters` on the observations of `likelihood`
    /// (standardized by `targetMean` and `targetScale`); `nil` when no jitter makes the kernel
    /// matrix positive definite.
    public init?(
        likelihood: MarginalLikelihood, hyperparameters: KernelHyperparameters, targetMean: Double, targetScale: Double
    ) {
        guard let (factor, _) = Cholesky.factorizing(likelihood.kernelMatrix(hyperparameters).matrix, initialJitter: 0) else {
            return nil
        }
        self.encoding = likelihood.encoding
        self.hyperparameters = hyperparameters
        self.features = likelihood.features
        self.count = likelihood.count
        self.factor = factor
        self.weights = factor.solve(likelihood.targets)
        self.targetMean = targetMean
        self.targetScale = targetScale
        self.inverseSquaredLengthscales = (0..<likelihood.encoding.dimension).map { hyperparameters.inverseSquaredLengthscale($0) }
    }

    /// The squared scaled distances r^2 from `x` to every training input.
    private func squaredDistances(_ x: [Double]) -> [Double] {
        let d = encoding.dimension
        var out = [Double](repeating: 0, count: count)
        features.withUnsafeBufferPointer { f in
            for j in 0..<count {
                var r2 = 0.0
                for i in 0..<d { r2 += inverseSquaredLengthscales[i] * encoding.difference(x[i], f[j * d + i], feature: i) }
                out[j] = r2
            }
        }
        return out
    }

    /// The posterior mean and latent variance at features `x`.
    public func predict(features x: [Double]) -> Prediction {
        let k = covariances(x)
        let variance = max(hyperparameters.signalVariance - factor.inverseQuadraticForm(k), 0)
        return Prediction(mean: mean(covariances: k), variance: targetScale * targetScale * variance)
    }

    /// The posterior mean at features `x`, as ``predict(features:)`` gives it, in O(n d)
    /// instead of the variance's O(n^2).
    public func mean(features x: [Double]) -> Double {
        mean(covariances: covariances(x))
    }

    /// The prior covariances k of `x` with every training input.
    private func covariances(_ x: [Double]) -> [Double] {
        covariances(squaredDistances: squaredDistances(x))
    }

    /// The prior covariances for the squared scaled distances `r2`.
    private func covariances(squaredDistances r2: [Double]) -> [Double] {
        let s = hyperparameters.signalVariance
        return r2.map { s * Matern52.value(squaredDistance: $0) }
    }

    /// The posterior mean on the target scale for the covariances `k`.
    private func mean(covariances k: [Double]) -> Double {
        targetMean + targetScale * zip(k, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The posterior mean and latent variance at features `x` with their gradients by the
    /// features (0 for categorical features).
    public func predictWithGradient(features x: [Double]) -> (Prediction, PredictionGradient) {
        let d = encoding.dimension
        let s = hyperparameters.signalVariance
        let r2 = squaredDistances(x)
        let k = covariances(squaredDistances: r2)
        let solved = factor.solve(k) // K^-1 k
        let variance = max(s - zip(k, solved).reduce(0) { $0 + $1.0 * $1.1 }, 0)
        var meanGradient = [Double](repeating: 0, count: d)
        var varianceGradient = [Double](repeating: 0, count: d)
        // dk_j / dx_i = s m'(r_j^2) eta_i 2 (x_i - X_ji); dmean = w . dk, dvar = -2 (K^-1 k) . dk.
        for j in 0..<count {
            let slope = s * Matern52.derivative(squaredDistance: r2[j])
            let meanWeight = weights[j] * slope
            let varianceWeight = -2 * solved[j] * slope
            for i in 0..<d where !encoding.isCategorical[i] {
                let dr2 = 2 * inverseSquaredLengthscales[i] * (x[i] - features[j * d + i])
                meanGradient[i] += meanWeight * dr2
                varianceGradient[i] += varianceWeight * dr2
            }
        }
        let scale2 = targetScale * targetScale
        return (
            Prediction(mean: mean(covariances: k), variance: scale2 * variance),
            PredictionGradient(mean: meanGradient.map { $0 * targetScale }, variance: varianceGradient.map { $0 * scale2 })
        )
    }
}
