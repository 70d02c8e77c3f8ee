import HPOSurrogate

/// Which acquisition function Bayesian optimization maximizes: the setting that makes one for
/// each fit of the surrogate.
public enum AcquisitionKind: Hashable, Sendable, Codable {
    /// Expected improvement (maximized through its logarithm).
    case expectedImprovement
    /// Probability of improvement.
    case probabilityOfImprovement
    /// Lower confidence bound mu - kappa sigma.
    case lowerConfidenceBound(kappa: Double)

    /// The acquisition function for a fit whose incumbent is `incumbent` on the surrogate's
    /// scale, which `transform` relates to the losses.
    public func make(incumbent: Double, transform: TargetTransform) -> any AcquisitionFunction {
        switch self {
        case .expectedImprovement: ExpectedImprovement(incumbent: incumbent, transform: transform)
        case .probabilityOfImprovement: ProbabilityOfImprovement(incumbent: incumbent)
        case .lowerConfidenceBound(let kappa): LowerConfidenceBound(kappa: kappa)
        }
    }
}
