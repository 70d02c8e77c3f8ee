import HPOSpace

/// Re-evaluation of the incumbent against noise, in the manner of SMAC's intensification.
///
/// Under a noisy objective the configuration with the lowest observation is often one whose
/// single draw was lucky. With intensification the incumbent (the configuration with the lowest
/// mean observation, ``History/incumbent``) must have been evaluated
/// 1 + ⌊n / ``interval``⌋ times after n observations, at most ``maximumEvaluations`` times; while
/// it has fewer, the next suggestion evaluates it again. So the bar rises as the run goes on, as
/// SMAC gives its incumbent more seeds over time: early evaluations explore, and later a
/// newcomer whose draw beats the incumbent's mean is re-evaluated until it has as many
/// evaluations or its mean falls behind another configuration, which is then confirmed in turn.
/// Every re-evaluation spends one evaluation of the budget.
public struct Intensification: Hashable, Sendable, Codable {
    /// The most evaluations the incumbent is given.
    public var maximumEvaluations: Int
    /// The number of observations after which the incumbent needs one evaluation more.
    public var interval: Int

    /// Creates intensification settings; the defaults (at most 4 evaluations, one more every 30
    /// observations) were measured on the noisy FCNet benchmarks (BENCHMARKS.md).
    public init(maximumEvaluations: Int = 4, interval: Int = 30) {
        self.maximumEvaluations = maximumEvaluations
        self.interval = interval
    }

    /// The number of evaluations the incumbent needs after `observations` observations.
    public func requiredEvaluations(after observations: Int) -> Int {
        min(maximumEvaluations, 1 + observations / interval)
    }

    /// The configuration to evaluate again before trying a new one, if any: the incumbent of
    /// `history` while it has fewer evaluations than ``requiredEvaluations(after:)``.
    public func repeated(given history: History) -> Configuration? {
        guard let tally = history.incumbentTally, tally.evaluations < requiredEvaluations(after: history.count) else { return nil }
        return history.incumbent
    }

    /// Throws ``OptimizerError/invalidSetting(name:value:valid:)`` for a count out of range.
    public func validate() throws {
        guard maximumEvaluations >= 1 else {
            throw OptimizerError.invalidSetting(
                name: "intensification maximum evaluations", value: "\(maximumEvaluations)", valid: "a positive integer")
        }
        guard interval >= 1 else {
            throw OptimizerError.invalidSetting(name: "intensification interval", value: "\(interval)", valid: "a positive integer")
        }
    }
}
