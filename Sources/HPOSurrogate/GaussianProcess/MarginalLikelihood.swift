import RealModule

/// The log marginal likelihood of a Gaussian process's kernel hyperparameters on standardized
/// observations, with the prior of ``KernelHyperparameters``, and its analytic gradient: what the
/// fit minimizes (as a negative) over the log hyperparameters.
///
/// With K = s M + sigma_n^2 I and alpha = K^-1 y, log p(y) = -y^T alpha / 2 - log det K / 2 -
/// n log(2 pi) / 2, and d log p / d theta = tr((alpha alpha^T - K^-1) dK / d theta) / 2
/// (Rasmussen & Williams 2006, eq. 5.9). The per-feature differences of every pair of inputs are
/// computed once, so each evaluation costs one factorisation, one inverse and O(n^2 d), in buffers a
/// search reuses (``Workspace``).
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
        var workspace = Workspace(count: count)
        fillCorrelations(h, into: &workspace)
        var matrix = SquareMatrix(order: count)
        matrix.elements.withUnsafeMutableBufferPointer { fillKernel(h, correlations: workspace.correlations, jitter: 0, into: $0.baseAddress!) }
        for b in 0..<count {
            for a in (b + 1)..<count { matrix.elements[b + a * count] = matrix.elements[a + b * count] }
        }
        return (matrix, workspace.correlations, workspace.slopes)
    }

    /// The buffers of one evaluation, reused by the next: a search evaluates the likelihood of
    /// the same observations many times, and fresh n x n matrices each time cost more in
    /// allocation and page faults than in arithmetic.
    struct Workspace {
        /// The kernel matrix, then its factor, then the lower triangle of its inverse.
        var matrix: [Double]
        /// m(r^2) and dm / d(r^2) for the pairs a > b, pair after pair.
        var correlations: [Double]
        var slopes: [Double]
        /// K^-1 y.
        var alpha: [Double]
        var scratch: [Double]

        /// Buffers for `n` observations.
        init(count n: Int) {
            matrix = [Double](repeating: 0, count: n * n)
            correlations = [Double](repeating: 0, count: n * (n - 1) / 2)
            slopes = correlations
            alpha = [Double](repeating: 0, count: n)
            scratch = alpha
        }
    }

    /// The correlations m(r^2) and slopes dm / d(r^2) of every pair a > b.
    private func fillCorrelations(_ h: KernelHyperparameters, into workspace: inout Workspace) {
        let d = encoding.dimension
        let eta = (0..<d).map { h.inverseSquaredLengthscale($0) }
        differences.withUnsafeBufferPointer { differences in
            workspace.correlations.withUnsafeMutableBufferPointer { correlations in
                workspace.slopes.withUnsafeMutableBufferPointer { slopes in
                    for p in 0..<correlations.count {
                        var r2 = 0.0
                        for i in 0..<d { r2 += eta[i] * differences[p * d + i] }
                        correlations[p] = Matern52.value(squaredDistance: r2)
                        slopes[p] = Matern52.derivative(squaredDistance: r2)
                    }
                }
            }
        }
    }

    /// Writes the lower triangle and diagonal of K + jitter I (column-major) to `matrix`.
    private func fillKernel(_ h: KernelHyperparameters, correlations: [Double], jitter: Double, into matrix: UnsafeMutablePointer<Double>) {
        let n = count
        let s = h.signalVariance
        var diagonal = s + h.noiseVariance
        if jitter > 0 { diagonal += jitter }
        var p = 0
        for a in 0..<n {
            for b in 0..<a {
                matrix[a + b * n] = s * correlations[p]
                p += 1
            }
            matrix[a + a * n] = diagonal
        }
    }

    /// The negative log posterior, -log p(y | theta) - log prior(theta), and its gradient by the
    /// log hyperparameters; `+infinity` when the kernel matrix cannot be factorised.
    public func negativeLogPosterior(_ h: KernelHyperparameters) -> (value: Double, gradient: [Double]) {
        var workspace = Workspace(count: count)
        return negativeLogPosterior(h, workspace: &workspace)
    }

    /// ``negativeLogPosterior(_:)`` in the buffers of `workspace` (made for this likelihood).
    func negativeLogPosterior(_ h: KernelHyperparameters, workspace: inout Workspace) -> (value: Double, gradient: [Double]) {
        let n = count
        let d = encoding.dimension
        let failure = (Double.infinity, [Double](repeating: 0, count: d + 2))
        fillCorrelations(h, into: &workspace)
        let correlations = workspace.correlations
        let slopes = workspace.slopes
        var logDeterminant = 0.0
        let factored: Bool = workspace.matrix.withUnsafeMutableBufferPointer { matrix in
            let k = matrix.baseAddress!
            for jitter in Cholesky.jitters(initial: 0, attempts: 6) {
                fillKernel(h, correlations: correlations, jitter: jitter, into: k)
                if Cholesky.factorInPlace(k, order: n) { return true }
            }
            return false
        }
        guard factored else { return failure }
        for i in 0..<n { logDeterminant += Double.log(workspace.matrix[i + i * n]) }
        logDeterminant *= 2
        workspace.alpha = targets
        workspace.matrix.withUnsafeMutableBufferPointer { matrix in
            workspace.alpha.withUnsafeMutableBufferPointer { alpha in
                Cholesky.solveLowerInPlace(matrix.baseAddress!, order: n, alpha.baseAddress!)
                Cholesky.solveUpperInPlace(matrix.baseAddress!, order: n, alpha.baseAddress!)
            }
            workspace.scratch.withUnsafeMutableBufferPointer {
                Cholesky.invertInPlace(matrix.baseAddress!, order: n, scratch: $0.baseAddress!)
            }
        }
        let alpha = workspace.alpha
        let logLikelihood = -0.5 * zip(targets, alpha).reduce(0) { $0 + $1.0 * $1.1 } - 0.5 * logDeterminant
            - 0.5 * Double(n) * Double.log(2 * Double.pi)

        // W = alpha alpha^T - K^-1; dlogp/dtheta = tr(W dK/dtheta) / 2. The lower triangle of
        // the matrix now holds K^-1.
        let s = h.signalVariance
        let eta = (0..<d).map { h.inverseSquaredLengthscale($0) }
        var gradient = [Double](repeating: 0, count: d + 2)
        var trace = 0.0
        var signal = 0.0
        var lengthscaleSums = [Double](repeating: 0, count: d)
        workspace.matrix.withUnsafeBufferPointer { inverse in
            for a in 0..<n { trace += alpha[a] * alpha[a] - inverse[a + a * n] }
            signal = trace * s // diagonal of s M is s
            differences.withUnsafeBufferPointer { differences in
                var p = 0
                for a in 0..<n {
                    for b in 0..<a {
                        let w = 2 * (alpha[a] * alpha[b] - inverse[a + b * n]) // both (a, b) and (b, a)
                        signal += w * s * correlations[p]
                        let common = w * s * slopes[p]
                        for i in 0..<d { lengthscaleSums[i] += common * differences[p * d + i] }
                        p += 1
                    }
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
