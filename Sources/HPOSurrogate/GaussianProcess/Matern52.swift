import RealModule

/// The Matern-5/2 correlation as a function of the squared scaled distance r^2:
/// m(r) = (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r), twice differentiable, the usual choice of
/// Bayesian optimization (Snoek et al. 2012) because it is rough enough for real objectives.
public enum Matern52 {
    /// m at squared distance `r2` (>= 0).
    @inlinable
    public static func value(squaredDistance r2: Double) -> Double {
        let r = (5 * r2).squareRoot() // sqrt5 r
        return (1 + r + r * r / 3) * Double.exp(-r)
    }

    /// dm / d(r^2) = -5/6 (1 + sqrt5 r) exp(-sqrt5 r): finite at r = 0, unlike dm / dr / r.
    @inlinable
    public static func derivative(squaredDistance r2: Double) -> Double {
        let r = (5 * r2).squareRoot()
        return -5.0 / 6.0 * (1 + r) * Double.exp(-r)
    }
}
