import HPORandom
import HPOSpace

/// Deep Networks for Global Optimization (Snoek et al. 2015): a neural network trained on the
/// observations, whose last hidden layer (plus a constant) is the basis of a Bayesian linear
/// regression that gives the predictive mean and variance.
///
/// Predictions are on the scale of ``targetTransform`` (by default the Gaussian copula of the
/// values, ``Settings/targets``).
/// Configurations are encoded by ``HPOSpace/SearchSpace/oneHot(_:scope:)`` (categorical parameters
/// one-hot, and ordinal ones too in the scope `.choices` of ``Settings/oneHotScopes``, others on
/// the unit scale); inputs and targets are standardised with the data's mean and standard
/// deviation. The network's initial weights and its mini-batch order come from the
/// generator passed to ``fit(_:_:using:)``; with ``Settings/warmStart`` each fit continues from
/// the previous fit's weights (except every ``Settings/freshStartInterval``-th). With
/// ``Settings/networks`` above 1 the surrogate is an ensemble: each network, trained in turn on
/// the same data with the generator's next draws and with its own encoding
/// (``Settings/oneHotScope(ofNetwork:)``), has its own regression, and a prediction is the
/// mixture of theirs.
public struct DNGO: Surrogate {
    public let space: SearchSpace
    /// The settings in use.
    public let settings: Settings
    /// One network with its regression per ensemble member (``Settings/networks``); empty
    /// before the first fit.
    private var members: [Member] = []
    private var targetMean = 0.0
    private var targetScale = 1.0
    /// The number of fits so far.
    private var fits = 0
    /// The scale of the predictions, fitted to the values as ``Settings/targets`` says.
    public private(set) var targetTransform: TargetTransform = .identity

    /// A DNGO surrogate over `space`; throws if a setting is out of range.
    public init(space: SearchSpace, settings: Settings = Settings()) throws {
        try settings.validate()
        self.space = space
        self.settings = settings
    }

    /// `true`: a fit starts from the previous fit's state, its weights with
    /// ``Settings/warmStart`` and, warm or not, its regression hyperparameters (the start of their
    /// search) and the count of fits (which sets the fresh starts).
    public var keepsStateBetweenFits: Bool { true }

    /// The `(alpha, beta)` pairs of the regressions the last fit averages (one per network).
    public var hyperparameters: [(alpha: Double, beta: Double)] {
        members.flatMap { $0.posteriors.map { ($0.alpha, $0.beta) } }
    }

    public mutating func fit(_ configurations: [Configuration], _ values: [Double], using generator: inout SeededGenerator) throws {
        guard !configurations.isEmpty else { throw SurrogateError.noObservations }
        guard configurations.count == values.count else {
            throw SurrogateError.countMismatch(configurations: configurations.count, values: values.count)
        }
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw SurrogateError.nonFiniteValue(index: index, value: values[index])
        }
        for (index, configuration) in configurations.enumerated() where configuration.values.count != space.dimension {
            throw SurrogateError.wrongDimension(index: index, expected: space.dimension, got: configuration.values.count)
        }
        let count = configurations.count
        let transform = settings.targets.transform(fittedTo: values)
        let transformed = values.map(transform.apply)
        (targetMean, targetScale) = Self.meanAndScale(transformed)
        let targets = transformed.map { Float(($0 - targetMean) / targetScale) }
        targetTransform = transform

        let fresh = settings.freshStartInterval > 0 && fits % settings.freshStartInterval == 0
        let warm = settings.warmStart && !members.isEmpty && !fresh
        fits += 1
        var fitted: [Member] = []
        var encodings: [OneHotScope: (input: Input, rows: [Float])] = [:]
        for index in 0..<settings.networks {
            let previous = members.indices.contains(index) ? members[index] : nil
            let scope = settings.oneHotScope(ofNetwork: index)
            let (input, rows) = encodings[scope] ?? Input.standardizing(configurations, in: space, scope: scope)
            encodings[scope] = (input, rows)
            fitted.append(try Member(
                fitting: rows, input: input, targets: targets, count: count, from: warm ? previous : nil,
                hyperparameterStart: previous?.logHyperparameters ?? [0, 3], dngo: self, using: &generator))
        }
        members = fitted
    }

    /// The predictive mean and variance at `configuration`, on the scale of ``targetTransform``.
    public func predict(_ configuration: Configuration) -> Prediction {
        predict(configuration, tabulated: true)
    }

    /// ``predict(_:)`` through the one-hot encoding even where the first-layer table applies
    /// (to check the table against).
    func predictThroughEncoding(_ configuration: Configuration) -> Prediction {
        predict(configuration, tabulated: false)
    }

    private func predict(_ configuration: Configuration, tabulated: Bool) -> Prediction {
        var mixture = GaussianMixture()
        for member in members { member.predict(configuration, tabulated: tabulated, dngo: self, into: &mixture) }
        guard let standardized = mixture.prediction else {
            return Prediction(mean: targetMean, variance: targetScale * targetScale)
        }
        return Prediction(
            mean: targetMean + targetScale * standardized.mean,
            variance: targetScale * targetScale * standardized.variance)
    }

    // MARK: - Helpers

    /// The mean and standard deviation (1 when the values are constant).
    static func meanAndScale(_ values: [Double]) -> (mean: Double, scale: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let scale = variance.squareRoot()
        return (mean, scale > 1e-12 * max(1, abs(mean)) ? scale : 1)
    }
}
