import RealModule

/// A prior over one positive hyperparameter of Bayesian linear regression, given as a
/// log-density of its *logarithm* `t = ln x` (the scale on which it is optimised and sampled),
/// up to an additive constant.
public enum HyperparameterPrior: Hashable, Sendable, Codable {
    /// Flat in `ln x` (within the search box): maximising then is maximum likelihood.
    case logUniform
    /// `ln x ~ N(mean, standardDeviation^2)`: a log-normal prior on `x`.
    case logNormal(mean: Double, standardDeviation: Double)
    /// The horseshoe prior of scale `scale` on `x`, by the tight approximation of its density
    /// `p(x) ~ ln(1 + 3 (scale / x)^2)` (Carvalho, Polson and Scott 2010, as RoBO and pybnn use it
    /// for the noise variance), with the Jacobian `x` of the change to `ln x`.
    case horseshoe(scale: Double)

    /// The log-density at `t = ln x`, up to a constant.
    public func logDensity(atLog t: Double) -> Double {
        switch self {
        case .logUniform:
            return 0
        case .logNormal(let mean, let standardDeviation):
            let z = (t - mean) / standardDeviation
            return -z * z / 2 - Double.log(standardDeviation)
        case .horseshoe(let scale):
            let ratio = scale / Double.exp(t)
            return Double.log(Double.log(onePlus: 3 * ratio * ratio)) + t
        }
    }
}
