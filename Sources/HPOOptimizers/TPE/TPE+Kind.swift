import HPOSpace

extension TPE {
    /// TPE as an ``OptimizerKind`` named `tpe`; its default preset is Optuna's
    /// `TPESampler(multivariate=True)`.
    public struct Kind: OptimizerKind {
        /// The kind.
        public init() {}

        public var name: String { "tpe" }
        public var summary: String {
            "tree-structured Parzen estimator (multivariate, as Optuna's TPESampler): fast model-based search for any space"
        }
        public var defaults: Settings { Settings() }

        public var settings: [OptimizerSetting<Settings>] {
            [
                .bool("multivariate", \.multivariate, "One joint kernel per observation across parameters (false: an estimator per parameter)."),
                .integer("startup_trials", \.startupTrials, minimum: 0, "Successful random evaluations before the first model."),
                .integer("ei_candidates", \.candidates, minimum: 1, "Candidates drawn from l(x) per suggestion; the best l(x)/g(x) wins."),
                .number("gamma", \.gamma, in: 0.000001...1, "The fraction of the successes that form l(x) (at most 25 of them)."),
                .number("prior_weight", \.priorWeight, in: 0.000001...1_000_000, "The weight of the prior kernel relative to an observation's."),
                .bool(
                    "consider_endpoints", \.bandwidth.considerEndpoints,
                    "Let the outermost observations' kernels widen to reach the bounds of the range."),
            ]
        }

        public func makeOptimizer(space: SearchSpace, settings: Settings) throws -> any Optimizer {
            try TPE(space: space, settings: settings)
        }

        public func summary(of settings: Settings) -> String {
            var parts = [
                settings.multivariate ? "multivariate" : "univariate",
                "\(settings.startupTrials) random startup trials",
                "\(settings.candidates) candidates from l(x)",
                "gamma \(settings.gamma.significant(3)) (at most 25 good)",
            ]
            if settings.priorWeight != 1 { parts.append("prior weight \(settings.priorWeight.significant(3))") }
            if settings.bandwidth.considerEndpoints { parts.append("endpoints considered") }
            return "tree-structured Parzen estimator: " + parts.joined(separator: "; ")
        }
    }
}
