import RealModule

/// The log marginal likelihood of a Gaussian process's kernel hyperparameters on standardized
/// observations, with the prior of ``KernelHyperparameters``, and its analytic gradient: what the
/// fit minimizes (as a negative) over the log hyperparameters.
///
/// With K = s M + sigma_n^2 I and alpha = K^-1 y, log p(y) = -y^T alpha / 2 - log det K / 2 -
/// n log(2 pi) / 2, and d log p / d theta = tr((alpha alpha^T - K^-1) dK / d theta) / 2
/// (Rasmussen & Williams 2006, eq. 5.9). The per-feature differences of every pair of inputs are
/// computed once, so each evaluation costs one factorisation, one inverse and O(n^2 d).
public struct MarginalLikelihood: Sendable {
    /// The encoding of the inputs.
    public let encoding: GaussianProcessEncoding
    /// The number of observations.
    public let count: Int
    /// The features of the observations, row-major.
    public let features: [Double]
    /// The standardized targets.
    public let targets: [Double]
    /// d_i(x_a, x_b) for a > b, pair after pair (pair index of (a, b) is a (a - 1) / 2 + b), d
    /// entries each.
    private let differences: [Double]

    /// The likelihood of observations with features `features` (row-major, `targets.count` rows
    /// of `encoding.dimension`) and standardized `targets`.
    public init(encoding: GaussianProcessEncoding, features: [Double], targets: [Double]) {
        let d = encoding.dimension
        let n = targets.count
        precondition(features.count == n * d, "MarginalLikelihood: \(features.count) features for \(n) rows of \(d)")
        var differences = [Double](repeating: 0, count: n * (n - 1) / 2 * d)
        var p = 0
        for a in 0..<n {
            for b in 0..<a {
                for i in 0..<d { differences[p * d + i] = encoding.difference(features[a * d + i], features[b * d + i], feature: i) }
                p += 1
            }
        }
        self.encoding = encoding
        self.count = n
        self.features = features
        self.targets = targets
        self.differences = differences
    }

    /// The kernel matrix K = s M + sigma_n^2 I of the observations and the correlations m(r^2)
    /// and their derivatives dm / d(r^2) pair by pair (for the gradient).
    func kernelMatrix(_ h: KernelHyperparameters) -> (matrix: SquareMatrix, correlations: [Double], slopes: [Double]) {
        let n = count
        let d = encoding.dimension
        let eta = (0..<d).map { h.inverseSquaredLengthscale($0) }
        let s = h.signalVariance
        var matrix = SquareMatrix(order: n, diagonal: s + h.noiseVariance)
        var correlations = [Double](repeating: 0, count: n * (n - 1) / 2)
        var slopes = correlations
        differences.withUnsafeBufferPointer { differences in
            var p = 0
            for a in 0..<n {
                for b in 0..<a {
                    var r2 = 0.0
                    for i in 0..<d { r2 += eta[i] * differences[p * d + i] }
                    let m = Matern52.value(squaredDistance: r2)
                    correlations[p] = m
                    slopes[p] = Matern52.derivative(squaredDistance: r2)
                    matrix.elements[a + b * n] = s * m
                    matrix.elements[b + a * n] = s * m
                    p += 1
                }
            }
        }
        return (matrix, correlations, slopes)
    }

    /// The negative log posterior, -log p(y | theta) - log prior(theta), and its gradient by the
    /// log hyperparameters; `+infinity` when the kernel matrix cannot be factorised.
    public func negativeLogPosterior(_ h: KernelHyperparameters) -> (value: Double, gradient: [Double]) {
        let n = count
        let d = encoding.dimension
        let failure = (Double.infinity, [Double](repeating: 0, count: d + 2))
        let (matrix, correlations, slopes) = kernelMatrix(h)
        guard let (factor, _) = Cholesky.factorizing(matrix, initialJitter: 0, attempts: 6) else { return failure }
        let alpha = factor.solve(targets)
        let inverse = factor.inverse()
        let logLikelihood = -0.5 * zip(targets, alpha).reduce(0) { $0 + $1.0 * $1.1 } - 0.5 * factor.logDeterminant
            - 0.5 * Double(n) * Double.log(2 * Double.pi)

        // W = alpha alpha^T - K^-1; dlogp/dtheta = tr(W dK/dtheta) / 2.
        let s = h.signalVariance
        let eta = (0..<d).map { h.inverseSquaredLengthscale($0) }
        var gradient = [Double](repeating: 0, count: d + 2)
        var trace = 0.0
        for a in 0..<n { trace += alpha[a] * alpha[a] - inverse.elements[a + a * n] }
        var signal = trace * s // diagonal of s M is s
        var lengthscaleSums = [Double](repeating: 0, count: d)
        differences.withUnsafeBufferPointer { differences in
            var p = 0
            for a in 0..<n {
                for b in 0..<a {
                    let w = 2 * (alpha[a] * alpha[b] - inverse.elements[a + b * n]) // both (a, b) and (b, a)
                    signal += w * s * correlations[p]
                    let common = w * s * slopes[p]
                    for i in 0..<d { lengthscaleSums[i] += common * differences[p * d + i] }
                    p += 1
                }
            }
        }
        for i in 0..<d { gradient[i] = -0.5 * lengthscaleSums[i] * eta[i] }
        gradient[d] = -0.5 * signal
        gradient[d + 1] = -0.5 * trace * (h.noiseVariance - KernelHyperparameters.minimumNoise)
        let prior = h.logPrior()
        for k in gradient.indices { gradient[k] -= prior.gradient[k] }
        let value = -logLikelihood - prior.value
        return value.isFinite ? (value, gradient) : failure
    }
}
