import HPORandom
import HPOSpace

/// Deep Networks for Global Optimization (Snoek et al. 2015): a neural network trained on the
/// observations, whose last hidden layer (plus a constant) is the basis of a Bayesian linear
/// regression that gives the predictive mean and variance.
///
/// Predictions are on the scale of ``targetTransform`` (by default the logarithm of the values).
/// Configurations are encoded by ``HPOSpace/SearchSpace/oneHot(_:)`` (categorical parameters one-hot,
/// others on the unit scale); inputs and targets are standardised with the data's mean and
/// standard deviation. The network's initial weights and its mini-batch order come from the
/// generator passed to ``fit(_:_:using:)``; with ``Settings/warmStart`` each fit continues from
/// the previous fit's weights (except every ``Settings/freshStartInterval``-th).
public struct DNGO: Surrogate {
    public let space: SearchSpace
    /// The settings in use.
    public let settings: Settings
    private let inputWidth: Int
    private var network: DenseNetwork?
    /// The network's first layer tabulated per parameter value (spaces of choices only).
    private var firstLayer: FirstLayerTable?
    private var inputMean: [Float] = []
    private var inputScale: [Float] = []
    private var targetMean = 0.0
    private var targetScale = 1.0
    private var posteriors: [BayesianLinearRegression.Posterior] = []
    /// Where the next search for `(ln alpha, ln beta)` starts.
    private var logHyperparameters = [0.0, 3.0]
    /// The number of fits so far.
    private var fits = 0
    /// The scale of the predictions, fitted to the values as ``Settings/targets`` says.
    public private(set) var targetTransform: TargetTransform = .identity

    /// A DNGO surrogate over `space`; throws if a setting is out of range.
    public init(space: SearchSpace, settings: Settings = Settings()) throws {
        try settings.validate()
        self.space = space
        self.settings = settings
        inputWidth = space.oneHotWidth
    }

    /// The `(alpha, beta)` pairs of the regressions the last fit averages (one unless sampling).
    public var hyperparameters: [(alpha: Double, beta: Double)] {
        posteriors.map { ($0.alpha, $0.beta) }
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
        let inputs = standardizedInputs(configurations)
        let transform = settings.targets.transform(fittedTo: values)
        let transformed = values.map(transform.apply)
        (targetMean, targetScale) = Self.meanAndScale(transformed)
        let targets = transformed.map { Float(($0 - targetMean) / targetScale) }
        targetTransform = transform

        let fresh = settings.freshStartInterval > 0 && fits % settings.freshStartInterval == 0
        let warm = settings.warmStart && network != nil && !fresh
        fits += 1
        var model = warm ? network! : DenseNetwork(
            inputWidth: inputWidth, hiddenWidths: settings.hiddenWidths, activation: settings.activation, using: &generator)
        var training = settings.training
        if warm { training.epochs = settings.warmStartEpochs }
        model.train(inputs, targets: targets, count: count, training: training, using: &generator)
        network = model
        firstLayer = FirstLayerTable(space: space, network: model, inputMean: inputMean, inputScale: inputScale)

        let width = model.featureWidth
        let basis = model.features(inputs, count: count)
        var design = [Double](repeating: 1, count: count * (width + 1))
        for r in 0..<count {
            for j in 0..<width { design[r * (width + 1) + j] = Double(basis[r * width + j]) }
        }
        let regression = BayesianLinearRegression(
            features: design, featureCount: width + 1, targets: targets.map(Double.init))
        let fitted = settings.hyperparameters.posteriors(for: regression, start: logHyperparameters, using: &generator)
        guard !fitted.posteriors.isEmpty else {
            throw SurrogateError.invalidSetting(
                name: "regression hyperparameters", value: "\(settings.hyperparameters.treatment)",
                valid: "values for which beta Phi^T Phi + alpha I is positive definite")
        }
        posteriors = fitted.posteriors
        logHyperparameters = fitted.next
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
        guard let network, !posteriors.isEmpty else {
            return Prediction(mean: targetMean, variance: targetScale * targetScale)
        }
        let width = network.featureWidth
        let floats = max(inputWidth, network.widths[1]) + width + network.scratchSize
        let standardized = withUnsafeTemporaryAllocation(of: Float.self, capacity: floats) { buffer in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (width + 1)) { doubles in
                let input = buffer.baseAddress!
                let features = input + max(inputWidth, network.widths[1])
                if tabulated, let firstLayer, firstLayer.product(of: configuration, into: input) {
                    network.features(firstLayerProduct: input, into: features, scratch: features + width)
                } else {
                    let encoded = space.oneHot(configuration)
                    for i in 0..<inputWidth { input[i] = (Float(encoded[i]) - inputMean[i]) * inputScale[i] }
                    network.features(of: input, into: features, scratch: features + width)
                }
                let phi = doubles.baseAddress!
                for j in 0..<width { phi[j] = Double(features[j]) }
                phi[width] = 1
                let scratch = phi + (width + 1)
                if posteriors.count == 1 { return posteriors[0].predict(phi, scratch: scratch) }
                return Self.mixture(posteriors.map { $0.predict(phi, scratch: scratch) })
            }
        }
        return Prediction(
            mean: targetMean + targetScale * standardized.mean,
            variance: targetScale * targetScale * standardized.variance)
    }

    // MARK: - Helpers

    /// The one-hot encodings of `configurations`, standardised column by column (row-major);
    /// stores the columns' means and inverse standard deviations for prediction.
    private mutating func standardizedInputs(_ configurations: [Configuration]) -> [Float] {
        let count = configurations.count
        var raw = [Double](repeating: 0, count: count * inputWidth)
        for (r, configuration) in configurations.enumerated() {
            var row = raw[(r * inputWidth)..<((r + 1) * inputWidth)]
            space.oneHot(configuration, into: &row)
            raw.replaceSubrange((r * inputWidth)..<((r + 1) * inputWidth), with: row)
        }
        inputMean = []
        inputScale = []
        for c in 0..<inputWidth {
            let (mean, scale) = Self.meanAndScale(stride(from: c, to: raw.count, by: inputWidth).map { raw[$0] })
            inputMean.append(Float(mean))
            inputScale.append(Float(1 / scale))
        }
        var inputs = [Float](repeating: 0, count: raw.count)
        for i in raw.indices {
            let c = i % inputWidth
            inputs[i] = (Float(raw[i]) - inputMean[c]) * inputScale[c]
        }
        return inputs
    }

    /// The mean and standard deviation (1 when the values are constant).
    static func meanAndScale(_ values: [Double]) -> (mean: Double, scale: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let scale = variance.squareRoot()
        return (mean, scale > 1e-12 * max(1, abs(mean)) ? scale : 1)
    }

    /// The mean and variance of an equally weighted mixture of Gaussians.
    static func mixture(_ components: [Prediction]) -> Prediction {
        if components.count == 1 { return components[0] }
        let n = Double(components.count)
        let mean = components.reduce(0) { $0 + $1.mean } / n
        let secondMoment = components.reduce(0) { $0 + $1.variance + $1.mean * $1.mean } / n
        return Prediction(mean: mean, variance: max(secondMoment - mean * mean, components.map(\.variance).min() ?? 0))
    }
}
