import HPOSpace

extension RegularizedEvolution {
    /// Regularized evolution as an ``OptimizerKind`` named `evolution`.
    public struct Kind: OptimizerKind {
        /// The kind.
        public init() {}

        public var name: String { "evolution" }
        public var summary: String {
            "regularized (aging) evolution: tournaments among the last evaluations, one parameter mutated (Real et al. 2019)"
        }
        public var defaults: Settings { Settings() }

        public var settings: [OptimizerSetting<Settings>] {
            [
                .integer("population", \.population, minimum: 1, "The living members: the last evaluations (the first ones are random)."),
                .integer("sample_size", \.sampleSize, minimum: 1, "The members drawn for each tournament (at most the population)."),
                .number("real_step", \.realStep, in: 0.000001...1, "The standard deviation of a real parameter's mutation step on its unit scale."),
            ]
        }

        public func makeOptimizer(space: SearchSpace, settings: Settings) throws -> any Optimizer {
            try RegularizedEvolution(space: space, settings: settings)
        }

        public func summary(of settings: Settings) -> String {
            "regularized evolution: population \(settings.population), tournaments of \(settings.sampleSize),"
                + " one parameter mutated (real steps of \(settings.realStep.significant(3)) on the unit scale)"
        }
    }
}
