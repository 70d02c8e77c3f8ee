import RealModule

/// How the values a surrogate is fitted to relate to the observed losses.
///
/// SMAC models the logarithm of the loss: losses that span orders of magnitude (validation MSEs)
/// become comparable, and noise that scales with the loss becomes roughly uniform.
public enum TargetTransform: String, Hashable, Sendable, Codable, CaseIterable {
    /// The surrogate models the loss itself.
    case identity
    /// The surrogate models the natural logarithm of the loss (losses must be positive).
    case logarithm

    /// The surrogate-scale value of a loss (`nil` for a non-positive loss under the logarithm).
    public func apply(_ loss: Double) -> Double? {
        switch self {
        case .identity: loss
        case .logarithm: loss > 0 ? Double.log(loss) : nil
        }
    }

    /// The loss of a surrogate-scale value.
    public func invert(_ value: Double) -> Double {
        switch self {
        case .identity: value
        case .logarithm: Double.exp(value)
        }
    }
}
