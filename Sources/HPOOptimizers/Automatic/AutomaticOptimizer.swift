import HPORandom
import HPOSpace

/// The optimizer that picks a preset by the problem (``AutomaticRules``) and then is that preset:
/// it suggests, learns and keeps state exactly as the chosen preset does.
public struct AutomaticOptimizer: Optimizer {
    public let space: SearchSpace
    /// The preset chosen, and why.
    public let choice: AutomaticRules.Choice
    /// The chosen preset's optimizer.
    private var chosen: any Optimizer

    /// The automatic optimizer over `space`, choosing by `rules` among the presets of `registry`.
    public init(
        space: SearchSpace, noisy: Bool, rules: AutomaticRules = AutomaticRules(), registry: OptimizerRegistry = .standard
    ) throws {
        self.space = space
        choice = rules.choose(for: AutomaticRules.Problem(space: space, noisy: noisy))
        chosen = try registry.preset(named: choice.preset).spec.makeOptimizer(space: space)
    }

    public mutating func suggest(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
        try chosen.suggest(given: history, using: &generator)
    }

    public mutating func tell(_ observation: Observation, history: History) {
        chosen.tell(observation, history: history)
    }

    public var keepsStateBetweenSuggestions: Bool { chosen.keepsStateBetweenSuggestions }

    public mutating func replaySuggestion(given history: History, using generator: inout SeededGenerator) throws {
        try chosen.replaySuggestion(given: history, using: &generator)
    }
}
