import HPOSpace
import HPOSurrogate

/// An acquisition score with its partial derivatives by the predictive mean and standard
/// deviation.
public struct ScoreGradient: Hashable, Sendable {
    /// The score.
    public var score: Double
    /// d score / d mean.
    public var mean: Double
    /// d score / d standard deviation.
    public var standardDeviation: Double

    /// A score with its derivatives.
    public init(score: Double, mean: Double, standardDeviation: Double) {
        self.score = score
        self.mean = mean
        self.standardDeviation = standardDeviation
    }
}

/// An acquisition function whose score is differentiable in the prediction, so that a gradient
/// maximizer (``MixedGradientAscent``) can follow it through a ``DifferentiableSurrogate``.
public protocol DifferentiableAcquisitionFunction: AcquisitionFunction {
    /// The score at `prediction` with its derivatives, or `nil` where this function has no
    /// closed-form gradient (a maximizer then uses finite differences).
    func scoreGradient(_ prediction: Prediction) -> ScoreGradient?
}

extension DifferentiableAcquisitionFunction {
    /// The score at `configuration` of `surrogate`'s prediction and its gradient by the
    /// unit-scale coordinates of the parameters (chain rule: d sigma = d variance / (2 sigma)),
    /// or `nil` where ``scoreGradient(_:)`` is.
    public func scoreGradient(
        of surrogate: any DifferentiableSurrogate, at configuration: Configuration
    ) -> (score: Double, gradient: [Double])? {
        let (prediction, gradient) = surrogate.predictWithGradient(configuration)
        guard let partial = scoreGradient(prediction) else { return nil }
        let sigma = prediction.standardDeviation
        let byVariance = sigma > 0 ? partial.standardDeviation / (2 * sigma) : 0
        return (partial.score, zip(gradient.mean, gradient.variance).map { partial.mean * $0 + byVariance * $1 })
    }
}
