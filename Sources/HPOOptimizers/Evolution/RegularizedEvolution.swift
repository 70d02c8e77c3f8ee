import HPORandom
import HPOSpace

/// Regularized ("aging") evolution (Real et al. 2019).
///
/// The population is the last ``Settings/population`` evaluations of the history, so a member
/// dies of age when ``Settings/population`` newer ones have been evaluated, whatever its fitness.
/// Until the population is full, configurations are random (the initial population). Then each
/// suggestion is a tournament: ``Settings/sampleSize`` distinct members are drawn uniformly and
/// the one of the lowest successful value wins (failed and running members never win); the child
/// is the winner with one parameter mutated (``Mutation``). A child that was evaluated already is
/// mutated again from the winner, and after ``mutationAttempts`` tries (or a tournament without a
/// successful member) a random unevaluated configuration is suggested instead; an exhausted finite
/// space throws ``OptimizerError/spaceExhausted(size:)``.
///
/// The optimizer reads everything from the history: its state is the history itself, so a run
/// is reproduced from its seed and a study can rebuild it from its trials.
public struct RegularizedEvolution: Optimizer {
    /// Settings of regularized evolution.
    public struct Settings: Hashable, Sendable, Codable {
        /// The number of living members: the last evaluations, which also form the random initial population.
        public var population: Int
        /// The number of members drawn for each tournament.
        public var sampleSize: Int
        /// The standard deviation of a real parameter's mutation step on its unit scale.
        public var realStep: Double

        /// Creates settings; by default a population of 20 and tournaments of 10, sized for budgets
        /// of 100 to 500 evaluations (Real et al. used 100 and 25 for 20,000): on fcnet-protein
        /// (100 runs, seed 3) they beat populations of 10, 30 and 50 and tournaments of 5 at 100
        /// evaluations, and were within 0.0004 of the best tried at 300.
        public init(population: Int = 20, sampleSize: Int = 10, realStep: Double = 0.1) {
            self.population = population
            self.sampleSize = sampleSize
            self.realStep = realStep
        }
    }

    /// The most mutations of one tournament's winner tried before a random configuration is suggested.
    static let mutationAttempts = 32

    public let space: SearchSpace
    /// The settings in use.
    public let settings: Settings
    private let mutation: Mutation

    /// Regularized evolution over `space`; throws for settings out of range.
    public init(space: SearchSpace, settings: Settings = Settings()) throws {
        try settings.validate()
        self.space = space
        self.settings = settings
        mutation = Mutation(space: space, realStep: settings.realStep)
    }

    public mutating func suggest(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
        if let size = space.size, history.evaluated.count >= size { throw OptimizerError.spaceExhausted(size: size) }
        guard history.count >= settings.population,
            let parent = Self.tournamentWinner(
                among: Self.population(of: history, size: settings.population), sampleSize: settings.sampleSize,
                using: &generator)
        else { return try space.sampleUnevaluated(given: history, using: &generator) }
        for _ in 0..<Self.mutationAttempts {
            guard let child = mutation.mutate(parent.configuration, using: &generator) else { break }
            if !history.contains(child) { return child }
        }
        return try space.sampleUnevaluated(given: history, using: &generator)
    }

    /// The living members: the last `size` observations of `history`, oldest first.
    public static func population(of history: History, size: Int) -> ArraySlice<Observation> {
        history.observations.suffix(size)
    }

    /// The member of the lowest successful value among `sampleSize` distinct members of
    /// `population` drawn uniformly (the first drawn on ties), or `nil` when none of them succeeded.
    public static func tournamentWinner(
        among population: ArraySlice<Observation>, sampleSize: Int, using generator: inout SeededGenerator
    ) -> Observation? {
        let drawn = generator.sample(min(sampleSize, population.count), from: population.count)
            .map { population[population.startIndex + $0] }
        return drawn.filter { $0.value?.isFinite ?? false }.min { $0.value! < $1.value! }
    }
}

extension RegularizedEvolution.Settings {
    /// Throws ``OptimizerError/invalidSetting(name:value:valid:)`` for the first setting out of range.
    public func validate() throws {
        guard population >= 1 else {
            throw OptimizerError.invalidSetting(name: "population", value: "\(population)", valid: "a positive integer")
        }
        guard sampleSize >= 1, sampleSize <= population else {
            throw OptimizerError.invalidSetting(
                name: "sample size", value: "\(sampleSize)", valid: "an integer in 1...\(population) (at most the population)")
        }
        guard realStep > 0, realStep.isFinite else {
            throw OptimizerError.invalidSetting(name: "real step", value: "\(realStep)", valid: "a positive finite number")
        }
    }
}
