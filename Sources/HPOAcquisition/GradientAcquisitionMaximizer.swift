import HPORandom
import HPOSpace

/// A maximizer that follows the gradient of the score over the real parameters, and so can take
/// it in closed form from a ``DifferentiableAcquisitionFunction`` of a differentiable surrogate.
public protocol GradientAcquisitionMaximizer: AcquisitionMaximizer {
    /// As ``AcquisitionMaximizer/maximize(over:starts:excluding:using:score:)``, with
    /// `scoreGradient`: the score and its gradient by the unit-scale coordinates of the
    /// parameters (one entry per parameter), or `nil` where it has none (finite differences of
    /// `score` are used there).
    func maximize(
        over space: SearchSpace, starts: [Configuration], excluding excluded: Set<Configuration>,
        using generator: inout SeededGenerator, score: (Configuration) -> Double,
        scoreGradient: (Configuration) -> (score: Double, gradient: [Double])?
    ) -> ScoredConfiguration?
}
