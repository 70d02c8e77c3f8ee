import HPOAcquisition
import HPORandom
import HPOSpace
import HPOSurrogate

/// What one model-based suggestion maximizes: a fitted surrogate seen through an acquisition
/// function, with the starts and exclusions a maximizer is given.
public struct AcquisitionProblem: Sendable {
    /// The fitted surrogate.
    public let surrogate: any Surrogate
    /// The acquisition function built around this fit's incumbent.
    public let acquisition: any AcquisitionFunction
    /// The evaluated configurations, best observed first.
    public let starts: [Configuration]
    /// The configurations a suggestion must avoid.
    public let excluded: Set<Configuration>

    /// The acquisition score of `configuration`.
    public func score(_ configuration: Configuration) -> Double {
        acquisition.score(surrogate.predict(configuration))
    }

    /// Maximizes the acquisition score with `maximizer`. A piecewise-constant surrogate (a
    /// forest) predicts the same for runs of neighbouring configurations, so the score of the
    /// last prediction is reused when the next prediction is identical.
    public func maximize(
        with maximizer: any AcquisitionMaximizer, using generator: inout SeededGenerator
    ) -> ScoredConfiguration? {
        var lastPrediction = Prediction(mean: .nan, variance: .nan)
        var lastScore = 0.0
        return maximizer.maximize(over: surrogate.space, starts: starts, excluding: excluded, using: &generator) { configuration in
            let prediction = surrogate.predict(configuration)
            if prediction != lastPrediction {
                lastPrediction = prediction
                lastScore = acquisition.score(prediction)
            }
            return lastScore
        }
    }
}
