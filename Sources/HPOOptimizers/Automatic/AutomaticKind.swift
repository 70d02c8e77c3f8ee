import HPOSpace

extension AutomaticOptimizer {
    /// The automatic optimizer as an ``OptimizerKind`` named `auto`: the default of studies.
    public struct Kind: OptimizerKind {
        /// The automatic optimizer's settings.
        public struct Settings: Hashable, Sendable, Codable {
            /// Whether the objective is declared noisy (`--noisy`).
            public var noisy: Bool
            /// The edition of ``AutomaticRules`` the study was made with.
            public var rules: Int

            /// Settings; by default the objective is taken as deterministic, with the latest rules.
            public init(noisy: Bool = false, rules: Int = AutomaticRules.currentEdition) {
                self.noisy = noisy
                self.rules = rules
            }

            private enum CodingKeys: String, CodingKey {
                case noisy, rules
            }

            /// Decodes settings; those saved before the rules had editions keep the first one.
            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                noisy = try container.decode(Bool.self, forKey: .noisy)
                rules = try container.decodeIfPresent(Int.self, forKey: .rules) ?? 1
            }
        }

        /// The kind.
        public init() {}

        public var name: String { "auto" }
        public var summary: String { "the default: picks a preset by the space and the declared noise" }
        public var defaults: Settings { Settings() }

        public var settings: [OptimizerSetting<Settings>] {
            [
                .bool("noisy", \.noisy, "The objective is noisy: choose among the presets that handle noise."),
                .integer(
                    "rules", \.rules, minimum: 1,
                    "The edition of the rules (\(AutomaticRules.currentEdition), the latest, for new studies; 1 chose bo-rf for spaces of categorical parameters only). A study keeps the edition it was made with."),
            ]
        }

        public func makeOptimizer(space: SearchSpace, settings: Settings) throws -> any Optimizer {
            guard settings.rules <= AutomaticRules.currentEdition else {
                throw SettingError.invalidValue(
                    key: "rules", value: "\(settings.rules)", valid: "an edition from 1 to \(AutomaticRules.currentEdition)")
            }
            return try AutomaticOptimizer(space: space, noisy: settings.noisy, rules: AutomaticRules(edition: settings.rules))
        }

        public func summary(of settings: Settings) -> String {
            "automatic: " + AutomaticRules.summary + (settings.noisy ? " (the objective is declared noisy)" : "")
        }

        /// Only the noisy choice, bo-rf-noisy, plans by its budget (its final confirmations).
        public func usesBudget(_ settings: Settings) -> Bool { settings.noisy }
    }
}
