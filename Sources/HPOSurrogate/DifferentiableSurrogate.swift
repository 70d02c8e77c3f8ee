import HPOSpace

/// The gradient of a prediction by the unit-scale coordinates of the parameters (see
/// ``HPOSpace/Parameter/unit(ofInternal:)``): one entry per parameter, 0 for a parameter the
/// surrogate does not treat as continuous (a categorical one).
public struct PredictionGradient: Hashable, Sendable {
    /// d mean / d u_i.
    public var mean: [Double]
    /// d variance / d u_i.
    public var variance: [Double]

    /// A gradient.
    public init(mean: [Double], variance: [Double]) {
        self.mean = mean
        self.variance = variance
    }
}

/// A surrogate whose prediction is differentiable in the unit-scale coordinates of the
/// parameters, so that an acquisition function can be maximized by gradient ascent over the
/// real parameters (e.g. ``GaussianProcess``).
public protocol DifferentiableSurrogate: Surrogate {
    /// The prediction at `configuration` and its gradient; call after `fit`.
    func predictWithGradient(_ configuration: Configuration) -> (prediction: Prediction, gradient: PredictionGradient)
}
