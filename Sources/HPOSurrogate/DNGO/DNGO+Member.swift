import HPORandom
import HPOSpace

extension DNGO {
    /// One network of the ensemble and the Bayesian linear regression on its last hidden layer.
    struct Member: Sendable {
        let network: DenseNetwork
        /// The network's input encoding, standardised on the data it was fitted to.
        let encoding: Input
        /// The network's first layer tabulated per parameter value (spaces of choices only).
        let firstLayer: FirstLayerTable?
        let posteriors: [BayesianLinearRegression.Posterior]
        /// Where the next search for `(ln alpha, ln beta)` starts.
        let logHyperparameters: [Double]

        /// Trains a network on the `rows` of `input` and `targets` (from `previous`'s weights
        /// if given, else from fresh ones) and fits the regression on its features, searching
        /// `(ln alpha, ln beta)` from `hyperparameterStart` (the previous fit's, also when the
        /// network starts afresh).
        init(
            fitting rows: [Float], input: Input, targets: [Float], count: Int, from previous: Member?,
            hyperparameterStart: [Double], dngo: DNGO, using generator: inout SeededGenerator
        ) throws {
            let settings = dngo.settings
            var model = previous?.network ?? DenseNetwork(
                inputWidth: input.width, hiddenWidths: settings.hiddenWidths, activation: settings.activation,
                using: &generator)
            var training = settings.training
            if previous != nil { training.epochs = settings.warmStartEpochs }
            model.train(rows, targets: targets, count: count, training: training, using: &generator)
            network = model
            encoding = input
            firstLayer = FirstLayerTable(
                space: dngo.space, scope: input.scope, network: model, inputMean: input.mean, inputScale: input.scale)

            let width = model.featureWidth
            let basis = model.features(rows, count: count)
            var design = [Double](repeating: 1, count: count * (width + 1))
            for r in 0..<count {
                for j in 0..<width { design[r * (width + 1) + j] = Double(basis[r * width + j]) }
            }
            let regression = BayesianLinearRegression(
                features: design, featureCount: width + 1, targets: targets.map(Double.init))
            let fitted = settings.hyperparameters.posteriors(for: regression, start: hyperparameterStart)
            guard !fitted.posteriors.isEmpty else {
                throw SurrogateError.invalidSetting(
                    name: "regression hyperparameters", value: "\(settings.hyperparameters.treatment)",
                    valid: "values for which beta Phi^T Phi + alpha I is positive definite")
            }
            posteriors = fitted.posteriors
            logHyperparameters = fitted.next
        }

        /// Adds the standardised predictions of the member's regressions at `configuration` to
        /// `mixture`.
        func predict(_ configuration: Configuration, tabulated: Bool, dngo: DNGO, into mixture: inout GaussianMixture) {
            let inputWidth = encoding.width
            let width = network.featureWidth
            let floats = max(inputWidth, network.widths[1]) + width + network.scratchSize
            withUnsafeTemporaryAllocation(of: Float.self, capacity: floats) { buffer in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (width + 1)) { doubles in
                    let input = buffer.baseAddress!
                    let features = input + max(inputWidth, network.widths[1])
                    if tabulated, let firstLayer, firstLayer.product(of: configuration, into: input) {
                        network.features(firstLayerProduct: input, into: features, scratch: features + width)
                    } else {
                        encoding.encode(configuration, in: dngo.space, into: input)
                        network.features(of: input, into: features, scratch: features + width)
                    }
                    let phi = doubles.baseAddress!
                    for j in 0..<width { phi[j] = Double(features[j]) }
                    phi[width] = 1
                    let scratch = phi + (width + 1)
                    let noise = dngo.settings.includesNoiseVariance
                    for posterior in posteriors { mixture.add(posterior.predict(phi, scratch: scratch, includingNoise: noise)) }
                }
            }
        }
    }
}
