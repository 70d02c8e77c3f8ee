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

    /// The problem of maximizing `acquisition` of `surrogate`, from `starts`, avoiding `excluded`.
    public init(
        surrogate: any Surrogate, acquisition: any AcquisitionFunction, starts: [Configuration],
        excluded: Set<Configuration>
    ) {
        self.surrogate = surrogate
        self.acquisition = acquisition
        self.starts = starts
        self.excluded = excluded
    }

    /// The acquisition score of `configuration`.
    public func score(_ configuration: Configuration) -> Double {
        acquisition.score(surrogate.predict(configuration))
    }

    /// Maximizes the acquisition score with `maximizer`.
    ///
    /// A maximizer that enumerates a finite space (``EnumeratingMaximizer``) gets every score at
    /// once, from the surrogate's bulk ``Surrogate/predictEveryConfiguration(into:)``; any other
    /// maximizer scores configuration after configuration. A piecewise-constant surrogate (a
    /// forest) predicts the same for runs of neighbouring configurations, so the score of the
    /// last prediction is reused when the next prediction is identical. A gradient maximizer
    /// (``GradientAcquisitionMaximizer``) also gets the score's gradient in closed form when the
    /// surrogate and the acquisition function are differentiable.
    public func maximize(
        with maximizer: any AcquisitionMaximizer, using generator: inout SeededGenerator
    ) -> ScoredConfiguration? {
        var scorer = ReusingScorer(acquisition: acquisition)
        let space = surrogate.space
        if let enumerating = maximizer as? any EnumeratingMaximizer, space.isFinite {
            var predictions: [Prediction] = []
            if (try? surrogate.predictEveryConfiguration(into: &predictions)) != nil {
                let scores = predictions.map { scorer.score($0) }
                return enumerating.maximize(over: space, scores: scores, excluding: excluded, using: &generator)
            }
        }
        if let gradientMaximizer = maximizer as? any GradientAcquisitionMaximizer {
            let differentiable = (surrogate as? any DifferentiableSurrogate).flatMap { surrogate in
                (acquisition as? any DifferentiableAcquisitionFunction).map { (surrogate, $0) }
            }
            return gradientMaximizer.maximize(
                over: space, starts: starts, excluding: excluded, using: &generator,
                score: { scorer.score(surrogate.predict($0)) },
                scoreGradient: { configuration in
                    differentiable.flatMap { surrogate, acquisition in acquisition.scoreGradient(of: surrogate, at: configuration) }
                })
        }
        return maximizer.maximize(over: space, starts: starts, excluding: excluded, using: &generator) { configuration in
            scorer.score(surrogate.predict(configuration))
        }
    }
}

/// An acquisition function that remembers its last prediction and score.
private struct ReusingScorer {
    let acquisition: any AcquisitionFunction
    private var lastPrediction = Prediction(mean: .nan, variance: .nan)
    private var lastScore = 0.0

    init(acquisition: any AcquisitionFunction) {
        self.acquisition = acquisition
    }

    mutating func score(_ prediction: Prediction) -> Double {
        if prediction != lastPrediction {
            lastPrediction = prediction
            lastScore = acquisition.score(prediction)
        }
        return lastScore
    }
}
