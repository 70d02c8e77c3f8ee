/// A history split into the good observations, whose density is l(x), and the rest, whose
/// density is g(x), as Optuna's TPE splits its trials.
///
/// The good group holds the `min(ceil(gamma * n), cap)` lowest of the n successful values (ties
/// broken by evaluation order). Everything else is bad: the other successes, the failed evaluations
/// and the running ones, which a study records as failures (``History/appendRunning(_:)``), so that
/// g(x) grows around them and parallel workers steer away from each other ("constant liar").
/// Both groups keep the evaluation order, which ``weights(count:)`` relies on.
public struct ObservationSplit: Sendable {
    /// The configurations of the good observations, in evaluation order.
    public let good: [[Double]]
    /// The configurations of the other observations, in evaluation order.
    public let bad: [[Double]]

    /// The split of `history` with the fraction `gamma` of its successes, at most `cap`, good.
    public init(history: History, gamma: Double, cap: Int = 25) {
        let observations = history.observations
        let successes = observations.indices.filter { observations[$0].value?.isFinite ?? false }
        let ranked = successes.sorted { (observations[$0].value!, $0) < (observations[$1].value!, $1) }
        let goodIndices = Set(ranked.prefix(Self.goodCount(successes: successes.count, gamma: gamma, cap: cap)))
        good = observations.indices.filter { goodIndices.contains($0) }.map { observations[$0].configuration.values }
        bad = observations.indices.filter { !goodIndices.contains($0) }.map { observations[$0].configuration.values }
    }

    /// The size of the good group among `n` successes: `min(ceil(gamma * n), cap)`.
    public static func goodCount(successes n: Int, gamma: Double, cap: Int = 25) -> Int {
        min(Int((gamma * Double(n)).rounded(.up)), cap, n)
    }

    /// The weights of `count` observations in evaluation order, as Optuna's default: equal for the
    /// newest 25; the older ones ramp linearly from `1 / count` (the oldest) up towards 1.
    public static func weights(count: Int) -> [Double] {
        guard count > 25 else { return [Double](repeating: 1, count: count) }
        let ramp = count - 25
        let first = 1 / Double(count)
        let step = ramp > 1 ? (1 - first) / Double(ramp - 1) : 0
        return (0..<ramp).map { first + Double($0) * step } + [Double](repeating: 1, count: 25)
    }
}
