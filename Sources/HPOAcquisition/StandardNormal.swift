import RealModule

/// The standard normal distribution's density, distribution function and the logarithms that
/// acquisition functions need far in the tails.
///
/// Accuracy: `cdf` and `logCDF` use `erfc`, which is accurate to a few ulps relative also in the
/// lower tail; below `tailStart` the logarithms use the asymptotic (Mills ratio) series, whose
/// truncation error there is below 2e-16 relative. Nothing here underflows to `-infinity` for a
/// finite argument whose square is finite.
public enum StandardNormal {
    /// log(2 pi) / 2.
    static let logSqrtTwoPi = 0.918_938_533_204_672_7
    /// Where the asymptotic series take over from the direct formulas.
    static let tailStart = -20.0

    /// The density phi(x).
    @inlinable
    public static func pdf(_ x: Double) -> Double {
        Double.exp(-0.5 * x * x) * 0.398_942_280_401_432_7
    }

    /// The distribution function Phi(x) = erfc(-x / sqrt 2) / 2 (no cancellation in either tail).
    @inlinable
    public static func cdf(_ x: Double) -> Double {
        0.5 * Double.erfc(-x * 0.707_106_781_186_547_5)
    }

    /// log Phi(x), finite for every finite x with finite x * x.
    public static func logCDF(_ x: Double) -> Double {
        if x > 0 { return Double.log(onePlus: -0.5 * Double.erfc(x * 0.707_106_781_186_547_5)) }
        if x > tailStart { return Double.log(cdf(x)) }
        // Phi(x) = phi(x) / |x| * (1 - 1/x^2 + 3/x^4 - 15/x^6 + ...).
        return -0.5 * x * x - logSqrtTwoPi - Double.log(-x) + Double.log(millsSeries(x, first: 1))
    }

    /// log h(z) where h(z) = phi(z) + z Phi(z) is the expected improvement of a standard normal
    /// over the level z (Ament et al. 2023, "Unexpected improvements to expected improvement").
    ///
    /// Above `tailStart` the sum is formed directly (its cancellation costs a relative error of
    /// about (1 + z^2) ulps, below 1e-13); below, h(z) = phi(z) / z^2 * (1 - 3/z^2 + 15/z^4 - ...).
    public static func logH(_ z: Double) -> Double {
        if z > tailStart { return Double.log(pdf(z) + z * cdf(z)) }
        return -0.5 * z * z - logSqrtTwoPi - 2 * Double.log(-z) + Double.log(millsSeries(z, first: 3))
    }

    /// h(z) = phi(z) + z Phi(z) (non-negative; underflows to 0 below about z = -38).
    public static func h(_ z: Double) -> Double {
        max(pdf(z) + z * cdf(z), 0)
    }

    /// The alternating series 1 - a1/x^2 + a2/x^4 - ... with a_k = first * (first + 2) * ... (k
    /// factors), ten terms; for |x| >= 20 the first omitted term is below 2e-16.
    static func millsSeries(_ x: Double, first: Double) -> Double {
        let inverseSquare = 1 / (x * x)
        var term = 1.0
        var sum = 1.0
        var factor = first
        for _ in 0..<10 {
            term *= -factor * inverseSquare
            sum += term
            factor += 2
        }
        return sum
    }
}
