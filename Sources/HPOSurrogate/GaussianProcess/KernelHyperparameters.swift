import RealModule

/// The hyperparameters of the Gaussian process's kernel, stored as the logarithms that the
/// marginal likelihood is maximized over, with their prior.
///
/// The kernel is k(x, x') = s m(r), r^2 = sum_i eta_i d_i(x, x'), with m the Matern-5/2
/// correlation (``Matern52``), s the signal variance, eta_i = 1 / l_i^2 the inverse squared
/// lengthscale of feature i and d_i the squared difference of a numeric feature or, for a
/// categorical one, 1 when the choices differ (overlap distance with its own lengthscale, as in
/// CASMOPOLITAN, Wan et al. 2021, and Optuna's GPSampler). The overlap form was chosen over one-hot
/// with ARD because it has one lengthscale per categorical parameter, not one per choice, which
/// the few observations of a small budget can still estimate, and it treats every pair of
/// distinct choices alike, as an unordered parameter demands. The observation noise variance is
/// `minimumNoise + exp(theta_noise)`, so it never falls below ``minimumNoise``.
///
/// Prior (on the standardized outputs; the same shapes as Optuna's GPSampler, chosen there by
/// heuristics): -(0.1 / eta_i + 0.1 eta_i) for each inverse squared lengthscale, which favours
/// eta near 1 and penalizes both very short and very long lengthscales; Gamma(2, 1) on s;
/// Gamma(1.1, 30) on the noise variance, which favours small noise. The maximum a posteriori
/// point is sought over the logarithms without the Jacobian term (a penalized likelihood).
public struct KernelHyperparameters: Hashable, Sendable, Codable {
    /// log eta_i per feature, then log s, then theta_noise.
    public var logValues: [Double]

    /// The noise variance's floor (standardized scale).
    public static let minimumNoise = 1e-6

    /// The hyperparameters with these values.
    public init(logValues: [Double]) {
        self.logValues = logValues
    }

    /// The prior's centre for `dimension` features: unit lengthscales, unit signal variance and
    /// a noise variance of 0.01.
    public static func defaults(dimension: Int) -> KernelHyperparameters {
        KernelHyperparameters(logValues: [Double](repeating: 0, count: dimension) + [0, Double.log(0.01)])
    }

    /// The number of features.
    public var dimension: Int { logValues.count - 2 }

    /// eta_i = 1 / l_i^2.
    public func inverseSquaredLengthscale(_ i: Int) -> Double { Double.exp(logValues[i]) }
    /// s.
    public var signalVariance: Double { Double.exp(logValues[dimension]) }
    /// The noise variance.
    public var noiseVariance: Double { Self.minimumNoise + Double.exp(logValues[dimension + 1]) }

    /// The box the log values are searched in: wide enough never to bind in a sensible fit,
    /// narrow enough to keep the kernel matrix finite and the noise from swallowing the data.
    public static func bounds(dimension: Int) -> (lower: [Double], upper: [Double]) {
        (
            [Double](repeating: -12, count: dimension) + [-10, -30],
            [Double](repeating: 12, count: dimension) + [10, 3]
        )
    }

    /// The log prior density (up to a constant) and its gradient by the log values.
    public func logPrior() -> (value: Double, gradient: [Double]) {
        var value = 0.0
        var gradient = [Double](repeating: 0, count: logValues.count)
        for i in 0..<dimension {
            let eta = inverseSquaredLengthscale(i)
            value -= 0.1 / eta + 0.1 * eta
            gradient[i] = 0.1 / eta - 0.1 * eta
        }
        let s = signalVariance
        value += Double.log(s) - s // Gamma(2, 1)
        gradient[dimension] = 1 - s
        let excess = Double.exp(logValues[dimension + 1])
        let noise = noiseVariance
        value += 0.1 * Double.log(noise) - 30 * noise // Gamma(1.1, 30)
        gradient[dimension + 1] = (0.1 / noise - 30) * excess
        return (value, gradient)
    }
}
