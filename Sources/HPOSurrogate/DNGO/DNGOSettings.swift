import HPOSpace

extension DNGO {
    /// Settings of the DNGO surrogate.
    public struct Settings: Hashable, Sendable, Codable {
        /// The widths of the hidden layers; the last one is the regression's basis.
        public var hiddenWidths: [Int]
        /// The hidden layers' activation.
        public var activation: Activation
        /// Training of a fresh network: epochs, batch size, learning rate.
        public var training: NetworkTraining
        /// Continue from the previous fit's weights instead of drawing new ones.
        public var warmStart: Bool
        /// The epochs of a warm-started fit.
        public var warmStartEpochs: Int
        /// With warm start, every this many fits start from fresh weights anyway (0: never), so
        /// that features learned from the first observations do not lock the model in.
        public var freshStartInterval: Int
        /// How the regression's `alpha` and `beta` are set.
        public var hyperparameters: RegressionHyperparameters
        /// Whether the predictive variance includes the noise variance `1 / beta` (the variance of
        /// a new observation, `1/beta + phi^T A^-1 phi`; the default) or is the latent
        /// function's `phi^T A^-1 phi` only, the uncertainty that evaluations can remove. Under a
        /// noisy objective the latter keeps the acquisition from favouring configurations only
        /// because every observation is noisy.
        public var includesNoiseVariance: Bool
        /// Which parameters each network's input encodes one-hot (``HPOSpace/OneHotScope``),
        /// taken in turn: network `k` of an ensemble uses `oneHotScopes[k % oneHotScopes.count]`.
        /// The default, `[.categorical]`, encodes categorical parameters one-hot in every network;
        /// `[.choices, .categorical]` alternates ordinal parameters one-hot (each value its own
        /// effect) with ordinal parameters by position (a trend along their order).
        public var oneHotScopes: [OneHotScope]
        /// The number of networks (at least 1). With more than one, each is trained from its own
        /// initial weights and mini-batch order and feeds its own regression, and a prediction is
        /// the mixture of theirs (a deep ensemble of DNGO models).
        public var networks: Int

        /// The one-hot scope of network `index` (``oneHotScopes`` in turn).
        public func oneHotScope(ofNetwork index: Int) -> OneHotScope {
            oneHotScopes[index % oneHotScopes.count]
        }
        /// The scale the network models the values on (see ``TargetScale``). Default the
        /// Gaussian copula of the ranks: it gives the good configurations as much of the
        /// network's range as the bad ones, which lowered the regret on the noisy FCNet tables
        /// (BENCHMARKS.md).
        public var targets: TargetScale

        /// Creates settings. The defaults are the project's: the reference network (3 x 50 tanh,
        /// batch 10, learning rate 0.01) trained for 100 epochs when fresh and warm-started for
        /// 5 epochs per later fit (fresh again every 10th fit), with `alpha` and `beta`
        /// maximising the marginal likelihood, on the Gaussian copula of the values, the noise in the
        /// predictive variance, categorical parameters one-hot, one network. Warm starting keeps
        /// a suggestion at 100 observations within 20 ms, where the reference's 500 fresh epochs
        /// take 0.3 s (BENCHMARKS.md); the network still accumulates hundreds of epochs over a run.
        public init(
            hiddenWidths: [Int] = [50, 50, 50], activation: Activation = .tanh,
            training: NetworkTraining = NetworkTraining(epochs: 100, batchSize: 10, learningRate: 0.01),
            warmStart: Bool = true, warmStartEpochs: Int = 5, freshStartInterval: Int = 10,
            hyperparameters: RegressionHyperparameters = RegressionHyperparameters(),
            targets: TargetScale = .copula, includesNoiseVariance: Bool = true,
            oneHotScopes: [OneHotScope] = [.categorical], networks: Int = 1
        ) {
            self.hiddenWidths = hiddenWidths
            self.activation = activation
            self.training = training
            self.warmStart = warmStart
            self.warmStartEpochs = warmStartEpochs
            self.freshStartInterval = freshStartInterval
            self.hyperparameters = hyperparameters
            self.targets = targets
            self.includesNoiseVariance = includesNoiseVariance
            self.oneHotScopes = oneHotScopes
            self.networks = networks
        }

