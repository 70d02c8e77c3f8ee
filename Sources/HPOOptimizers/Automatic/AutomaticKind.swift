import HPOSpace

extension AutomaticOptimizer {
    /// The automatic optimizer as an ``OptimizerKind`` named `auto`: the default of studies.
    public struct Kind: OptimizerKind {
        /// The automatic optimizer's settings.
        public struct Settings: Hashable, Sendable, Codable {
            /// Whether the objective is declared noisy (`--noisy`).
            public var noisy: Bool

            /// Settings; by default the objective is taken as deterministic.
            public init(noisy: Bool = false) {
                self.noisy = noisy
            }
        }

        /// The kind.
        public init() {}

        public var name: String { "auto" }
        public var summary: String { "the default: picks a preset by the space and the declared noise" }
        public var defaults: Settings { Settings() }

        public var settings: [OptimizerSetting<Settings>] {
            [.bool("noisy", \.noisy, "The objective is noisy: choose among the presets that handle noise.")]
        }

        public func makeOptimizer(space: SearchSpace, settings: Settings) throws -> any Optimizer {
            try AutomaticOptimizer(space: space, noisy: settings.noisy)
        }

        public func summary(of settings: Settings) -> String {
            "automatic: " + AutomaticRules.summary + (settings.noisy ? " (the objective is declared noisy)" : "")
        }

        /// Only the noisy choice, bo-rf-noisy, plans by its budget (its final confirmations).
        public func usesBudget(_ settings: Settings) -> Bool { settings.noisy }
    }
}
