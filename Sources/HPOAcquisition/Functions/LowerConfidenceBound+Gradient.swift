import HPOSurrogate

extension LowerConfidenceBound: DifferentiableAcquisitionFunction {
    /// kappa sigma - mean with its derivatives -1 and kappa.
    public func scoreGradient(_ prediction: Prediction) -> ScoreGradient? {
        ScoreGradient(score: score(prediction), mean: -1, standardDeviation: kappa)
    }
}
