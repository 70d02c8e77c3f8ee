import RealModule

/// The scale on which a surrogate models the observed values: a strictly increasing map fitted to
/// the observations (see ``TargetScale``).
///
/// A surrogate's ``Prediction``s are on this scale, so an acquisition function must compare
/// them with transformed values: `transform.apply(incumbentValue)`, never the raw value.
public enum TargetTransform: Hashable, Sendable, Codable {
    /// The values as observed.
    case identity
    /// `log(y - shift)`: the natural logarithm after subtracting `shift`, which is 0 when every
    /// observed value was positive and otherwise lies just below the smallest observed value.
    case logarithm(shift: Double)
    /// The Gaussian copula: an observed value of rank r (from 0, ties averaged) among n maps to
    /// Phi^-1((r + 0.5) / n); other values are interpolated linearly between the observed ones.
    case copula(MonotoneInterpolation)

    /// The transformed value of an observed value `y`.
    ///
    /// For the logarithm the argument `y - shift` is floored at the smallest positive normal
    /// double, so values at or below the shift map to a finite number
    /// (about -708 for the logarithm) rather than -infinity.
    @inlinable
    public func apply(_ y: Double) -> Double {
        switch self {
        case .identity: y
        case .logarithm(let shift): Self.logarithm(y - shift)
        case .copula(let interpolation): interpolation.apply(y)
        }
    }

    /// The observed-scale value of a transformed value `t` (the inverse of ``apply(_:)``).
    @inlinable
    public func inverse(_ t: Double) -> Double {
        switch self {
        case .identity: return t
        case .logarithm(let shift): return Double.exp(t) + shift
        case .copula(let interpolation): return interpolation.inverse(t)
        }
    }

    /// The natural logarithm of `x` floored at the smallest positive normal double.
    @usableFromInline
    static func logarithm(_ x: Double) -> Double {
        Double.log(Swift.max(x, Double.leastNormalMagnitude))
    }

    /// The logarithmic transform for `values`: no shift when all are positive, as SMAC does;
    /// otherwise a shift one thousandth of the values' spread (or of their magnitude, or 1, when
    /// they are all equal) below the smallest, so every value maps to a finite number.
    public static func logarithm(fittedTo values: [Double]) -> TargetTransform {
        .logarithm(shift: logarithmShift(values))
    }

    /// The shift of ``logarithm(fittedTo:)``.
    static func logarithmShift(_ values: [Double]) -> Double {
        guard let low = values.min(), let high = values.max(), low <= 0 else { return 0 }
        let spread = high - low
        let margin = spread > 0 ? spread * 1e-3 : Swift.max(Swift.abs(low), 1) * 1e-3
        return low - margin
    }
}
