import HPOAcquisition
import HPOSpace

/// The observations of a history as a surrogate's training set: targets on the surrogate's
/// scale, failed evaluations imputed as the worst successful target.
struct TrainingData {
    /// The evaluated configurations, in history order.
    var configurations: [Configuration]
    /// Their targets on the scale of ``transform``.
    var targets: [Double]
    /// The transform actually applied: the requested one, or the identity when the logarithm
    /// cannot be taken of every successful loss (a loss <= 0).
    var transform: TargetTransform

    /// The training set of `history`, or `nil` when no evaluation has succeeded yet.
    init?(history: History, transform requested: TargetTransform) {
        let losses = history.observations.map { $0.value.flatMap { $0.isFinite ? $0 : nil } }
        let successful = losses.compactMap { $0 }
        guard !successful.isEmpty else { return nil }
        transform = successful.allSatisfy { requested.apply($0) != nil } ? requested : .identity
        let transform = transform
        let scaled = losses.map { $0.flatMap { transform.apply($0) } }
        let worst = scaled.compactMap { $0 }.max() ?? 0
        configurations = history.observations.map(\.configuration)
        targets = scaled.map { $0 ?? worst }
    }

    /// The distinct configurations ordered by target, best first (ties in history order).
    var configurationsBestFirst: [Configuration] {
        let order = targets.indices.sorted { targets[$0] < targets[$1] || (targets[$0] == targets[$1] && $0 < $1) }
        var seen = Set<Configuration>()
        return order.compactMap { seen.insert(configurations[$0]).inserted ? configurations[$0] : nil }
    }
}
