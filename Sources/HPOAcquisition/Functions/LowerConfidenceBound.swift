import HPOSurrogate

/// Lower confidence bound mu - kappa sigma, negated so that larger is more promising:
/// value = kappa sigma - mu.
public struct LowerConfidenceBound: AcquisitionFunction {
    /// The weight of the standard deviation (exploration).
    public var kappa: Double

    /// The lower confidence bound with weight `kappa` on the standard deviation.
    public init(kappa: Double) {
        self.kappa = kappa
    }

    public func value(_ prediction: Prediction) -> Double {
        kappa * prediction.standardDeviation - prediction.mean
    }
}
