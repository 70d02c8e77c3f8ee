import HPOSpace

/// The observations of a history as a surrogate's training set, failed evaluations imputed as
/// the worst successful loss.
struct TrainingData {
    /// The evaluated configurations, in history order.
    var configurations: [Configuration]
    /// Their losses (imputed for failures).
    var losses: [Double]
    /// The lowest successful loss.
    var bestLoss: Double
    /// The number of leading observations that are results, not running evaluations imputed
    /// as failures (``History/settledCount``).
    var settledCount: Int

    /// The training set of `history`, or `nil` when no evaluation has succeeded yet.
    init?(history: History) {
        let observed = history.observations.map { $0.value.flatMap { $0.isFinite ? $0 : nil } }
        let successful = observed.compactMap { $0 }
        guard let best = successful.min(), let worst = successful.max() else { return nil }
        configurations = history.observations.map(\.configuration)
        losses = observed.map { $0 ?? worst }
        bestLoss = best
        settledCount = history.settledCount
    }

    /// The distinct configurations ordered by loss, best first (ties in history order).
    var configurationsBestFirst: [Configuration] {
        let order = losses.indices.sorted { losses[$0] < losses[$1] || (losses[$0] == losses[$1] && $0 < $1) }
        var seen = Set<Configuration>()
        return order.compactMap { seen.insert(configurations[$0]).inserted ? configurations[$0] : nil }
    }
}
