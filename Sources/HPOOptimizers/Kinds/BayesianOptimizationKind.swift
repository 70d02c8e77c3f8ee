import HPOAcquisition
import HPOSpace
import HPOSurrogate

/// The settings of a Bayesian-optimization kind: the loop's and the surrogate's.
public protocol BayesianOptimizationSettings: Hashable, Sendable, Codable {
    /// The loop's settings: acquisition, maximizer, initial design, intensification.
    var loop: BayesianOptimization.Settings { get set }
    /// The surrogate with its settings.
    var surrogate: SurrogateKind { get }
}

/// A kind of Bayesian optimization (``BayesianOptimization``) with one surrogate: the loop's
/// settings are shared by every such kind, the surrogate's are its own.
public protocol BayesianOptimizationKind: OptimizerKind where Settings: BayesianOptimizationSettings {
    /// The settings of the surrogate, by key.
    var surrogateSettings: [OptimizerSetting<Settings>] { get }
}

extension BayesianOptimizationKind {
    public var settings: [OptimizerSetting<Settings>] {
        BayesianOptimization.Settings.keys(at: \Settings.loop) + surrogateSettings
    }

    public func makeOptimizer(space: SearchSpace, settings: Settings) throws -> any Optimizer {
        try BayesianOptimization(space: space, surrogate: settings.surrogate.make(space: space), settings: settings.loop)
    }

    public func summary(of settings: Settings) -> String {
        settings.loop.summary(surrogate: settings.surrogate.summary)
    }

    public func usesBudget(_ settings: Settings) -> Bool {
        (settings.loop.intensification?.finalShare ?? 0) > 0
    }
}

extension BayesianOptimization {
    /// Bayesian optimization with SMAC's random forest, named `bo-rf`.
    public struct RandomForestKind: BayesianOptimizationKind {
        /// The loop's and the forest's settings.
        public struct Settings: BayesianOptimizationSettings {
            public var loop: BayesianOptimization.Settings
            /// The forest's settings.
            public var forest: RandomForest.Settings
            public var surrogate: SurrogateKind { .randomForest(forest) }

            /// Creates settings; by default the `bo-rf` preset's.
            public init(loop: BayesianOptimization.Settings = .init(), forest: RandomForest.Settings = .init()) {
                self.loop = loop
                self.forest = forest
            }
        }

        /// The kind.
        public init() {}

        public var name: String { "bo-rf" }
        public var summary: String {
            "Bayesian optimization with a random forest (SMAC's model) and LCB: a good default for any space"
        }
        public var defaults: Settings { Settings() }

        public var surrogateSettings: [OptimizerSetting<Settings>] {
            RandomForest.Settings.keys(at: \Settings.forest)
        }
    }

    /// Bayesian optimization with DNGO (a network's last layer under Bayesian linear regression),
    /// named `bo-dngo`.
    public struct DNGOKind: BayesianOptimizationKind {
        /// The loop's and the network's settings.
        public struct Settings: BayesianOptimizationSettings {
            public var loop: BayesianOptimization.Settings
            /// The surrogate's settings.
            public var dngo: DNGO.Settings
            public var surrogate: SurrogateKind { .dngo(dngo) }

            /// Creates settings; by default the `bo-dngo` preset's.
            public init(loop: BayesianOptimization.Settings = DNGOKind.loopDefaults, dngo: DNGO.Settings = .init()) {
                self.loop = loop
                self.dngo = dngo
            }
        }

        /// The loop's settings of `bo-dngo`: the defaults, but expected improvement and a random
        /// suggestion with probability 0.2, because a network extrapolates to unexplored
        /// categories with more confidence than a forest (docs/research-log.md).
        public static var loopDefaults: BayesianOptimization.Settings {
            BayesianOptimization.Settings(acquisition: .expectedImprovement, randomInterleaveProbability: 0.2)
        }

        /// The kind.
        public init() {}

        public var name: String { "bo-dngo" }
        public var summary: String {
            "Bayesian optimization with DNGO (a neural network with Bayesian linear regression) and EI; strong on tabular NAS spaces"
        }
        public var defaults: Settings { Settings() }

        public var surrogateSettings: [OptimizerSetting<Settings>] {
            DNGO.Settings.keys(at: \Settings.dngo)
        }
    }
}

extension OptimizerSpec {
    /// Random search with `settings`.
    public static func random(_ settings: RandomSearch.Settings) -> OptimizerSpec {
        RandomSearch.Kind().spec(settings)
    }

    /// Bayesian optimization with `surrogate` and the loop's `settings`.
    public static func bayesianOptimization(surrogate: SurrogateKind, settings: BayesianOptimization.Settings) -> OptimizerSpec {
        switch surrogate {
        case .randomForest(let forest): BayesianOptimization.RandomForestKind().spec(.init(loop: settings, forest: forest))
        case .dngo(let dngo): BayesianOptimization.DNGOKind().spec(.init(loop: settings, dngo: dngo))
        case .gaussianProcess(let gaussianProcess):
            BayesianOptimization.GaussianProcessKind().spec(.init(loop: settings, gaussianProcess: gaussianProcess))
        }
    }

    /// The surrogate and the loop's settings of a Bayesian-optimization spec, `nil` for other kinds.
    public var bayesianOptimization: (surrogate: SurrogateKind, settings: BayesianOptimization.Settings)? {
        if let settings = settings(as: BayesianOptimization.RandomForestKind.Settings.self) { return (settings.surrogate, settings.loop) }
        if let settings = settings(as: BayesianOptimization.DNGOKind.Settings.self) { return (settings.surrogate, settings.loop) }
        if let settings = settings(as: BayesianOptimization.GaussianProcessKind.Settings.self) { return (settings.surrogate, settings.loop) }
        return nil
    }
}
