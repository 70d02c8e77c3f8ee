import HPOSpace

/// The record of one optimization run: every trial and the incumbent after each evaluation.
public struct RunResult: Hashable, Sendable {
    /// The run's index within its experiment.
    public var run: Int
    /// The run's own seed, derived from the experiment's seed and the run index.
    public var seed: UInt64
    /// The trials in evaluation order.
    public var trials: [Record]
    /// The incumbent's observed value after each evaluation: the mean of its observations, which
    /// is its single observation unless it was evaluated more than once.
    public var observed: [Double]
    /// The index of the incumbent's first trial after each evaluation; the incumbent is the
    /// configuration with the lowest observed value (mean of its observations).
    public var incumbents: [Int]
    /// The incumbent's regret (true value minus the optimum) after each evaluation, for
    /// benchmarks that know their optimum.
    public var regret: [Double]?
    /// The incumbent's true (noise-free) value after each evaluation, for benchmarks.
    public var trueValue: [Double]?

    /// The first trial of the final incumbent.
    public var incumbent: Record? { incumbents.last.map { trials[$0] } }

    /// The regret at the end of the run.
    public var finalRegret: Double? { regret?.last }

    /// The cumulative cost (simulated wall-clock seconds) after each evaluation.
    public var cumulativeCost: [Double] {
        var total = 0.0
        return trials.map { total += $0.cost; return total }
    }
}

extension RunResult {
    /// What a run records of one trial of its study: the configuration, the evaluation's value
    /// and cost, and the time the optimizer took to suggest it.
    public struct Record: Hashable, Sendable {
        /// The configuration evaluated.
        public var configuration: Configuration
        /// The observed loss.
        public var value: Double
        /// The evaluation's cost in seconds (for FCNet: the drawn seed's training runtime).
        public var cost: Double
        /// Wall-clock seconds the study took to hand out this trial, most of it the optimizer's
        /// suggestion (not reproducible, so not part of the default result files).
        public var suggestSeconds: Double

        /// Creates a record.
        public init(configuration: Configuration, value: Double, cost: Double, suggestSeconds: Double) {
            self.configuration = configuration
            self.value = value
            self.cost = cost
            self.suggestSeconds = suggestSeconds
        }
    }
}
