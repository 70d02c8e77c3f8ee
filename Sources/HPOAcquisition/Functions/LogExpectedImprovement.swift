import HPOSurrogate

// Log expected improvement (Ament et al. 2023, "Unexpected improvements to expected
// improvement"): ExpectedImprovement's score is already log EI = log sigma + log h(z) on the
// surrogate's scale (StandardNormal.logH). This file adds its gradient, stable in the same tails.

extension StandardNormal {
    /// d log h(z) / dz = Phi(z) / h(z), positive and finite for every finite z.
    ///
    /// Above `tailStart` the ratio is formed directly; below, from the Mills-ratio series of both
    /// (Phi(z) = phi(z) / |z| S1, h(z) = phi(z) / z^2 S3): Phi / h = |z| S1 / S3, where phi cancels
    /// and nothing underflows.
    public static func logHDerivative(_ z: Double) -> Double {
        if z > tailStart { return cdf(z) / (pdf(z) + z * cdf(z)) }
        return -z * millsSeries(z, first: 1) / millsSeries(z, first: 3)
    }

    /// phi(z) / h(z), the other ratio of log EI's gradient (= 1 - z Phi(z) / h(z)), without the
    /// cancellation of that difference for large z.
    static func densityOverH(_ z: Double) -> Double {
        if z > 0 { return pdf(z) / (pdf(z) + z * cdf(z)) }
        // z <= 0: 1 - z Phi / h adds two non-negative terms.
        return 1 - z * logHDerivative(z)
    }
}

extension ExpectedImprovement: DifferentiableAcquisitionFunction {
    /// log EI with its derivatives, for the identity and copula scales (where log EI = log sigma +
    /// log h(z), z = (incumbent - mean) / sigma): d/d mean = -Phi(z) / (sigma h(z)) and
    /// d/d sigma = phi(z) / (sigma h(z)). `nil` on the logarithmic scale (whose log-space EI has
    /// no closed-form gradient here) and at sigma = 0.
    public func scoreGradient(_ prediction: Prediction) -> ScoreGradient? {
        if case .logarithm = transform { return nil }
        let sigma = prediction.standardDeviation
        guard sigma > 0 else { return nil }
        let z = (incumbent - prediction.mean) / sigma
        return ScoreGradient(
            score: score(prediction),
            mean: -StandardNormal.logHDerivative(z) / sigma,
            standardDeviation: StandardNormal.densityOverH(z) / sigma)
    }
}
