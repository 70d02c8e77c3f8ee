/// The mean and variance of an equally weighted mixture of Gaussian predictions, accumulated one
/// component at a time without storing them (DNGO averages its regressions' predictions: one
/// per network of an ensemble).
struct GaussianMixture {
    private var first: Prediction?
    private var count = 0
    private var meanSum = 0.0
    private var secondMomentSum = 0.0
    private var smallestVariance = Double.infinity

    /// Adds a component.
    mutating func add(_ component: Prediction) {
        if count == 0 { first = component }
        count += 1
        meanSum += component.mean
        secondMomentSum += component.variance + component.mean * component.mean
        smallestVariance = min(smallestVariance, component.variance)
    }

    /// The mixture's mean and variance: a single component unchanged; otherwise the moments of
    /// the mixture, with the variance at least the smallest component's (so that cancellation in
    /// `E[y^2] - E[y]^2` cannot make it smaller than any part). `nil` without components.
    var prediction: Prediction? {
        guard let first else { return nil }
        if count == 1 { return first }
        let n = Double(count)
        let mean = meanSum / n
        return Prediction(mean: mean, variance: max(secondMomentSum / n - mean * mean, smallestVariance))
    }
}
