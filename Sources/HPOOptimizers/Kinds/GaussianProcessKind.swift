import HPOAcquisition
import HPOSpace
import HPOSurrogate

extension BayesianOptimization {
    /// Bayesian optimization with an exact Gaussian process, log expected improvement and
    /// gradient ascent over the real parameters, named `bo-gp`: the strongest choice for small
    /// budgets on continuous, integer and mixed spaces, as Optuna's GPSampler, BoTorch and SMAC's
    /// BlackBox facade are.
    public struct GaussianProcessKind: BayesianOptimizationKind {
        /// The loop's and the Gaussian process's settings.
        public struct Settings: BayesianOptimizationSettings {
            public var loop: BayesianOptimization.Settings
            /// The Gaussian process's settings.
            public var gaussianProcess: GaussianProcess.Settings
            public var surrogate: SurrogateKind { .gaussianProcess(gaussianProcess) }

            /// Creates settings; by default the `bo-gp` preset's.
            public init(loop: BayesianOptimization.Settings = GaussianProcessKind.loopDefaults, gaussianProcess: GaussianProcess.Settings = .init()) {
                self.loop = loop
                self.gaussianProcess = gaussianProcess
            }
        }

        /// The loop's settings of `bo-gp`: expected improvement (maximized through its logarithm,
        /// whose gradient is closed-form), ``MixedGradientAscent`` and 5 random initial
        /// configurations: on the synthetic suite's tuning seed a design of 5 gave a lower mean
        /// log regret than 10 (Optuna's GPSampler's) or 3 at 25%, 50% and 100% of the budget, as
        /// small initial designs are known to do for Gaussian-process BO (Bossek et al. 2020).
        public static var loopDefaults: BayesianOptimization.Settings {
            BayesianOptimization.Settings(acquisition: .expectedImprovement, maximizer: .gradientAscent(.init()), initialDesignSize: 5)
        }

        /// The kind.
        public init() {}

        public var name: String { "bo-gp" }
        public var summary: String {
            "Bayesian optimization with a Gaussian process and log EI: the best for small budgets on real, integer and mixed spaces"
        }
        public var defaults: Settings { Settings() }

        /// Only the loop's settings a user of a Gaussian process tunes, then the process's.
        public var settings: [OptimizerSetting<Settings>] {
            let loopKeys: Set = ["acquisition", "kappa", "initial_design", "allow_repeats"]
            return BayesianOptimization.Settings.keys(at: \Settings.loop).filter { loopKeys.contains($0.key) } + surrogateSettings
        }

        public var surrogateSettings: [OptimizerSetting<Settings>] {
            GaussianProcess.Settings.keys(at: \Settings.gaussianProcess)
        }
    }
}
