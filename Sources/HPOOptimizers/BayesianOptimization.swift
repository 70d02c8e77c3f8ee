import HPOAcquisition
import HPORandom
import HPOSpace
import HPOSurrogate

/// Sequential model-based optimization (Bayesian optimization) with any ``Surrogate``.
///
/// The first ``Settings/initialDesignSize`` suggestions are random. After that, each suggestion
/// fits the surrogate to every observation so far (the surrogate chooses its scale, e.g. the
/// logarithm of the loss, and says so by its ``Surrogate/targetTransform``), builds the acquisition function around the incumbent and returns the configuration the
/// maximizer finds best; with probability ``Settings/randomInterleaveProbability`` a random
/// configuration is suggested instead, which keeps the search from starving regions that a wrong
/// model dismisses. No evaluated configuration is suggested again, in any space, unless
/// ``Settings/allowRepeats`` is set (or intensification repeats the incumbent on purpose). Failed evaluations (value `nil`) are fitted as the worst
/// successful value seen, so the model learns to avoid them.
///
/// Every random choice (initial design, interleaving, the surrogate's bootstraps, the
/// maximizer's samples and ties) comes from the generator passed to ``suggest(given:using:)``.
public struct BayesianOptimization: Optimizer {
    /// Settings of the loop; the surrogate is given separately (see ``SurrogateKind``).
    public struct Settings: Hashable, Sendable, Codable {
        /// The acquisition function.
        public var acquisition: AcquisitionKind
        /// How the acquisition function is maximized.
        public var maximizer: MaximizerKind
        /// The number of random configurations evaluated before the first model is fitted.
        public var initialDesignSize: Int
        /// The probability that a suggestion after the initial design is random.
        public var randomInterleaveProbability: Double
        /// Whether evaluated configurations may be suggested again (intensification repeats the
        /// incumbent either way).
        public var allowRepeats: Bool
        /// Re-evaluation of the incumbent against noise, or `nil` to evaluate each configuration
        /// once (unless ``allowRepeats`` lets the acquisition choose an evaluated one).
        public var intensification: Intensification?

        /// Creates settings; the defaults are tuned on the noisy FCNet benchmarks (BENCHMARKS.md):
        /// the lower confidence bound with kappa = 1 on the forest's log losses, a random initial
        /// design of 10 and no random interleaving measured best there.
        public init(
            acquisition: AcquisitionKind = .lowerConfidenceBound(kappa: 1),
            maximizer: MaximizerKind = .variableNeighbourhoodAscent(.init()),
            initialDesignSize: Int = 10,
            randomInterleaveProbability: Double = 0,
            allowRepeats: Bool = false,
            intensification: Intensification? = nil
        ) {
            self.acquisition = acquisition
            self.maximizer = maximizer
            self.initialDesignSize = initialDesignSize
            self.randomInterleaveProbability = randomInterleaveProbability
            self.allowRepeats = allowRepeats
            self.intensification = intensification
        }
    }

    public let space: SearchSpace
    /// The settings in use.
    public let settings: Settings
    /// The model, refitted at every model-based suggestion.
    public private(set) var surrogate: any Surrogate
    private let acquisition: any AcquisitionFunctionFactory
    private let maximizer: any AcquisitionMaximizer

    /// Bayesian optimization over `space` with `surrogate`; throws for settings out of range.
    ///
    /// The acquisition function and its maximizer are the settings' (``Settings/acquisition``,
    /// ``Settings/maximizer``) unless others are given: any ``AcquisitionFunctionFactory`` and
    /// ``AcquisitionMaximizer``, e.g. of your own.
    public init(
        space: SearchSpace, surrogate: any Surrogate, settings: Settings = Settings(),
        acquisition: (any AcquisitionFunctionFactory)? = nil, maximizer: (any AcquisitionMaximizer)? = nil
    ) throws {
        try settings.validate(for: space)
        self.space = space
        self.surrogate = surrogate
        self.settings = settings
        self.acquisition = acquisition ?? settings.acquisition
        self.maximizer = maximizer ?? settings.maximizer.make()
    }

    /// Whether the surrogate carries state from one fit to the next
    /// (``HPOSurrogate/Surrogate/keepsStateBetweenFits``, e.g. DNGO's warm start).
    public var keepsStateBetweenSuggestions: Bool { surrogate.keepsStateBetweenFits }

    public mutating func suggest(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
        switch try plan(given: history, using: &generator) {
        case .repeat(let configuration):
            return configuration
        case .random:
            return try randomConfiguration(given: history, using: &generator)
        case .model(let data, let excluded):
            let problem = try fitAcquisition(to: data, excluding: excluded, using: &generator)
            if let found = problem.maximize(with: maximizer, using: &generator) { return found.configuration }
            return try randomConfiguration(given: history, using: &generator)
        }
    }

    /// Fits the surrogate as ``suggest(given:using:)`` would (the fit is the only state a
    /// suggestion leaves), skipping the acquisition's maximization: the same plan and draws
    /// before the fit, then the fit, then nothing.
    public mutating func replaySuggestion(given history: History, using generator: inout SeededGenerator) throws {
        guard case .model(let data, _) = try plan(given: history, using: &generator) else { return }
        try surrogate.fit(data.configurations, data.losses, settled: data.settledCount, using: &generator)
    }

