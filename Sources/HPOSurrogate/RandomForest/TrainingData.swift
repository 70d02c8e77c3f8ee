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
    /// How each feature's splits are coded.
    let codings: [FeatureCoding]
    /// The (transformed) targets.
    let targets: [Double]
    /// The largest number of bins of any feature.
    let maxBins: Int

    /// Prepares valid configurations of `space` and their transformed targets.
    init(space: SearchSpace, codings: [FeatureCoding], configurations: [Configuration], targets: [Double]) {
        let n = configurations.count
        let d = space.dimension
        var values = [Double](repeating: 0, count: n * d)
        var bins = [Int32](repeating: 0, count: n * d)
        var binValues: [[Double]] = []
        var maxBins = 1
        for (f, coding) in codings.enumerated() {
            let base = f * n
            for i in 0..<n { values[base + i] = configurations[i].values[f] }
            if coding.cardinality > 0, coding.cardinality <= Self.directBinLimit || coding.isCategorical {
                for i in 0..<n { bins[base + i] = Int32(values[base + i] - coding.low) }
                binValues.append(coding.isCategorical ? [] : (0..<coding.cardinality).map { coding.low + Double($0) })
                maxBins = max(maxBins, coding.cardinality)
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
        self.codings = codings
        self.targets = targets
        self.maxBins = maxBins
    }
}
