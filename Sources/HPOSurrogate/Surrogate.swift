import HPORandom
import HPOSpace

/// A surrogate's belief about the objective at one configuration.
public struct Prediction: Hashable, Sendable {
    /// The predictive mean.
    public var mean: Double
    /// The predictive variance (never negative).
    public var variance: Double

    /// Creates a prediction.
    public init(mean: Double, variance: Double) {
        self.mean = mean
        self.variance = variance
    }

    /// The predictive standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }
}

/// A regression model of the objective that Bayesian optimization fits to the observations and
/// queries, through an acquisition function, to choose the next configuration.
///
/// A surrogate is a value made for one space; `fit` replaces what it knew. Any randomness
/// (bootstraps, weight initialisation) comes from the generator passed in.
public protocol Surrogate: Sendable {
    /// The space whose configurations the surrogate models.
    var space: SearchSpace { get }

    /// Fits the model to configurations and their observed values (same length, at least one).
    mutating func fit(_ configurations: [Configuration], _ values: [Double], using generator: inout SeededGenerator) throws

    /// Fits as ``fit(_:_:using:)`` does, knowing that only the first `settled` observations are
    /// results; the rest stand for evaluations still running, imputed (parallel workers' constant
    /// liar). A surrogate may learn what does not change from one suggestion to the next (e.g.
    /// a Gaussian process's kernel hyperparameters) from the results alone. By default, the
    /// plain fit.
    mutating func fit(
        _ configurations: [Configuration], _ values: [Double], settled: Int, using generator: inout SeededGenerator
    ) throws

    /// The predictive mean and variance at `configuration`; call after `fit`.
    func predict(_ configuration: Configuration) -> Prediction

    /// The predictive mean at `configuration`, equal to `predict(configuration).mean`: for
    /// surrogates whose variance costs more than their mean (a Gaussian process's is O(n^2)).
    /// By default, `predict(configuration).mean`.
    func predictMean(_ configuration: Configuration) -> Double

    /// The predictions at `configurations`, written into `predictions` (resized to match, its
    /// storage reused): the path for scoring many candidates. By default, `predict` in a loop.
    func predict(_ configurations: [Configuration], into predictions: inout [Prediction])

    /// The predictions at every configuration of a finite space, indexed by dense id (see
    /// ``SearchSpace/configuration(id:)``), written into `predictions`: the path for scoring a
    /// whole space. Throws ``SpaceError/notFinite(operation:)`` for a space with a real
    /// parameter. By default, the batch `predict` of all configurations.
    func predictEveryConfiguration(into predictions: inout [Prediction]) throws

    /// The scale of the predictions: an acquisition function compares them with
    /// `targetTransform.apply(value)` of observed values, never with raw values.
    var targetTransform: TargetTransform { get }

    /// Whether a fit depends on the fits before it (e.g. a network warm-started from the previous
    /// fit's weights), not only on its data and generator; `false` by default.
    var keepsStateBetweenFits: Bool { get }
}

extension Surrogate {
    /// Surrogates that model the values as observed need not say so.
    public var targetTransform: TargetTransform { .identity }

    /// Surrogates whose fit replaces what they knew keep no state between fits.
    public var keepsStateBetweenFits: Bool { false }

    /// Fits to every observation alike.
    public mutating func fit(
        _ configurations: [Configuration], _ values: [Double], settled: Int, using generator: inout SeededGenerator
    ) throws {
        try fit(configurations, values, using: &generator)
    }

    /// The mean of the full prediction.
    public func predictMean(_ configuration: Configuration) -> Double {
        predict(configuration).mean
    }

    /// Predicts one configuration after the other.
    public func predict(_ configurations: [Configuration], into predictions: inout [Prediction]) {
        predictions.removeAll(keepingCapacity: true)
        for configuration in configurations { predictions.append(predict(configuration)) }
    }

    /// Makes every configuration of the space and predicts them in one batch.
    public func predictEveryConfiguration(into predictions: inout [Prediction]) throws {
        predict(try space.allConfigurations(), into: &predictions)
    }
}
