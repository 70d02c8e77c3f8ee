import HPOSurrogate
import RealModule

/// Expected improvement over the incumbent, E[max(incumbent - Y, 0)], for a normal predictive
/// distribution of the loss Y; its score is log EI.
///
/// When the surrogate models the logarithm of the loss (``TargetTransform/logarithm(shift:)``), it
/// predicts log(Y - shift) ~ N(mu, sigma^2) and the improvement is still measured on the loss
/// itself (SMAC's log-space EI, Hutter et al. 2011): with eta = log(y* - shift) the incumbent on
/// the surrogate's scale, EI = e^eta Phi(z) - exp(mu + sigma^2 / 2) Phi(z - sigma),
/// z = (eta - mu) / sigma (the shift cancels). With the copula transform the improvement is
/// measured on the surrogate's scale, as HEBO does.
///
/// Numerics: with the identity transform, log EI = log sigma + log h(z) (see
/// ``StandardNormal/logH(_:)``), finite for every finite z. With the logarithm, log EI =
/// log y* + log Phi(z) + log(1 - exp(d)) where d compares the two terms; in the lower tail d is
/// formed analytically so that the squares cancel exactly, and when |d| < 1e-5 (sigma tiny
/// against the distance to the incumbent) the first-order form log y* + log sigma + log h(z) is
/// used, whose relative error is of the order of |d|. sigma = 0 gives the exact limits.
public struct ExpectedImprovement: AcquisitionFunction {
    /// The incumbent's value on the surrogate's scale.
    public var incumbent: Double
    /// The scale the surrogate models.
    public var transform: TargetTransform

    /// Expected improvement over `incumbent` (on the surrogate's scale, whose relation to the loss
    /// is `transform`).
    public init(incumbent: Double, transform: TargetTransform = .identity) {
        self.incumbent = incumbent
        self.transform = transform
    }

    public func value(_ prediction: Prediction) -> Double {
        Double.exp(score(prediction))
    }

    /// log EI; `-infinity` only when sigma = 0 and the mean is no better than the incumbent.
    public func score(_ prediction: Prediction) -> Double {
        let sigma = prediction.standardDeviation
        switch transform {
        case .identity, .copula:
            guard sigma > 0 else { return Double.log(max(incumbent - prediction.mean, 0)) }
            return Double.log(sigma) + StandardNormal.logH((incumbent - prediction.mean) / sigma)
        case .logarithm:
            return logSpaceScore(mean: prediction.mean, sigma: sigma)
        }
    }

    private func logSpaceScore(mean: Double, sigma: Double) -> Double {
        let eta = incumbent
        guard sigma > 0 else {
            return mean < eta ? eta + Self.logOneMinusExp(mean - eta) : -Double.infinity
        }
        let z = (eta - mean) / sigma
        let logPhi = StandardNormal.logCDF(z)
        let d: Double
        if z <= StandardNormal.tailStart {
            // Both log Phi terms in the asymptotic form: the quadratic terms cancel exactly.
            d = -Double.log(onePlus: sigma / -z)
                + Double.log(StandardNormal.millsSeries(z - sigma, first: 1))
                - Double.log(StandardNormal.millsSeries(z, first: 1))
        } else {
            d = 0.5 * sigma * sigma - z * sigma + StandardNormal.logCDF(z - sigma) - logPhi
        }
        if d > -1e-5 {
            return eta + Double.log(sigma) + StandardNormal.logH(z)
        }
        return eta + logPhi + Self.logOneMinusExp(d)
    }

    /// log(1 - e^x) for x < 0, accurate on both sides of -log 2 (Maechler 2012).
    static func logOneMinusExp(_ x: Double) -> Double {
        x > -0.693_147_180_559_945_3 ? Double.log(-Double.expMinusOne(x)) : Double.log(onePlus: -Double.exp(x))
    }
}