        /// The settings of the reference implementation (pybnn's DNGO): 500 epochs from fresh
        /// weights at every fit, batch 10, learning rate 0.01, 3 x 50 tanh, values as observed.
        public static let reference = Settings(
            training: NetworkTraining(epochs: 500, batchSize: 10, learningRate: 0.01), warmStart: false, targets: .identity)

        /// Throws unless every setting is in range.
        public func validate() throws {
            if hiddenWidths.isEmpty || hiddenWidths.contains(where: { $0 <= 0 }) {
                throw SurrogateError.invalidSetting(
                    name: "hidden layer widths", value: "\(hiddenWidths)", valid: "one or more positive integers")
            }
            if oneHotScopes.isEmpty {
                throw SurrogateError.invalidSetting(name: "one-hot scopes", value: "none", valid: "one or more scopes, taken in turn by the networks")
            }
            if networks <= 0 {
                throw SurrogateError.invalidSetting(name: "networks", value: "\(networks)", valid: "a positive integer")
            }
            if training.epochs <= 0 {
                throw SurrogateError.invalidSetting(name: "epochs", value: "\(training.epochs)", valid: "a positive integer")
            }
            if warmStartEpochs < 0 {
                throw SurrogateError.invalidSetting(name: "warm-start epochs", value: "\(warmStartEpochs)", valid: "a non-negative integer")
            }
            if freshStartInterval < 0 {
                throw SurrogateError.invalidSetting(
                    name: "fresh-start interval", value: "\(freshStartInterval)", valid: "a non-negative integer (0: never)")
            }
            if training.batchSize <= 0 {
                throw SurrogateError.invalidSetting(name: "batch size", value: "\(training.batchSize)", valid: "a positive integer")
            }
            if !(training.learningRate > 0 && training.learningRate.isFinite) {
                throw SurrogateError.invalidSetting(name: "learning rate", value: "\(training.learningRate)", valid: "a positive number")
            }
            switch hyperparameters.treatment {
            case .fixed(let alpha, let beta):
                if !(alpha > 0 && alpha.isFinite && beta > 0 && beta.isFinite) {
                    throw SurrogateError.invalidSetting(name: "fixed alpha, beta", value: "\(alpha), \(beta)", valid: "two positive numbers")
                }
            case .maximize:
                break
            }
            switch hyperparameters.alphaPrior {
            case .logUniform: break
            case .logNormal(let mean, let standardDeviation):
                if !(mean.isFinite && standardDeviation > 0 && standardDeviation.isFinite) {
                    throw SurrogateError.invalidSetting(name: "alpha prior", value: "log-normal(\(mean), \(standardDeviation))",
                                                valid: "log-normal with a finite mean and a positive standard deviation")
                }
            }
        }
    }
}

extension DNGO.Settings {
    /// Decodes settings, also those saved with the `logTargets` flag that ``targets`` replaced
    /// or before ``includesNoiseVariance``, ``oneHotScopes`` and ``networks`` existed (noise in the
    /// variance, categorical one-hot, one network), and those with a single `oneHotScope`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let legacy = try decoder.container(keyedBy: LegacyKeys.self)
        let scopes = try container.decodeIfPresent([OneHotScope].self, forKey: .oneHotScopes)
            ?? (try legacy.decodeIfPresent(OneHotScope.self, forKey: .oneHotScope)).map { [$0] }
        self.init(
            hiddenWidths: try container.decode([Int].self, forKey: .hiddenWidths),
            activation: try container.decode(Activation.self, forKey: .activation),
            training: try container.decode(NetworkTraining.self, forKey: .training),
            warmStart: try container.decode(Bool.self, forKey: .warmStart),
            warmStartEpochs: try container.decode(Int.self, forKey: .warmStartEpochs),
            freshStartInterval: try container.decode(Int.self, forKey: .freshStartInterval),
            hyperparameters: try container.decode(RegressionHyperparameters.self, forKey: .hyperparameters),
            targets: try TargetScale.decode(container, forKey: .targets, from: decoder),
            includesNoiseVariance: try container.decodeIfPresent(Bool.self, forKey: .includesNoiseVariance) ?? true,
            oneHotScopes: scopes ?? [.categorical],
            networks: try container.decodeIfPresent(Int.self, forKey: .networks) ?? 1)
    }

    /// The key of the single scope that ``oneHotScopes`` replaced.
    private enum LegacyKeys: String, CodingKey {
        case oneHotScope
    }
}
