import HPOSurrogate

/// How promising a configuration is, judged from the surrogate's prediction there: Bayesian
/// optimization evaluates next where the acquisition function is largest.
///
/// Every acquisition function here is for minimization and is built for one fit of the
/// surrogate (it holds the incumbent value of that fit).
public protocol AcquisitionFunction: Sendable {
    /// The acquisition value at a prediction (larger is more promising).
    func value(_ prediction: Prediction) -> Double

    /// A strictly increasing transform of ``value(_:)`` that maximizers compare: for expected
    /// improvement its logarithm, which stays finite and ordered where the value underflows to 0.
    func score(_ prediction: Prediction) -> Double
}

extension AcquisitionFunction {
    /// By default the score is the value itself.
    public func score(_ prediction: Prediction) -> Double { value(prediction) }
}
