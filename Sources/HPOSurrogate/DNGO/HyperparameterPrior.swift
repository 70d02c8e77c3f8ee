import RealModule

/// A prior over one positive hyperparameter of Bayesian linear regression, given as a
/// log-density of its *logarithm* `t = ln x` (the scale on which it is optimised),
/// up to an additive constant.
public enum HyperparameterPrior: Hashable, Sendable, Codable {
    /// Flat in `ln x` (within the search box): maximising then is maximum likelihood.
    case logUniform
    /// `ln x ~ N(mean, standardDeviation^2)`: a log-normal prior on `x`.
    case logNormal(mean: Double, standardDeviation: Double)

    /// The log-density at `t = ln x`, up to a constant.
    public func logDensity(atLog t: Double) -> Double {
        switch self {
        case .logUniform:
            return 0
        case .logNormal(let mean, let standardDeviation):
            let z = (t - mean) / standardDeviation
            return -z * z / 2 - Double.log(standardDeviation)
        }
    }
}
