import HPOSurrogate

/// Makes the acquisition function of one fit of the surrogate: the seam for new acquisition
/// functions. ``AcquisitionKind`` is the library's; pass another to
/// `BayesianOptimization(space:surrogate:settings:acquisition:maximizer:)`.
public protocol AcquisitionFunctionFactory: Sendable {
    /// The acquisition function for a fit whose incumbent (the lowest predicted mean among the
    /// evaluated configurations) is `incumbent` on the surrogate's scale, which `transform`
    /// relates to the losses.
    func make(incumbent: Double, transform: TargetTransform) -> any AcquisitionFunction
}

extension AcquisitionKind: AcquisitionFunctionFactory {}
