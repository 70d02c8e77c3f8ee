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
///
/// When the run's budget is known (``History/budget``), its final ``finalShare`` is spent on
/// choosing among what was found rather than on finding more: each of those suggestions
/// re-evaluates the configuration whose mean could most plausibly be the lowest, the one of
/// lowest lower bound mean - sigma / sqrt(count), where sigma is the pooled standard deviation
/// of the repeated configurations' observations (``History/repeatedStandardDeviation``). A
/// configuration evaluated once with an unlucky draw thus gets a second chance, and a lucky
/// incumbent is checked again. A configuration whose evaluation is running (``History/running``:
/// a study's parallel workers) is left to that evaluation, so each worker confirms a different
/// configuration. Without repeats to measure the noise, or with none (sigma = 0), the final
/// suggestions search as before.
public struct Intensification: Hashable, Sendable, Codable {
    /// The most evaluations the incumbent is given.
    public var maximumEvaluations: Int
    /// The number of observations after which the incumbent needs one evaluation more.
    public var interval: Int
    /// The share of a known budget, at its end, spent on confirming the best configurations.
    public var finalShare: Double

    /// Creates intensification settings; the defaults (at most 4 evaluations, one more every 30
    /// observations, the last tenth of a known budget for confirmation) were measured on the
    /// noisy FCNet benchmarks (BENCHMARKS.md).
    public init(maximumEvaluations: Int = 4, interval: Int = 30, finalShare: Double = 0.1) {
        self.maximumEvaluations = maximumEvaluations
        self.interval = interval
        self.finalShare = finalShare
    }

    private enum CodingKeys: String, CodingKey {
        case maximumEvaluations, interval, finalShare
    }

    /// Decodes settings; those saved before ``finalShare`` existed decode with a share of 0, so
    /// that a study keeps suggesting what it did.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maximumEvaluations = try container.decode(Int.self, forKey: .maximumEvaluations)
        interval = try container.decode(Int.self, forKey: .interval)
        finalShare = try container.decodeIfPresent(Double.self, forKey: .finalShare) ?? 0
    }

    /// The number of final evaluations of a budget of `budget` spent on confirmation.
    public func finalEvaluations(budget: Int) -> Int {
        Int((finalShare * Double(budget)).rounded())
    }

    /// The number of evaluations the incumbent needs after `observations` observations.
    public func requiredEvaluations(after observations: Int) -> Int {
        min(maximumEvaluations, 1 + observations / interval)
    }

    /// The configuration to evaluate again before trying a new one, if any: in the final
    /// evaluations of a known budget the one to confirm (``confirmed(given:)``), otherwise the
    /// incumbent of `history` while it has fewer evaluations than ``requiredEvaluations(after:)``.
    public func repeated(given history: History) -> Configuration? {
        if let confirmed = confirmed(given: history) { return confirmed }
        guard let tally = history.incumbentTally, tally.evaluations < requiredEvaluations(after: history.count) else { return nil }
        return history.incumbent
    }

    /// In the final ``finalEvaluations(budget:)`` of the history's budget, the evaluated
    /// configuration of lowest lower bound mean - sigma / sqrt(count) (the first evaluated on
    /// ties) that is not running; `nil` before that, without a budget, or when the repeats show
    /// no noise.
    public func confirmed(given history: History) -> Configuration? {
        guard let budget = history.budget, history.count >= budget - finalEvaluations(budget: budget),
            let sigma = history.repeatedStandardDeviation, sigma > 0
        else { return nil }
        var best: (configuration: Configuration, bound: Double, firstIndex: Int)?
        for (configuration, tally) in history.tallies where !history.running.contains(configuration) {
            guard let mean = tally.mean else { continue }
            let bound = mean - sigma / Double(tally.count).squareRoot()
            if best.map({ bound < $0.bound || (bound == $0.bound && tally.firstIndex < $0.firstIndex) }) ?? true {
                best = (configuration, bound, tally.firstIndex)
            }
        }
        return best?.configuration
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
        guard finalShare >= 0, finalShare <= 1 else {
            throw OptimizerError.invalidSetting(name: "intensification final share", value: "\(finalShare)", valid: "a number in 0...1")
        }
    }
}
