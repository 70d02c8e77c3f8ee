import HPOSurrogate

/// Probability of improvement, P(Y < incumbent) = Phi((incumbent - mu) / sigma); its score is
/// log PI. A monotone transform of the targets leaves it unchanged, so it needs no transform.
public struct ProbabilityOfImprovement: AcquisitionFunction {
    /// The incumbent's value on the surrogate's scale.
    public var incumbent: Double

    /// Probability of improving on `incumbent`.
    public init(incumbent: Double) {
        self.incumbent = incumbent
    }

    public func value(_ prediction: Prediction) -> Double {
        let sigma = prediction.standardDeviation
        guard sigma > 0 else { return prediction.mean < incumbent ? 1 : 0 }
        return StandardNormal.cdf((incumbent - prediction.mean) / sigma)
    }

    /// log PI, finite for sigma > 0 also far in the lower tail.
    public func score(_ prediction: Prediction) -> Double {
        let sigma = prediction.standardDeviation
        guard sigma > 0 else { return prediction.mean < incumbent ? 0 : -Double.infinity }
        return StandardNormal.logCDF((incumbent - prediction.mean) / sigma)
    }
}
