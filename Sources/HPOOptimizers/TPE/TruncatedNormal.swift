import Foundation
import HPOAcquisition
import HPORandom

/// A normal distribution truncated to `lower ... upper`: the kernel of a Parzen estimator on a
/// bounded parameter.
///
/// Its mean must lie inside the bounds (every TPE kernel's does: an observation or the centre of
/// the range), so at least a third of the untruncated normal's mass is kept (its width is at least
/// one standard deviation on one side of the mean) and sampling by rejection needs at most three
/// draws on average.
public struct TruncatedNormal: Hashable, Sendable {
    /// The mean of the untruncated normal.
    public let mean: Double
    /// The standard deviation of the untruncated normal (positive).
    public let standardDeviation: Double
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double
    /// The logarithm of the untruncated normal's mass inside the bounds.
    public let logNormalizer: Double

    /// The normal of `mean` and `standardDeviation` truncated to `lower ... upper`; the mean is
    /// clamped into the bounds and the standard deviation is kept positive.
    public init(mean: Double, standardDeviation: Double, lower: Double, upper: Double) {
        self.mean = min(max(mean, lower), upper)
        self.standardDeviation = max(standardDeviation, Double.leastNormalMagnitude)
        self.lower = lower
        self.upper = upper
        logNormalizer = Self.logStandardMass(
            from: (lower - self.mean) / self.standardDeviation, to: (upper - self.mean) / self.standardDeviation)
    }

    /// The log density at `x` (`-infinity` outside the bounds).
    public func logPDF(_ x: Double) -> Double {
        guard x >= lower, x <= upper else { return -.infinity }
        let z = (x - mean) / standardDeviation
        return -0.5 * z * z - 0.918_938_533_204_672_7 - log(standardDeviation) - logNormalizer
    }

    /// The distribution function at `x`.
    public func cdf(_ x: Double) -> Double {
        if x <= lower { return 0 }
        if x >= upper { return 1 }
        return exp(logMass(from: lower, to: x))
    }

    /// The log of the probability of `a ... b` (clipped to the bounds; `-infinity` when empty).
    public func logMass(from a: Double, to b: Double) -> Double {
        let (a, b) = (max(a, lower), min(b, upper))
        guard a < b else { return -.infinity }
        return Self.logStandardMass(from: (a - mean) / standardDeviation, to: (b - mean) / standardDeviation) - logNormalizer
    }

    /// A draw, by rejection from the untruncated normal.
    public func sample(using generator: inout SeededGenerator) -> Double {
        while true {
            let x = generator.nextNormal(mean: mean, standardDeviation: standardDeviation)
            if x >= lower, x <= upper { return x }
        }
    }

    /// log(Phi(b) - Phi(a)) for a <= b, computed in the tail where it does not cancel: far in the
    /// upper tail by symmetry, in the centre as 1 minus both tails.
    static func logStandardMass(from a: Double, to b: Double) -> Double {
        if a >= b { return -.infinity }
        if b <= 0 { return logDifference(StandardNormal.logCDF(b), StandardNormal.logCDF(a)) }
        if a >= 0 { return logDifference(StandardNormal.logCDF(-a), StandardNormal.logCDF(-b)) }
        return log1p(-StandardNormal.cdf(a) - StandardNormal.cdf(-b))
    }

    /// log(exp(p) - exp(q)) for q <= p.
    private static func logDifference(_ p: Double, _ q: Double) -> Double {
        p + log1p(-exp(q - p))
    }
}