    /// What a suggestion does.
    private enum Plan {
        /// Intensification repeats this configuration.
        case `repeat`(Configuration)
        /// A random configuration: the initial design, a random interleave, or no success yet.
        case random
        /// The acquisition's maximum on a model of `data`, avoiding `excluded`.
        case model(TrainingData, excluded: Set<Configuration>)
    }

    /// The plan of the suggestion after `history`, with the draws it takes before any fit; throws
    /// when every configuration of a finite space was evaluated and repeats are not allowed.
    private func plan(given history: History, using generator: inout SeededGenerator) throws -> Plan {
        if let repeated = settings.intensification?.repeated(given: history) { return .repeat(repeated) }
        let excluded = settings.allowRepeats ? [] : history.evaluated
        if let size = space.size, excluded.count >= size { throw OptimizerError.spaceExhausted(size: size) }
        guard history.count >= settings.initialDesignSize,
            !generator.nextBool(probability: settings.randomInterleaveProbability),
            let data = TrainingData(history: history)
        else { return .random }
        return .model(data, excluded: excluded)
    }

    /// Fits the surrogate to `history` and returns the acquisition problem a model-based
    /// suggestion would maximize (for studying maximizers), or `nil` when nothing succeeded yet.
    public mutating func fitAcquisition(
        given history: History, using generator: inout SeededGenerator
    ) throws -> AcquisitionProblem? {
        guard let data = TrainingData(history: history) else { return nil }
        let excluded = settings.allowRepeats ? [] : history.evaluated
        return try fitAcquisition(to: data, excluding: excluded, using: &generator)
    }

    private mutating func fitAcquisition(
        to data: TrainingData, excluding excluded: Set<Configuration>, using generator: inout SeededGenerator
    ) throws -> AcquisitionProblem {
        try surrogate.fit(data.configurations, data.losses, settled: data.settledCount, using: &generator)
        let model = surrogate
        let transform = model.targetTransform
        let means = data.configurations.map { model.predictMean($0) }
        // The first evaluated configuration of the lowest predicted mean.
        let best = means.indices.min { means[$0] < means[$1] }
        // The incumbent is the lowest predicted mean among the evaluated configurations: robust to
        // a lucky noisy draw, which would otherwise set a bar that nothing seems to beat.
        let incumbent = best.map { means[$0] } ?? transform.apply(data.bestLoss)
        return AcquisitionProblem(
            surrogate: model, acquisition: acquisition.make(incumbent: incumbent, transform: transform),
            starts: data.configurationsBestFirst, excluded: excluded)
    }

    private func randomConfiguration(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
        if let size = space.size, !settings.allowRepeats {
            return try space.sampleUnevaluated(given: history, size: size, using: &generator)
        }
        return space.sample(using: &generator)
    }
}

extension BayesianOptimization.Settings {
    /// Throws ``OptimizerError/invalidSetting(name:value:valid:)`` for the first setting out of range.
    public func validate(for space: SearchSpace) throws {
        guard initialDesignSize >= 0 else {
            throw OptimizerError.invalidSetting(name: "initial design size", value: "\(initialDesignSize)", valid: "a non-negative integer")
        }
        guard randomInterleaveProbability >= 0, randomInterleaveProbability <= 1 else {
            throw OptimizerError.invalidSetting(
                name: "random interleave probability", value: "\(randomInterleaveProbability)", valid: "a number in 0...1")
        }
        if case .lowerConfidenceBound(let kappa) = acquisition, !(kappa >= 0 && kappa.isFinite) {
            throw OptimizerError.invalidSetting(name: "LCB kappa", value: "\(kappa)", valid: "a finite non-negative number")
        }
        try intensification?.validate()
        switch maximizer {
        case .exhaustive where !space.isFinite:
            throw OptimizerError.invalidSetting(
                name: "maximizer", value: "exhaustive", valid: "vna or random for a space with a real parameter")
        case .randomSampling(let samples) where samples < 1:
            throw OptimizerError.invalidSetting(name: "random sampling size", value: "\(samples)", valid: "a positive integer")
        case .variableNeighbourhoodAscent(let vna):
            guard vna.maximumDistance >= 1 else {
                throw OptimizerError.invalidSetting(name: "VNA maximum distance", value: "\(vna.maximumDistance)", valid: "a positive integer")
            }
            guard vna.observedStarts >= 0, vna.randomStarts >= 0, vna.randomSamples >= 0, vna.realPerturbations >= 0,
                vna.observedStarts + min(vna.randomStarts, vna.randomSamples) >= 1
            else {
                throw OptimizerError.invalidSetting(
                    name: "VNA starts", value: "\(vna.observedStarts) observed, \(vna.randomStarts) of \(vna.randomSamples) random",
                    valid: "non-negative counts with at least one start")
            }
            guard vna.realStepSize > 0, vna.realStepSize.isFinite else {
                throw OptimizerError.invalidSetting(name: "VNA real step size", value: "\(vna.realStepSize)", valid: "a positive number")
            }
        case .gradientAscent(let settings):
            guard settings.observedStarts >= 0, settings.randomSamples >= 0, settings.randomStarts >= 0,
                settings.observedStarts + min(settings.randomStarts, settings.randomSamples) >= 1
            else {
                throw OptimizerError.invalidSetting(
                    name: "gradient maximizer starts",
                    value: "\(settings.observedStarts) observed, \(settings.randomStarts) of \(settings.randomSamples) random",
                    valid: "non-negative counts with at least one start")
            }
        default:
            break
        }
    }
}
