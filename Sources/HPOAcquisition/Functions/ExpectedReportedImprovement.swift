import HPOSurrogate

/// Expected improvement of the *reported* incumbent under noise: how much evaluating a
/// configuration is expected to lower the true value of the configuration a run reports, when
/// the run reports the configuration with the lowest noisy observation.
///
/// The surrogate predicts the true value F ~ N(mu, sigma^2) of a configuration; one evaluation
/// observes Y = F + noise, noise ~ N(0, tau^2) independent. If Y falls below the lowest observation
/// y*, the evaluated configuration becomes the reported one, and the true value of the report
/// changes from the current incumbent's, predicted as c, to F. The value is
///
///     E[(c - F) 1{Y < y*}] = (c - mu) Phi(z) + sigma^2 / s phi(z),   s^2 = sigma^2 + tau^2,
///                                                                     z = (y* - mu) / s,
///
/// (since E[F - mu | Y] = sigma^2 / s^2 (Y - mu)). It is negative where a configuration is
/// predicted worse than the incumbent but a lucky draw could still displace it: evaluating it is a
/// risk to the report. With tau = 0 and c = y* it is the ordinary expected improvement. Everything
/// is on the surrogate's scale (e.g. log loss), where the noise is closest to constant.
public struct ExpectedReportedImprovement: AcquisitionFunction {
    /// The predicted true value c of the reported incumbent (the lowest observation's configuration).
    public var incumbentMean: Double
    /// The lowest observation y*.
    public var lowestObserved: Double
    /// The standard deviation tau of one observation around the true value.
    public var noise: Double

    /// The expected improvement of a report whose incumbent has predicted value `incumbentMean`
    /// and observation `lowestObserved`, for observations with noise standard deviation `noise`.
    public init(incumbentMean: Double, lowestObserved: Double, noise: Double) {
        self.incumbentMean = incumbentMean
        self.lowestObserved = lowestObserved
        self.noise = noise
    }

    public func value(_ prediction: Prediction) -> Double {
        let variance = prediction.variance
        let total = (variance + noise * noise).squareRoot()
        guard total > 0 else {
            return prediction.mean < lowestObserved ? incumbentMean - prediction.mean : 0
        }
        let z = (lowestObserved - prediction.mean) / total
        return (incumbentMean - prediction.mean) * StandardNormal.cdf(z) + variance / total * StandardNormal.pdf(z)
    }
}
