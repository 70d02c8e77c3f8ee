import HPOSpace

extension RandomSearch {
    /// Random search as an ``OptimizerKind`` named `random`.
    public struct Kind: OptimizerKind {
        /// The kind.
        public init() {}

        public var name: String { "random" }
        public var summary: String { "random search: each configuration drawn independently; the baseline" }
        public var defaults: Settings { Settings() }

        public var settings: [OptimizerSetting<Settings>] {
            [.bool("without_replacement", \.withoutReplacement, "In a finite space, never draw a configuration twice.")]
        }

        public func makeOptimizer(space: SearchSpace, settings: Settings) throws -> any Optimizer {
            RandomSearch(space: space, settings: settings)
        }

        public func summary(of settings: Settings) -> String {
            "random search " + (settings.withoutReplacement ? "without replacement" : "(with replacement)")
        }
    }
}
