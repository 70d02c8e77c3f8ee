/// Summary statistics of a sample of numbers.
public struct SampleSummary: Hashable, Sendable, Codable {
    /// The number of values.
    public var count: Int
    /// The arithmetic mean.
    public var mean: Double
    /// The median (mean of the two middle values for an even count).
    public var median: Double
    /// The standard error of the mean: sample standard deviation / sqrt(count); 0 for one value.
    public var standardError: Double
    /// The 25th and 75th percentiles (linear interpolation between order statistics).
    public var lowerQuartile: Double
    public var upperQuartile: Double
    /// The smallest and largest value.
    public var minimum: Double
    public var maximum: Double

    /// Summarizes `values`, which must not be empty.
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a summary needs at least one value")
        let n = Double(values.count)
        let sorted = values.sorted()
        count = values.count
        mean = values.reduce(0, +) / n
        let m = mean
        let variance = values.count > 1 ? values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1) : 0
        standardError = (variance / n).squareRoot()
        median = Self.quantile(sorted, 0.5)
        lowerQuartile = Self.quantile(sorted, 0.25)
        upperQuartile = Self.quantile(sorted, 0.75)
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
    }

    /// The `q`-quantile of sorted values by linear interpolation (type 7, as R and numpy default).
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }
}
