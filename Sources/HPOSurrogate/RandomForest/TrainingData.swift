import HPOSpace

/// Observations prepared for growing trees: each feature's values column by column, and each
/// value's *bin*, the small integer the split search groups samples by.
///
/// A categorical value's bin is its choice index. An ordinal or integer value's bin is its
/// offset from the lowest value when the domain has at most ``directBinLimit`` values; any other
/// ordered value's bin is its rank among the distinct observed values. Bins of ordered features
/// increase with the value, so scanning them in order scans the thresholds.
struct TrainingData: Sendable {
    /// Domains with at most this many values are binned by offset rather than by rank.
    static let directBinLimit = 1024

    /// The number of observations.
    let count: Int
    /// The number of features.
    let dimension: Int
    /// `values[f * count + i]`: observation `i`'s internal value of feature `f`.
    let values: [Double]
    /// `bins[f * count + i]`: the bin of `values[f * count + i]`.
    let bins: [Int32]
    /// For each ordered feature, the value of each bin (increasing); empty for categorical ones.
    let binValues: [[Double]]
    /// How each feature splits.
    let kinds: [FeatureKind]
    /// The (transformed) targets.
    let targets: [Double]
    /// The largest number of bins of any feature.
    let maxBins: Int

    /// Prepares valid configurations of `space` and their transformed targets.
    init(space: SearchSpace, configurations: [Configuration], targets: [Double]) {
        let n = configurations.count
        let d = space.dimension
        var values = [Double](repeating: 0, count: n * d)
        var bins = [Int32](repeating: 0, count: n * d)
        var binValues: [[Double]] = []
        var kinds: [FeatureKind] = []
        var maxBins = 1
        for (f, parameter) in space.parameters.enumerated() {
            let base = f * n
            for i in 0..<n { values[base + i] = configurations[i].values[f] }
            if case .categorical(let choices) = parameter.domain {
                kinds.append(.categorical(choices: choices.count))
                binValues.append([])
                for i in 0..<n { bins[base + i] = Int32(values[base + i]) }
                maxBins = max(maxBins, choices.count)
                continue
            }
            kinds.append(.ordered)
            let low = parameter.indexBounds.low
            if let cardinality = parameter.domain.cardinality, cardinality <= Self.directBinLimit {
                for i in 0..<n { bins[base + i] = Int32(values[base + i] - low) }
                binValues.append((0..<cardinality).map { low + Double($0) })
                maxBins = max(maxBins, cardinality)
            } else {
                let order = (0..<n).sorted { values[base + $0] < values[base + $1] }
                var distinct: [Double] = []
                for i in order {
                    let value = values[base + i]
                    if distinct.last != value { distinct.append(value) }
                    bins[base + i] = Int32(distinct.count - 1)
                }
                binValues.append(distinct)
                maxBins = max(maxBins, distinct.count)
            }
        }
        self.count = n
        self.dimension = d
        self.values = values
        self.bins = bins
        self.binValues = binValues
        self.kinds = kinds
        self.targets = targets
        self.maxBins = maxBins
    }
}
