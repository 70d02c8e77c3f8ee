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
    /// Expected improvement of the reported (lowest observed) incumbent's true value, for
    /// observations with noise standard deviation `noise` on the surrogate's scale
    /// (``ExpectedReportedImprovement``).
    case expectedReportedImprovement(noise: Double)

    /// The acquisition function for a fit whose incumbent is `incumbent` on the surrogate's
    /// scale, which `transform` relates to the losses. `reported` is the lowest observation's
    /// predicted value and the observation itself on the surrogate's scale (both `incumbent` when
    /// not given), which only ``expectedReportedImprovement(noise:)`` uses.
    public func make(
        incumbent: Double, transform: TargetTransform, reported: (mean: Double, observed: Double)? = nil
    ) -> any AcquisitionFunction {
        switch self {
        case .expectedImprovement: ExpectedImprovement(incumbent: incumbent, transform: transform)
        case .probabilityOfImprovement: ProbabilityOfImprovement(incumbent: incumbent)
        case .lowerConfidenceBound(let kappa): LowerConfidenceBound(kappa: kappa)
        case .expectedReportedImprovement(let noise):
            ExpectedReportedImprovement(
                incumbentMean: reported?.mean ?? incumbent, lowestObserved: reported?.observed ?? incumbent, noise: noise)
        }
    }
}
