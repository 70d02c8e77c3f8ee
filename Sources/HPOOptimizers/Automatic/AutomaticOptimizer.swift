import HPORandom
import HPOSpace

/// The optimizer that picks a preset by the problem (``AutomaticRules``) and then is that preset.
///
/// The choice needs the budget, which the optimizer learns from the history
/// (``History/budget``), so it is made at the first suggestion or result and kept: every process
/// of a study, told the same budget, makes the same choice.
public struct AutomaticOptimizer: Optimizer {
    public let space: SearchSpace
    /// Whether the objective is declared noisy.
    public let noisy: Bool
    /// The rules that choose.
    public let rules: AutomaticRules
    /// The presets the rules name.
    private let registry: OptimizerRegistry
    /// The chosen preset's optimizer, once chosen.
    private var chosen: (any Optimizer)?
    /// The budget the choice was made for.
    private var chosenBudget: Int??

    /// The automatic optimizer over `space`, choosing among the presets of `registry`.
    public init(space: SearchSpace, noisy: Bool, rules: AutomaticRules = AutomaticRules(), registry: OptimizerRegistry = .standard) {
        self.space = space
        self.noisy = noisy
        self.rules = rules
        self.registry = registry
    }

    /// The choice for a study of `budget` evaluations, if known.
    public func choice(budget: Int?) -> AutomaticRules.Choice {
        rules.choose(for: AutomaticRules.Problem(space: space, budget: budget, noisy: noisy))
    }

    /// The chosen optimizer for `budget`: made at the first call and kept.
    private mutating func optimizer(budget: Int?) throws -> any Optimizer {
        if let chosen, chosenBudget == .some(budget) { return chosen }
        let made = try registry.preset(named: choice(budget: budget).preset).spec.makeOptimizer(space: space)
        chosen = made
        chosenBudget = .some(budget)
        return made
    }

    public mutating func suggest(given history: History, using generator: inout SeededGenerator) throws -> Configuration {
        var optimizer = try optimizer(budget: history.budget)
        defer { chosen = optimizer }
        return try optimizer.suggest(given: history, using: &generator)
    }

    public mutating func tell(_ observation: Observation, history: History) {
        guard var optimizer = try? optimizer(budget: history.budget) else { return }
        optimizer.tell(observation, history: history)
        chosen = optimizer
    }

    /// The presets the rules choose keep no state between suggestions.
    public var keepsStateBetweenSuggestions: Bool { false }
}
