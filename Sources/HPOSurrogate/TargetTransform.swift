import RealModule

/// The scale on which a surrogate models the observed values.
///
/// A surrogate's ``Prediction``s are on this scale, so an acquisition function must compare
/// them with transformed values: `transform.apply(incumbentValue)`, never the raw value.
public enum TargetTransform: Hashable, Sendable, Codable {
    /// The values as observed.
    case identity
    /// `log(y - shift)`: the natural logarithm after subtracting `shift`, which is 0 when every
    /// observed value was positive and otherwise lies just below the smallest observed value.
    case logarithm(shift: Double)

    /// The transformed value of an observed value `y`.
    ///
    /// For ``logarithm(shift:)`` the argument of the logarithm is floored at the smallest positive
    /// normal double, so values at or below the shift map to about -708 rather than -infinity.
    @inlinable
    public func apply(_ y: Double) -> Double {
        switch self {
        case .identity: y
        case .logarithm(let shift): Double.log(Swift.max(y - shift, Double.leastNormalMagnitude))
        }
    }

    /// The observed-scale value of a transformed value `t` (the inverse of ``apply(_:)``).
    @inlinable
    public func inverse(_ t: Double) -> Double {
        switch self {
        case .identity: t
        case .logarithm(let shift): Double.exp(t) + shift
        }
    }

    /// The logarithmic transform for `values`: no shift when all are positive, as SMAC does;
    /// otherwise a shift one thousandth of the values' spread (or of their magnitude, or 1, when
    /// they are all equal) below the smallest, so every value maps to a finite number.
    public static func logarithm(fittedTo values: [Double]) -> TargetTransform {
        guard let low = values.min(), let high = values.max() else { return .logarithm(shift: 0) }
        if low > 0 { return .logarithm(shift: 0) }
        let spread = high - low
        let margin = spread > 0 ? spread * 1e-3 : Swift.max(Swift.abs(low), 1) * 1e-3
        return .logarithm(shift: low - margin)
    }
}
