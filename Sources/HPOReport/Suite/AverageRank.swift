import HPORandom
import HPORun

/// The average rank of optimizers over problems, with a bootstrap interval.
///
/// On each problem the optimizers are ranked by their mean score over runs (rank 1 is the lowest
/// mean; tied means share the average of the ranks they span), and each optimizer's ranks are
/// averaged over the problems. The interval is a 95% percentile bootstrap over problems *and*
/// runs: each resample draws the problems with replacement and, within each drawn problem, every
/// optimizer's runs with replacement, then ranks and averages again.
public struct AverageRank: Hashable, Sendable {
    /// The optimizers, in the order of the scores.
    public var optimizers: [String]
    /// Each optimizer's rank averaged over the problems.
    public var mean: [Double]
    /// The 2.5% and 97.5% bootstrap quantiles of each optimizer's average rank.
    public var low: [Double]
    public var high: [Double]
    /// The number of problems ranked.
    public var problems: Int

    /// The average ranks of `scores[problem][optimizer]`, each a non-empty list of per-run scores
    /// (lower is better), with `resamples` bootstrap resamples drawn from `generator`.
    public init(optimizers: [String], scores: [[[Double]]], resamples: Int = 1_000, generator: inout SeededGenerator) {
        self.optimizers = optimizers
        problems = scores.count
        let count = optimizers.count
        mean = Self.averageRanks(scores.map { problem in problem.map(Self.mean) }, count: count)
        guard !scores.isEmpty, resamples > 0 else {
            low = mean
            high = mean
            return
        }
        var replicates = [[Double]](repeating: [], count: count)
        for _ in 0..<resamples {
            let means = (0..<scores.count).map { _ in
                scores[generator.nextInt(below: scores.count)].map { runs in
                    Self.mean((0..<runs.count).map { _ in runs[generator.nextInt(below: runs.count)] })
                }
            }
            for (o, rank) in Self.averageRanks(means, count: count).enumerated() { replicates[o].append(rank) }
        }
        let sorted = replicates.map { $0.sorted() }
        low = sorted.map { SampleSummary.quantile($0, 0.025) }
        high = sorted.map { SampleSummary.quantile($0, 0.975) }
    }

    /// The ranks of `values` from 1 (lowest) to `values.count`; equal values share the average of
    /// the ranks they span, e.g. (3, 1, 3, 2) ranks (3.5, 1, 3.5, 2).
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let shared = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = shared }
            start = end + 1
        }
        return ranks
    }

    /// The ranks of each row of `means` averaged over the rows (`count` optimizers).
    static func averageRanks(_ means: [[Double]], count: Int) -> [Double] {
        guard !means.isEmpty else { return Array(repeating: .nan, count: count) }
        var total = [Double](repeating: 0, count: count)
        for row in means {
            for (o, rank) in ranks(row).enumerated() { total[o] += rank }
        }
        return total.map { $0 / Double(means.count) }
    }

    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }
}
